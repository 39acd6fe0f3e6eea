import { BUTTERWORTH_Q, DENORMAL_FLUSH, createBiquadCoefficients, setHighPass, setLowPass } from './biquad';
import type { BiquadCoefficients } from './biquad';

/**
 * Fourth-order Linkwitz-Riley crossover (S. H. Linkwitz, "Active crossover networks for
 * noncoincident drivers", JAES 24(1), 1976): each band is a second-order Butterworth
 * section applied twice,
 *   LP4(s) = 1 / (s^2 + sqrt2 s + 1)^2,   HP4(s) = s^4 / (s^2 + sqrt2 s + 1)^2,
 * so both bands are -6.02 dB at the crossover and
 *   LP4 + HP4 = (s^2 - sqrt2 s + 1) / (s^2 + sqrt2 s + 1),
 * a second-order all-pass: the bands sum to a flat magnitude ("phase-coherent": low and
 * high band are in phase at every frequency, 360 degrees apart at most). The digital
 * sections are the RBJ bilinear designs of biquad.ts with the same prewarped cutoff, and
 * the bilinear transform is a substitution, so the identity holds exactly in z as well.
 *
 * The high band alone falls at 24 dB per octave below the crossover: |HP4(f)| =
 * (f/fc)^4 / (1 + (f/fc)^4), e.g. -38.3 dB at fc/3 and -0.0001 dB at 16 fc.
 */
export interface LinkwitzRiley4 {
  readonly sampleRateHz: number;
  cutoffHz: number;
  /** The Butterworth low-pass section (used twice). */
  readonly lowPass: BiquadCoefficients;
  /** The Butterworth high-pass section (used twice). */
  readonly highPass: BiquadCoefficients;
  /** Filter states: [low z1, z2 (first), z1, z2 (second), high z1, z2, z1, z2]. */
  readonly state: Float64Array;
}

export function createLinkwitzRiley4(cutoffHz: number, sampleRateHz: number): LinkwitzRiley4 {
  const crossover: LinkwitzRiley4 = {
    sampleRateHz,
    cutoffHz,
    lowPass: createBiquadCoefficients(),
    highPass: createBiquadCoefficients(),
    state: new Float64Array(8),
  };
  setLinkwitzRiley4Cutoff(crossover, cutoffHz);
  return crossover;
}

/** Moves the crossover frequency (coefficients only; the states carry on). Allocation-free. */
export function setLinkwitzRiley4Cutoff(crossover: LinkwitzRiley4, cutoffHz: number): void {
  crossover.cutoffHz = cutoffHz;
  setLowPass(crossover.lowPass, cutoffHz, BUTTERWORTH_Q, crossover.sampleRateHz);
  setHighPass(crossover.highPass, cutoffHz, BUTTERWORTH_Q, crossover.sampleRateHz);
}

/** Writes the high band of `input` into `output` (may alias `input`). */
export function processLinkwitzRiley4HighPass(
  crossover: LinkwitzRiley4,
  input: Float32Array | Float64Array,
  output: Float32Array | Float64Array,
  frames: number,
): void {
  cascade(crossover.highPass, crossover.state, 4, input, output, frames);
}

/** Writes the low band of `input` into `output` (may alias `input`). */
export function processLinkwitzRiley4LowPass(
  crossover: LinkwitzRiley4,
  input: Float32Array | Float64Array,
  output: Float32Array | Float64Array,
  frames: number,
): void {
  cascade(crossover.lowPass, crossover.state, 0, input, output, frames);
}

/** Splits `input` into `low` and `high` (neither may alias `input`). */
export function processLinkwitzRiley4(
  crossover: LinkwitzRiley4,
  input: Float32Array | Float64Array,
  low: Float32Array | Float64Array,
  high: Float32Array | Float64Array,
  frames: number,
): void {
  cascade(crossover.lowPass, crossover.state, 0, input, low, frames);
  cascade(crossover.highPass, crossover.state, 4, input, high, frames);
}

export function resetLinkwitzRiley4(crossover: LinkwitzRiley4): void {
  crossover.state.fill(0);
}

/** The same section twice, states at `offset` .. offset + 3. */
function cascade(
  c: BiquadCoefficients,
  state: Float64Array,
  offset: number,
  input: Float32Array | Float64Array,
  output: Float32Array | Float64Array,
  frames: number,
): void {
  const { b0, b1, b2, a1, a2 } = c;
  let p1 = state[offset]!;
  let p2 = state[offset + 1]!;
  let q1 = state[offset + 2]!;
  let q2 = state[offset + 3]!;
  for (let i = 0; i < frames; i++) {
    const x = input[i]!;
    const u = b0 * x + p1;
    p1 = b1 * x - a1 * u + p2;
    p2 = b2 * x - a2 * u;
    const y = b0 * u + q1;
    q1 = b1 * u - a1 * y + q2;
    q2 = b2 * u - a2 * y;
    output[i] = y;
  }
  state[offset] = Math.abs(p1) < DENORMAL_FLUSH ? 0 : p1;
  state[offset + 1] = Math.abs(p2) < DENORMAL_FLUSH ? 0 : p2;
  state[offset + 2] = Math.abs(q1) < DENORMAL_FLUSH ? 0 : q1;
  state[offset + 3] = Math.abs(q2) < DENORMAL_FLUSH ? 0 : q2;
}
