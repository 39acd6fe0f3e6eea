/**
 * The real-input FFT over split real/imaginary Float64Arrays, built on a complex
 * transform of half the size.
 *
 * Conventions: forward X[k] = sum_n x[n] e^(-2 pi i n k / N); inverse with 1/N, so
 * inverse(forward(x)) = x. Real transforms hold bins 0..N/2 (N/2 + 1 complex values).
 *
 * The complex transform is a radix-4 decimation-in-time FFT (fftPasses.ts) that reads
 * its input in bit-reversed order straight from the caller's arrays and works in its own
 * work arrays. Only the forward direction is coded: swapping real and imaginary parts
 * maps z to i conj(z), so the unscaled inverse of (re, im) is the forward transform of
 * (im, re), read back swapped.
 *
 * The real transform packs z[m] = x[2m] + i x[2m+1] (M = N/2), takes the M-point complex
 * FFT Z, and separates the even and odd half-spectra with
 *   Xe[k] = (Z[k] + conj Z[M-k]) / 2,   Xo[k] = (Z[k] - conj Z[M-k]) / 2i,
 *   X[k]  = Xe[k] + W^k Xo[k],           W = e^(-2 pi i / N)
 * (Oppenheim and Schafer, Discrete-Time Signal Processing, 3rd ed., section 9.3 problems);
 * the inverse packs Z from X with the same relations and unpacks x from the inverse FFT
 * (fftRealSplit.ts, which also fuses these steps with the last FFT pass).
 * Nothing here allocates after creation.
 */
import { firstPass, radix4Passes } from './fftPasses';
import { lastPassSeparate, lastPassToSignal, packSpectrum, separateSpectrum, unpackSignal } from './fftRealSplit';

export interface ComplexFft {
  readonly size: number;
  /** Radix of the first pass: 2 (size 2), 4, or 8 when log2(size) is odd. */
  readonly firstRadix: number;
  /**
   * The twiddles of the radix-4 passes after the first, pass after pass in the order they
   * are read: for a pass combining blocks of `span`, cos and sin of -2 pi k / (4 span) for
   * k < span (the passes derive the second and third powers).
   */
  readonly twiddles: Float64Array;
  /** groupStart[r] (r < size / firstRadix): r with its log2(size) bits reversed. */
  readonly groupStart: Uint32Array;
  /** Where the transform runs and leaves its result, in natural order. */
  readonly workRe: Float64Array;
  readonly workIm: Float64Array;
}

export function createComplexFft(size: number): ComplexFft {
  if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0) {
    throw new Error(`FFT size must be a power of two of at least 2, got ${size}`);
  }
  const bits = Math.log2(size);
  const firstRadix = size === 2 ? 2 : bits % 2 === 0 ? 4 : 8;
  const twiddleList: number[] = [];
  for (let span = firstRadix; span < size; span *= 4) {
    for (let k = 0; k < span; k++) {
      const angle = (-2 * Math.PI * k) / (4 * span);
      twiddleList.push(Math.cos(angle), Math.sin(angle));
    }
  }
  const groupStart = new Uint32Array(size / firstRadix);
  for (let i = 0; i < groupStart.length; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    groupStart[i] = r;
  }
  return {
    size,
    firstRadix,
    twiddles: Float64Array.from(twiddleList),
    groupStart,
    workRe: new Float64Array(size),
    workIm: new Float64Array(size),
  };
}

/** State for real transforms of length `size` (a power of two of at least 4). */
export interface RealFft {
  readonly size: number;
  readonly bins: number;
  readonly half: ComplexFft;
  /** cos and sin of 2 pi k / size for k <= size / 4, halved (the 1/2 of Xe and Xo folded in). */
  readonly halfCos: Float64Array;
  readonly halfSin: Float64Array;
  /** The inverse's packed half-size spectrum Z, in natural order. */
  readonly packedRe: Float64Array;
  readonly packedIm: Float64Array;
}

export function createRealFft(size: number): RealFft {
  if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
    throw new Error(`real FFT size must be a power of two of at least 4, got ${size}`);
  }
  const m = size / 2;
  const quarter = size / 4;
  const halfCos = new Float64Array(quarter + 1);
  const halfSin = new Float64Array(quarter + 1);
  for (let k = 0; k <= quarter; k++) {
    halfCos[k] = 0.5 * Math.cos((2 * Math.PI * k) / size);
    halfSin[k] = 0.5 * Math.sin((2 * Math.PI * k) / size);
  }
  return {
    size,
    bins: m + 1,
    half: createComplexFft(m),
    halfCos,
    halfSin,
    packedRe: new Float64Array(m),
    packedIm: new Float64Array(m),
  };
}

/**
 * Whether the half-size FFT has a radix-4 pass after its first, which the real transforms
 * then fuse with their own last step (half size 16 and up).
 */
function fusesLastPass(fft: RealFft): boolean {
  return fft.half.size >= 16;
}

/**
 * Forward transform of `input` (length size; any array type) into bins 0..size/2 of
 * (outRe, outIm), each of length size/2 + 1.
 */
export function realFftForward(
  fft: RealFft,
  input: ArrayLike<number>,
  outRe: Float64Array,
  outIm: Float64Array,
): void {
  const half = fft.half;
  firstPass(half, input, 0, input, 1, 2);
  if (fusesLastPass(fft)) {
    lastPassSeparate(fft, radix4Passes(half, half.size / 4), outRe, outIm);
  } else {
    radix4Passes(half, half.size);
    separateSpectrum(fft, outRe, outIm);
  }
}

/**
 * Inverse transform of bins 0..size/2 (inRe, inIm) into `output` (length size), scaled
 * by 1/size so that it inverts realFftForward. The imaginary parts of bins 0 and size/2
 * are ignored (they are zero for any real signal).
 */
export function realFftInverse(
  fft: RealFft,
  inRe: Float64Array,
  inIm: Float64Array,
  output: Float64Array | Float32Array,
): void {
  const half = fft.half;
  packSpectrum(fft, inRe, inIm);
  // The inverse as the forward transform of (Im Z, Re Z).
  firstPass(half, fft.packedIm, 0, fft.packedRe, 0, 1);
  if (fusesLastPass(fft)) {
    lastPassToSignal(fft, radix4Passes(half, half.size / 4), output);
  } else {
    radix4Passes(half, half.size);
    unpackSignal(fft, output);
  }
}
