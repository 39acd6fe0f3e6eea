/**
 * Second-order IIR sections ("biquads") and their designs.
 *
 * A section is normalised to a0 = 1:
 *   H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2),
 * run in transposed direct form II (Oppenheim and Schafer, Discrete-Time Signal Processing,
 * 3rd ed., section 6.4):
 *   y = b0 x + z1,   z1 = b1 x - a1 y + z2,   z2 = b2 x - a2 y,
 * in double precision. The designs follow R. Bristow-Johnson, "Cookbook formulae for audio
 * EQ biquad filter coefficients" (the "RBJ cookbook", W3C Audio EQ Cookbook note): bilinear
 * transforms of second-order analogue prototypes with the frequency prewarped, so the
 * cutoff, corner or shelf midpoint lands exactly at the requested frequency at every
 * sample rate.
 *
 * Designs write into caller-owned coefficient objects and allocate nothing, so they can
 * run on the audio thread while a parameter glides.
 */
export interface BiquadCoefficients {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** The two state variables of one transposed direct form II section. */
export interface BiquadState {
  z1: number;
  z2: number;
}

/** Butterworth quality factor 1/sqrt 2: maximally flat second-order sections. */
export const BUTTERWORTH_Q = Math.SQRT1_2;

/**
 * States below this magnitude are flushed to zero at block ends: an IIR left ringing into
 * silence otherwise decays into subnormal numbers, which are slow on most CPUs (JavaScript
 * cannot set flush-to-zero). 1e-30 is 600 dB below full scale.
 */
export const DENORMAL_FLUSH = 1e-30;

/** A pass-through section (H = 1). */
export function createBiquadCoefficients(): BiquadCoefficients {
  return { b0: 1, b1: 0, b2: 0, a1: 0, a2: 0 };
}

export function setBiquadIdentity(c: BiquadCoefficients): void {
  c.b0 = 1;
  c.b1 = 0;
  c.b2 = 0;
  c.a1 = 0;
  c.a2 = 0;
}

/** Highest frequency a design accepts, as a fraction of the sample rate (just below Nyquist). */
const MAX_FREQUENCY_FRACTION = 0.499;

/** w0 = 2 pi f / fs, with f clamped into (0, 0.499 fs] so tan/sin stay finite. */
function angularFrequency(frequencyHz: number, sampleRateHz: number): number {
  const f = Math.min(Math.max(frequencyHz, 1e-3), MAX_FREQUENCY_FRACTION * sampleRateHz);
  return (2 * Math.PI * f) / sampleRateHz;
}

/**
 * RBJ low-pass: H(s) = 1 / (s^2 + s/Q + 1). With Q = BUTTERWORTH_Q, a second-order
 * Butterworth section (-3.01 dB at the cutoff).
 */
export function setLowPass(c: BiquadCoefficients, cutoffHz: number, q: number, sampleRateHz: number): void {
  const w0 = angularFrequency(cutoffHz, sampleRateHz);
  const cosW = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const a0 = 1 + alpha;
  const b = (1 - cosW) / 2 / a0;
  c.b0 = b;
  c.b1 = 2 * b;
  c.b2 = b;
  c.a1 = (-2 * cosW) / a0;
  c.a2 = (1 - alpha) / a0;
}

/** RBJ high-pass: H(s) = s^2 / (s^2 + s/Q + 1). */
export function setHighPass(c: BiquadCoefficients, cutoffHz: number, q: number, sampleRateHz: number): void {
  const w0 = angularFrequency(cutoffHz, sampleRateHz);
  const cosW = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const a0 = 1 + alpha;
  const b = (1 + cosW) / 2 / a0;
  c.b0 = b;
  c.b1 = -2 * b;
  c.b2 = b;
  c.a1 = (-2 * cosW) / a0;
  c.a2 = (1 - alpha) / a0;
}

/**
 * RBJ high shelf with shelf slope S = 1 (the steepest slope without overshoot):
 *   H(s) = A (A s^2 + sqrt(A)/Q s + 1) / (s^2 + sqrt(A)/Q s + A),   A = 10^(gainDb/40),
 *   1/Q = sqrt((A + 1/A)(1/S - 1) + 2) = sqrt 2.
 * 0 dB below the corner, gainDb above it, gainDb/2 at frequencyHz. At 0 dB the section is
 * exactly the identity (b = a).
 */
export function setHighShelf(c: BiquadCoefficients, frequencyHz: number, gainDb: number, sampleRateHz: number): void {
  const a = Math.pow(10, gainDb / 40);
  const w0 = angularFrequency(frequencyHz, sampleRateHz);
  const cosW = Math.cos(w0);
  const twoSqrtAAlpha = 2 * Math.sqrt(a) * (Math.sin(w0) / 2) * Math.SQRT2;
  const a0 = a + 1 - (a - 1) * cosW + twoSqrtAAlpha;
  c.b0 = (a * (a + 1 + (a - 1) * cosW + twoSqrtAAlpha)) / a0;
  c.b1 = (-2 * a * (a - 1 + (a + 1) * cosW)) / a0;
  c.b2 = (a * (a + 1 + (a - 1) * cosW - twoSqrtAAlpha)) / a0;
  c.a1 = (2 * (a - 1 - (a + 1) * cosW)) / a0;
  c.a2 = (a + 1 - (a - 1) * cosW - twoSqrtAAlpha) / a0;
}

/** RBJ low shelf, S = 1: gainDb below the corner, 0 dB above, gainDb/2 at frequencyHz. */
export function setLowShelf(c: BiquadCoefficients, frequencyHz: number, gainDb: number, sampleRateHz: number): void {
  const a = Math.pow(10, gainDb / 40);
  const w0 = angularFrequency(frequencyHz, sampleRateHz);
  const cosW = Math.cos(w0);
  const twoSqrtAAlpha = 2 * Math.sqrt(a) * (Math.sin(w0) / 2) * Math.SQRT2;
  const a0 = a + 1 + (a - 1) * cosW + twoSqrtAAlpha;
  c.b0 = (a * (a + 1 - (a - 1) * cosW + twoSqrtAAlpha)) / a0;
  c.b1 = (2 * a * (a - 1 - (a + 1) * cosW)) / a0;
  c.b2 = (a * (a + 1 - (a - 1) * cosW - twoSqrtAAlpha)) / a0;
  c.a1 = (-2 * (a - 1 + (a + 1) * cosW)) / a0;
  c.a2 = (a + 1 + (a - 1) * cosW - twoSqrtAAlpha) / a0;
}

/**
 * Runs `frames` samples of `input` through the section into `output` (which may be the
 * same array). Allocation-free.
 */
export function processBiquad(
  c: BiquadCoefficients,
  state: BiquadState,
  input: Float32Array | Float64Array,
  output: Float32Array | Float64Array,
  frames: number,
): void {
  const { b0, b1, b2, a1, a2 } = c;
  let z1 = state.z1;
  let z2 = state.z2;
  for (let i = 0; i < frames; i++) {
    const x = input[i]!;
    const y = b0 * x + z1;
    z1 = b1 * x - a1 * y + z2;
    z2 = b2 * x - a2 * y;
    output[i] = y;
  }
  state.z1 = Math.abs(z1) < DENORMAL_FLUSH ? 0 : z1;
  state.z2 = Math.abs(z2) < DENORMAL_FLUSH ? 0 : z2;
}

/**
 * Complex frequency response of a section at `frequencyHz`, written as [re, im] into `out`.
 * For analysis and tests (not the audio path).
 */
export function biquadResponse(c: BiquadCoefficients, frequencyHz: number, sampleRateHz: number, out: Float64Array): void {
  const w = (2 * Math.PI * frequencyHz) / sampleRateHz;
  const c1 = Math.cos(w);
  const s1 = -Math.sin(w);
  const c2 = Math.cos(2 * w);
  const s2 = -Math.sin(2 * w);
  const nr = c.b0 + c.b1 * c1 + c.b2 * c2;
  const ni = c.b1 * s1 + c.b2 * s2;
  const dr = 1 + c.a1 * c1 + c.a2 * c2;
  const di = c.a1 * s1 + c.a2 * s2;
  const d = dr * dr + di * di;
  out[0] = (nr * dr + ni * di) / d;
  out[1] = (ni * dr - nr * di) / d;
}

/** |H(f)| of a section. */
export function biquadMagnitude(c: BiquadCoefficients, frequencyHz: number, sampleRateHz: number): number {
  const w = (2 * Math.PI * frequencyHz) / sampleRateHz;
  const c1 = Math.cos(w);
  const s1 = Math.sin(w);
  const c2 = Math.cos(2 * w);
  const s2 = Math.sin(2 * w);
  const nr = c.b0 + c.b1 * c1 + c.b2 * c2;
  const ni = c.b1 * s1 + c.b2 * s2;
  const dr = 1 + c.a1 * c1 + c.a2 * c2;
  const di = c.a1 * s1 + c.a2 * s2;
  return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
}
