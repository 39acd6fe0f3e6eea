import type { Degrees } from '../../../core/units';

/**
 * Channel lock (ITU-R BS.2127): an object moves onto the nearest loudspeaker, among those
 * within maxDistance (plus 1e-5) of it when that is given; if none is that near, it stays.
 * "Nearest" is Euclidean for polar objects (unit direction vectors of the loudspeakers)
 * and weighted by (1/16, 4, 32) along (X, Y, Z) for Cartesian ones (allocentric
 * positions), so a lock moves an object left-right before front-back before up-down.
 * Ties (within 1e-5) go to the loudspeaker of lowest |elevation|, then elevation, then
 * |azimuth|, then azimuth.
 */
export interface ChannelLockState {
  readonly count: number;
  readonly positions: Float64Array;
  readonly axisWeights: readonly [number, number, number];
  /** Rank of each loudspeaker in the tie-break order (0 first). */
  readonly rank: Int32Array;
}

export const POLAR_LOCK_WEIGHTS = [1, 1, 1] as const;
export const CARTESIAN_LOCK_WEIGHTS = [1 / 16, 4, 32] as const;

const TOLERANCE = 1e-5;

export function createChannelLock(
  positions: Float64Array,
  azimuthsDeg: readonly Degrees[],
  elevationsDeg: readonly Degrees[],
  axisWeights: readonly [number, number, number],
): ChannelLockState {
  const count = azimuthsDeg.length;
  const order = [...Array(count).keys()].sort(
    (a, b) =>
      Math.abs(elevationsDeg[a]!) - Math.abs(elevationsDeg[b]!) ||
      elevationsDeg[a]! - elevationsDeg[b]! ||
      Math.abs(azimuthsDeg[a]!) - Math.abs(azimuthsDeg[b]!) ||
      azimuthsDeg[a]! - azimuthsDeg[b]! ||
      a - b,
  );
  const rank = new Int32Array(count);
  for (const [r, i] of order.entries()) rank[i] = r;
  return { count, positions, axisWeights, rank };
}

/**
 * Moves position[0..2] onto the locked loudspeaker's position, if any. Loudspeakers with
 * excluded[i] = 1 are not considered (null: none excluded). Allocation-free.
 */
export function applyChannelLock(state: ChannelLockState, maxDistance: number | null, excluded: Uint8Array | null, position: Float64Array): void {
  const { positions, axisWeights, rank } = state;
  let best = -1;
  let bestDistance = Infinity;
  // first pass: the smallest weighted distance among the candidates
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < state.count; i++) {
      if (excluded !== null && excluded[i] === 1) continue;
      const dx = position[0]! - positions[3 * i]!;
      const dy = position[1]! - positions[3 * i + 1]!;
      const dz = position[2]! - positions[3 * i + 2]!;
      if (maxDistance !== null && Math.sqrt(dx * dx + dy * dy + dz * dz) >= maxDistance + TOLERANCE) continue;
      const weighted = Math.sqrt(axisWeights[0] * dx * dx + axisWeights[1] * dy * dy + axisWeights[2] * dz * dz);
      if (pass === 0) bestDistance = Math.min(bestDistance, weighted);
      else if (weighted < bestDistance + TOLERANCE && (best < 0 || rank[i]! < rank[best]!)) best = i;
    }
    if (bestDistance === Infinity) return;
  }
  position[0] = positions[3 * best]!;
  position[1] = positions[3 * best + 1]!;
  position[2] = positions[3 * best + 2]!;
}
