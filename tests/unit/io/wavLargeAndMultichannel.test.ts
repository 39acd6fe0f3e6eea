import { describe, expect, it } from 'vitest';
import { loudspeakerOutput } from '../../../src/core/outputs/studioOutputs';
import { encodeOutputFiles } from '../../../src/io/outputFiles';
import { decodeWav, encodeWav, encodeWavHeader, encodeWavPieces } from '../../../src/io/wav';
import type { PcmAudio } from '../../../src/core/pcm';

/**
 * A WAVE reader written here from the RIFF, EBU Tech 3306 (RF64) and WAVEFORMATEXTENSIBLE
 * layouts, independent of src/io: header form, ds64 sizes, fmt fields and 24-bit samples.
 */
interface ParsedWave {
  readonly form: string;
  readonly headerSize: number;
  readonly ds64?: { readonly riffSize: bigint; readonly dataSize: bigint; readonly sampleCount: bigint };
  readonly formatTag: number;
  readonly channelCount: number;
  readonly bitsPerSample: number;
  readonly channelMask?: number;
  readonly chunkIds: string[];
  readonly dataOffset: number;
  readonly dataSizeField: number;
}

function parseWave(bytes: Uint8Array): ParsedWave {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  const form = id(0);
  if (id(8) !== 'WAVE') throw new Error('not WAVE');
  const chunkIds: string[] = [];
  let ds64: ParsedWave['ds64'];
  let formatTag = -1;
  let channelCount = -1;
  let bitsPerSample = -1;
  let channelMask: number | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const chunkId = id(at);
    const size = view.getUint32(at + 4, true);
    chunkIds.push(chunkId);
    const body = at + 8;
    if (chunkId === 'ds64') ds64 = { riffSize: view.getBigUint64(body, true), dataSize: view.getBigUint64(body + 8, true), sampleCount: view.getBigUint64(body + 16, true) };
    if (chunkId === 'fmt ') {
      formatTag = view.getUint16(body, true);
      channelCount = view.getUint16(body + 2, true);
      bitsPerSample = view.getUint16(body + 14, true);
      if (formatTag === 0xfffe) channelMask = view.getUint32(body + 20, true);
    }
    if (chunkId === 'data') {
      return { form, headerSize: view.getUint32(4, true), ...(ds64 ? { ds64 } : {}), formatTag, channelCount, bitsPerSample, ...(channelMask === undefined ? {} : { channelMask }), chunkIds, dataOffset: body, dataSizeField: size };
    }
    at = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** Sample `frame` of `channel` of 24-bit little-endian interleaved data, as an integer. */
function sample24(bytes: Uint8Array, parsed: ParsedWave, frame: number, channel: number): number {
  const at = parsed.dataOffset + (frame * parsed.channelCount + channel) * 3;
  const unsigned = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
  return unsigned >= 0x800000 ? unsigned - 0x1000000 : unsigned;
}

describe('multichannel export, read back by an independent parser', () => {
  it.each([
    ['0+5+0', 0x60f, ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110']],
    ['0+7+0', 0x63f, ['M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+090', 'M-090']],
    ['4+7+0', 0x2d63f, ['M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+090', 'M-090', 'U+045', 'U-045', 'U+135', 'U-135']],
  ] as const)('%s: 24-bit WAVE_FORMAT_EXTENSIBLE, mask %s, channels in mask-bit order', (layout, mask, fileLabels) => {
    const output = loudspeakerOutput(layout, layout, layout);
    // Layout channel c holds the constant (c + 1) * 2^16 LSB (24-bit), exact in float32.
    const channels = output.channels.map((_, c) => new Float32Array(16).fill(((c + 1) * 2 ** 16) / 2 ** 23));
    const [file] = encodeOutputFiles({ sampleRateHz: 48000, outputs: [{ output, channels }] }, { baseName: 'x', sampleFormat: 'pcm24' });
    const parsed = parseWave(file!.bytes);
    expect(parsed).toMatchObject({ form: 'RIFF', formatTag: 0xfffe, channelCount: fileLabels.length, bitsPerSample: 24, channelMask: mask });
    const labelOfFileChannel = fileLabels.map((_, k) => output.channels[sample24(file!.bytes, parsed, 5, k) / 2 ** 16 - 1]!.label);
    expect(labelOfFileChannel).toEqual(fileLabels);
  });
});

describe('RF64 / BW64 beyond 4 GiB', () => {
  it('switches from RIFF to RF64 at the first frame whose file would pass 2^32 - 1 + 8 bytes (mono 16-bit: 2,147,483,629 frames fit)', () => {
    const fields = { sampleRateHz: 48000, channelCount: 1, sampleFormat: 'pcm16' } as const;
    const fits = encodeWavHeader({ ...fields, frameCount: 2_147_483_629 });
    expect(fits.form).toBe('RIFF');
    expect(parseWave(Uint8Array.from([...fits.bytes, 0, 0])).headerSize).toBe(36 + 2 * 2_147_483_629);
    const large = encodeWavHeader({ ...fields, frameCount: 2_147_483_630 });
    expect(large.form).toBe('RF64');
  });

  it('writes the ds64 sizes of a 8-hour 7.1.4 24-bit file (49.8 GB) exactly, and 0xFFFFFFFF in the 32-bit fields', () => {
    const frameCount = 8 * 3600 * 48000;
    const header = encodeWavHeader({ sampleRateHz: 48000, channelCount: 12, frameCount, sampleFormat: 'pcm24', channelMask: 0x2d63f, largeForm: 'BW64' });
    const dataSize = BigInt(frameCount) * 36n;
    expect(dataSize).toBe(49_766_400_000n);
    const parsed = parseWave(Uint8Array.from([...header.bytes, 0]));
    expect(parsed.form).toBe('BW64');
    expect(parsed.chunkIds).toEqual(['ds64', 'fmt ', 'data']);
    expect(parsed.headerSize).toBe(0xffffffff);
    expect(parsed.dataSizeField).toBe(0xffffffff);
    expect(parsed.ds64).toEqual({ riffSize: BigInt(header.bytes.length - 8) + dataSize, dataSize, sampleCount: BigInt(frameCount) });
    expect(parsed.channelMask).toBe(0x2d63f);
  });

  it('reads the ds64 data size past 2^32 back (a header of a 49.8 GB file with 3 frames present: cut short, the declared size named)', () => {
    const frameCount = 8 * 3600 * 48000;
    const header = encodeWavHeader({ sampleRateHz: 48000, channelCount: 12, frameCount, sampleFormat: 'pcm24', channelMask: 0x2d63f });
    const decoded = decodeWav(Uint8Array.from([...header.bytes, ...new Uint8Array(3 * 36)]), 'big.wav');
    expect(decoded.channels).toHaveLength(12);
    expect(decoded.channels[0]).toHaveLength(3);
    expect(decoded.channelMask).toBe(0x2d63f);
    expect(decoded.warnings).toEqual(['"data" chunk declares 49766400000 bytes but the file ends after 108 of them; read the 3 whole frames there']);
  });

  it('writes a forced RF64 file whose ds64 sizes match its length, and reads its samples back exactly', () => {
    const audio: PcmAudio = { sampleRateHz: 48000, channels: [0, 1, 2].map((c) => Float32Array.from({ length: 101 }, (_, f) => ((f * 3 + c) % 200 - 100) / 2 ** 23)) };
    for (const largeForm of ['RF64', 'BW64'] as const) {
      const bytes = encodeWav(audio, { sampleFormat: 'pcm24', forceLargeForm: true, largeForm });
      const parsed = parseWave(bytes);
      expect(parsed.form).toBe(largeForm);
      expect(parsed.ds64).toEqual({ riffSize: BigInt(bytes.length - 8), dataSize: 101n * 9n, sampleCount: 101n });
      // 909 data bytes: odd, so one pad byte ends the file.
      expect(bytes.length).toBe(parsed.dataOffset + 909 + 1);
      expect(decodeWav(bytes, 'x.wav').channels).toEqual(audio.channels);
    }
  });

  it('streams the same bytes in blocks as in one buffer, 16-bit TPDF dither included', () => {
    const channels = [0, 1].map((c) => Float32Array.from({ length: 4567 }, (_, f) => 0.3 * Math.sin(f / (10 + c))));
    const whole = encodeWav({ sampleRateHz: 44100, channels }, { sampleFormat: 'pcm16', dither: 'tpdf', ditherSeed: 5 });
    const source = { sampleRateHz: 44100, channelCount: 2, frameCount: 4567, read: (start: number, count: number) => channels.map((c) => c.subarray(start, start + count)) };
    const pieces = [...encodeWavPieces(source, { sampleFormat: 'pcm16', dither: 'tpdf', ditherSeed: 5 }, 1000)];
    // Header, then 5 blocks (4 x 1000 + 567 frames).
    expect(pieces.map((p) => p.length)).toEqual([44, 4000, 4000, 4000, 4000, 2268]);
    expect(Uint8Array.from(pieces.flatMap((p) => [...p]))).toEqual(whole);
  });

  it('refuses extra chunk ids it writes itself or that are not four printable characters', () => {
    const fields = { sampleRateHz: 48000, channelCount: 1, frameCount: 1, sampleFormat: 'pcm24' } as const;
    expect(() => encodeWavHeader({ ...fields, chunks: [{ id: 'data', body: new Uint8Array(1) }] })).toThrow(/extra chunk id "data"/);
    expect(() => encodeWavHeader({ ...fields, chunks: [{ id: 'ax', body: new Uint8Array(1) }] })).toThrow(/four printable ASCII/);
  });
});
