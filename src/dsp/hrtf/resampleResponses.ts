/**
 * Resamples many short impulse responses at once with the band-limited resampler, keeping
 * each one's pre- and post-ringing.
 *
 * The resampler treats the signal as zero outside its ends, so ringing that would fall
 * before the first or after the last sample is lost. Each response is therefore placed
 * between `reach` zeros on both sides, where reach is how far the resampler's kernel
 * spreads an impulse (measured on the resampler itself, so it follows its design). All
 * responses go through one call, laid end to end in slots of S input samples, S a
 * multiple of `down` in toHz / fromHz = up / down (lowest terms): slot d then starts at
 * output sample d S up / down exactly, and every response is resampled at the same
 * fractional positions (one call per response would rebuild the kernel each time).
 *
 * The resampler keeps a waveform's amplitude, but the gain of a filter,
 * H(f) = sum_n h[n] e^(-2 pi i f n / fs), grows with the number of samples per second;
 * so the responses are scaled by fromHz / toHz to keep their frequency responses.
 */
import { resample } from '../resample';

/** An impulse response of the resampler below this, relative to its peak, counts as ended. */
const NEGLIGIBLE_RELATIVE = 1e-6;
/**
 * Slots may be at most this many times what a response and its ringing need. Usual rate
 * pairs have small `down` (147 for 44.1 -> 48 kHz, 320 for 96 -> 44.1 kHz); a ratio like
 * 44100/48001 would make every slot 44100 samples long.
 */
const MAX_SLOT_GROWTH = 8;

export interface ResampledResponses {
  /** count x length, flat; response d starts `reach` input samples (scaled to the new rate) late. */
  readonly responses: Float32Array;
  readonly length: number;
}

/**
 * Resamples `count` responses of `length` samples (flat in `responses`) from `fromHz` to
 * `toHz`. Both rates must be whole numbers of hertz with a ratio that reduces to small
 * numbers (see MAX_SLOT_GROWTH); anything else is a RangeError.
 */
export function resampleResponses(
  responses: Float32Array,
  count: number,
  length: number,
  fromHz: number,
  toHz: number,
): ResampledResponses {
  if (!Number.isSafeInteger(fromHz) || !Number.isSafeInteger(toHz) || fromHz <= 0 || toHz <= 0) {
    throw new RangeError(`resampleResponses: sample rates must be positive whole numbers of hertz, got ${fromHz} and ${toHz}`);
  }
  let a = fromHz;
  let b = toHz;
  while (b !== 0) [a, b] = [b, a % b];
  const up = toHz / a;
  const down = fromHz / a;
  const reach = resamplerReach(fromHz, toHz);
  const slot = Math.ceil((length + 2 * reach) / down) * down;
  if (slot > MAX_SLOT_GROWTH * (length + 2 * reach)) {
    throw new RangeError(`resampleResponses: ${fromHz} -> ${toHz} Hz reduces to ${up}/${down}, too fine a ratio to resample HRIRs together`);
  }
  const outputSlot = (slot / down) * up;
  const laidOut = new Float32Array(count * slot);
  for (let d = 0; d < count; d++) laidOut.set(responses.subarray(d * length, (d + 1) * length), d * slot + reach);
  const resampled = resample(laidOut, fromHz, toHz).subarray(0, count * outputSlot);
  const gain = fromHz / toHz;
  for (let i = 0; i < resampled.length; i++) resampled[i] = resampled[i]! * gain;
  return { responses: resampled, length: outputSlot };
}

/** Input samples on either side of an impulse that the resampler's output still reaches. */
function resamplerReach(fromHz: number, toHz: number): number {
  for (let probe = 64; ; probe *= 2) {
    const impulse = new Float32Array(2 * probe + 1);
    impulse[probe] = 1;
    const response = resample(impulse, fromHz, toHz);
    let peak = 0;
    for (const sample of response) peak = Math.max(peak, Math.abs(sample));
    let first = -1;
    let last = -1;
    response.forEach((sample, n) => {
      if (Math.abs(sample) <= NEGLIGIBLE_RELATIVE * peak) return;
      if (first < 0) first = n;
      last = n;
    });
    if (first > 0 && last < response.length - 1) {
      const centre = (probe * toHz) / fromHz;
      return Math.ceil((Math.max(centre - first, last - centre) * fromHz) / toHz) + 1;
    }
  }
}
