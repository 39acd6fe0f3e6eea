import { realFftForward } from '../fft';
import type { RealFft } from '../fft';

/**
 * The input side of uniformly partitioned overlap-save convolution (Wefers, "Partitioned
 * convolution algorithms for real-time auralization", 2015, section 5.3): each block of B
 * samples is transformed together with the block before it (FFT size 2B), and the last P
 * spectra are kept so that a P-partition filter can be applied as
 *   Y_n = sum_p X_(n-p) H_p.
 * Spectra are stored interleaved (re, im per bin), P slots of 2 x bins values in a ring
 * whose newest slot is `head`: one array keeps the multiply-accumulate loops short of
 * registers and walking memory in order.
 */
export interface FrequencyDelayLine {
  readonly fft: RealFft;
  readonly blockSize: number;
  readonly partitions: number;
  readonly bins: number;
  /** The last two blocks of input, oldest first (length 2B). */
  readonly window: Float64Array;
  readonly spectra: Float64Array;
  /** Scratch for the transform's split output. */
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
    spectra: new Float64Array(partitions * bins * 2),
    re: new Float64Array(bins),
    im: new Float64Array(bins),
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
  const { re, im, spectra, bins } = fdl;
  realFftForward(fdl.fft, window, re, im);
  const offset = fdl.head * bins * 2;
  for (let k = 0; k < bins; k++) {
    spectra[offset + 2 * k] = re[k]!;
    spectra[offset + 2 * k + 1] = im[k]!;
  }
}

/** Offset in `spectra` of the spectrum pushed `age` blocks ago (0 = newest). */
export function spectrumOffset(fdl: FrequencyDelayLine, age: number): number {
  const slot = fdl.head - age;
  return (slot < 0 ? slot + fdl.partitions : slot) * fdl.bins * 2;
}

/** Forgets all input (silence before the next block). */
export function clearFrequencyDelayLine(fdl: FrequencyDelayLine): void {
  fdl.window.fill(0);
  fdl.spectra.fill(0);
}
