/**
 * A small reader of the studio's and the command line's 24-bit WAVE files (extensible,
 * or plain PCM for one or two channels), written for the export tests (not the project's reader, which they check).
 */

/** What a WAVE file's fmt chunk says, and its data chunk's samples as integers (24-bit PCM). */
export interface ParsedWave {
  readonly formatTag: number;
  readonly channels: number;
  readonly sampleRateHz: number;
  readonly blockAlign: number;
  readonly bitsPerSample: number;
  readonly validBits: number;
  readonly channelMask: number;
  readonly subformat: string;
  /** samples[c][n], in units of one 24-bit step. */
  readonly samples: readonly Int32Array[];
}

/** Reads a RIFF/WAVE file's fmt (WAVE_FORMAT_EXTENSIBLE, or plain PCM) and 24-bit data chunks; throws on anything else. */
export function parseWave(bytes: Uint8Array, name: string): ParsedWave {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error(`${name}: not RIFF/WAVE`);
  let fmt: Omit<ParsedWave, 'samples'> | undefined;
  let samples: Int32Array[] | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16) throw new Error(`${name}: fmt chunk of ${size} bytes`);
      // A plain PCM fmt (16 bytes, two channels or fewer) has no valid bits, mask or subformat: 0, 0 and ''.
      const extensible = size >= 40;
      fmt = {
        formatTag: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRateHz: view.getUint32(body + 4, true),
        blockAlign: view.getUint16(body + 12, true),
        bitsPerSample: view.getUint16(body + 14, true),
        validBits: extensible ? view.getUint16(body + 18, true) : 0,
        channelMask: extensible ? view.getUint32(body + 20, true) : 0,
        subformat: extensible ? Buffer.from(bytes.subarray(body + 24, body + 40)).toString('hex') : '',
      };
    } else if (id === 'data') {
      if (fmt === undefined || fmt.bitsPerSample !== 24) throw new Error(`${name}: data before a 24-bit fmt chunk`);
      const frames = size / fmt.blockAlign;
      samples = Array.from({ length: fmt.channels }, () => new Int32Array(frames));
      for (let n = 0; n < frames; n++) {
        for (let c = 0; c < fmt.channels; c++) {
          const p = body + n * fmt.blockAlign + c * 3;
          samples[c]![n] = ((bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16)) << 8) >> 8;
        }
      }
    }
    at = body + size + (size % 2);
  }
  if (fmt === undefined || samples === undefined) throw new Error(`${name}: no fmt or data chunk`);
  return { ...fmt, samples };
}
