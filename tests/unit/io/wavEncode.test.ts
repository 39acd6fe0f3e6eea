import { describe, expect, it } from 'vitest';
import type { PcmAudio } from '../../../src/core/pcm';
import { decodeWav, encodeWav } from '../../../src/io/wav';
import { chunk, float32Bytes, fmtChunk, interleave, ksDataFormatGuid, le, leSigned, riffWave } from './wavBytes';

/** Deterministic integers in [min, max] (a linear congruential sequence), plus both extremes. */
function gridIntegers(count: number, bits: number, seed: number): number[] {
  const min = -(2 ** (bits - 1));
  const max = 2 ** (bits - 1) - 1;
  let state = seed;
  const values = [min, max, 0, -1, 1];
  while (values.length < count) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    values.push(min + (state % (max - min + 1)));
  }
  return values;
}

function onGrid(values: readonly number[], bits: number): Float32Array {
  return Float32Array.from(values, (q) => q / 2 ** (bits - 1));
}

function formatTagOf(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint16(20, true);
}

describe('encodeWav round trips', () => {
  it.each([
    ['pcm16', 16],
    ['pcm24', 24],
  ] as const)('%s: integers on the grid decode back exactly', (sampleFormat, bits) => {
    const audio: PcmAudio = { sampleRateHz: 48000, channels: [onGrid(gridIntegers(1001, bits, 1), bits), onGrid(gridIntegers(1001, bits, 2), bits)] };
    const decoded = decodeWav(encodeWav(audio, { sampleFormat }), 'round.wav');
    expect(decoded.sampleRateHz).toBe(48000);
    expect(decoded.channels).toEqual(audio.channels);
  });

  it('float32: any finite float decodes back exactly, beyond full scale too', () => {
    const values = [0, 0.1, -0.3333, 1.75, -8, 1e-20, Math.fround(Math.PI)];
    const audio: PcmAudio = { sampleRateHz: 44100, channels: [Float32Array.from(values)] };
    expect(decodeWav(encodeWav(audio, { sampleFormat: 'float32' }), 'round.wav').channels).toEqual(audio.channels);
  });

  it('keeps a 7.1.4 channel mask and 12 channels in order', () => {
    const mask714 = 0x2d63f; // FL FR FC LFE BL BR SL SR TFL TFR TBL TBR
    const channels = Array.from({ length: 12 }, (_, c) => Float32Array.from([c / 16, -(c + 1) / 16]));
    const decoded = decodeWav(encodeWav({ sampleRateHz: 48000, channels, channelMask: mask714 }, { sampleFormat: 'pcm24' }), 'round.wav');
    expect(decoded.channelMask).toBe(mask714);
    expect(decoded.channels).toEqual(channels);
  });
});

describe('encodeWav writes the bytes of a hand-built file after decoding it', () => {
  const frames16 = [
    [1000, -1000],
    [32767, -32768],
    [-1, 1],
  ];
  const frames24 = [
    [1, -2, 3, -4, 5, -6],
    [8388607, -8388608, 0, 0x123456, -0x654321, 7],
  ];
  const cases: [string, Uint8Array, 'pcm16' | 'pcm24' | 'float32'][] = [
    ['16-bit stereo PCM', riffWave([fmtChunk({ formatTag: 1, channelCount: 2, sampleRateHz: 44100, bitsPerSample: 16 }), chunk('data', interleave(frames16, (q) => leSigned(q, 2)))]), 'pcm16'],
    [
      '24-bit 5.1 WAVE_FORMAT_EXTENSIBLE',
      riffWave([
        fmtChunk({ formatTag: 0xfffe, channelCount: 6, sampleRateHz: 48000, bitsPerSample: 24, extensible: { validBits: 24, channelMask: 0x3f, subFormatGuid: ksDataFormatGuid(1) } }),
        chunk('data', interleave(frames24, (q) => leSigned(q, 3))),
      ]),
      'pcm24',
    ],
    ['24-bit mono with an odd data size (pad byte)', riffWave([fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 24 }), chunk('data', [5, -6, 7].flatMap((q) => leSigned(q, 3)))]), 'pcm24'],
    [
      '32-bit float mono (WAVEFORMATEX and fact)',
      riffWave([fmtChunk({ formatTag: 3, channelCount: 1, sampleRateHz: 96000, bitsPerSample: 32, cbSizeZero: true }), chunk('fact', le(3, 4)), chunk('data', [0.5, -0.125, 3].flatMap(float32Bytes))]),
      'float32',
    ],
  ];
  it.each(cases)('%s', (_, original, sampleFormat) => {
    expect(encodeWav(decodeWav(original, 'hand.wav'), { sampleFormat })).toEqual(original);
  });
});

describe('encodeWav format choice', () => {
  const stereo: PcmAudio = { sampleRateHz: 48000, channels: [new Float32Array(3), new Float32Array(3)] };
  it('writes plain PCM (tag 1, 16-byte fmt) for mono and stereo without a mask', () => {
    const bytes = encodeWav(stereo, { sampleFormat: 'pcm24' });
    expect(formatTagOf(bytes)).toBe(1);
    expect(bytes.length).toBe(44 + 3 * 2 * 3);
  });
  it('writes IEEE float (tag 3) with a fact chunk for float32', () => {
    const bytes = encodeWav(stereo, { sampleFormat: 'float32' });
    expect(formatTagOf(bytes)).toBe(3);
    expect(String.fromCharCode(...bytes.subarray(38, 42))).toBe('fact');
  });
  it('writes WAVE_FORMAT_EXTENSIBLE for 3 channels (mask 0 = unassigned) and for a given mask', () => {
    const three = encodeWav({ sampleRateHz: 48000, channels: [new Float32Array(1), new Float32Array(1), new Float32Array(1)] }, { sampleFormat: 'pcm16' });
    expect(formatTagOf(three)).toBe(0xfffe);
    expect(decodeWav(three, 'x.wav').channelMask).toBe(0);
    const masked = encodeWav(stereo, { sampleFormat: 'pcm16', channelMask: 0x3 });
    expect(formatTagOf(masked)).toBe(0xfffe);
    expect(decodeWav(masked, 'x.wav').channelMask).toBe(0x3);
  });
});

describe('encodeWav integer conversion', () => {
  const encode16 = (values: number[]): number[] => {
    const bytes = encodeWav({ sampleRateHz: 8000, channels: [Float32Array.from(values)] }, { sampleFormat: 'pcm16' });
    const view = new DataView(bytes.buffer);
    return values.map((_, i) => view.getInt16(44 + 2 * i, true));
  };
  it('rounds x * 2^15 to the nearest integer', () => {
    expect(encode16([100.4 / 32768, 100.6 / 32768, -100.4 / 32768, -100.6 / 32768])).toEqual([100, 101, -100, -101]);
  });
  it('clamps to [-32768, 32767] without complaint', () => {
    expect(encode16([1, 1.5, -1, -3])).toEqual([32767, 32767, -32768, -32768]);
  });
  it('clamps 24-bit to [-2^23, 2^23 - 1]', () => {
    const bytes = encodeWav({ sampleRateHz: 8000, channels: [Float32Array.from([2, -2])] }, { sampleFormat: 'pcm24' });
    expect(Array.from(bytes.subarray(44, 50))).toEqual([...leSigned(8388607, 3), ...leSigned(-8388608, 3)]);
  });
});

describe('encodeWav TPDF dither', () => {
  const frameCount = 100_000;
  /** A constant a quarter of an LSB above zero: without dither it always rounds to 0. */
  const quarterLsb = 0.25 / 32768;
  const constant: PcmAudio = { sampleRateHz: 48000, channels: [new Float32Array(frameCount).fill(quarterLsb)] };
  const errorsLsb = (bytes: Uint8Array): Float64Array => Float64Array.from(decodeWav(bytes, 'd.wav').channels[0]!, (x) => (x - quarterLsb) * 32768);

  it('is reproducible for a seed and changes with the seed', () => {
    const a = encodeWav(constant, { sampleFormat: 'pcm16', dither: 'tpdf', ditherSeed: 7 });
    expect(encodeWav(constant, { sampleFormat: 'pcm16', dither: 'tpdf', ditherSeed: 7 })).toEqual(a);
    expect(encodeWav(constant, { sampleFormat: 'pcm16', dither: 'tpdf', ditherSeed: 8 })).not.toEqual(a);
  });

  it('removes the mean error and gives total error variance 1/12 + 1/6 = 1/4 LSB^2, within 1.25 LSB', () => {
    const errors = errorsLsb(encodeWav(constant, { sampleFormat: 'pcm16', dither: 'tpdf' }));
    const mean = errors.reduce((s, e) => s + e, 0) / frameCount;
    const variance = errors.reduce((s, e) => s + (e - mean) ** 2, 0) / frameCount;
    // Standard errors over N samples: of the mean sqrt(sigma^2 / N) = 0.0016 LSB; of the variance
    // sqrt((mu4 - sigma^4) / N) <= 0.0018 LSB^2, as |e| <= 1.25 bounds mu4 by 1.25^2 sigma^2. Allow 5 of each.
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(0.25 / frameCount));
    expect(Math.abs(variance - 0.25)).toBeLessThan(5 * Math.sqrt((1.25 ** 2 * 0.25 - 0.25 ** 2) / frameCount));
    // x + d lies in (-0.75, 1.25) LSB, so q is -1, 0 or 1 and the error -1.25, -0.25 or 0.75.
    expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(1.25);
    const undithered = errorsLsb(encodeWav(constant, { sampleFormat: 'pcm16' }));
    expect(undithered.every((e) => e === -0.25)).toBe(true);
  });
});

describe('encodeWav refuses what it cannot write', () => {
  const mono = (values: number[], sampleRateHz = 48000): PcmAudio => ({ sampleRateHz, channels: [Float32Array.from(values)] });
  it.each<[string, PcmAudio, Parameters<typeof encodeWav>[1], RegExp]>([
    ['dither with float output', mono([0]), { sampleFormat: 'float32', dither: 'tpdf' }, /^encodeWav: dither 'tpdf' with float32 samples/],
    ['a NaN sample', mono([0, NaN]), { sampleFormat: 'pcm16' }, /^encodeWav: sample NaN at frame 1, channel 0 \(expected finite samples\)$/],
    ['a fractional sample rate', mono([0], 44100.5), { sampleFormat: 'pcm16' }, /^encodeWav: sample rate 44100.5 Hz/],
    ['no channels', { sampleRateHz: 48000, channels: [] }, { sampleFormat: 'pcm16' }, /^encodeWav: 0 channels/],
    ['channels of different lengths', { sampleRateHz: 48000, channels: [new Float32Array(2), new Float32Array(3)] }, { sampleFormat: 'pcm16' }, /^encodeWav: channel 1 has 3 frames \(expected 2/],
    ['a negative channel mask', mono([0]), { sampleFormat: 'pcm16', channelMask: -1 }, /^encodeWav: channel mask -1/],
  ])('%s', (_, audio, options, message) => {
    expect(() => encodeWav(audio, options)).toThrow(message);
  });
});
