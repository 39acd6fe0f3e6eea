import { describe, expect, it } from 'vitest';
import { hannWindow } from '../../../src/dsp/analysis/analysisWindow';
import {
  accumulateCrossSpectrum,
  addFrameSpectrum,
  clearFrameSpectrum,
  createFrameSpectrum,
  transformStereoFrame,
} from '../../../src/dsp/analysis/frameSpectrum';
import type { FrameSpectrum, StereoHalfFrames } from '../../../src/dsp/analysis/frameSpectrum';
import { advanceHalfFrames, appendToHalfFrames, createHalfFrames } from '../../../src/dsp/analysis/halfFrames';
import { SCALED_COPY_TOLERANCE } from '../../../src/dsp/analysis/scaledCopy';
import { createMomentAnalyser, feedMomentAnalyser, finishMomentAnalyser } from '../../../src/dsp/analysis/monoMomentAnalyser';
import { MIX_STRIDE } from '../../../src/dsp/analysis/sourceMoments';
import { createRealFft, realFftForward } from '../../../src/dsp/fft';
import { gaussianNoise } from '../../support/prng';

const N = 1024;
const HOP = N / 2;
const BINS = N / 2 + 1;
const fft = createRealFft(N);
const window = hannWindow(N);
const scratch = { window, left: new Float64Array(N), right: new Float64Array(N) };

/** Frames fed the way the analyser feeds them: hop by hop, in pieces of `piece` samples. */
function framesOf(left: Float32Array, right: Float32Array, hops: number, piece: number): StereoHalfFrames {
  const frames = { left: createHalfFrames(HOP), right: createHalfFrames(HOP) };
  for (let h = 0; h < hops; h++) {
    if (h > 0) {
      advanceHalfFrames(frames.left);
      advanceHalfFrames(frames.right);
    }
    for (let at = 0; at < HOP; at += piece) {
      const count = Math.min(piece, HOP - at);
      appendToHalfFrames(frames.left, left, h * HOP + at, at, count);
      appendToHalfFrames(frames.right, right, h * HOP + at, at, count);
    }
  }
  return frames;
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

describe('one stereo frame\'s spectrum (halfFrames.ts, frameSpectrum.ts)', () => {
  const left = gaussianNoise(4 * HOP, 1);
  const right = gaussianNoise(4 * HOP, 2);

  it('is the transform of the windowed frame, bit for bit, whatever pieces the samples came in', () => {
    for (const piece of [HOP, 100, 1]) {
      const spectrum = createFrameSpectrum(BINS);
      // After three hops the frame holds hops 1 and 2: samples [HOP, 3 HOP).
      transformStereoFrame(fft, framesOf(left, right, 3, piece), scratch, spectrum);
      const l = directSpectrum(left, HOP);
      const r = directSpectrum(right, HOP);
      expect(spectrum.silent).toBe(false);
      expect(spectrum.rightScale).toBeNaN();
      expect([...spectrum.lr, ...spectrum.li, ...spectrum.rr, ...spectrum.ri]).toEqual([...l.re, ...l.im, ...r.re, ...r.im]);
    }
  });

  it('takes a right channel that is -0.6 times the left as the left\'s spectrum scaled: the sum and cross-spectrum match the transform of the right (within the copy tolerance, of the peak)', () => {
    // Rounded to Float32, the copy differs from -0.6 left by 2^-24 per sample: what the copy tolerance allows for.
    const copy = left.map((x) => -0.6 * x);
    const spectrum = createFrameSpectrum(BINS);
    transformStereoFrame(fft, framesOf(left, copy, 2, HOP), scratch, spectrum);
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
    const silence = new Float32Array(4 * HOP);
    const spectrum = createFrameSpectrum(BINS);
    transformStereoFrame(fft, framesOf(silence, silence, 2, HOP), scratch, spectrum);
    expect(spectrum.silent).toBe(true);
    const sum = createFrameSpectrum(BINS);
    clearFrameSpectrum(sum);
    addFrameSpectrum(spectrum, sum);
    expect(sum.silent).toBe(true);
    expect(Math.max(...sum.lr, ...sum.rr)).toBe(0);
  });
});

describe('silent frames in the moment analyser', () => {
  it('count nothing when only the mix is tracked: 1 s of noise then 2 s of silence measures the noise\'s energy (within 2 %)', () => {
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
    // Hann frames at hop N/2 estimate sum x^2 without bias (sourceMoments.test.ts); the silence adds nothing.
    expect(Math.abs(pl / energy - 1)).toBeLessThan(0.02);
  });
});
