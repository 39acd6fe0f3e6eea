import { besselI0 } from './besselI0';

/**
 * Band-limited offline resampling by windowed-sinc interpolation (Smith, "Digital Audio
 * Resampling", https://ccrma.stanford.edu/~jos/resample/).
 *
 * Output sample n sits at input position t = n * fromHz / toHz (sample 0 on sample 0), and
 *   y[n] = sum_m x[m] h(t - m),   h(d) = 2 fc sinc(2 fc d) w(d / W),
 * with fc the cutoff in cycles per input sample, w a Kaiser window of half-width W input
 * samples, and x = 0 outside the input. The kernel is symmetric, so there is no delay.
 *
 * Filter design (Kaiser, "Nonrecursive digital filter design using the I0-sinh window
 * function", ISCAS 1974; Oppenheim and Schafer, Discrete-Time Signal Processing, 7.5.3):
 * - stopband from the lower Nyquist frequency min(fromHz, toHz) / 2, so nothing aliases
 *   or images into the output band; attenuation A = 100 dB;
 * - passband up to min(20 kHz, 0.907 x lower Nyquist): 20 kHz at 44.1 and 48 kHz, the
 *   same fraction of the band below that. The transition band is the gap between the two
 *   (20 to 22.05 kHz for 44.1 <-> 48 kHz, 20 to 24 kHz for 48 <-> 96 kHz); the cutoff fc
 *   is its middle;
 * - beta = 0.1102 (A - 8.7), filter length N = (A - 7.95) / (2.285 * 2 pi * transition
 *   width in cycles per input sample). The Kaiser design ripples equally in both bands,
 *   delta = 10^(-A/20) = 1e-5: passband ripple 20 log10(1 + delta) < 0.0001 dB.
 *
 * Coefficients: when both rates are integers whose reduced ratio needs at most
 * MAX_EXACT_PHASES distinct fractional positions (all the usual rates: 44.1 <-> 48 kHz
 * needs 147 or 160), one exact coefficient set per position is precomputed. Other ratios
 * use a table of the kernel at TABLE_PHASES_PER_SAMPLE positions per input sample,
 * linearly interpolated between entries. All taps of one output share the interpolation
 * fraction u, so the error is the kernel's second derivative times u(1 - u) / (2 P^2):
 * a relative gain error of at most (2 pi fc)^2 / (8 P^2) = 4.7e-6 (4e-5 dB) for P = 512.
 */

const STOPBAND_ATTENUATION_DB = 100;
const AUDIBLE_LIMIT_HZ = 20_000;
/** Passband edge as a fraction of the lower Nyquist frequency: 20 kHz of 22.05 kHz. */
const PASSBAND_FRACTION_OF_NYQUIST = 20_000 / 22_050;
const MAX_EXACT_PHASES = 1024;
const TABLE_PHASES_PER_SAMPLE = 512;

/** Coefficients of one kernel laid out by phase: row p holds the 2H taps for fraction p / phaseCount. */
interface KernelBank {
  /** Taps per output sample, 2H, H = the kernel's half-width rounded up, in input samples. */
  readonly tapCount: number;
  readonly phaseCount: number;
  /** phaseCount + 1 rows (the last one is fraction 1, used as interpolation end point). */
  readonly coefficients: Float32Array;
}

/**
 * Resamples one channel from `fromHz` to `toHz`. Output length round(input.length * toHz / fromHz);
 * a copy of the input when the rates are equal. Throws a RangeError for rates that are not positive
 * finite numbers.
 */
export function resample(input: Float32Array, fromHz: number, toHz: number): Float32Array {
  for (const [name, rateHz] of [['fromHz', fromHz], ['toHz', toHz]] as const) {
    if (!Number.isFinite(rateHz) || rateHz <= 0) throw new RangeError(`resample: ${name} is ${rateHz} (expected a positive finite sample rate in Hz)`);
  }
  if (fromHz === toHz) return input.slice();
  const outputLength = Math.round((input.length * toHz) / fromHz);
  const output = new Float32Array(outputLength);
  if (outputLength === 0 || input.length === 0) return output;

  const lowerNyquistHz = Math.min(fromHz, toHz) / 2;
  const passbandEdgeHz = Math.min(AUDIBLE_LIMIT_HZ, PASSBAND_FRACTION_OF_NYQUIST * lowerNyquistHz);
  const cutoffCyclesPerSample = (passbandEdgeHz + lowerNyquistHz) / 2 / fromHz;
  const transitionCyclesPerSample = (lowerNyquistHz - passbandEdgeHz) / fromHz;
  const halfWidthSamples = Math.ceil(kaiserLength(STOPBAND_ATTENUATION_DB, transitionCyclesPerSample) / 2);

  // The input with halfWidth zeros on both sides, so the tap loop needs no bounds checks.
  const padded = new Float32Array(input.length + 2 * halfWidthSamples);
  padded.set(input, halfWidthSamples);

  const ratio = exactRatio(fromHz, toHz);
  if (ratio !== undefined && ratio.up <= MAX_EXACT_PHASES) {
    const bank = kernelBank(cutoffCyclesPerSample, halfWidthSamples, ratio.up);
    resampleExactPhases(padded, output, bank, ratio.down);
  } else {
    const bank = kernelBank(cutoffCyclesPerSample, halfWidthSamples, TABLE_PHASES_PER_SAMPLE);
    resampleInterpolatedPhases(padded, output, bank, fromHz / toHz);
  }
  return output;
}

/**
 * Output n at input position n * down / up (up, down coprime): integer part k and phase
 * (n * down) mod up, both stepped exactly in integers.
 */
function resampleExactPhases(padded: Float32Array, output: Float32Array, bank: KernelBank, down: number): void {
  const { tapCount, phaseCount: up, coefficients } = bank;
  const wholeStep = Math.floor(down / up);
  const phaseStep = down % up;
  let k = 0;
  let phase = 0;
  for (let n = 0; n < output.length; n++) {
    output[n] = dot(padded, k + 1, coefficients, phase * tapCount, tapCount);
    k += wholeStep;
    phase += phaseStep;
    if (phase >= up) {
      phase -= up;
      k += 1;
    }
  }
}

/** Output n at input position n * step, its coefficients interpolated linearly between table rows. */
function resampleInterpolatedPhases(padded: Float32Array, output: Float32Array, bank: KernelBank, step: number): void {
  const { tapCount, phaseCount, coefficients } = bank;
  for (let n = 0; n < output.length; n++) {
    const t = n * step;
    const k = Math.floor(t);
    const tablePosition = (t - k) * phaseCount;
    const row = Math.min(Math.floor(tablePosition), phaseCount - 1);
    const u = tablePosition - row;
    const below = dot(padded, k + 1, coefficients, row * tapCount, tapCount);
    const above = dot(padded, k + 1, coefficients, (row + 1) * tapCount, tapCount);
    output[n] = below + u * (above - below);
  }
}

/**
 * sum_j x[xStart + j] c[cStart + j] for j < count, in four accumulators to shorten the
 * dependency chain. Tap j of an output at input position k + fraction is the
 * padded input sample k + 1 + j (input sample k - H + 1 + j).
 */
function dot(x: Float32Array, xStart: number, c: Float32Array, cStart: number, count: number): number {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  const end = xStart + count;
  let i = xStart;
  let ci = cStart;
  for (; i + 3 < end; i += 4, ci += 4) {
    a0 += x[i]! * c[ci]!;
    a1 += x[i + 1]! * c[ci + 1]!;
    a2 += x[i + 2]! * c[ci + 2]!;
    a3 += x[i + 3]! * c[ci + 3]!;
  }
  for (; i < end; i++, ci++) a0 += x[i]! * c[ci]!;
  return a0 + a1 + (a2 + a3);
}

/** Row p, tap j: h(p / phaseCount + H - 1 - j), the distance from the output position to tap j. */
function kernelBank(cutoffCyclesPerSample: number, halfWidthSamples: number, phaseCount: number): KernelBank {
  const tapCount = 2 * halfWidthSamples;
  const coefficients = new Float32Array((phaseCount + 1) * tapCount);
  const beta = kaiserBeta(STOPBAND_ATTENUATION_DB);
  const windowNorm = 1 / besselI0(beta);
  for (let p = 0; p <= phaseCount; p++) {
    for (let j = 0; j < tapCount; j++) {
      const distance = p / phaseCount + halfWidthSamples - 1 - j;
      const r = distance / halfWidthSamples;
      if (Math.abs(r) >= 1) continue;
      const window = besselI0(beta * Math.sqrt(1 - r * r)) * windowNorm;
      coefficients[p * tapCount + j] = 2 * cutoffCyclesPerSample * sinc(2 * cutoffCyclesPerSample * distance) * window;
    }
  }
  return { tapCount, phaseCount, coefficients };
}

/** sin(pi x) / (pi x), 1 at 0. */
function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/** Kaiser's beta for a stopband attenuation above 50 dB: 0.1102 (A - 8.7). */
function kaiserBeta(attenuationDb: number): number {
  return 0.1102 * (attenuationDb - 8.7);
}

/** Kaiser's filter length estimate N = (A - 7.95) / (2.285 * 2 pi * transition width), in samples. */
function kaiserLength(attenuationDb: number, transitionCyclesPerSample: number): number {
  return (attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionCyclesPerSample);
}

/** toHz / fromHz as up / down in lowest terms when both rates are integers. */
function exactRatio(fromHz: number, toHz: number): { readonly up: number; readonly down: number } | undefined {
  if (!Number.isSafeInteger(fromHz) || !Number.isSafeInteger(toHz)) return undefined;
  let a = fromHz;
  let b = toHz;
  while (b !== 0) [a, b] = [b, a % b];
  return { up: toHz / a, down: fromHz / a };
}
