import { describe, expect, it } from 'vitest';
import { createGoniometer, processGoniometer } from '../../../../src/dsp/meters/goniometer';
import type { GoniometerFeed } from '../../../../src/dsp/meters/goniometer';
import { gaussianNoise } from '../../../support/prng';

/** Float32 storage of (R - L)/sqrt2 and (L + R)/sqrt2. */
const FLOAT32 = 1e-6;

function feedOf(capacity: number): GoniometerFeed {
  return { points: new Float32Array(2 * capacity), cursor: new Int32Array(1) };
}

describe('goniometer point feed: x = -S = (R - L)/sqrt2, y = M = (L + R)/sqrt2', () => {
  it('draws a centred signal vertically, left-only up-left, right-only up-right, inverted horizontally (1e-6)', () => {
    const cases: [number, number, number, number][] = [
      [0.5, 0.5, 0, Math.SQRT1_2],
      [1, 0, -Math.SQRT1_2, Math.SQRT1_2],
      [0, 1, Math.SQRT1_2, Math.SQRT1_2],
      [0.5, -0.5, -Math.SQRT1_2, 0],
    ];
    for (const [l, r, x, y] of cases) {
      const feed = feedOf(4);
      const gonio = createGoniometer({ decimation: 1 }, feed);
      processGoniometer(gonio, Float32Array.of(l), Float32Array.of(r), 1);
      expect(Atomics.load(feed.cursor, 0)).toBe(1);
      expect(Math.abs(feed.points[0]! - x)).toBeLessThan(FLOAT32);
      expect(Math.abs(feed.points[1]! - y)).toBeLessThan(FLOAT32);
    }
  });

  it('keeps every 4th sample across blocks of any length, and wraps the ring (exact)', () => {
    const length = 1000;
    const left = gaussianNoise(length, 1);
    const right = gaussianNoise(length, 2);
    const capacity = 64;
    const collect = (block: number): Float32Array => {
      const feed = feedOf(capacity);
      const gonio = createGoniometer({ decimation: 4 }, feed);
      for (let o = 0; o < length; o += block) {
        const n = Math.min(block, length - o);
        processGoniometer(gonio, left.subarray(o, o + n), right.subarray(o, o + n), n);
      }
      expect(Atomics.load(feed.cursor, 0)).toBe(250);
      return feed.points;
    };
    const reference = collect(128);
    for (const block of [1, 3, 127, 129]) expect(collect(block)).toEqual(reference);
    // Point k (sample 4k) sits at slot k mod 64: the newest, k = 249, at slot 57.
    const k = 249;
    const slot = 2 * (k % capacity);
    expect(reference[slot]).toBe(Math.fround((right[4 * k]! - left[4 * k]!) * Math.SQRT1_2));
    expect(reference[slot + 1]).toBe(Math.fround((left[4 * k]! + right[4 * k]!) * Math.SQRT1_2));
  });
});
