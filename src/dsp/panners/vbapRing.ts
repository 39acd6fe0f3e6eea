import { RADIANS_PER_DEGREE, wrapAzimuthDeg } from '../../core/units';
import type { Degrees } from '../../core/units';

/**
 * Two-dimensional vector base amplitude panning (VBAP) over a ring of loudspeakers on the
 * horizontal plane. V. Pulkki, "Virtual sound source positioning using vector base
 * amplitude panning", J. Audio Eng. Soc. 45(6), 1997.
 *
 * Loudspeaker k has the unit vector u_k = (-sin az_k, cos az_k) on the scene axes
 * (x right, y front; BS.2076 azimuth, positive to the left). Adjacent loudspeakers (in
 * azimuth order, wrapping round) form pairs. For a horizontal direction p, the pair
 * (a, b) that contains it has both gains of
 *   g_a u_a + g_b u_b = p,   i.e.   (g_a, g_b) = [u_a u_b]^-1 p,
 * non-negative; every other pair has a negative gain, so the pair is the one whose
 * smaller gain is largest. The gains are not normalised: they scale with |p|.
 */
export interface VbapRing {
  readonly speakerCount: number;
  /** Per pair, the index (into the azimuths given) of its first and second loudspeaker. */
  readonly pairFirst: Int32Array;
  readonly pairSecond: Int32Array;
  /** Per pair, [u_a u_b]^-1 row-major: 4 numbers a pair. */
  readonly pairInverse: Float64Array;
}

/**
 * A ring over loudspeakers at `azimuthsDeg` (any order; indices refer to this array).
 * Adjacent loudspeakers must be less than 180 degrees apart, else a pair cannot span its
 * gap, so a ring has at least three; throws otherwise.
 */
export function createVbapRing(azimuthsDeg: readonly Degrees[]): VbapRing {
  const speakerCount = azimuthsDeg.length;
  if (speakerCount < 3) throw new Error(`VBAP ring: needs at least 3 loudspeakers, got ${speakerCount}`);
  const sorted = azimuthsDeg
    .map((azimuthDeg, index) => ({ index, azimuthDeg: wrapAzimuthDeg(azimuthDeg) }))
    .sort((p, q) => p.azimuthDeg - q.azimuthDeg);
  const pairFirst = new Int32Array(speakerCount);
  const pairSecond = new Int32Array(speakerCount);
  const pairInverse = new Float64Array(4 * speakerCount);
  for (const [pair, a] of sorted.entries()) {
    const b = sorted[(pair + 1) % speakerCount] ?? a;
    const gapDeg = (b.azimuthDeg - a.azimuthDeg + 360) % 360;
    if (!(gapDeg > 0 && gapDeg < 180)) {
      throw new Error(
        `VBAP ring: adjacent loudspeakers at ${a.azimuthDeg} and ${b.azimuthDeg} degrees ` +
          'are not between 0 and 180 degrees apart',
      );
    }
    const ax = -Math.sin(a.azimuthDeg * RADIANS_PER_DEGREE);
    const ay = Math.cos(a.azimuthDeg * RADIANS_PER_DEGREE);
    const bx = -Math.sin(b.azimuthDeg * RADIANS_PER_DEGREE);
    const by = Math.cos(b.azimuthDeg * RADIANS_PER_DEGREE);
    const det = ax * by - bx * ay;
    pairFirst[pair] = a.index;
    pairSecond[pair] = b.index;
    pairInverse.set([by / det, -bx / det, -ay / det, ax / det], 4 * pair);
  }
  return { speakerCount, pairFirst, pairSecond, pairInverse };
}

/**
 * Finds the pair containing the horizontal direction (x, y) and writes its gains into
 * `gainsOut[0]` (for `pairFirst[pair]`) and `gainsOut[1]` (for `pairSecond[pair]`).
 * Returns the pair index. Allocates nothing. For (0, 0) the gains are 0.
 */
export function vbapRingPair(ring: VbapRing, x: number, y: number, gainsOut: Float64Array): number {
  const m = ring.pairInverse;
  let bestPair = 0;
  let bestMin = -Infinity;
  let bestA = 0;
  let bestB = 0;
  for (let pair = 0; pair < ring.speakerCount; pair++) {
    const k = 4 * pair;
    const gainA = (m[k] ?? 0) * x + (m[k + 1] ?? 0) * y;
    const gainB = (m[k + 2] ?? 0) * x + (m[k + 3] ?? 0) * y;
    const smaller = Math.min(gainA, gainB);
    if (smaller > bestMin) {
      bestMin = smaller;
      bestPair = pair;
      bestA = gainA;
      bestB = gainB;
    }
  }
  gainsOut[0] = bestA;
  gainsOut[1] = bestB;
  return bestPair;
}
