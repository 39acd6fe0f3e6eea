/**
 * Shortening minimum-phase HRIRs: how long they must be, and the fade that ends them.
 *
 * Default length: the shortest that keeps ENERGY_FRACTION (99.9 %) of the energy of every
 * HRIR of the set, rounded up to a multiple of LENGTH_STEP samples, and at most
 * MAX_LENGTH_SEC (5 ms, rounded down to that multiple). A minimum-phase HRIR has its
 * energy packed at the start, so what is cut is the low-level tail. The kept response
 * ends with a half-Hann fade over FADE_SEC, so it does not stop with a step.
 */
const ENERGY_FRACTION = 0.999;
const LENGTH_STEP = 16;
const MAX_LENGTH_SEC = 0.005;
export const FADE_SEC = 0.25e-3;

/** The smallest n with sum_{i<n} h[i]^2 >= 99.9 % of sum_i h[i]^2 (0 for a silent response). */
export function energyLength(response: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < response.length; i++) total += response[i]! * response[i]!;
  if (total === 0) return 0;
  const target = ENERGY_FRACTION * total;
  let sum = 0;
  for (let i = 0; i < response.length; i++) {
    sum += response[i]! * response[i]!;
    if (sum >= target) return i + 1;
  }
  return response.length;
}

/** The longest HRIR length the default allows at `sampleRateHz`. */
export function maxHrirLength(sampleRateHz: number): number {
  return Math.max(LENGTH_STEP, Math.floor((MAX_LENGTH_SEC * sampleRateHz) / LENGTH_STEP) * LENGTH_STEP);
}

/** The default HRIR length for a set whose longest 99.9 %-energy length is `longestEnergyLength`. */
export function defaultHrirLength(longestEnergyLength: number, sampleRateHz: number): number {
  const rounded = Math.max(LENGTH_STEP, Math.ceil(longestEnergyLength / LENGTH_STEP) * LENGTH_STEP);
  return Math.min(rounded, maxHrirLength(sampleRateHz));
}

/** Fade length in samples at `sampleRateHz`, at least one sample and at most half of `length`. */
export function fadeLength(length: number, sampleRateHz: number): number {
  return Math.max(1, Math.min(Math.floor(length / 2), Math.round(FADE_SEC * sampleRateHz)));
}

/**
 * Copies the first `length` samples of `source` into `target` with the last `fade`
 * of them weighted by the falling half of a Hann window,
 *   w[j] = 0.5 (1 + cos(pi (j + 1) / (fade + 1))),   j = 0 .. fade - 1,
 * which ends one step above zero, so no kept sample is wasted on a zero weight.
 */
export function truncateWithFade(source: ArrayLike<number>, target: Float32Array, length: number, fade: number): void {
  const fadeStart = length - fade;
  for (let n = 0; n < length; n++) {
    const sample = n < source.length ? source[n]! : 0;
    const weight = n < fadeStart ? 1 : 0.5 * (1 + Math.cos((Math.PI * (n - fadeStart + 1)) / (fade + 1)));
    target[n] = sample * weight;
  }
}
