import { describe, expect, it } from 'vitest';
import { analysisWindow, analysisWindowHop } from '../../../../src/dsp/analysis/analysisWindow';
import {
  accumulateCrossSpectrum,
  addFrameSpectrum,
  clearFrameSpectrum,
  createFrameSpectrum,
  transformStereoFrame,
} from '../../../../src/dsp/analysis/frameSpectrum';
import type { FrameSpectrum, StereoFrame } from '../../../../src/dsp/analysis/frameSpectrum';
import { advanceFrame, appendToFrame, createFrameBuffer } from '../../../../src/dsp/analysis/frameBuffer';
import { SCALED_COPY_TOLERANCE } from '../../../../src/dsp/analysis/scaledCopy';
import { createMomentAnalyser, feedMomentAnalyser, finishMomentAnalyser } from '../../../../src/dsp/analysis/monoMomentAnalyser';
import { MIX_STRIDE } from '../../../../src/dsp/analysis/sourceMoments';
import { createRealFft, realFftForward } from '../../../../src/dsp/fft';
import { gaussianNoise } from '../../../support/prng';

const N = 1024;
const HOP = analysisWindowHop(N);
const BINS = N / 2 + 1;
const fft = createRealFft(N);
const window = analysisWindow(N);
const scratch = { window, left: new Float64Array(N), right: new Float64Array(N) };

/**
 * Frame number `index` (samples [index HOP, index HOP + N)) fed the way the analyser feeds
 * frames: the first whole, then a hop at a time, in pieces of `piece` samples.
 */
function frameOf(left: Float32Array, right: Float32Array, index: number, piece: number): StereoFrame {
  const frame = { left: createFrameBuffer(N), right: createFrameBuffer(N) };
  const fill = (from: number, at: number, count: number): void => {
    for (let done = 0; done < count; done += piece) {
      const n = Math.min(piece, count - done);
      appendToFrame(frame.left, left, from + done, at + done, n);
      appendToFrame(frame.right, right, from + done, at + done, n);
    }
  };
  fill(0, 0, N);
  for (let k = 1; k <= index; k++) {
    advanceFrame(frame.left, HOP);
    advanceFrame(frame.right, HOP);
    fill(k * HOP + N - HOP, N - HOP, HOP);
  }
  return frame;
}

/** The spectrum of samples [start, start + N) windowed, computed directly. */
function directSpectrum(x: Float32Array, start: number): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(BINS);
  const im = new Float64Array(BINS);
  realFftForward(fft, Float64Array.from({ length: N }, (_, n) => x[start + n]! * window[n]!), re, im);
  return { re, im };
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

describe('one stereo frame\'s spectrum (frameBuffer.ts, frameSpectrum.ts)', () => {
  const left = gaussianNoise(3 * HOP + N, 1);
  const right = gaussianNoise(3 * HOP + N, 2);

  it('is the transform of the windowed frame, bit for bit, whatever pieces the samples came in', () => {
    for (const piece of [N, 100, 1]) {
      const spectrum = createFrameSpectrum(BINS);
      // Frame 2 holds samples [2 HOP, 2 HOP + N).
      transformStereoFrame(fft, frameOf(left, right, 2, piece), scratch, spectrum);
      const l = directSpectrum(left, 2 * HOP);
      const r = directSpectrum(right, 2 * HOP);
      expect(spectrum.silent).toBe(false);
      expect(spectrum.rightScale).toBeNaN();
      expect([...spectrum.lr, ...spectrum.li, ...spectrum.rr, ...spectrum.ri]).toEqual([...l.re, ...l.im, ...r.re, ...r.im]);
    }
  });

  it('takes a right channel that is -0.6 times the left as the left\'s spectrum scaled: the sum and cross-spectrum match the transform of the right (within the copy tolerance, of the peak)', () => {
    // Rounded to Float32, the copy differs from -0.6 left by 2^-24 per sample: what the copy tolerance allows for.
    const copy = left.map((x) => -0.6 * x);
    const spectrum = createFrameSpectrum(BINS);
    transformStereoFrame(fft, frameOf(left, copy, 0, N), scratch, spectrum);
    expect(spectrum.rightScale).toBeCloseTo(-0.6, 6);
    const sum = createFrameSpectrum(BINS);
    clearFrameSpectrum(sum);
    addFrameSpectrum(spectrum, sum);
    const r = directSpectrum(copy, 0);
    const peak = Math.max(...r.re.map(Math.abs));
    expect(maxDifference(sum.rr, r.re) / peak).toBeLessThan(SCALED_COPY_TOLERANCE);
    expect(maxDifference(sum.ri, r.im) / peak).toBeLessThan(SCALED_COPY_TOLERANCE);
    // conj(SL) SR from the scaled copy, against the same from both transforms.
    const crossRe = new Float64Array(BINS), crossIm = new Float64Array(BINS);
    accumulateCrossSpectrum(spectrum, crossRe, crossIm);
    const filled: FrameSpectrum = { ...sum, rightScale: NaN };
    const wantRe = new Float64Array(BINS), wantIm = new Float64Array(BINS);
    accumulateCrossSpectrum(filled, wantRe, wantIm);
    // Here both come from the same scaled spectrum, so they agree to double rounding.
    expect(maxDifference(crossRe, wantRe) / (peak * peak)).toBeLessThan(1e-12);
    expect(maxDifference(crossIm, wantIm) / (peak * peak)).toBeLessThan(1e-12);
  });

  it('marks a frame of silence silent, and a silent spectrum adds nothing to a sum', () => {
    const silence = new Float32Array(HOP + N);
    const spectrum = createFrameSpectrum(BINS);
    transformStereoFrame(fft, frameOf(silence, silence, 1, N), scratch, spectrum);
    expect(spectrum.silent).toBe(true);
    const sum = createFrameSpectrum(BINS);
    clearFrameSpectrum(sum);
    addFrameSpectrum(spectrum, sum);
    expect(sum.silent).toBe(true);
    expect(Math.max(...sum.lr, ...sum.rr)).toBe(0);
  });
});

describe('silent frames in the moment analyser', () => {
  it('count nothing when only the mix is tracked: 1 s of noise then 2 s of silence measures the noise\'s energy (exactly: 1e-9 relative)', () => {
    const rate = 48000;
    const noise = gaussianNoise(rate, 3);
    const signal = new Float32Array(3 * rate);
    signal.set(noise);
    const analyser = createMomentAnalyser({ sampleRateHz: rate, inputCount: 1, perInput: false, totalFrames: signal.length, windowSec: 0.5 });
    feedMomentAnalyser(analyser, [[signal, signal]], signal.length);
    finishMomentAnalyser(analyser);
    let pl = 0;
    for (let b = 0; b <= analyser.bandCount; b++) pl += analyser.mixBands[MIX_STRIDE * b]!;
    let energy = 0;
    for (const x of noise) energy += x * x;
    // The squared windows add up to exactly 1 at every sample (analysisWindow.ts), so by Parseval the frames'
    // sums are sum x^2 to rounding; the silence adds nothing.
    expect(Math.abs(pl / energy - 1)).toBeLessThan(1e-9);
  });
});
