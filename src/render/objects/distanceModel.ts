/**
 * How distance changes an object's sound, beyond its direction.
 *
 * Level: the inverse distance law relative to a reference of 1 m, clamped inside it so a
 * source near the head never gets louder than at the reference:
 *   g(d) = REFERENCE_DISTANCE_M / max(d, REFERENCE_DISTANCE_M).
 *
 * Air absorption: the loss alpha(f) (d - REFERENCE_DISTANCE_M) dB of ISO 9613-1 on the way
 * beyond the reference distance (airAbsorption.ts; realised by airAbsorptionFilter.ts, designed
 * in airAbsorptionDesign.ts), so
 * that, as for the level, a source at the reference distance sounds as its stem does.
 */
const REFERENCE_DISTANCE_M = 1;

/** Amplitude gain of the inverse distance law at `distanceM`. */
export function distanceGain(distanceM: number): number {
  return REFERENCE_DISTANCE_M / Math.max(distanceM, REFERENCE_DISTANCE_M);
}

/** The distance travelled beyond the reference distance, metres (0 within it): what the air absorbs over. */
export function excessDistanceM(distanceM: number): number {
  return Math.max(0, distanceM - REFERENCE_DISTANCE_M);
}
