import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNMIX_LEVELS } from '../../../../src/core/outputs/downmixOutputs';
import { outputById } from '../../../../src/core/outputs/outputCatalog';
import { outputMonoCheck } from '../../../../src/render/analysis/outputMonoCheck';
import { gaussianNoise } from '../../../support/prng';

/**
 * The mono check of an output (render/analysis/outputMonoCheck.ts) against closed forms,
 * -3 dB law, the stereo level being the pair's mean power: identical left and right sum to
 * +3.01 dB (10 log10 2), a signal in one side only to 0 dB ((L / sqrt 2)^2 against
 * L^2 / 2); a wider output first folds to stereo by BS.2127's
 * 0+2+0 gains (a centre channel lands in both sides alike, M+030 in the left alone).
 * Tolerance 0.01 dB (the analysis's spectral estimate of broadband noise).
 */
const RATE = 48000;
const FRAMES = RATE;
const settings = { monoLaw: '-3dB' as const, hrtfSet: 'test', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };
const signal = gaussianNoise(FRAMES, 7).map((x) => 0.1 * x);
const silence = new Float32Array(FRAMES);
const PLUS_3 = 10 * Math.log10(2);

function channelsWith(id: string, label: string): { output: ReturnType<typeof outputById>; channels: Float32Array[] } {
  const output = outputById(id, settings);
  return { output, channels: output.channels.map((c) => (c.label === label ? signal : silence)) };
}

describe('outputMonoCheck', () => {
  it('sums a stereo pair of identical channels to +3.01 dB over stereo', () => {
    const check = outputMonoCheck({ output: outputById('stereo', settings), channels: [signal, signal] }, RATE, '-3dB');
    expect(check!.of).toBe('pair');
    expect(Math.abs(check!.monoVsStereoDb - PLUS_3)).toBeLessThan(0.01);
  });

  it('folds a 5.1 centre to both sides alike (+3.01 dB) and M+030 to the left alone (0 dB)', () => {
    const centre = outputMonoCheck(channelsWith('5.1', 'M+000'), RATE, '-3dB');
    expect(centre!.of).toBe('fold-down');
    expect(Math.abs(centre!.monoVsStereoDb - PLUS_3)).toBeLessThan(0.01);
    const left = outputMonoCheck(channelsWith('5.1', 'M+030'), RATE, '-3dB');
    expect(Math.abs(left!.monoVsStereoDb)).toBeLessThan(0.01);
  });

  it('folds a downmix by its labels (7.1.4 to 5.1: its centre)', () => {
    const check = outputMonoCheck(channelsWith('7.1.4-to-5.1', 'M+000'), RATE, '-3dB');
    expect(check!.of).toBe('fold-down');
    expect(Math.abs(check!.monoVsStereoDb - PLUS_3)).toBeLessThan(0.01);
  });

  it('checks a headphone render\'s ears, and has nothing to check in one channel', () => {
    expect(outputMonoCheck({ output: outputById('binaural-7.1.4', settings), channels: [signal, silence] }, RATE, '-3dB')!.of).toBe('ears');
    expect(outputMonoCheck({ output: outputById('mono', settings), channels: [signal] }, RATE, '-3dB')).toBeUndefined();
  });
});
