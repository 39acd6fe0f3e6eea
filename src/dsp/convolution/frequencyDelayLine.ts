import { realFftForward } from '../fft';
import type { RealFft } from '../fft';

/**
 * The input side of uniformly partitioned overlap-save convolution (Wefers, "Partitioned
 * convolution algorithms for real-time auralization", 2015, section 5.3): each block of B
 * samples is transformed together with the block before it (FFT size 2B), and the last P
 * spectra are kept so that a P-partition filter can be applied as
 *   Y_n = sum_p X_(n-p) H_p.
 * Spectra are stored flat, P x bins, in a ring whose newest entry is at `head`.
 */
export interface FrequencyDelayLine {
  readonly fft: RealFft;
  readonly blockSize: number;
  readonly partitions: number;
  readonly bins: number;
  /** The last two blocks of input, oldest first (length 2B). */
  readonly window: Float64Array;
  readonly re: Float64Array;
  readonly im: Float64Array;
  head: number;
}

export function createFrequencyDelayLine(fft: RealFft, partitions: number): FrequencyDelayLine {
  const bins = fft.bins;
  return {
    fft,
    blockSize: fft.size / 2,
    partitions,
    bins,
    window: new Float64Array(fft.size),
    re: new Float64Array(partitions * bins),
    im: new Float64Array(partitions * bins),
    head: 0,
  };
}

/** Shifts in one block of B samples and stores its spectrum as the newest. Allocation-free. */
export function pushBlock(fdl: FrequencyDelayLine, block: ArrayLike<number>): void {
  const b = fdl.blockSize;
  const window = fdl.window;
  window.copyWithin(0, b);
  for (let i = 0; i < b; i++) window[b + i] = block[i]!;
  fdl.head = fdl.head + 1 === fdl.partitions ? 0 : fdl.head + 1;
  const offset = fdl.head * fdl.bins;
  realFftForward(fdl.fft, window, fdl.re.subarray(offset, offset + fdl.bins), fdl.im.subarray(offset, offset + fdl.bins));
}

/** Forgets all input (silence before the next block). */
export function clearFrequencyDelayLine(fdl: FrequencyDelayLine): void {
  fdl.window.fill(0);
  fdl.re.fill(0);
  fdl.im.fill(0);
}
