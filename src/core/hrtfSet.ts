/**
 * A measured HRTF set prepared for rendering: minimum-phase HRIRs with the interaural
 * time difference kept apart, one pair per measured direction.
 *
 * Directions follow ITU-R BS.2076 (DESIGN.md section 4): azimuth in degrees, 0 = front,
 * positive towards the listener's left; elevation in degrees, +90 overhead.
 *
 * Arrays are flat: hrir `d` of the left ear is left.subarray(d * hrirLength, (d + 1) * hrirLength).
 */
export interface HrtfSet {
  /** Where the set came from, for reports (e.g. "MIT KEMAR normal pinna"). */
  readonly name: string;
  readonly sampleRateHz: number;
  readonly directionCount: number;
  readonly hrirLength: number;
  readonly azimuthDeg: Float64Array;
  readonly elevationDeg: Float64Array;
  /** Minimum-phase HRIRs, directionCount x hrirLength each. */
  readonly left: Float32Array;
  readonly right: Float32Array;
  /**
   * Interaural time difference per direction in seconds: arrival time at the right ear
   * minus arrival time at the left ear. Positive when the source is on the left
   * (the left ear hears it first).
   */
  readonly itdSec: Float64Array;
}

/**
 * The largest interaural time difference a set may have, in seconds: more than twice a
 * human head's (about 0.7 ms at 90 degrees), and what the binaural filters hold beside the
 * HRIR at every supported rate (their 256 taps at 48 kHz leave 5.3 ms for HRIR and delay).
 */
export const MAX_ITD_SEC = 0.002;
