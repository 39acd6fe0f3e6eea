import { describe, expect, it } from 'vitest';
import { createStereoFoldDown, stereoFoldDownGains } from '../../../../src/dsp/panners/stereoFoldDown';

/** Rounding-level tolerance for identities that hold exactly in real arithmetic. */
const EXACT = 1e-12;
/** Tolerance of the spot values, given to 4 decimals. */
const SPOT = 0.002;
/**
 * Largest change of either gain for a 1-degree move. The steepest slope is the frontal
 * pan, about 0.025 per degree (sine-cosine law over the 60 degrees between M+030 and
 * M-030, and the front-to-back level change); a step in the gains would exceed it.
 */
const STEP_PER_DEGREE = 0.03;

const state = createStereoFoldDown();
const out = new Float64Array(2);

function gains(azimuthDeg: number, elevationDeg: number): [number, number] {
  stereoFoldDownGains(state, azimuthDeg, elevationDeg, out);
  return [out[0] ?? NaN, out[1] ?? NaN];
}

const power = ([left, right]: [number, number]): number => left * left + right * right;

const GRID: [number, number][] = [];
for (let el = -90; el <= 90; el += 5) for (let az = -180; az <= 180; az += 5) GRID.push([az, el]);

describe('stereoFoldDownGains (ITU-R BS.2127 panning to 0+2+0)', () => {
  it.each([
    [0, 0.7071, 0.7071],
    [15, 0.9391, 0.3437],
    [30, 1, 0],
    [90, 0.78, 0],
    [110, Math.SQRT1_2, 0],
    [180, 0.5, 0.5],
  ])('gives (left, right) at azimuth +/-%d on the horizon (tolerance 0.002)', (az, left, right) => {
    const [l, r] = gains(az, 0);
    expect(Math.abs(l - left)).toBeLessThan(SPOT);
    expect(Math.abs(r - right)).toBeLessThan(SPOT);
    const [lm, rm] = gains(-az, 0);
    expect(Math.abs(lm - right)).toBeLessThan(SPOT);
    expect(Math.abs(rm - left)).toBeLessThan(SPOT);
  });

  it('keeps the power at 1 across the frontal arc |az| <= 30 (tolerance 1e-12)', () => {
    for (let az = -30; az <= 30; az += 0.5) expect(Math.abs(power(gains(az, 0)) - 1)).toBeLessThan(EXACT);
  });

  it('keeps the power at 1/2 (-3 dB) behind, |az| >= 110 (tolerance 1e-12)', () => {
    for (let az = 110; az <= 250; az += 0.5) expect(Math.abs(power(gains(az, 0)) - 0.5)).toBeLessThan(EXACT);
  });

  it('keeps the power between 1/2 and 1 everywhere (tolerance 1e-12)', () => {
    for (const [az, el] of GRID) {
      const p = power(gains(az, el));
      expect(p).toBeGreaterThan(0.5 - EXACT);
      expect(p).toBeLessThan(1 + EXACT);
    }
  });

  it('gives non-negative gains everywhere', () => {
    for (const [az, el] of GRID) {
      const [l, r] = gains(az, el);
      expect(l).toBeGreaterThanOrEqual(0);
      expect(r).toBeGreaterThanOrEqual(0);
    }
  });

  it('mirrors: az -> -az swaps left and right (tolerance 1e-12)', () => {
    for (const [az, el] of GRID) {
      const [l, r] = gains(az, el);
      const [lm, rm] = gains(-az, el);
      expect(Math.abs(l - rm)).toBeLessThan(EXACT);
      expect(Math.abs(r - lm)).toBeLessThan(EXACT);
    }
  });

  it('keeps the direction across the frontal arc: the velocity vector of the +/-30 pair points at the source (tolerance 1e-9 degrees)', () => {
    const tan30 = Math.tan(Math.PI / 6);
    for (let az = -30; az <= 30; az += 1) {
      const [l, r] = gains(az, 0);
      // velocity vector of gains l, r at +/-30: direction atan(tan30 (l - r) / (l + r))
      const directionDeg = (Math.atan((tan30 * (l - r)) / (l + r)) * 180) / Math.PI;
      expect(Math.abs(directionDeg - az)).toBeLessThan(1e-9);
    }
  });

  it('gives equal left and right overhead and underneath: 2^-0.75 each (tolerance 1e-12)', () => {
    // all five 0+5+0 loudspeakers at 1/sqrt(5): L' = R', and front = back gives -1.5 dB
    for (const el of [90, -90]) {
      for (const az of [-135, 0, 42, 180]) {
        const [l, r] = gains(az, el);
        expect(Math.abs(l - r)).toBeLessThan(EXACT);
        expect(Math.abs(l - 2 ** -0.75)).toBeLessThan(EXACT);
      }
    }
  });

  it('moves smoothly in azimuth over the full circle, 1-degree steps, at every 5 degrees of elevation (step <= 0.03)', () => {
    for (let el = -90; el <= 90; el += 5) {
      let previous = gains(-180, el);
      for (let az = -179; az <= 180; az += 1) {
        const next = gains(az, el);
        expect(Math.abs(next[0] - previous[0])).toBeLessThanOrEqual(STEP_PER_DEGREE);
        expect(Math.abs(next[1] - previous[1])).toBeLessThanOrEqual(STEP_PER_DEGREE);
        previous = next;
      }
    }
  });

  it('moves smoothly in elevation from -90 to +90, 1-degree steps, at every azimuth (step <= 0.03)', () => {
    for (let az = -180; az < 180; az += 1) {
      let previous = gains(az, -90);
      for (let el = -89; el <= 90; el += 1) {
        const next = gains(az, el);
        expect(Math.abs(next[0] - previous[0])).toBeLessThanOrEqual(STEP_PER_DEGREE);
        expect(Math.abs(next[1] - previous[1])).toBeLessThanOrEqual(STEP_PER_DEGREE);
        previous = next;
      }
    }
  });

  it('pans a source within +/-30 degrees of elevation as on the horizon (BS.2127 downmixes its virtual copies at +/-30 into the loudspeakers below them; tolerance 1e-12)', () => {
    for (const az of [-150, -60, 0, 20, 100]) {
      const [l0, r0] = gains(az, 0);
      for (const el of [-20, 10]) {
        const [l, r] = gains(az, el);
        expect(Math.abs(l - l0)).toBeLessThan(EXACT);
        expect(Math.abs(r - r0)).toBeLessThan(EXACT);
      }
    }
  });
});
