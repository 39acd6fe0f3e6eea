/**
 * Builds WAV files byte by byte for the tests, independently of src/io/wavEncode.ts, from
 * the layout in the Microsoft RIFF and WAVEFORMATEXTENSIBLE specifications.
 */

/** Little-endian bytes of an unsigned integer of `byteCount` bytes. */
export function le(value: number, byteCount: number): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < byteCount; i++) bytes.push(Math.floor(value / 2 ** (8 * i)) % 256);
  return bytes;
}

/** Little-endian two's complement bytes of a signed integer. */
export function leSigned(value: number, byteCount: number): number[] {
  return le(value < 0 ? value + 2 ** (8 * byteCount) : value, byteCount);
}

export function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

/** A chunk: id, u32 size, body, and a pad byte when the body size is odd. `declaredSize` overrides the size field. */
export function chunk(id: string, body: readonly number[], declaredSize = body.length): number[] {
  return [...ascii(id), ...le(declaredSize, 4), ...body, ...(body.length % 2 === 1 ? [0] : [])];
}

/** A RIFF WAVE file of the given chunks, with a correct header size. */
export function riffWave(chunks: readonly number[][]): Uint8Array {
  const body = chunks.flat();
  return Uint8Array.from([...ascii('RIFF'), ...le(4 + body.length, 4), ...ascii('WAVE'), ...body]);
}

export interface FmtFields {
  readonly formatTag: number;
  readonly channelCount: number;
  readonly sampleRateHz: number;
  readonly bitsPerSample: number;
  /** Defaults to channelCount * bitsPerSample / 8. */
  readonly blockAlign?: number;
  /** Appends cbSize 0 (an 18-byte WAVEFORMATEX). */
  readonly cbSizeZero?: boolean;
  readonly extensible?: { readonly validBits: number; readonly channelMask: number; readonly subFormatGuid: readonly number[] };
}

/** KSDATAFORMAT_SUBTYPE_PCM (tag 1) or _IEEE_FLOAT (tag 3) as stored on disk. */
export function ksDataFormatGuid(tag: number): number[] {
  return [...le(tag, 2), 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
}

export function fmtChunk(f: FmtFields): number[] {
  const blockAlign = f.blockAlign ?? (f.channelCount * f.bitsPerSample) / 8;
  const body = [
    ...le(f.formatTag, 2),
    ...le(f.channelCount, 2),
    ...le(f.sampleRateHz, 4),
    ...le(f.sampleRateHz * blockAlign, 4),
    ...le(blockAlign, 2),
    ...le(f.bitsPerSample, 2),
  ];
  if (f.extensible !== undefined) {
    body.push(...le(22, 2), ...le(f.extensible.validBits, 2), ...le(f.extensible.channelMask, 4), ...f.extensible.subFormatGuid);
  } else if (f.cbSizeZero === true) {
    body.push(...le(0, 2));
  }
  return chunk('fmt ', body);
}

/** Interleaved little-endian samples: frames[f][c] written with `write`. */
export function interleave(frames: readonly (readonly number[])[], write: (value: number) => number[]): number[] {
  return frames.flatMap((frame) => frame.flatMap(write));
}

export function float32Bytes(value: number): number[] {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value, true);
  return Array.from(new Uint8Array(view.buffer));
}

export function float64Bytes(value: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return Array.from(new Uint8Array(view.buffer));
}
