import { describe, expect, it } from 'vitest';
import { polarToCartesian } from '../../../src/core/coordinates';
import { sceneToThree, threeToScene, yawDegToThreeRotationY } from '../../../src/core/threeAxes';

/** Rounding-level tolerance (metres). */
const EXACT = 1e-12;

function expectClose(actual: { x: number; y: number; z: number }, expected: [number, number, number]): void {
  expect(Math.abs(actual.x - expected[0])).toBeLessThan(EXACT);
  expect(Math.abs(actual.y - expected[1])).toBeLessThan(EXACT);
  expect(Math.abs(actual.z - expected[2])).toBeLessThan(EXACT);
}

describe('sceneToThree', () => {
  it('maps the front (azimuth 0) to three -z', () => {
    expectClose(sceneToThree(polarToCartesian({ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 })), [0, 0, -1]);
  });

  it('maps the left (azimuth +90) to three -x', () => {
    expectClose(sceneToThree(polarToCartesian({ azimuthDeg: 90, elevationDeg: 0, distanceM: 1 })), [-1, 0, 0]);
  });

  it('maps the right (azimuth -90) to three +x', () => {
    expectClose(sceneToThree(polarToCartesian({ azimuthDeg: -90, elevationDeg: 0, distanceM: 2 })), [2, 0, 0]);
  });

  it('maps up (elevation +90) to three +y', () => {
    expectClose(sceneToThree(polarToCartesian({ azimuthDeg: 0, elevationDeg: 90, distanceM: 3 })), [0, 3, 0]);
  });

  it('maps behind (azimuth 180) to three +z', () => {
    expectClose(sceneToThree({ x: 0, y: -1, z: 0 }), [0, 0, 1]);
  });

  it('writes (x, y, z) as (x, z, -y)', () => {
    expectClose(sceneToThree({ x: 1, y: 2, z: 3 }), [1, 3, -2]);
  });
});

describe('threeToScene', () => {
  it('writes three (x, y, z) as scene (x, -z, y)', () => {
    expectClose(threeToScene({ x: 1, y: 3, z: -2 }), [1, 2, 3]);
  });

  it('round-trips scene -> three -> scene and three -> scene -> three (tolerance 1e-12 m)', () => {
    const points: [number, number, number][] = [
      [1, 2, 3],
      [-4.5, 0.25, -7],
      [0, 0, 0],
      [1e3, -1e-3, 12.5],
    ];
    for (const [x, y, z] of points) {
      expectClose(threeToScene(sceneToThree({ x, y, z })), [x, y, z]);
      expectClose(sceneToThree(threeToScene({ x, y, z })), [x, y, z]);
    }
  });
});

describe('yawDegToThreeRotationY', () => {
  it('turns three forward (0, 0, -1) to the left (-x) at +90 degrees', () => {
    const theta = yawDegToThreeRotationY(90);
    expect(Math.abs(theta - Math.PI / 2)).toBeLessThan(EXACT);
    // Rotation about +y: (x, z) -> (x cos + z sin, -x sin + z cos), applied to (0, -1).
    const forwardX = -Math.sin(theta);
    const forwardZ = -Math.cos(theta);
    expect(Math.abs(forwardX - -1)).toBeLessThan(EXACT);
    expect(Math.abs(forwardZ - 0)).toBeLessThan(EXACT);
  });

  it('is 0 at yaw 0 and -pi at yaw -180', () => {
    expect(yawDegToThreeRotationY(0)).toBe(0);
    expect(Math.abs(yawDegToThreeRotationY(-180) + Math.PI)).toBeLessThan(EXACT);
  });
});
