import { describe, expect, it } from 'vitest';
import { MID_SIDE_SCALE, decodeMidSide, encodeMidSide } from '../../../../src/dsp/midside/midSide';
import { gaussianNoise } from '../../../support/prng';

/** Float32 storage of values up to a few units: relative rounding 6e-8, so 1e-6 absolute is ample. */
const ROUND_TRIP = 1e-6;
const LENGTH = 4096;

describe('mid/side convention M = (L+R)/sqrt2, S = (L-R)/sqrt2', () => {
  it('pins the scale: a left-only unit sample gives M = S = 1/sqrt2 (tolerance 1e-7, float32)', () => {
    const mid = new Float32Array(1);
    const side = new Float32Array(1);
    encodeMidSide(Float32Array.of(1), Float32Array.of(0), mid, side, 1);
    expect(MID_SIDE_SCALE).toBe(Math.SQRT1_2);
    expect(Math.abs(mid[0]! - Math.SQRT1_2)).toBeLessThan(1e-7);
    expect(Math.abs(side[0]! - Math.SQRT1_2)).toBeLessThan(1e-7);
  });

  it('gives M = sqrt2 x, S = 0 for identical channels and M = 0, S = sqrt2 x for inverted ones (1e-6)', () => {
    const x = gaussianNoise(LENGTH, 1);
    const minus = x.map((v) => -v);
    const mid = new Float32Array(LENGTH);
    const side = new Float32Array(LENGTH);
    encodeMidSide(x, x, mid, side, LENGTH);
    for (let i = 0; i < LENGTH; i++) {
      expect(Math.abs(mid[i]! - Math.SQRT2 * x[i]!)).toBeLessThan(ROUND_TRIP);
      expect(side[i]).toBe(0);
    }
    encodeMidSide(x, minus, mid, side, LENGTH);
    for (let i = 0; i < LENGTH; i++) {
      expect(mid[i]).toBe(0);
      expect(Math.abs(side[i]! - Math.SQRT2 * x[i]!)).toBeLessThan(ROUND_TRIP);
    }
  });

  it('keeps power sample by sample: M^2 + S^2 = L^2 + R^2 (relative 1e-6)', () => {
    const left = gaussianNoise(LENGTH, 2);
    const right = gaussianNoise(LENGTH, 3);
    const mid = new Float32Array(LENGTH);
    const side = new Float32Array(LENGTH);
    encodeMidSide(left, right, mid, side, LENGTH);
    for (let i = 0; i < LENGTH; i++) {
      const stereo = left[i]! ** 2 + right[i]! ** 2;
      expect(Math.abs(mid[i]! ** 2 + side[i]! ** 2 - stereo)).toBeLessThan(1e-6 * Math.max(1, stereo));
    }
  });

  it('split then merge is the identity (1e-6), also in place', () => {
    const left = gaussianNoise(LENGTH, 4);
    const right = gaussianNoise(LENGTH, 5);
    const a = left.slice();
    const b = right.slice();
    encodeMidSide(a, b, a, b, LENGTH);
    decodeMidSide(a, b, a, b, LENGTH);
    for (let i = 0; i < LENGTH; i++) {
      expect(Math.abs(a[i]! - left[i]!)).toBeLessThan(ROUND_TRIP);
      expect(Math.abs(b[i]! - right[i]!)).toBeLessThan(ROUND_TRIP);
    }
  });
});
