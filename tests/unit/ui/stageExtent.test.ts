import { describe, expect, it } from 'vitest';
import { createObjectValues } from '../../../src/core/scene/objectValues';
import { RADIANS_PER_DEGREE } from '../../../src/core/units';
import { stageExtent } from '../../../src/ui/stage/stageExtent';
import { sourceThreePosition } from '../../../src/ui/stage/stageMath';

/** Float32 vertices of points a few metres away: 1e-6 m. */
const VERTEX = 1e-6;

function vertex(positions: Float32Array, index: number): { x: number; y: number; z: number } {
  return { x: positions[3 * index]!, y: positions[3 * index + 1]!, z: positions[3 * index + 2]! };
}

describe('stageExtent (how the stage draws an object\'s ADM extent)', () => {
  it('draws nothing for a point object', () => {
    expect(stageExtent(createObjectValues())).toBeNull();
    expect(stageExtent({ ...createObjectValues(), cartesian: true })).toBeNull();
  });

  it('draws a polar 90 x 30 degree extent at 2 m as a patch of the 2 m sphere centred on the object, its corners 45 and 15 degrees off in the object\'s frame', () => {
    const values = { ...createObjectValues(), azimuthDeg: 20, elevationDeg: 10, distanceM: 2, width: 90, height: 30 };
    const extent = stageExtent(values);
    if (extent?.kind !== 'patch') throw new Error('expected a patch');
    const count = extent.positions.length / 3;
    for (let i = 0; i < count; i++) {
      const p = vertex(extent.positions, i);
      expect(Math.abs(Math.hypot(p.x, p.y, p.z) - 2), `vertex ${i} on the sphere`).toBeLessThan(VERTEX);
    }
    // The grid has even cell counts: one vertex is the object's own position.
    const centre = sourceThreePosition(values);
    expect(findVertexNear(extent.positions, centre)).toBeLessThan(VERTEX);
    // A corner at (u, v) = (45, 15) degrees in the object's frame is at angle acos(cos u cos v) from it.
    const corner = vertex(extent.positions, count - 1);
    const cosAngle = (corner.x * centre.x + corner.y * centre.y + corner.z * centre.z) / 4;
    expect(Math.abs(cosAngle - Math.cos(45 * RADIANS_PER_DEGREE) * Math.cos(15 * RADIANS_PER_DEGREE))).toBeLessThan(VERTEX);
  });

  it('draws a Cartesian extent as the box of width (X), depth (Y) and height (Z) around X, Y, Z in the room box (3 m per cube unit), in three.js axes (x, y up, -z front)', () => {
    const extent = stageExtent({ ...createObjectValues(), cartesian: true, X: 0.5, Y: 0.25, Z: -0.5, width: 0.4, depth: 0.2, height: 0.6 });
    expect(extent?.kind).toBe('box');
    if (extent?.kind !== 'box') return;
    const expected = [1.5, -1.5, -0.75, 1.2, 1.8, 0.6];
    [extent.centre.x, extent.centre.y, extent.centre.z, extent.size.x, extent.size.y, extent.size.z].forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-12));
  });
});

/** The distance from `target` to the nearest vertex. */
function findVertexNear(positions: Float32Array, target: { x: number; y: number; z: number }): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < positions.length / 3; i++) {
    const p = vertex(positions, i);
    best = Math.min(best, Math.hypot(p.x - target.x, p.y - target.y, p.z - target.z));
  }
  return best;
}
