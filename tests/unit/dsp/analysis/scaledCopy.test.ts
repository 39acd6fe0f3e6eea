import { describe, expect, it } from 'vitest';
import { SCALED_COPY_TOLERANCE, scaledCopyFactor } from '../../../../src/dsp/analysis/scaledCopy';
import { gaussianNoise } from '../../../support/prng';

const N = 8192;
const a = Float64Array.from(gaussianNoise(N, 1));

describe('a channel that is a scaled copy of the other (scaledCopy.ts)', () => {
  it('finds k of an exact copy (b = -0.35 a), to the rounding of sums over the frame (1e-13)', () => {
    const k = scaledCopyFactor(a, a.map((x) => -0.35 * x));
    expect(Math.abs(k + 0.35)).toBeLessThan(1e-13);
  });

  it('takes a copy rounded to Float32 per sample, as the renderer writes it (residual 2^-24, about 1e-7 < 1e-6)', () => {
    const left = Float32Array.from(a, (x) => 0.8 * x);
    const right = Float32Array.from(a, (x) => 0.3 * x);
    const k = scaledCopyFactor(Float64Array.from(left), Float64Array.from(right));
    // Each channel's rounding is relative 2^-24 at most, so k is 0.3/0.8 to within 2 2^-24.
    expect(Math.abs(k / 0.375 - 1)).toBeLessThan(2 * 2 ** -24);
  });

  it('finds the copy where the frame starts with silence (a window that is zero at its edge)', () => {
    const windowed = a.map((x, n) => (n < 100 ? 0 : x));
    expect(scaledCopyFactor(windowed, windowed.map((x) => 2 * x))).toBe(2);
  });

  it('refuses a copy with a residual just above the tolerance (energy 4 tolerance^2), and takes one just below (tolerance^2 / 4)', () => {
    const noise = Float64Array.from(gaussianNoise(N, 2));
    const withResidual = (relative: number): Float64Array => a.map((x, n) => x + relative * noise[n]!);
    expect(scaledCopyFactor(a, withResidual(2 * SCALED_COPY_TOLERANCE))).toBeNaN();
    // Least squares: k - 1 is the residual's projection on a, of standard deviation 0.5 tolerance / sqrt(N) = 5.5e-9.
    expect(Math.abs(scaledCopyFactor(a, withResidual(0.5 * SCALED_COPY_TOLERANCE)) - 1)).toBeLessThan(5e-8);
  });

  it('refuses independent noise, a one-sample delay and a filtered copy', () => {
    const delayed = a.map((_, n) => (n > 0 ? a[n - 1]! : 0));
    const filtered = a.map((x, n) => x + 0.5 * (n > 0 ? a[n - 1]! : 0));
    for (const b of [Float64Array.from(gaussianNoise(N, 3)), delayed, filtered]) expect(scaledCopyFactor(a, b)).toBeNaN();
  });

  it('gives NaN for an all-zero a (nothing to scale) and 0 for an all-zero b', () => {
    expect(scaledCopyFactor(new Float64Array(N), a)).toBeNaN();
    expect(scaledCopyFactor(a, new Float64Array(N))).toBe(0);
  });
});
