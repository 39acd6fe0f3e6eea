import { besselI0 } from './besselI0';

/**
 * Band-limited fractional delay by a Kaiser-windowed sinc (Laakso et al., "Splitting the
 * unit delay", IEEE Signal Processing Magazine 13(1), 1996, section on windowed sinc).
 *
 * The kernel has FRACTIONAL_DELAY_HALF_WIDTH taps on each side; a delay of D + f samples
 * (integer D, 0 <= f < 1) is an integer shift by D - HALF_WIDTH + 1 followed by the
 * 2*HALF_WIDTH-tap kernel k[j] = sinc(j - (HALF_WIDTH - 1) - f) w(...), normalised to
 * unit DC gain. Delays must be at least HALF_WIDTH - 1 samples so the kernel is causal;
 * integer delays give exactly a shifted copy (the sinc is zero at the other integers).
 */
export const FRACTIONAL_DELAY_HALF_WIDTH = 8;
/** The smallest delay the kernel can apply without cutting its pre-ringing. */
export const MIN_FRACTIONAL_DELAY_SAMPLES = FRACTIONAL_DELAY_HALF_WIDTH - 1;
const TAPS = 2 * FRACTIONAL_DELAY_HALF_WIDTH;
const KAISER_BETA = 6;

export interface FractionalDelayKernel {
  /** Taps for the current fraction. */
  readonly taps: Float64Array;
  /** Integer shift applied before the taps. */
  shift: number;
  /** Whether the delay is a whole number of samples (the taps are a unit impulse). */
  whole: boolean;
}

export function createFractionalDelayKernel(): FractionalDelayKernel {
  return { taps: new Float64Array(TAPS), shift: 0, whole: true };
}

/** Sets `kernel` for a delay of `delaySamples` (>= MIN_FRACTIONAL_DELAY_SAMPLES). Allocation-free. */
export function setFractionalDelay(kernel: FractionalDelayKernel, delaySamples: number): void {
  const whole = Math.floor(delaySamples);
  const fraction = delaySamples - whole;
  kernel.shift = whole - MIN_FRACTIONAL_DELAY_SAMPLES;
  kernel.whole = fraction === 0;
  const taps = kernel.taps;
  if (fraction === 0) {
    taps.fill(0);
    taps[MIN_FRACTIONAL_DELAY_SAMPLES] = 1;
    return;
  }
  let sum = 0;
  for (let j = 0; j < TAPS; j++) {
    const t = j - MIN_FRACTIONAL_DELAY_SAMPLES - fraction;
    const x = t / FRACTIONAL_DELAY_HALF_WIDTH;
    const window = Math.abs(x) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / besselI0(KAISER_BETA);
    const value = (Math.sin(Math.PI * t) / (Math.PI * t)) * window;
    taps[j] = value;
    sum += value;
  }
  for (let j = 0; j < TAPS; j++) taps[j] = taps[j]! / sum;
}

/**
 * Writes `input` (first inputLength samples) delayed by the kernel's delay into `output`,
 * which is overwritten over its whole length (samples past the end are cut).
 * Allocation-free; a whole-sample delay is a plain shifted copy.
 */
export function applyFractionalDelay(
  kernel: FractionalDelayKernel,
  input: ArrayLike<number>,
  inputLength: number,
  output: Float64Array,
): void {
  const taps = kernel.taps;
  const shift = kernel.shift;
  if (kernel.whole) {
    output.fill(0);
    const offset = shift + MIN_FRACTIONAL_DELAY_SAMPLES;
    const end = Math.min(inputLength, output.length - offset);
    for (let m = 0; m < end; m++) output[offset + m] = input[m]!;
    return;
  }
  // out[n] = sum_j taps[j] input[n - shift - j], over the taps that land inside the input.
  for (let n = 0; n < output.length; n++) {
    const newest = n - shift;
    const first = newest - inputLength + 1 > 0 ? newest - inputLength + 1 : 0;
    const last = newest < TAPS - 1 ? newest : TAPS - 1;
    let sum = 0;
    for (let j = first; j <= last; j++) sum += taps[j]! * input[newest - j]!;
    output[n] = sum;
  }
}
