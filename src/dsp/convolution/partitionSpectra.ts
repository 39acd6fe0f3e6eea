import { realFftForward } from '../fft';
import type { RealFft } from '../fft';

/** Number of B-sample partitions a filter of `filterLength` taps needs. */
export function partitionCount(filterLength: number, blockSize: number): number {
  return Math.max(1, Math.ceil(filterLength / blockSize));
}

/**
 * Spectra of the filter's partitions h_p = h[pB, (p+1)B), each zero-padded to 2B, stored
 * flat (P x bins) in outRe/outIm; taps beyond filterLength count as zero. `scratch` has
 * length 2B. Allocation-free, so filters can be rebuilt while a source moves.
 */
export function filterPartitionSpectra(
  fft: RealFft,
  filter: ArrayLike<number>,
  filterLength: number,
  partitions: number,
  outRe: Float64Array,
  outIm: Float64Array,
  scratch: Float64Array,
): void {
  const b = fft.size / 2;
  const bins = fft.bins;
  for (let p = 0; p < partitions; p++) {
    scratch.fill(0);
    const start = p * b;
    const end = Math.min(filterLength, start + b);
    for (let i = start; i < end; i++) scratch[i - start] = filter[i]!;
    const o = p * bins;
    realFftForward(fft, scratch, outRe.subarray(o, o + bins), outIm.subarray(o, o + bins));
  }
}
