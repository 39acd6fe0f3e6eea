/**
 * Interaural time difference of measured HRIR pairs by first-onset threshold detection on
 * low-passed HRIRs: each ear's HRIR is low-passed at 3 kHz, its onset is the first time
 * the rectified result reaches -30 dB relative to its own peak, and
 *   ITD = onset(right) - onset(left)   (positive when the source is on the left).
 * Andreopoulou and Katz ("Identification of perceptually relevant methods of inter-aural
 * time difference estimation", JASA 142(2), 588-598, 2017) found exactly this variant
 * (-30 dB, 3 kHz low-pass) the most perceptually relevant of the methods compared by
 * Katz and Noisternig ("A comparative study of interaural time delay estimation
 * methods", JASA 135(6), 3530-3540, 2014).
 *
 * The low-pass is a causal 4th-order Butterworth (two cascaded RBJ biquads, R.
 * Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients", with
 * Q = 1 / (2 sin((2k - 1) pi / 8)), k = 1, 2): being causal it adds no pre-ringing ahead
 * of the onset, and its group delay is the same for both ears, so it cancels in the ITD.
 * The onset is refined below a sample by linear interpolation of the rectified signal
 * between the last sample under the threshold and the first one at or above it; the
 * low-passed signal is oversampled at least 7 times at 44.1 kHz, so it is close to
 * linear over one sample.
 */
export const LOW_PASS_HZ = 3000;
export const ONSET_THRESHOLD_DB = -30;
const BUTTERWORTH_Q = [1 / (2 * Math.sin(Math.PI / 8)), 1 / (2 * Math.sin((3 * Math.PI) / 8))] as const;

/**
 * ITD in seconds of each direction of flat `left`/`right` HRIRs (directionCount x irLength).
 * Throws when the low-pass cutoff is not below the Nyquist frequency.
 */
export function estimateItdSec(
  left: Float32Array,
  right: Float32Array,
  directionCount: number,
  irLength: number,
  sampleRateHz: number,
): Float64Array {
  if (LOW_PASS_HZ >= sampleRateHz / 2) {
    throw new RangeError(`estimateItdSec: sample rate ${sampleRateHz} Hz is too low for the ${LOW_PASS_HZ} Hz low-pass`);
  }
  const sections = BUTTERWORTH_Q.map((q) => lowPassBiquad(LOW_PASS_HZ / sampleRateHz, q));
  const work = new Float64Array(irLength);
  const itdSec = new Float64Array(directionCount);
  for (let d = 0; d < directionCount; d++) {
    const leftOnset = onsetSamples(left.subarray(d * irLength, (d + 1) * irLength), sections, work);
    const rightOnset = onsetSamples(right.subarray(d * irLength, (d + 1) * irLength), sections, work);
    itdSec[d] = (rightOnset - leftOnset) / sampleRateHz;
  }
  return itdSec;
}

interface Biquad {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/** RBJ cookbook low-pass, normalised by a0; `cutoff` in cycles per sample. */
function lowPassBiquad(cutoff: number, q: number): Biquad {
  const w0 = 2 * Math.PI * cutoff;
  const alpha = Math.sin(w0) / (2 * q);
  const cosW0 = Math.cos(w0);
  const a0 = 1 + alpha;
  return {
    b0: (1 - cosW0) / 2 / a0,
    b1: (1 - cosW0) / a0,
    b2: (1 - cosW0) / 2 / a0,
    a1: (-2 * cosW0) / a0,
    a2: (1 - alpha) / a0,
  };
}

/** Onset in (fractional) samples of one HRIR; `work` holds the low-passed signal. */
function onsetSamples(hrir: Float32Array, sections: readonly Biquad[], work: Float64Array): number {
  work.set(hrir);
  for (const { b0, b1, b2, a1, a2 } of sections) {
    let x1 = 0;
    let x2 = 0;
    let y1 = 0;
    let y2 = 0;
    for (let n = 0; n < work.length; n++) {
      const x = work[n]!;
      const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      work[n] = y;
    }
  }
  let peak = 0;
  for (let n = 0; n < work.length; n++) peak = Math.max(peak, Math.abs(work[n]!));
  if (peak === 0) return 0;
  const threshold = peak * Math.pow(10, ONSET_THRESHOLD_DB / 20);
  let previous = 0;
  for (let n = 0; n < work.length; n++) {
    const current = Math.abs(work[n]!);
    if (current >= threshold) return n === 0 ? 0 : n - 1 + (threshold - previous) / (current - previous);
    previous = current;
  }
  return 0;
}
