import { DENORMAL_FLUSH } from './biquad';
import type { Hertz } from '../../core/units';

/**
 * A 90-degree phase-difference network: two chains of first-order all-pass sections,
 * "leading" and "lagging", whose outputs differ in phase by 90 degrees (the lagging one
 * behind) over a band, each with unit gain at every frequency. What a matrix encoder
 * (Lt/Rt) puts between the front channels (leading chain) and the surrounds (lagging).
 *
 * Design (ours: geometric pole placement; the classic equiripple designs with elliptic
 * functions, e.g. S. D. Bedrosian, "Normalized design of 90-degree phase-difference
 * networks", IRE Trans. Circuit Theory, 1960, need fewer sections for the same error):
 * 1. A digital first-order all-pass H(z) = (c + z^-1)/(1 + c z^-1), c = (v_k - 1)/(v_k + 1),
 *    is the bilinear transform of (v_k - s)/(v_k + s): its phase is -2 atan(v / v_k) in the
 *    warped frequency v = tan(pi f / fs). So a chain's phase is -2 sum_k atan(v / v_k).
 * 2. In u = ln v each term is a smooth step of height pi (width about 2). Corners spaced
 *    2d apart in each chain, the two chains interleaved (offset d), make the difference
 *    of the chains' phases a constant pi/2 plus a ripple of about 2 sech(pi^2 / 2d)
 *    radians (the first Fourier term of the steps' derivative, sech), so small spacing
 *    makes the ripple negligible (d = 0.6: 1e-3 degree).
 * 3. What remains is the error at the ends of the finite pole sets, which decays as
 *    exp(-margin) with how far beyond the band the corners extend: PHASE_MARGIN_LN of 5
 *    and 16 sections per chain keep the difference within 0.3 degrees of 90 from 20 Hz to
 *    20 kHz at 44.1, 48 and 96 kHz (measured in tests/unit/dsp/filters/quadratureAllPass.test.ts).
 * The corners are placed in v, so the band holds after the bilinear warping at any rate.
 */
export interface QuadratureDesign {
  /** All-pass coefficients c of the leading chain's sections. */
  readonly leading: Float64Array;
  /** Of the lagging chain (its corners an interleaving step lower). */
  readonly lagging: Float64Array;
}

/** The band over which the network holds 90 degrees. */
export const QUADRATURE_BAND_HZ: readonly [Hertz, Hertz] = [20, 20000];
/** Sections per chain. */
const SECTIONS_PER_CHAIN = 16;
/** How far (in ln of warped frequency) the corners extend beyond the band at each end. */
const PHASE_MARGIN_LN = 5;

/** The network for `sampleRateHz`, holding 90 degrees over QUADRATURE_BAND_HZ (its top capped at 0.49 fs). */
export function designQuadratureNetwork(sampleRateHz: Hertz): QuadratureDesign {
  const [lowHz, highHz] = QUADRATURE_BAND_HZ;
  const top = Math.min(highHz, 0.49 * sampleRateHz);
  const low = Math.log(Math.tan((Math.PI * lowHz) / sampleRateHz)) - PHASE_MARGIN_LN;
  const high = Math.log(Math.tan((Math.PI * top) / sampleRateHz)) + PHASE_MARGIN_LN;
  const step = (high - low) / (2 * SECTIONS_PER_CHAIN - 1);
  const coefficient = (u: number): number => {
    const v = Math.exp(u);
    return (v - 1) / (v + 1);
  };
  const leading = new Float64Array(SECTIONS_PER_CHAIN);
  const lagging = new Float64Array(SECTIONS_PER_CHAIN);
  for (let k = 0; k < SECTIONS_PER_CHAIN; k++) {
    lagging[k] = coefficient(low + 2 * k * step);
    leading[k] = coefficient(low + (2 * k + 1) * step);
  }
  return { leading, lagging };
}

/** One chain of first-order all-pass sections with its state (previous input and output of each section). */
export interface AllPassChain {
  readonly coefficients: Float64Array;
  readonly previousInput: Float64Array;
  readonly previousOutput: Float64Array;
}

export function createAllPassChain(coefficients: Float64Array): AllPassChain {
  return { coefficients, previousInput: new Float64Array(coefficients.length), previousOutput: new Float64Array(coefficients.length) };
}

/** Forgets the chain's history. */
export function resetAllPassChain(chain: AllPassChain): void {
  chain.previousInput.fill(0);
  chain.previousOutput.fill(0);
}

/**
 * Runs `frames` samples of `signal` through the chain in place:
 *   y[n] = c x[n] + x[n-1] - c y[n-1]   per section. Allocation-free.
 */
export function processAllPassChain(chain: AllPassChain, signal: Float32Array, frames: number): void {
  const { coefficients, previousInput, previousOutput } = chain;
  const sections = coefficients.length;
  for (let i = 0; i < frames; i++) {
    let x = signal[i]!;
    for (let k = 0; k < sections; k++) {
      const c = coefficients[k]!;
      const y = c * x + previousInput[k]! - c * previousOutput[k]!;
      previousInput[k] = x;
      previousOutput[k] = y;
      x = y;
    }
    signal[i] = x;
  }
  for (let k = 0; k < sections; k++) {
    if (Math.abs(previousInput[k]!) < DENORMAL_FLUSH) previousInput[k] = 0;
    if (Math.abs(previousOutput[k]!) < DENORMAL_FLUSH) previousOutput[k] = 0;
  }
}
