import { describe, expect, it } from 'vitest';
import type { OutputDefinition } from '../../../src/core/outputs/outputDefinition';
import type { RenderedMix } from '../../../src/core/outputs/renderedOutput';
import { loudspeakerOutput, studioOutput } from '../../../src/core/outputs/studioOutputs';
import type { StudioOutputId } from '../../../src/core/outputs/studioOutputs';
import { encodeOutputFiles } from '../../../src/io/outputFiles';
import type { OutputFileOptions } from '../../../src/io/outputFiles';
import { clipsIn, samplePeakDbfs } from '../../../src/io/samplePeak';
import { decodeWav } from '../../../src/io/wav';

/** Peaks agree with 20 log10 of the largest magnitude within this. */
const PEAK_TOLERANCE_DB = 0.001;

const FRAMES = 480;

const SETTINGS = { monoLaw: '-3dB', hrtfSet: 'test set' } as const;

/** The channels of a render whose channel peaks are known: binaural L 0.5 (-6.0206 dBFS), stereo R -0.25 (-12.0412), mono 1.0 (0). */
function knownChannels(): Record<StudioOutputId, Float32Array[]> {
  const filled = (value: number, at: number): Float32Array => {
    const channel = new Float32Array(FRAMES);
    for (let i = 0; i < FRAMES; i++) channel[i] = 0.01 * Math.sin(i / 7);
    channel[at] = value;
    return channel;
  };
  return {
    binaural: [filled(0.5, 10), filled(0.3, 20)],
    stereo: [filled(0.1, 30), filled(-0.25, 40)],
    mono: [filled(1, 50)],
  };
}

/** The known render of the outputs called `ids`, in that order. */
function knownMix(ids: readonly StudioOutputId[]): RenderedMix {
  const channels = knownChannels();
  return { sampleRateHz: 48000, outputs: ids.map((id) => ({ output: studioOutput(id, SETTINGS), channels: channels[id] })) };
}

function buildExportFiles(ids: readonly StudioOutputId[], options: Omit<OutputFileOptions, 'baseName'> & { baseName?: string }) {
  return encodeOutputFiles(knownMix(ids), { baseName: 's', ...options });
}

describe('encodeOutputFiles', () => {
  it('writes one file per output, named <base>.<output id>.wav, in the render\'s order', () => {
    const files = buildExportFiles(['binaural', 'mono'], { baseName: 'My mix', sampleFormat: 'pcm24' });
    expect(files.map((f) => [f.outputId, f.fileName])).toEqual([
      ['binaural', 'My mix.binaural.wav'],
      ['mono', 'My mix.mono.wav'],
    ]);
    expect(buildExportFiles([], { sampleFormat: 'pcm24' })).toEqual([]);
  });

  it.each([
    ['pcm16', 16, 1],
    ['pcm24', 24, 1],
    ['float32', 32, 3],
  ] as const)('writes %s WAV files with the right channel counts, rate and length', (sampleFormat, bits, formatTag) => {
    const files = buildExportFiles(['binaural', 'stereo', 'mono'], { sampleFormat });
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
    const stereo = knownChannels().stereo;
    const [pcm24] = buildExportFiles(['stereo'], { sampleFormat: 'pcm24' });
    const [float] = buildExportFiles(['stereo'], { sampleFormat: 'float32' });
    const halfLsb = 0.5 / 2 ** 23;
    const decoded24 = decodeWav(pcm24!.bytes, 'x.wav').channels[1]!;
    const decodedFloat = decodeWav(float!.bytes, 'x.wav').channels[1]!;
    for (let i = 0; i < FRAMES; i++) {
      expect(Math.abs(decoded24[i]! - stereo[1]![i]!)).toBeLessThanOrEqual(halfLsb);
      expect(decodedFloat[i]).toBe(stereo[1]![i]);
    }
  });

  it('reports each file\'s sample peak in dBFS', () => {
    const files = buildExportFiles(['binaural', 'stereo', 'mono'], { sampleFormat: 'float32' });
    const expected = [20 * Math.log10(0.5), 20 * Math.log10(0.25), 0];
    expect(expected[0]).toBeCloseTo(-6.0206, 4);
    files.forEach((file, index) => expect(Math.abs(file.peakDbfs - expected[index]!)).toBeLessThan(PEAK_TOLERANCE_DB));
  });

  it('flags clipping at 0 dBFS and above in 16 and 24-bit, never in float', () => {
    for (const sampleFormat of ['pcm16', 'pcm24'] as const) {
      const files = buildExportFiles(['binaural', 'mono'], { sampleFormat });
      expect(files.map((f) => f.clips)).toEqual([false, true]);
    }
    const float = buildExportFiles(['mono'], { sampleFormat: 'float32' });
    expect(float[0]!.clips).toBe(false);
  });

  it('writes a multichannel output in WAVE_FORMAT_EXTENSIBLE order with its channel mask (7.1: back pair before side pair)', () => {
    const output: OutputDefinition = loudspeakerOutput('7.1', '7.1', '0+7+0');
    // Channel c (the layout's order M+030 M-030 M+000 LFE1 M+090 M-090 M+135 M-135) holds the constant c + 1, over 64 frames.
    const channels = output.channels.map((_, c) => new Float32Array(64).fill((c + 1) / 16));
    const [file] = encodeOutputFiles({ sampleRateHz: 48000, outputs: [{ output, channels }] }, { baseName: 'x', sampleFormat: 'float32' });
    const view = new DataView(file!.bytes.buffer);
    // fmt chunk at byte 12: tag at 20 is WAVE_FORMAT_EXTENSIBLE, dwChannelMask at 40 (ksmedia.h: L R C LFE BL BR SL SR = 0x63F).
    expect(view.getUint16(20, true)).toBe(0xfffe);
    expect(view.getUint32(40, true)).toBe(0x63f);
    const decoded = decodeWav(file!.bytes, 'x.wav').channels.map((channel) => Math.round(channel[0]! * 16) - 1);
    // File order by mask bit: L R C LFE, then M+135 M-135 (BACK), then M+090 M-090 (SIDE).
    expect(decoded).toEqual([0, 1, 2, 3, 6, 7, 4, 5]);
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
