import { describe, expect, it } from 'vitest';
import {
  addMomentSums,
  analysisFrameCount,
  createMomentAnalyser,
  feedMomentAnalyser,
  finishMomentAnalyser,
  momentSpanInput,
  momentSumsOf,
} from '../../../../src/dsp/analysis/monoMomentAnalyser';
import { gaussianNoise } from '../../../support/prng';

/**
 * Analysers over spans of frames that tile the programme add up to the whole programme's
 * analyser: every frame is computed from the same samples (a span is fed from the start
 * of its first frame), so the sums differ only by the order of additions
 * (tolerance 1e-12 relative).
 */
const RATE = 48000;
const FRAMES = 3 * RATE + 777;

describe('moment analyser spans', () => {
  it('spans that tile the frames add up to the whole analysis (1e-12 relative)', () => {
    const left = gaussianNoise(FRAMES, 1);
    const right = gaussianNoise(FRAMES, 2).map((v, n) => 0.5 * v + 0.5 * left[n]!);
    const config = { sampleRateHz: RATE, inputCount: 1, perInput: true, totalFrames: FRAMES, windowSec: 0.5 };
    const whole = createMomentAnalyser(config);
    feedMomentAnalyser(whole, [[left, right]], FRAMES);
    finishMomentAnalyser(whole);

    const count = analysisFrameCount(FRAMES, RATE);
    const total = createMomentAnalyser(config);
    for (const frames of [{ first: 0, end: 5 }, { first: 5, end: 17 }, { first: 17, end: count }]) {
      const span = createMomentAnalyser({ ...config, frames });
      const { start, end } = momentSpanInput(span);
      feedMomentAnalyser(span, [[left.subarray(start, end), right.subarray(start, end)]], end - start);
      finishMomentAnalyser(span);
      addMomentSums(total, momentSumsOf(span));
    }
    const expectClose = (a: ArrayLike<number>, b: ArrayLike<number>): void => {
      let scale = 0;
      for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
      for (let i = 0; i < b.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(1e-12 * scale);
    };
    expectClose(total.mixBands, whole.mixBands);
    expectClose(total.windowMix, whole.windowMix);
    expectClose(total.inputs[0]!.bands, whole.inputs[0]!.bands);
    expectClose(total.inputs[0]!.crossRe, whole.inputs[0]!.crossRe);
  });

  it('refuses a frame range outside the programme, naming it', () => {
    const config = { sampleRateHz: RATE, inputCount: 1, perInput: true, totalFrames: RATE, windowSec: 0.5 };
    const count = analysisFrameCount(RATE, RATE);
    expect(() => createMomentAnalyser({ ...config, frames: { first: 3, end: 3 } })).toThrow(`expected a frame range with 0 <= first < end <= ${count}, got [3, 3)`);
    expect(() => createMomentAnalyser({ ...config, frames: { first: 0, end: count + 1 } })).toThrow(/frame range/);
  });
});
