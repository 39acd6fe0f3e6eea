import type { Degrees } from '../core/units';

/** Front azimuths a new source may take, nearest the front first, left (+) before right (-): 15 degrees apart. */
const FRONT_CANDIDATES_DEG: readonly Degrees[] = [0, 30, -30, 15, -15, 45, -45, 60, -60, 75, -75, 90, -90];
/** Then behind, from the sides round to the back, in the same 15-degree steps. */
const REAR_CANDIDATES_DEG: readonly Degrees[] = [105, -105, 120, -120, 135, -135, 150, -150, 165, -165, 180];

/** A candidate at least this far in azimuth from every source counts as free. */
export const FREE_AZIMUTH_GAP_DEG: Degrees = 15;

/** Angle between two azimuths along the circle, 0..180 degrees. */
export function azimuthGapDeg(a: Degrees, b: Degrees): Degrees {
  const difference = Math.abs(a - b) % 360;
  return difference > 180 ? 360 - difference : difference;
}

/** An azimuth in the scene's range (-180, 180]. */
function wrapDeg(azimuthDeg: Degrees): Degrees {
  const wrapped = ((azimuthDeg % 360) + 360) % 360;
  return wrapped > 180 ? wrapped - 360 : wrapped;
}

/**
 * The middle of the widest empty arc between occupied azimuths (at least one), to 0.1
 * degree; of equally wide arcs, the one whose middle is nearest the front, left first.
 */
function widestGapMiddleDeg(occupiedDeg: readonly Degrees[]): Degrees {
  const sorted = occupiedDeg.map((a) => wrapDeg(a) + 180).sort((a, b) => a - b);
  let best: Degrees = 0;
  let bestWidthDeg = -1;
  sorted.forEach((from, i) => {
    const to = i + 1 < sorted.length ? sorted[i + 1]! : sorted[0]! + 360;
    const widthDeg = to - from;
    const middle = Math.round(wrapDeg(from + widthDeg / 2 - 180) * 10) / 10;
    const tie = Math.abs(widthDeg - bestWidthDeg) <= 1e-9;
    const nearerFront = Math.abs(middle) < Math.abs(best) || (Math.abs(middle) === Math.abs(best) && middle > best);
    if (widthDeg > bestWidthDeg + 1e-9 || (tie && nearerFront)) {
      best = middle;
      bestWidthDeg = widthDeg;
    }
  });
  return best;
}

/**
 * Where to put a new source: the first candidate in front (front first, then alternating
 * left and right in 15-degree steps up to the sides), else behind (from the sides round to
 * the back), at least FREE_AZIMUTH_GAP_DEG from every occupied azimuth; when the whole
 * circle is that crowded, the middle of the widest empty arc. So sources added one after
 * another never share a place: 24 fit 15 degrees apart, and each later one halves the
 * widest arc left.
 */
export function freeAzimuthDeg(occupiedDeg: readonly Degrees[]): Degrees {
  const nearestGapDeg = (candidate: Degrees): Degrees => occupiedDeg.reduce((nearest, azimuth) => Math.min(nearest, azimuthGapDeg(candidate, azimuth)), 180);
  for (const candidate of [...FRONT_CANDIDATES_DEG, ...REAR_CANDIDATES_DEG]) {
    if (nearestGapDeg(candidate) >= FREE_AZIMUTH_GAP_DEG) return candidate;
  }
  return widestGapMiddleDeg(occupiedDeg);
}
