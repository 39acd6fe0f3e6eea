import { describe, expect, it } from 'vitest';
import { cartesianToPolar, polarToCartesian } from '../../../src/core/coordinates';

/** Rounding-level tolerance (metres or degrees). */
const EXACT = 1e-12;

describe('polarToCartesian', () => {
  it.each([
    [0, 0, 2, [0, 2, 0]],
    [90, 0, 1, [-1, 0, 0]],
    [-90, 0, 1, [1, 0, 0]],
    [180, 0, 1, [0, -1, 0]],
    [30, 0, 1, [-0.5, Math.sqrt(3) / 2, 0]],
    [0, 90, 3, [0, 0, 3]],
    // horizontal part 2 cos 30 = sqrt(3), split equally between -x and y
    [45, -30, 2, [-Math.sqrt(1.5), Math.sqrt(1.5), -1]],
  ])('az %d, el %d, %d m -> x right, y front, z up (tolerance 1e-12)', (azimuthDeg, elevationDeg, distanceM, xyz) => {
    const { x, y, z } = polarToCartesian({ azimuthDeg, elevationDeg, distanceM });
    expect(Math.abs(x - (xyz[0] ?? NaN))).toBeLessThan(EXACT);
    expect(Math.abs(y - (xyz[1] ?? NaN))).toBeLessThan(EXACT);
    expect(Math.abs(z - (xyz[2] ?? NaN))).toBeLessThan(EXACT);
  });
});

describe('cartesianToPolar', () => {
  it('round-trips polar -> Cartesian -> polar over a grid (tolerance 1e-12 degrees and metres)', () => {
    for (let elevationDeg = -85; elevationDeg <= 85; elevationDeg += 5) {
      for (let azimuthDeg = -175; azimuthDeg <= 180; azimuthDeg += 5) {
        for (const distanceM of [0.5, 1, 7.25]) {
          const back = cartesianToPolar(polarToCartesian({ azimuthDeg, elevationDeg, distanceM }));
          expect(Math.abs(back.azimuthDeg - azimuthDeg)).toBeLessThan(EXACT);
          expect(Math.abs(back.elevationDeg - elevationDeg)).toBeLessThan(EXACT);
          expect(Math.abs(back.distanceM - distanceM)).toBeLessThan(EXACT);
        }
      }
    }
  });

  it('round-trips Cartesian -> polar -> Cartesian (tolerance 1e-12 m)', () => {
    for (const p of [{ x: 1, y: 2, z: 3 }, { x: -4, y: -0.5, z: 0 }, { x: 0, y: -1, z: -2 }]) {
      const back = polarToCartesian(cartesianToPolar(p));
      expect(Math.abs(back.x - p.x)).toBeLessThan(EXACT);
      expect(Math.abs(back.y - p.y)).toBeLessThan(EXACT);
      expect(Math.abs(back.z - p.z)).toBeLessThan(EXACT);
    }
  });

  it('wraps the azimuth into (-180, 180]: straight behind is +180', () => {
    expect(cartesianToPolar({ x: 0, y: -1, z: 0 }).azimuthDeg).toBe(180);
    expect(cartesianToPolar({ x: -0, y: -1, z: 0 }).azimuthDeg).toBe(180);
    expect(cartesianToPolar(polarToCartesian({ azimuthDeg: -180, elevationDeg: 0, distanceM: 1 })).azimuthDeg).toBeCloseTo(180, 12);
  });

  it('gives azimuth 0 on the vertical axis and (0, 0, 0) at the origin', () => {
    expect(cartesianToPolar({ x: 0, y: 0, z: 2 })).toEqual({ azimuthDeg: 0, elevationDeg: 90, distanceM: 2 });
    expect(cartesianToPolar({ x: 0, y: 0, z: 0 })).toEqual({ azimuthDeg: 0, elevationDeg: 0, distanceM: 0 });
  });
});
