/**
 * Head-related impulse responses as measured, before any preparation: the original
 * (mixed-phase) HRIRs with their propagation delays still in them, one pair per
 * measured direction. `prepareHrtfSet` turns this into an `HrtfSet`.
 *
 * Directions follow ITU-R BS.2076 (DESIGN.md section 4): azimuth in degrees in
 * (-180, 180], 0 = front, positive towards the listener's left; elevation in degrees,
 * +90 overhead; distance in metres.
 *
 * Arrays are flat: hrir `d` of the left ear is left.subarray(d * irLength, (d + 1) * irLength).
 */
export interface MeasuredHrirSet {
  /** Where the set came from, for reports (e.g. "MIT KEMAR, normal pinna"). */
  readonly name: string;
  /** Who made the measurements and on what terms, as far as the source file says. */
  readonly provenance: string;
  readonly sampleRateHz: number;
  readonly directionCount: number;
  readonly irLength: number;
  readonly azimuthDeg: Float64Array;
  readonly elevationDeg: Float64Array;
  readonly distanceM: Float64Array;
  /** Measured HRIRs, directionCount x irLength each. */
  readonly left: Float32Array;
  readonly right: Float32Array;
}
