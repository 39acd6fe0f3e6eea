import type { Degrees } from '../core/units';

/** Front azimuths a new source may take, nearest the front first, left (+) before right (-). */
const FRONT_CANDIDATES_DEG: readonly Degrees[] = [0, 30, -30, 15, -15, 45, -45, 60, -60, 75, -75, 90, -90];

/** A candidate at least this far in azimuth from every source counts as free. */
export const FREE_AZIMUTH_GAP_DEG: Degrees = 15;

/** Angle between two azimuths along the circle, 0..180 degrees. */
export function azimuthGapDeg(a: Degrees, b: Degrees): Degrees {
  const difference = Math.abs(a - b) % 360;
  return difference > 180 ? 360 - difference : difference;
}

/**
 * Where to put a new source in front of the listener: the first candidate (front first,
 * then alternating left and right in 15-30 degree steps up to the sides) at least
 * FREE_AZIMUTH_GAP_DEG from every occupied azimuth; when the front half is crowded, the
 * candidate farthest from its nearest neighbour.
 */
export function freeFrontAzimuthDeg(occupiedDeg: readonly Degrees[]): Degrees {
  let best: Degrees = 0;
  let bestGapDeg = -1;
  for (const candidate of FRONT_CANDIDATES_DEG) {
    const gapDeg = occupiedDeg.reduce((nearest, azimuth) => Math.min(nearest, azimuthGapDeg(candidate, azimuth)), 180);
    if (gapDeg >= FREE_AZIMUTH_GAP_DEG) return candidate;
    if (gapDeg > bestGapDeg) {
      best = candidate;
      bestGapDeg = gapDeg;
    }
  }
  return best;
}
