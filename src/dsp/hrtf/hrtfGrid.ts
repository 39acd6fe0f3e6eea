import { polarToCartesian } from '../../core/coordinates';
import { triangulateSphere } from './sphereHull';
import type { HrtfSet } from '../../core/hrtfSet';

/**
 * An HRTF set made ready for interpolation over the whole sphere.
 *
 * Measured directions are triangulated (sphereHull.ts); a direction is rendered from the
 * three measurements of the triangle that contains it, weighted by the coefficients g of
 *   p = g1 v1 + g2 v2 + g3 v3,   weights = g / (g1 + g2 + g3)
 * (the VBAP gain formulation, Pulkki 1997, used as interpolation weights). The weights are
 * continuous across triangle edges, so a source moving by one degree changes the filter
 * by a small step, never a jump to another measurement.
 *
 * Sets without measurements near a pole (KEMAR stops at -40 degrees of elevation) get a
 * virtual direction at that pole: the average of the minimum-phase HRIRs and ITDs of the
 * lowest (or highest) measured ring. Below the lowest ring the sound then fades smoothly
 * into that average, instead of being interpolated between opposite sides of the head.
 */
export interface HrtfGrid {
  /** The set, with any virtual pole directions appended after the measured ones. */
  readonly set: HrtfSet;
  /** Unit vectors (x right, y front, z up), 3 per direction of `set`. */
  readonly directions: Float64Array;
  readonly virtualDirectionCount: number;
  readonly triangles: Uint32Array;
  readonly neighbours: Uint32Array;
  /** Inverse of the matrix [v1 v2 v3] per triangle, row-major, 9 per triangle. */
  readonly inverses: Float64Array;
}

/** A pole further than this from every measurement gets a virtual direction. */
const POLE_GAP_DEG = 10;
/** Directions closer than this are the same measurement listed twice. */
const DUPLICATE_DEG = 1e-4;

export function createHrtfGrid(set: HrtfSet): HrtfGrid {
  const measured = withoutDuplicateDirections(set);
  const extended = withVirtualPoles(measured);
  const directions = unitVectors(extended);
  const { triangles, neighbours } = triangulateSphere(directions);
  const inverses = new Float64Array((triangles.length / 3) * 9);
  for (let t = 0; t < triangles.length / 3; t++) {
    invertColumns(directions, triangles[3 * t]!, triangles[3 * t + 1]!, triangles[3 * t + 2]!, inverses, 9 * t);
  }
  return {
    set: extended,
    directions,
    virtualDirectionCount: extended.directionCount - measured.directionCount,
    triangles,
    neighbours,
    inverses,
  };
}

/**
 * Finds the triangle containing unit direction (x, y, z), starting the walk at `hint`
 * (the last answer for this source, so a moving source costs a step or two), and writes
 * the three direction indices and their weights. Returns the triangle found.
 * Allocation-free.
 */
export function locateDirection(
  grid: HrtfGrid,
  x: number,
  y: number,
  z: number,
  hint: number,
  indicesOut: Uint32Array,
  weightsOut: Float64Array,
): number {
  const triangleCount = grid.triangles.length / 3;
  let t = hint >= 0 && hint < triangleCount ? hint : 0;
  const inv = grid.inverses;
  // A walk over a Delaunay triangulation reaches the target; the step limit only guards
  // against rounding cycles, after which every triangle is tried.
  for (let step = 0; step <= triangleCount; step++) {
    const o = 9 * t;
    const g0 = inv[o]! * x + inv[o + 1]! * y + inv[o + 2]! * z;
    const g1 = inv[o + 3]! * x + inv[o + 4]! * y + inv[o + 5]! * z;
    const g2 = inv[o + 6]! * x + inv[o + 7]! * y + inv[o + 8]! * z;
    const worst = Math.min(g0, g1, g2);
    if (worst >= -1e-12) return writeWeights(grid, t, g0, g1, g2, indicesOut, weightsOut);
    const across = worst === g0 ? 0 : worst === g1 ? 1 : 2;
    t = grid.neighbours[3 * t + across]!;
  }
  let best = 0;
  let bestWorst = -Infinity;
  for (let c = 0; c < triangleCount; c++) {
    const o = 9 * c;
    const worst = Math.min(
      inv[o]! * x + inv[o + 1]! * y + inv[o + 2]! * z,
      inv[o + 3]! * x + inv[o + 4]! * y + inv[o + 5]! * z,
      inv[o + 6]! * x + inv[o + 7]! * y + inv[o + 8]! * z,
    );
    if (worst > bestWorst) {
      bestWorst = worst;
      best = c;
    }
  }
  const o = 9 * best;
  return writeWeights(
    grid,
    best,
    Math.max(0, inv[o]! * x + inv[o + 1]! * y + inv[o + 2]! * z),
    Math.max(0, inv[o + 3]! * x + inv[o + 4]! * y + inv[o + 5]! * z),
    Math.max(0, inv[o + 6]! * x + inv[o + 7]! * y + inv[o + 8]! * z),
    indicesOut,
    weightsOut,
  );
}

function writeWeights(
  grid: HrtfGrid,
  t: number,
  g0: number,
  g1: number,
  g2: number,
  indicesOut: Uint32Array,
  weightsOut: Float64Array,
): number {
  const a = Math.max(0, g0);
  const b = Math.max(0, g1);
  const c = Math.max(0, g2);
  const sum = a + b + c;
  indicesOut[0] = grid.triangles[3 * t]!;
  indicesOut[1] = grid.triangles[3 * t + 1]!;
  indicesOut[2] = grid.triangles[3 * t + 2]!;
  weightsOut[0] = a / sum;
  weightsOut[1] = b / sum;
  weightsOut[2] = c / sum;
  return t;
}

function unitVectors(set: HrtfSet): Float64Array {
  const out = new Float64Array(set.directionCount * 3);
  for (let d = 0; d < set.directionCount; d++) {
    const { x, y, z } = polarToCartesian({ azimuthDeg: set.azimuthDeg[d]!, elevationDeg: set.elevationDeg[d]!, distanceM: 1 });
    out.set([x, y, z], 3 * d);
  }
  return out;
}

function angleBetweenDeg(v: Float64Array, i: number, w: Float64Array, j: number): number {
  const dot = v[3 * i]! * w[3 * j]! + v[3 * i + 1]! * w[3 * j + 1]! + v[3 * i + 2]! * w[3 * j + 2]!;
  return (Math.acos(Math.min(1, Math.max(-1, dot))) * 180) / Math.PI;
}

function withoutDuplicateDirections(set: HrtfSet): HrtfSet {
  const vectors = unitVectors(set);
  const keep: number[] = [];
  for (let d = 0; d < set.directionCount; d++) {
    if (!keep.some((k) => angleBetweenDeg(vectors, k, vectors, d) < DUPLICATE_DEG)) keep.push(d);
  }
  return keep.length === set.directionCount ? set : subsetWithAverages(set, keep, []);
}

function withVirtualPoles(set: HrtfSet): HrtfSet {
  const vectors = unitVectors(set);
  const poles = [Float64Array.of(0, 0, 1), Float64Array.of(0, 0, -1)];
  const rings: number[][] = [];
  const poleElevations: number[] = [];
  poles.forEach((pole, p) => {
    let nearest = Infinity;
    for (let d = 0; d < set.directionCount; d++) nearest = Math.min(nearest, angleBetweenDeg(vectors, d, pole, 0));
    if (nearest <= POLE_GAP_DEG) return;
    const ring: number[] = [];
    for (let d = 0; d < set.directionCount; d++) {
      if (angleBetweenDeg(vectors, d, pole, 0) <= nearest + 1) ring.push(d);
    }
    rings.push(ring);
    poleElevations.push(p === 0 ? 90 : -90);
  });
  if (rings.length === 0) return set;
  const all = Array.from({ length: set.directionCount }, (_, d) => d);
  return subsetWithAverages(set, all, rings.map((ring, i) => ({ ring, elevationDeg: poleElevations[i]! })));
}

/** The directions `keep` of `set`, followed by one averaged direction per entry of `averages`. */
function subsetWithAverages(
  set: HrtfSet,
  keep: readonly number[],
  averages: readonly { ring: readonly number[]; elevationDeg: number }[],
): HrtfSet {
  const count = keep.length + averages.length;
  const n = set.hrirLength;
  const left = new Float32Array(count * n);
  const right = new Float32Array(count * n);
  const azimuthDeg = new Float64Array(count);
  const elevationDeg = new Float64Array(count);
  const itdSec = new Float64Array(count);
  keep.forEach((d, i) => {
    left.set(set.left.subarray(d * n, (d + 1) * n), i * n);
    right.set(set.right.subarray(d * n, (d + 1) * n), i * n);
    azimuthDeg[i] = set.azimuthDeg[d]!;
    elevationDeg[i] = set.elevationDeg[d]!;
    itdSec[i] = set.itdSec[d]!;
  });
  averages.forEach(({ ring, elevationDeg: el }, a) => {
    const i = keep.length + a;
    elevationDeg[i] = el;
    let itd = 0;
    for (const d of ring) {
      for (let k = 0; k < n; k++) {
        left[i * n + k] = left[i * n + k]! + set.left[d * n + k]! / ring.length;
        right[i * n + k] = right[i * n + k]! + set.right[d * n + k]! / ring.length;
      }
      itd += set.itdSec[d]! / ring.length;
    }
    itdSec[i] = itd;
  });
  return { ...set, directionCount: count, azimuthDeg, elevationDeg, left, right, itdSec };
}

function invertColumns(directions: Float64Array, a: number, b: number, c: number, out: Float64Array, o: number): void {
  const m00 = directions[3 * a]!, m10 = directions[3 * a + 1]!, m20 = directions[3 * a + 2]!;
  const m01 = directions[3 * b]!, m11 = directions[3 * b + 1]!, m21 = directions[3 * b + 2]!;
  const m02 = directions[3 * c]!, m12 = directions[3 * c + 1]!, m22 = directions[3 * c + 2]!;
  const c00 = m11 * m22 - m12 * m21;
  const c01 = m02 * m21 - m01 * m22;
  const c02 = m01 * m12 - m02 * m11;
  const c10 = m12 * m20 - m10 * m22;
  const c11 = m00 * m22 - m02 * m20;
  const c12 = m02 * m10 - m00 * m12;
  const c20 = m10 * m21 - m11 * m20;
  const c21 = m01 * m20 - m00 * m21;
  const c22 = m00 * m11 - m01 * m10;
  const det = m00 * c00 + m01 * c10 + m02 * c20;
  out.set([c00 / det, c01 / det, c02 / det, c10 / det, c11 / det, c12 / det, c20 / det, c21 / det, c22 / det], o);
}
