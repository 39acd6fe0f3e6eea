import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { AIR_SECTIONS, AIR_PARAMETERS, airAbsorptionSections } from './airAbsorptionDesign';
import { airAbsorptionTable } from './airAbsorptionTables';
import type { AirAbsorptionTable } from './airAbsorptionDesign';

/**
 * The air absorption of an object: AIR_SECTIONS second-order sections whose magnitude
 * follows the loss alpha(f) d of ISO 9613-1 for the distance d beyond the reference
 * distance (designed and tabulated per sample rate in airAbsorptionDesign.ts).
 *
 * Each section H(z) = g (1 + c1 z^-1 + c2 z^-2) / ((1 - p z^-1) (1 - p* z^-1)), p = r e^(i theta),
 * runs as its numerator (an FIR on the input, zeros inside the unit circle) then two complex
 * one-poles, v1[n] = p v1[n-1] + w[n] and v2[n] = p* v2[n-1] + v1[n], whose real part is the
 * output. Each one-pole shrinks its state by |p| = r < MAX_POLE_RADIUS at every sample
 * whatever p was before, so the filter stays stable (every state within 1 / (1 - r) of its
 * input's peak) while the coefficients move; and nothing divides by sin(theta), so poles
 * near the real axis or the origin, which the fit uses, cost no precision (the coupled
 * form's readout would grow as 1 / (r sin theta), up to 1e5 here, and turn moves into steps).
 *
 * A change of distance glides: the coefficients move linearly, sample by sample, from the
 * last block's to the new ones over one block (p stays inside the disc of radius
 * MAX_POLE_RADIUS, which is convex). Within the reference distance the filter is bypassed
 * (the input exactly); crossing it fades over a block between the input and the filter,
 * which starts from rest. Nothing allocates after creation.
 */
const COEFFICIENTS = 5;
const STATES = 6;

export interface AirAbsorptionFilter {
  readonly table: AirAbsorptionTable;
  /** The table's sections for the current distance (r, theta, c1, c2 each). */
  readonly sections: Float64Array;
  /** Per section Re p, Im p, g, g c1, g c2: those the last block ended with, and the target of the next. */
  readonly coefficients: Float64Array;
  readonly target: Float64Array;
  /** Per section x[n-1], x[n-2], Re v1, Im v1, Re v2, Im v2. */
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
    state: new Float64Array(AIR_SECTIONS * STATES),
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
 * Sets the excess distance: the next block glides to it. The first setting after a reset
 * applies at once; crossing the reference distance fades between the input and the filter,
 * which starts from rest, over the next block.
 */
export function setAirAbsorptionDistance(filter: AirAbsorptionFilter, excessDistanceM: number): void {
  const previous = filter.excessDistanceM;
  const d = excessDistanceM > 0 ? excessDistanceM : 0;
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
    const re = r * Math.cos(theta);
    const g = (1 - 2 * re + r * r) / (1 + c1 + c2);
    const at = k * COEFFICIENTS;
    out[at] = re;
    out[at + 1] = r * Math.sin(theta);
    out[at + 2] = g;
    out[at + 3] = g * c1;
    out[at + 4] = g * c2;
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
    if (filter.gliding) filterSectionGliding(block, coefficients, target, state, at, k * STATES);
    else filterSection(block, coefficients, state, at, k * STATES);
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

/** One section over the block in place, its coefficients gliding linearly to `target` (airAbsorptionFilter's header). */
function filterSectionGliding(block: Float64Array, coefficients: Float64Array, target: Float64Array, state: Float64Array, at: number, st: number): void {
  const frames = RENDER_BLOCK_FRAMES;
  let pr = coefficients[at]!;
  let pi = coefficients[at + 1]!;
  let b0 = coefficients[at + 2]!;
  let b1 = coefficients[at + 3]!;
  let b2 = coefficients[at + 4]!;
  let x1 = state[st]!;
  let x2 = state[st + 1]!;
  let v1r = state[st + 2]!;
  let v1i = state[st + 3]!;
  let v2r = state[st + 4]!;
  let v2i = state[st + 5]!;
  const dpr = (target[at]! - pr) / frames;
  const dpi = (target[at + 1]! - pi) / frames;
  const db0 = (target[at + 2]! - b0) / frames;
  const db1 = (target[at + 3]! - b1) / frames;
  const db2 = (target[at + 4]! - b2) / frames;
  for (let i = 0; i < frames; i++) {
    pr += dpr;
    pi += dpi;
    b0 += db0;
    b1 += db1;
    b2 += db2;
    const x = block[i]!;
    const w = b0 * x + b1 * x1 + b2 * x2;
    x2 = x1;
    x1 = x;
    const u1r = pr * v1r - pi * v1i + w;
    v1i = pr * v1i + pi * v1r;
    v1r = u1r;
    const u2r = pr * v2r + pi * v2i + v1r;
    v2i = pr * v2i - pi * v2r + v1i;
    v2r = u2r;
    block[i] = v2r;
  }
  storeState(state, st, x1, x2, v1r, v1i, v2r, v2i);
}

/** One section over the block in place, its coefficients held: the gliding loop without its per-sample steps, kept apart because most objects stand still (0.89 of the time). */
function filterSection(block: Float64Array, coefficients: Float64Array, state: Float64Array, at: number, st: number): void {
  const pr = coefficients[at]!;
  const pi = coefficients[at + 1]!;
  const b0 = coefficients[at + 2]!;
  const b1 = coefficients[at + 3]!;
  const b2 = coefficients[at + 4]!;
  let x1 = state[st]!;
  let x2 = state[st + 1]!;
  let v1r = state[st + 2]!;
  let v1i = state[st + 3]!;
  let v2r = state[st + 4]!;
  let v2i = state[st + 5]!;
  for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) {
    const x = block[i]!;
    const w = b0 * x + b1 * x1 + b2 * x2;
    x2 = x1;
    x1 = x;
    const u1r = pr * v1r - pi * v1i + w;
    v1i = pr * v1i + pi * v1r;
    v1r = u1r;
    const u2r = pr * v2r + pi * v2i + v1r;
    v2i = pr * v2i - pi * v2r + v1i;
    v2r = u2r;
    block[i] = v2r;
  }
  storeState(state, st, x1, x2, v1r, v1i, v2r, v2i);
}

/** Keeps a section's state; flushed when negligible, so a silent tail never decays into subnormal numbers. */
function storeState(state: Float64Array, st: number, x1: number, x2: number, v1r: number, v1i: number, v2r: number, v2i: number): void {
  state[st] = x1;
  state[st + 1] = x2;
  state[st + 2] = Math.abs(v1r) < 1e-30 ? 0 : v1r;
  state[st + 3] = Math.abs(v1i) < 1e-30 ? 0 : v1i;
  state[st + 4] = Math.abs(v2r) < 1e-30 ? 0 : v2r;
  state[st + 5] = Math.abs(v2i) < 1e-30 ? 0 : v2i;
}
