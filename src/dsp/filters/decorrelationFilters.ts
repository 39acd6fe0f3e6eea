import { createRealFft, realFftInverse } from '../fft';
import { seededRandom } from '../seededRandom';

/**
 * Decorrelation filters for the diffuse path of object rendering (ITU-R BS.2127 section
 * 7.4): one all-pass FIR per output channel, so that the diffuse part of an object
 * reaches the loudspeakers with the spectrum it has but mutually uncorrelated.
 *
 * Design, as the Recommendation's: a random-phase spectrum of unit magnitude,
 *   H(k) = exp(i phi_k),  phi_k uniform in [0, 2 pi) for 0 < k < N/2,  phi_0 = phi_N/2 = 0,
 * taken to an N-tap real impulse response by the inverse DFT (N = 512 at every sample
 * rate). The phases come from a seeded generator: the reference uses MT19937 seeded with
 * the channel's index among the layout's labels sorted; here a 32-bit mixing generator
 * (mulberry32) is seeded the same way, so the filters differ from the reference's but
 * have its properties (tested): |H| = 1 at the N DFT bins, unit energy, low correlation
 * between channels.
 *
 * Delay: the diffuse path has no single delay (the response is spread over all N taps);
 * the reference compensates the direct path by (N - 1) / 2 rounded down, 255 samples for
 * N = 512, and so does DECORRELATION_DELAY_SAMPLES.
 */

export const DECORRELATION_FILTER_LENGTH = 512;

/** The delay to give the direct path so it stays aligned with the diffuse path. */
export const DECORRELATION_DELAY_SAMPLES = (DECORRELATION_FILTER_LENGTH - 1) >> 1;

/**
 * One filter per label, in the given order (set-up; allocates). Filter k is seeded with
 * the index of labels[k] among the labels sorted, so a layout's filters do not depend on
 * its channel order. Throws on a repeated label.
 */
export function designDecorrelationFilters(labels: readonly string[], length = DECORRELATION_FILTER_LENGTH): Float32Array[] {
  const sorted = [...labels].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw new Error(`decorrelation filters: channel label "${sorted[i]}" appears twice`);
  }
  return labels.map((label) => designDecorrelationFilter(sorted.indexOf(label), length));
}

/** The all-pass random-phase filter with phases from `seed`. */
export function designDecorrelationFilter(seed: number, length = DECORRELATION_FILTER_LENGTH): Float32Array {
  const fft = createRealFft(length);
  const bins = length / 2 + 1;
  const re = new Float64Array(bins);
  const im = new Float64Array(bins);
  const random = seededRandom(seed);
  re[0] = 1;
  re[bins - 1] = 1;
  for (let k = 1; k < bins - 1; k++) {
    const phase = 2 * Math.PI * random();
    re[k] = Math.cos(phase);
    im[k] = Math.sin(phase);
  }
  const out = new Float32Array(length);
  realFftInverse(fft, re, im, out);
  return out;
}
