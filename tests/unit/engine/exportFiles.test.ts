import { describe, expect, it } from 'vitest';
import type { RenderedMix } from '../../../src/engine/audioEngine';
import { buildExportFiles } from '../../../src/engine/exportFiles';
import { clipsIn, samplePeakDbfs } from '../../../src/io/samplePeak';
import { decodeWav } from '../../../src/io/wav';

/** Peaks agree with 20 log10 of the largest magnitude within this. */
const PEAK_TOLERANCE_DB = 0.001;

const FRAMES = 480;

/** A render whose channel peaks are known: binaural L 0.5 (-6.0206 dBFS), stereo R -0.25 (-12.0412), mono 1.0 (0). */
function knownMix(): RenderedMix {
  const filled = (value: number, at: number): Float32Array => {
    const channel = new Float32Array(FRAMES);
    for (let i = 0; i < FRAMES; i++) channel[i] = 0.01 * Math.sin(i / 7);
    channel[at] = value;
    return channel;
  };
  return {
    sampleRateHz: 48000,
    binaural: [filled(0.5, 10), filled(0.3, 20)],
    stereo: [filled(0.1, 30), filled(-0.25, 40)],
    mono: filled(1, 50),
  };
}

describe('buildExportFiles', () => {
  it('writes one file per chosen format, named <scene>.<format>.wav, in binaural-stereo-mono order', () => {
    const files = buildExportFiles(knownMix(), { sceneName: 'My mix', formats: ['mono', 'binaural', 'mono'], sampleFormat: 'pcm24' });
    expect(files.map((f) => [f.format, f.fileName])).toEqual([
      ['binaural', 'My mix.binaural.wav'],
      ['mono', 'My mix.mono.wav'],
    ]);
    expect(buildExportFiles(knownMix(), { sceneName: 's', formats: [], sampleFormat: 'pcm24' })).toEqual([]);
  });

  it.each([
    ['pcm16', 16, 1],
    ['pcm24', 24, 1],
    ['float32', 32, 3],
  ] as const)('writes %s WAV files with the right channel counts, rate and length', (sampleFormat, bits, formatTag) => {
    const files = buildExportFiles(knownMix(), { sceneName: 's', formats: ['binaural', 'stereo', 'mono'], sampleFormat });
    expect(files.map((f) => f.channelCount)).toEqual([2, 2, 1]);
    for (const file of files) {
      const view = new DataView(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
      expect(view.getUint16(20, true)).toBe(formatTag);
      expect(view.getUint16(34, true)).toBe(bits);
      const decoded = decodeWav(file.bytes, file.fileName);
      expect(decoded.sampleRateHz).toBe(48000);
      expect(decoded.channels).toHaveLength(file.channelCount);
      expect(decoded.channels[0]!.length).toBe(FRAMES);
    }
  });

  it('keeps the samples: 24-bit within half an LSB, float exactly', () => {
    const mix = knownMix();
    const [pcm24] = buildExportFiles(mix, { sceneName: 's', formats: ['stereo'], sampleFormat: 'pcm24' });
    const [float] = buildExportFiles(mix, { sceneName: 's', formats: ['stereo'], sampleFormat: 'float32' });
    const halfLsb = 0.5 / 2 ** 23;
    const decoded24 = decodeWav(pcm24!.bytes, 'x.wav').channels[1]!;
    const decodedFloat = decodeWav(float!.bytes, 'x.wav').channels[1]!;
    for (let i = 0; i < FRAMES; i++) {
      expect(Math.abs(decoded24[i]! - mix.stereo[1][i]!)).toBeLessThanOrEqual(halfLsb);
      expect(decodedFloat[i]).toBe(mix.stereo[1][i]);
    }
  });

  it('reports each file\'s sample peak in dBFS', () => {
    const files = buildExportFiles(knownMix(), { sceneName: 's', formats: ['binaural', 'stereo', 'mono'], sampleFormat: 'float32' });
    const expected = [20 * Math.log10(0.5), 20 * Math.log10(0.25), 0];
    expect(expected[0]).toBeCloseTo(-6.0206, 4);
    files.forEach((file, index) => expect(Math.abs(file.peakDbfs - expected[index]!)).toBeLessThan(PEAK_TOLERANCE_DB));
  });

  it('flags clipping at 0 dBFS and above in 16 and 24-bit, never in float', () => {
    const mix = knownMix();
    for (const sampleFormat of ['pcm16', 'pcm24'] as const) {
      const files = buildExportFiles(mix, { sceneName: 's', formats: ['binaural', 'mono'], sampleFormat });
      expect(files.map((f) => f.clips)).toEqual([false, true]);
    }
    const float = buildExportFiles(mix, { sceneName: 's', formats: ['mono'], sampleFormat: 'float32' });
    expect(float[0]!.clips).toBe(false);
  });
});

describe('samplePeakDbfs and clipsIn', () => {
  it('finds the largest magnitude over all channels, negative samples included', () => {
    expect(samplePeakDbfs([new Float32Array([0.1, -0.5]), new Float32Array([0.2])])).toBeCloseTo(-6.0206, 3);
    expect(samplePeakDbfs([new Float32Array(4)])).toBe(-Infinity);
    expect(samplePeakDbfs([new Float32Array([2])])).toBeCloseTo(6.0206, 3);
  });

  it('puts the threshold at 0 dBFS for integer formats', () => {
    const justBelow = 20 * Math.log10(1 - 1e-6);
    expect(clipsIn(justBelow, 'pcm16')).toBe(false);
    expect(clipsIn(justBelow, 'pcm24')).toBe(false);
    expect(clipsIn(0, 'pcm16')).toBe(true);
    expect(clipsIn(0, 'pcm24')).toBe(true);
    expect(clipsIn(0.5, 'pcm24')).toBe(true);
    expect(clipsIn(12, 'float32')).toBe(false);
    expect(clipsIn(-Infinity, 'pcm16')).toBe(false);
  });
});
