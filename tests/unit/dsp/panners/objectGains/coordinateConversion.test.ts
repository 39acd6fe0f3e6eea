import { describe, expect, it } from 'vitest';
import {
  writeCartesianExtentAsPolar,
  writeCartesianPointAsPolar,
  writePolarExtentAsCartesian,
  writePolarPointAsCartesian,
} from '../../../../../src/dsp/panners/objectGains/coordinateConversion';
import { readEarConversionCases } from './earGainFixtures';

/** Degrees and cube units; EAR's values are written with 6 decimals. */
const TOLERANCE = 1e-5;

function angleDifference(a: number, b: number): number {
  return Math.abs(((a - b + 540) % 360) - 180);
}

describe('BS.2127 section 10 conversion', () => {
  const cases = readEarConversionCases();

  it('maps the 0+5+0 loudspeakers to the cube corners and front centre', () => {
    const out = new Float64Array(3);
    const expected: Array<[number, number[]]> = [[0, [0, 1, 0]], [30, [-1, 1, 0]], [-30, [1, 1, 0]], [110, [-1, -1, 0]], [-110, [1, -1, 0]]];
    for (const [azimuth, xyz] of expected) {
      writePolarPointAsCartesian(azimuth, 0, 1, out);
      for (let k = 0; k < 3; k++) expect(out[k]).toBeCloseTo(xyz[k]!, 12);
    }
    writePolarPointAsCartesian(0, 30, 1, out);
    expect(out[2]).toBeCloseTo(1, 12); // 30 degrees up lands at 45 degrees on the cube
  });

  it('agrees with EAR polar to Cartesian (200 random positions and extents)', () => {
    const out = new Float64Array(6);
    let maxDifference = 0;
    for (const c of cases.filter((c) => c.fromCartesian !== true)) {
      const [az, el, d, w, h, dp] = c.polar as [number, number, number, number, number, number];
      writePolarPointAsCartesian(az, el, d, out, 0);
      writePolarExtentAsCartesian(az, el, w, h, dp, out, 3);
      for (let k = 0; k < 6; k++) maxDifference = Math.max(maxDifference, Math.abs(out[k]! - c.cartesian[k]!));
    }
    expect(maxDifference).toBeLessThan(TOLERANCE);
  });

  it('agrees with EAR Cartesian to polar (200 random positions and sizes)', () => {
    const out = new Float64Array(6);
    let maxDifference = 0;
    for (const c of cases.filter((c) => c.fromCartesian === true)) {
      const [x, y, z, sx, sy, sz] = c.cartesian as [number, number, number, number, number, number];
      writeCartesianPointAsPolar(x, y, z, out, 0);
      writeCartesianExtentAsPolar(out[0]!, out[1]!, sx, sy, sz, out, 3);
      maxDifference = Math.max(maxDifference, angleDifference(out[0]!, c.polar[0]!));
      for (let k = 1; k < 6; k++) maxDifference = Math.max(maxDifference, Math.abs(out[k]! - c.polar[k]!));
    }
    expect(maxDifference).toBeLessThan(TOLERANCE);
  });

  it('round-trips positions: polar to Cartesian and back', () => {
    const cart = new Float64Array(3);
    const polar = new Float64Array(3);
    for (let az = -175; az <= 180; az += 17) {
      for (let el = -85; el <= 85; el += 17) {
        writePolarPointAsCartesian(az, el, 0.8, cart);
        writeCartesianPointAsPolar(cart[0]!, cart[1]!, cart[2]!, polar);
        expect(angleDifference(polar[0]!, az)).toBeLessThan(1e-9);
        expect(polar[1]).toBeCloseTo(el, 9);
        expect(polar[2]).toBeCloseTo(0.8, 9);
      }
    }
  });
});
