import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { polarToCartesian } from '../../../../src/core/coordinates';
import { createHrtfGrid, locateDirection } from '../../../../src/dsp/hrtf/hrtfGrid';
import type { HrtfGrid } from '../../../../src/dsp/hrtf/hrtfGrid';
import { decodeHrtfFile } from '../../../../src/io/hrtfFile';
import { createPrng } from '../../../support/prng';

let grid: HrtfGrid;

beforeAll(() => {
  const file = new URL('../../../../hrtf/mit-kemar-normal-pinna.hrtf', import.meta.url);
  grid = createHrtfGrid(decodeHrtfFile(new Uint8Array(readFileSync(file)), 'mit-kemar-normal-pinna.hrtf'));
});

function unit(azimuthDeg: number, elevationDeg: number): [number, number, number] {
  const { x, y, z } = polarToCartesian({ azimuthDeg, elevationDeg, distanceM: 1 });
  return [x, y, z];
}

describe('HRTF grid over the whole sphere', () => {
  it('triangulates KEMAR (710 directions) with one virtual direction at the bottom pole, as a closed surface (Euler: T = 2V - 4)', () => {
    expect(grid.virtualDirectionCount).toBe(1);
    expect(grid.set.directionCount).toBe(711);
    expect(grid.set.elevationDeg[710]).toBe(-90);
    expect(grid.triangles.length / 3).toBe(2 * 711 - 4);
  });

  it('weights are non-negative, sum to 1 and point at the asked direction (sum g_i v_i parallel to p, within 1e-9), for 2000 random directions', () => {
    const random = createPrng(5);
    const indices = new Uint32Array(3);
    const weights = new Float64Array(3);
    let hint = 0;
    for (let i = 0; i < 2000; i++) {
      const z = 2 * random() - 1;
      const phi = 2 * Math.PI * random();
      const p = [Math.sqrt(1 - z * z) * Math.cos(phi), Math.sqrt(1 - z * z) * Math.sin(phi), z];
      hint = locateDirection(grid, p[0]!, p[1]!, p[2]!, hint, indices, weights);
      expect(weights[0]! + weights[1]! + weights[2]!).toBeCloseTo(1, 12);
      const mix = [0, 0, 0];
      for (let v = 0; v < 3; v++) {
        expect(weights[v]!).toBeGreaterThanOrEqual(0);
        for (let axis = 0; axis < 3; axis++) mix[axis]! += weights[v]! * grid.directions[3 * indices[v]! + axis]!;
      }
      const norm = Math.hypot(mix[0]!, mix[1]!, mix[2]!);
      for (let axis = 0; axis < 3; axis++) expect(Math.abs(mix[axis]! / norm - p[axis]!)).toBeLessThan(1e-9);
    }
  });

  it('a measured direction is rendered from that measurement alone (weight 1 within 1e-9)', () => {
    const indices = new Uint32Array(3);
    const weights = new Float64Array(3);
    for (const d of [0, 100, 355, 709]) {
      const [x, y, z] = unit(grid.set.azimuthDeg[d]!, grid.set.elevationDeg[d]!);
      locateDirection(grid, x, y, z, 0, indices, weights);
      const at = Array.from(indices).indexOf(d);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(weights[at]!).toBeGreaterThan(1 - 1e-9);
    }
  });

  it('straight below, where KEMAR has no measurement, uses the virtual pole alone: the average of the -40 degree ring, ITD 0 within 1 microsecond', () => {
    const indices = new Uint32Array(3);
    const weights = new Float64Array(3);
    locateDirection(grid, 0, 0, -1, 0, indices, weights);
    const at = Array.from(indices).indexOf(710);
    expect(weights[at]!).toBeGreaterThan(1 - 1e-9);
    expect(Math.abs(grid.set.itdSec[710]!)).toBeLessThan(1e-6);
  });
});
