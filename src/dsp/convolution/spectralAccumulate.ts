import { spectrumOffset } from './frequencyDelayLine';
import type { FrequencyDelayLine } from './frequencyDelayLine';

/**
 * acc += sum_p X_(n-p) H_p for one filter: a complex multiply-accumulate over all bins
 * and partitions. `filter` holds P x bins interleaved (re, im) values and `acc` bins
 * interleaved values (filterPartitionSpectra with one channel). Allocation-free.
 */
export function accumulateFiltered(fdl: FrequencyDelayLine, filter: Float64Array, acc: Float64Array): void {
  const bins = fdl.bins;
  const x = fdl.spectra;
  for (let p = 0; p < fdl.partitions; p++) {
    const xo = spectrumOffset(fdl, p);
    const ho = p * bins * 2;
    for (let k = 0; k < 2 * bins; k += 2) {
      const xr = x[xo + k]!;
      const xi = x[xo + k + 1]!;
      const hr = filter[ho + k]!;
      const hi = filter[ho + k + 1]!;
      acc[k] = acc[k]! + xr * hr - xi * hi;
      acc[k + 1] = acc[k + 1]! + xr * hi + xi * hr;
    }
  }
}

/**
 * The same for two filters applied to one input (the two ears of a binaural object),
 * each input bin read once for both. `filter` holds, per partition and bin, (left re,
 * left im, right re, right im); `acc` holds the same four values per bin.
 */
export function accumulateFilteredPair(fdl: FrequencyDelayLine, filter: Float64Array, acc: Float64Array): void {
  const bins = fdl.bins;
  const x = fdl.spectra;
  for (let p = 0; p < fdl.partitions; p++) {
    let xo = spectrumOffset(fdl, p);
    let ho = p * bins * 4;
    for (let a = 0; a < 4 * bins; a += 4) {
      const xr = x[xo]!;
      const xi = x[xo + 1]!;
      const lr = filter[ho]!;
      const li = filter[ho + 1]!;
      const rr = filter[ho + 2]!;
      const ri = filter[ho + 3]!;
      acc[a] = acc[a]! + xr * lr - xi * li;
      acc[a + 1] = acc[a + 1]! + xr * li + xi * lr;
      acc[a + 2] = acc[a + 2]! + xr * rr - xi * ri;
      acc[a + 3] = acc[a + 3]! + xr * ri + xi * rr;
      xo += 2;
      ho += 4;
    }
  }
}
