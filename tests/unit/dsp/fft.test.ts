import { describe, expect, it } from 'vitest';
import { complexFftInPlace, createComplexFft, createRealFft, realFftForward, realFftInverse } from '../../../src/dsp/fft';
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
  for (const n of [2, 4, 8, 64, 256, 1024]) {
    it(`matches the direct DFT at N = ${n} and inverts`, () => {
      const random = createPrng(n);
      const re = Float64Array.from({ length: n }, () => random() * 2 - 1);
      const im = Float64Array.from({ length: n }, () => random() * 2 - 1);
      const [expRe, expIm] = directDft(re, im);
      const fft = createComplexFft(n);
      const wr = re.slice();
      const wi = im.slice();
      complexFftInPlace(fft, wr, wi, -1);
      for (let k = 0; k < n; k++) {
        expect(Math.abs(wr[k]! - expRe[k]!)).toBeLessThan(TOLERANCE * n);
        expect(Math.abs(wi[k]! - expIm[k]!)).toBeLessThan(TOLERANCE * n);
      }
      complexFftInPlace(fft, wr, wi, 1);
      for (let t = 0; t < n; t++) {
        expect(Math.abs(wr[t]! / n - re[t]!)).toBeLessThan(TOLERANCE);
        expect(Math.abs(wi[t]! / n - im[t]!)).toBeLessThan(TOLERANCE);
      }
    });
  }
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
