import { realFftForward } from '../fft';
import type { RealFft } from '../fft';
import { windowFrame } from './frameBuffer';
import type { FrameBuffer } from './frameBuffer';
import { scaledCopyFactor } from './scaledCopy';

/**
 * One stereo input's spectrum in the current analysis frame: bins 0..N/2 of the windowed
 * left and right channels. When the right channel is a scaled copy of the left
 * (scaledCopy.ts; a silent right channel is the copy with k = 0), SR = k SL: `rightScale`
 * holds k and rr/ri are left unfilled, so the copy costs no transform and the sums below
 * take the shortcut; otherwise `rightScale` is NaN.
 */
export interface FrameSpectrum {
  readonly lr: Float64Array;
  readonly li: Float64Array;
  readonly rr: Float64Array;
  readonly ri: Float64Array;
  /** Both channels all zeros in this frame (the arrays then hold nothing of it). */
  silent: boolean;
  rightScale: number;
}

export interface StereoFrame {
  readonly left: FrameBuffer;
  readonly right: FrameBuffer;
}

/** Scratch for windowing a stereo frame. */
export interface FrameScratch {
  readonly window: Float64Array;
  readonly left: Float64Array;
  readonly right: Float64Array;
}

export function createFrameSpectrum(bins: number): FrameSpectrum {
  return {
    lr: new Float64Array(bins),
    li: new Float64Array(bins),
    rr: new Float64Array(bins),
    ri: new Float64Array(bins),
    silent: true,
    rightScale: NaN,
  };
}

/** Windows and transforms the current frame of both channels into `out`. Allocation-free. */
export function transformStereoFrame(fft: RealFft, frame: StereoFrame, scratch: FrameScratch, out: FrameSpectrum): void {
  const leftSound = windowFrame(frame.left, scratch.window, scratch.left);
  const rightSound = windowFrame(frame.right, scratch.window, scratch.right);
  out.silent = !leftSound && !rightSound;
  out.rightScale = NaN;
  if (out.silent) return;
  if (leftSound) realFftForward(fft, scratch.left, out.lr, out.li);
  else {
    out.lr.fill(0);
    out.li.fill(0);
  }
  if (!rightSound) out.rightScale = 0;
  else if (leftSound) out.rightScale = scaledCopyFactor(scratch.left, scratch.right);
  if (Number.isNaN(out.rightScale)) realFftForward(fft, scratch.right, out.rr, out.ri);
}

/** Zeros the spectrum: the start of a sum. */
export function clearFrameSpectrum(spectrum: FrameSpectrum): void {
  spectrum.lr.fill(0);
  spectrum.li.fill(0);
  spectrum.rr.fill(0);
  spectrum.ri.fill(0);
  spectrum.silent = true;
  spectrum.rightScale = NaN;
}

/** sum += s (a sum's right channel is always filled). Allocation-free. */
export function addFrameSpectrum(s: FrameSpectrum, sum: FrameSpectrum): void {
  if (s.silent) return;
  sum.silent = false;
  const { lr, li, rr, ri } = s;
  const { lr: mlr, li: mli, rr: mrr, ri: mri } = sum;
  const k = s.rightScale;
  if (!Number.isNaN(k)) {
    for (let j = 0; j < lr.length; j++) {
      const a = lr[j]!, b = li[j]!;
      mlr[j] = mlr[j]! + a;
      mli[j] = mli[j]! + b;
      mrr[j] = mrr[j]! + k * a;
      mri[j] = mri[j]! + k * b;
    }
    return;
  }
  for (let j = 0; j < lr.length; j++) {
    mlr[j] = mlr[j]! + lr[j]!;
    mli[j] = mli[j]! + li[j]!;
    mrr[j] = mrr[j]! + rr[j]!;
    mri[j] = mri[j]! + ri[j]!;
  }
}

/** crossRe/Im[k] += conj(SL_k) SR_k. Allocation-free. */
export function accumulateCrossSpectrum(s: FrameSpectrum, crossRe: Float64Array, crossIm: Float64Array): void {
  const { lr, li, rr, ri } = s;
  const k = s.rightScale;
  if (!Number.isNaN(k)) {
    // SR = k SL: conj(SL) SR = k |SL|^2 is real.
    for (let j = 0; j < lr.length; j++) crossRe[j] = crossRe[j]! + k * (lr[j]! * lr[j]! + li[j]! * li[j]!);
    return;
  }
  for (let j = 0; j < lr.length; j++) {
    const a = lr[j]!, b = li[j]!, c = rr[j]!, d = ri[j]!;
    crossRe[j] = crossRe[j]! + a * c + b * d;
    crossIm[j] = crossIm[j]! + a * d - b * c;
  }
}
