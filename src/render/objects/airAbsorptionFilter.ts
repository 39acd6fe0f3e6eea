import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { AIR_SECTIONS, AIR_PARAMETERS, airAbsorptionSections, airAbsorptionTable } from './airAbsorptionDesign';
import type { AirAbsorptionTable } from './airAbsorptionDesign';

/**
 * The air absorption of an object: AIR_SECTIONS second-order sections whose magnitude
 * follows the loss alpha(f) d of ISO 9613-1 for the distance d beyond the reference
 * distance (designed and tabulated per sample rate in airAbsorptionDesign.ts).
 *
 * Each section runs in the coupled (normal) form
 *
 *   y[n] = D x[n] + C1 s1[n] + C2 s2[n],   [s1; s2][n+1] = [a -b; b a] [s1; s2][n] + [x[n]; 0],
 *
 * a + ib = r e^(i theta) its pole. The state matrix is r times a rotation, so it shrinks
 * every state by r < 1 at every sample whatever the coefficients were before: the filter
 * stays stable while the coefficients move, which a direct-form biquad does not promise.
 * Matching H(z) = g (1 + c1 z^-1 + c2 z^-2) / (1 - 2a z^-1 + r^2 z^-2) gives D = g,
 * C1 = g (c1 + 2a), C2 = (g (c2 - r^2) + C1 a) / b.
 *
 * A change of distance glides: the coefficients move linearly, sample by sample, from the
 * last block's to the new ones over one block (a, b stay inside the disc of radius
 * MAX_POLE_RADIUS, which is convex). Within the reference distance the filter is bypassed
 * (the input exactly); crossing it fades over a block between the input and the filter,
 * which starts from rest. Nothing allocates after creation.
 */
const COEFFICIENTS = 5;
const MAX_OCTAVES_PER_BLOCK = 0.125;
const NEAREST_M = 0.05;

export interface AirAbsorptionFilter {
  readonly table: AirAbsorptionTable;
  /** The table's sections for the current distance (r, theta, c1, c2 each). */
  readonly sections: Float64Array;
  /** Per section a, b, D, C1, C2: those the last block ended with, and the target of the next. */
  readonly coefficients: Float64Array;
  readonly target: Float64Array;
  /** Per section s1, s2. */
  readonly state: Float64Array;
  /** The excess distance the target is for (NaN: none yet, after a reset; 0: bypassed). */
  excessDistanceM: number;
  gliding: boolean;
  /** Crossing the reference distance: the next block fades from the input to the filter's output (1) or back (-1). */
  crossing: number;
  /** The block's input, kept for that fade. */
  readonly dry: Float64Array;
  /** The block to filter, written by the caller; filtered in place. */
  readonly block: Float64Array;
}

export function createAirAbsorptionFilter(sampleRateHz: number): AirAbsorptionFilter {
  return {
    table: airAbsorptionTable(sampleRateHz),
    sections: new Float64Array(AIR_PARAMETERS),
    coefficients: new Float64Array(AIR_SECTIONS * COEFFICIENTS),
    target: new Float64Array(AIR_SECTIONS * COEFFICIENTS),
    state: new Float64Array(AIR_SECTIONS * 2),
    excessDistanceM: NaN,
    gliding: false,
    crossing: 0,
    dry: new Float64Array(RENDER_BLOCK_FRAMES),
    block: new Float64Array(RENDER_BLOCK_FRAMES),
  };
}

/** Forgets the past (the object starts again, from rest): the next distance applies at once. */
export function resetAirAbsorptionFilter(filter: AirAbsorptionFilter): void {
  filter.state.fill(0);
  filter.excessDistanceM = NaN;
  filter.gliding = false;
  filter.crossing = 0;
}

/**
 * The distance the filter takes this block on its way to `requestedM`: at most a factor
 * 2^MAX_OCTAVES_PER_BLOCK from the last (1 m to 1 km in about 0.3 s at 48 kHz), so its
 * coefficients move slowly enough that the output does not step, and from and to the
 * bypass through TABLE_FIRST_M, where the filter is within 0.02 dB of the identity.
 */
function nextDistanceM(previousM: number, requestedM: number): number {
  if (Number.isNaN(previousM)) return requestedM;
  if (previousM === 0) return requestedM === 0 ? 0 : Math.min(requestedM, NEAREST_M);
  if (requestedM < NEAREST_M && previousM <= NEAREST_M) return requestedM;
  const limit = Math.pow(2, MAX_OCTAVES_PER_BLOCK);
  return Math.min(previousM * limit, Math.max(previousM / limit, requestedM));
}

/**
 * Sets the excess distance: the next block glides to it. The first setting after a reset
 * applies at once; crossing the reference distance fades between the input and the filter,
 * which starts from rest, over the next block.
 */
export function setAirAbsorptionDistance(filter: AirAbsorptionFilter, excessDistanceM: number): void {
  const previous = filter.excessDistanceM;
  const d = nextDistanceM(previous, excessDistanceM > 0 ? excessDistanceM : 0);
  if (d === previous) return;
  filter.excessDistanceM = d;
  if (d === 0) {
    filter.crossing = previous > 0 ? -1 : 0;
    filter.gliding = false;
    return;
  }
  airAbsorptionSections(filter.table, d, filter.sections);
  writeCoefficients(filter.sections, filter.target);
  const fromRest = !(previous > 0);
  if (fromRest) {
    filter.state.fill(0);
    filter.coefficients.set(filter.target);
  }
  filter.crossing = previous === 0 ? 1 : 0;
  filter.gliding = !fromRest;
}

function writeCoefficients(sections: Float64Array, out: Float64Array): void {
  for (let k = 0; k < AIR_SECTIONS; k++) {
    const r = sections[k * 4]!;
    const theta = sections[k * 4 + 1]!;
    const c1 = sections[k * 4 + 2]!;
    const c2 = sections[k * 4 + 3]!;
    const a = r * Math.cos(theta);
    const b = r * Math.sin(theta);
    const g = (1 - 2 * a + r * r) / (1 + c1 + c2);
    const at = k * COEFFICIENTS;
    out[at] = a;
    out[at + 1] = b;
    const readout1 = g * (c1 + 2 * a);
    out[at + 2] = g;
    out[at + 3] = readout1;
    out[at + 4] = (g * (c2 - r * r) + readout1 * a) / b;
  }
}

/** Filters `filter.block` into `output` (RENDER_BLOCK_FRAMES each). Allocation-free. */
export function processAirAbsorption(filter: AirAbsorptionFilter, output: Float32Array): void {
  const { block, coefficients, target, state, dry } = filter;
  const frames = RENDER_BLOCK_FRAMES;
  const crossing = filter.crossing;
  filter.crossing = 0;
  if (crossing === 0 && !(filter.excessDistanceM > 0)) {
    for (let i = 0; i < frames; i++) output[i] = block[i]!;
    return;
  }
  if (crossing !== 0) dry.set(block);
  for (let k = 0; k < AIR_SECTIONS; k++) {
    const at = k * COEFFICIENTS;
    let a = coefficients[at]!;
    let b = coefficients[at + 1]!;
    let d = coefficients[at + 2]!;
    let c1 = coefficients[at + 3]!;
    let c2 = coefficients[at + 4]!;
    let s1 = state[2 * k]!;
    let s2 = state[2 * k + 1]!;
    if (filter.gliding) {
      const da = (target[at]! - a) / frames;
      const db = (target[at + 1]! - b) / frames;
      const dd = (target[at + 2]! - d) / frames;
      const dc1 = (target[at + 3]! - c1) / frames;
      const dc2 = (target[at + 4]! - c2) / frames;
      for (let i = 0; i < frames; i++) {
        a += da;
        b += db;
        d += dd;
        c1 += dc1;
        c2 += dc2;
        const x = block[i]!;
        block[i] = d * x + c1 * s1 + c2 * s2;
        const next = a * s1 - b * s2 + x;
        s2 = b * s1 + a * s2;
        s1 = next;
      }
    } else {
      for (let i = 0; i < frames; i++) {
        const x = block[i]!;
        block[i] = d * x + c1 * s1 + c2 * s2;
        const next = a * s1 - b * s2 + x;
        s2 = b * s1 + a * s2;
        s1 = next;
      }
    }
    // Flushed when negligible, so a silent tail never decays into subnormal numbers.
    state[2 * k] = Math.abs(s1) < 1e-30 ? 0 : s1;
    state[2 * k + 1] = Math.abs(s2) < 1e-30 ? 0 : s2;
  }
  if (filter.gliding) coefficients.set(target);
  filter.gliding = false;
  if (crossing === 0) {
    for (let i = 0; i < frames; i++) output[i] = block[i]!;
    return;
  }
  for (let i = 0; i < frames; i++) {
    const toFilter = crossing > 0 ? (i + 1) / frames : 1 - (i + 1) / frames;
    output[i] = dry[i]! + toFilter * (block[i]! - dry[i]!);
  }
}
