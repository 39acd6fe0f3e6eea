import type { FrequencyDelayLine } from './frequencyDelayLine';

/**
 * acc += sum_p X_(n-p) H_p for one filter (complex multiply-accumulate over all bins and
 * partitions). Allocation-free.
 */
export function accumulateFiltered(
  fdl: FrequencyDelayLine,
  hRe: Float64Array,
  hIm: Float64Array,
  accRe: Float64Array,
  accIm: Float64Array,
): void {
  const bins = fdl.bins;
  const P = fdl.partitions;
  const xRe = fdl.re;
  const xIm = fdl.im;
  for (let p = 0; p < P; p++) {
    const xo = ((fdl.head - p + P) % P) * bins;
    const ho = p * bins;
    for (let k = 0; k < bins; k++) {
      const xr = xRe[xo + k]!;
      const xi = xIm[xo + k]!;
      const hr = hRe[ho + k]!;
      const hi = hIm[ho + k]!;
      accRe[k] = accRe[k]! + xr * hr - xi * hi;
      accIm[k] = accIm[k]! + xr * hi + xi * hr;
    }
  }
}

/**
 * The same for two filters applied to one input (the two ears of a binaural object):
 * each input spectrum is read once for both. Filters are stored left then right.
 */
export function accumulateFilteredPair(
  fdl: FrequencyDelayLine,
  leftRe: Float64Array,
  leftIm: Float64Array,
  rightRe: Float64Array,
  rightIm: Float64Array,
  accLeftRe: Float64Array,
  accLeftIm: Float64Array,
  accRightRe: Float64Array,
  accRightIm: Float64Array,
): void {
  const bins = fdl.bins;
  const P = fdl.partitions;
  const xRe = fdl.re;
  const xIm = fdl.im;
  for (let p = 0; p < P; p++) {
    const xo = ((fdl.head - p + P) % P) * bins;
    const ho = p * bins;
    for (let k = 0; k < bins; k++) {
      const xr = xRe[xo + k]!;
      const xi = xIm[xo + k]!;
      const lr = leftRe[ho + k]!;
      const li = leftIm[ho + k]!;
      const rr = rightRe[ho + k]!;
      const ri = rightIm[ho + k]!;
      accLeftRe[k] = accLeftRe[k]! + xr * lr - xi * li;
      accLeftIm[k] = accLeftIm[k]! + xr * li + xi * lr;
      accRightRe[k] = accRightRe[k]! + xr * rr - xi * ri;
      accRightIm[k] = accRightIm[k]! + xr * ri + xi * rr;
    }
  }
}
