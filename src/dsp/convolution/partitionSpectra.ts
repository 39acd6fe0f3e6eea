import { realFftForward } from '../fft';
import type { RealFft } from '../fft';

/** Number of B-sample partitions a filter of `filterLength` taps needs. */
export function partitionCount(filterLength: number, blockSize: number): number {
  return Math.max(1, Math.ceil(filterLength / blockSize));
}

/** Scratch for filterPartitionSpectra: a 2B time buffer and the split spectrum. */
export interface PartitionScratch {
  readonly time: Float64Array;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export function createPartitionScratch(fft: RealFft): PartitionScratch {
  return { time: new Float64Array(fft.size), re: new Float64Array(fft.bins), im: new Float64Array(fft.bins) };
}

/**
 * Spectra of the filter's partitions h_p = h[pB, (p+1)B), each zero-padded to 2B, written
 * interleaved into `out`: for partition p and bin k, re at
 *   ((p * bins + k) * channels + channel) * 2
 * and im just after, so several filters (`channels` of them, e.g. two ears) can share one
 * array, bin by bin. Taps beyond filterLength count as zero. Allocation-free, so filters
 * can be rebuilt while a source moves.
 */
export function filterPartitionSpectra(
  fft: RealFft,
  filter: ArrayLike<number>,
  filterLength: number,
  partitions: number,
  out: Float64Array,
  channel: number,
  channels: number,
  scratch: PartitionScratch,
): void {
  const b = fft.size / 2;
  const bins = fft.bins;
  const { time, re, im } = scratch;
  for (let p = 0; p < partitions; p++) {
    time.fill(0);
    const start = p * b;
    const end = Math.min(filterLength, start + b);
    for (let i = start; i < end; i++) time[i - start] = filter[i]!;
    realFftForward(fft, time, re, im);
    for (let k = 0; k < bins; k++) {
      const o = ((p * bins + k) * channels + channel) * 2;
      out[o] = re[k]!;
      out[o + 1] = im[k]!;
    }
  }
}
