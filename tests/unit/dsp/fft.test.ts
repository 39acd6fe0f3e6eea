import { describe, expect, it } from 'vitest';
import { createComplexFft, createRealFft, realFftForward, realFftInverse } from '../../../src/dsp/fft';
import { createPrng } from '../../support/prng';

/** Direct O(N^2) DFT, the oracle. */
function directDft(re: Float64Array, im: Float64Array): [Float64Array, Float64Array] {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const a = (-2 * Math.PI * ((k * t) % n)) / n;
      sr += re[t]! * Math.cos(a) - im[t]! * Math.sin(a);
      si += re[t]! * Math.sin(a) + im[t]! * Math.cos(a);
    }
    outRe[k] = sr;
    outIm[k] = si;
  }
  return [outRe, outIm];
}

// Double-precision FFTs of unit-variance noise agree with the direct sum to ~1e-13
// relative; 1e-10 leaves room for the O(N log N) rounding growth at N = 1024.
const TOLERANCE = 1e-10;

describe('complex FFT', () => {
  it('refuses a size that is not a power of two', () => {
    expect(() => createComplexFft(12)).toThrow(/power of two/);
  });
});

describe('real FFT', () => {
  for (const n of [4, 8, 256, 1024]) {
    it(`matches the direct DFT of a real signal at N = ${n} and inverts`, () => {
      const random = createPrng(n + 1);
      const x = Float64Array.from({ length: n }, () => random() * 2 - 1);
      const [expRe, expIm] = directDft(x, new Float64Array(n));
      const fft = createRealFft(n);
      const re = new Float64Array(n / 2 + 1);
      const im = new Float64Array(n / 2 + 1);
      realFftForward(fft, x, re, im);
      for (let k = 0; k <= n / 2; k++) {
        expect(Math.abs(re[k]! - expRe[k]!)).toBeLessThan(TOLERANCE * n);
        expect(Math.abs(im[k]! - expIm[k]!)).toBeLessThan(TOLERANCE * n);
      }
      const back = new Float64Array(n);
      realFftInverse(fft, re, im, back);
      for (let t = 0; t < n; t++) expect(Math.abs(back[t]! - x[t]!)).toBeLessThan(TOLERANCE);
    });
  }
});

/**
 * Direct forward DFT (bins 0..bins-1) with exact angle reduction (k t mod n) from one table
 * of cos/sin(2 pi j / n): its rounding error grows like eps sqrt(n), about 2e-14 relative
 * at n = 16384.
 */
function directDftTable(re: Float64Array, im: Float64Array, bins = re.length): [Float64Array, Float64Array] {
  const n = re.length;
  const cos = Float64Array.from({ length: n }, (_, j) => Math.cos((2 * Math.PI * j) / n));
  const sin = Float64Array.from({ length: n }, (_, j) => -Math.sin((2 * Math.PI * j) / n));
  const outRe = new Float64Array(bins);
  const outIm = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0, j = 0; t < n; t++, j = j + k >= n ? j + k - n : j + k) {
      sr += re[t]! * cos[j]! - im[t]! * sin[j]!;
      si += re[t]! * sin[j]! + im[t]! * cos[j]!;
    }
    outRe[k] = sr;
    outIm[k] = si;
  }
  return [outRe, outIm];
}

/** sqrt(sum |a - b|^2 / sum |b|^2) over the first `count` values. */
function relativeError(aRe: ArrayLike<number>, aIm: ArrayLike<number>, bRe: ArrayLike<number>, bIm: ArrayLike<number>, count: number): number {
  let error = 0;
  let energy = 0;
  for (let k = 0; k < count; k++) {
    error += (aRe[k]! - bRe[k]!) ** 2 + (aIm[k]! - bIm[k]!) ** 2;
    energy += bRe[k]! ** 2 + bIm[k]! ** 2;
  }
  return Math.sqrt(error / energy);
}

// Every power of two from the smallest size up to 16384, so that each code path meets
// the oracle through the half-size complex FFT (2 to 8192): its radix-2, radix-4 and
// radix-8 first passes, both loop orders of the later passes, and the real transforms
// with and without their last FFT pass fused (N >= 32 and N <= 16). A double-precision
// FFT's error grows like eps log2(N) (below 2e-15 here) and the oracle's like
// eps sqrt(N) (about 2e-14 at 16384): the bound 1e-12 relative leaves a margin of 50
// over both.
const SIZES = Array.from({ length: 13 }, (_, i) => 2 ** (i + 2));
const RELATIVE = 1e-12;

describe('FFT at every power-of-two size against the direct DFT (relative L2 error < 1e-12)', () => {
  for (const n of SIZES) {
    it(`real N = ${n}: forward bins 0..N/2 and the round trip`, () => {
      const random = createPrng(2000 + n);
      const x = Float64Array.from({ length: n }, () => random() * 2 - 1);
      const fft = createRealFft(n);
      const re = new Float64Array(n / 2 + 1);
      const im = new Float64Array(n / 2 + 1);
      realFftForward(fft, x, re, im);
      const [eRe, eIm] = directDftTable(x, new Float64Array(n), n / 2 + 1);
      expect(relativeError(re, im, eRe, eIm, n / 2 + 1)).toBeLessThan(RELATIVE);
      const back = new Float64Array(n);
      realFftInverse(fft, re, im, back);
      expect(relativeError(back, new Float64Array(n), x, new Float64Array(n), n)).toBeLessThan(RELATIVE);
    });
  }
});

describe('real FFT inputs and outputs', () => {
  const n = 64;
  const random = createPrng(77);
  const x = Array.from({ length: n }, () => random() * 2 - 1);
  const fft = createRealFft(n);

  it('takes any array type as input: a plain array gives the same bins as a Float64Array (exactly)', () => {
    const re1 = new Float64Array(n / 2 + 1);
    const im1 = new Float64Array(n / 2 + 1);
    const re2 = new Float64Array(n / 2 + 1);
    const im2 = new Float64Array(n / 2 + 1);
    realFftForward(fft, x, re1, im1);
    realFftForward(fft, Float64Array.from(x), re2, im2);
    expect(Array.from(re1)).toEqual(Array.from(re2));
    expect(Array.from(im1)).toEqual(Array.from(im2));
  });

  it('inverse ignores the imaginary parts of bins 0 and N/2 and writes Float32Array output to float precision (6e-8)', () => {
    const re = new Float64Array(n / 2 + 1);
    const im = new Float64Array(n / 2 + 1);
    realFftForward(fft, x, re, im);
    im[0] = 5;
    im[n / 2] = -3;
    const back = new Float32Array(n);
    realFftInverse(fft, re, im, back);
    for (let t = 0; t < n; t++) expect(Math.abs(back[t]! - x[t]!)).toBeLessThan(6e-8 * Math.max(1, Math.abs(x[t]!)));
  });
});
