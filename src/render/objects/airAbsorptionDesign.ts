import { airAttenuationDbPerM } from './airAbsorption';

/**
 * The design of the air absorption filter (airAbsorptionFilter.ts): AIR_SECTIONS
 * second-order sections in cascade, section k being
 *
 *   H_k(z) = g_k (1 + c1 z^-1 + c2 z^-2) / (1 - 2 r cos(theta) z^-1 + r^2 z^-2),
 *
 * poles r e^(+/- i theta) with r < MAX_POLE_RADIUS, g_k making 0 dB at DC (where air takes
 * nothing), whose summed dB response follows -alpha(f) d of ISO 9613-1 (airAbsorption.ts)
 * for the excess distance d. Complex poles are needed: alpha(f) d is nearly proportional to
 * f^2, a Gaussian magnitude, which real first-order sections (6 dB per octave each) follow
 * only to a few dB at 30 dB of loss (tried: 6 to 8 of them, 2 to 5 dB off at 4 kHz, 1 km).
 *
 * Accuracy (airAbsorptionDesign.test.ts): within 0.5 dB of -alpha(f) d where the loss is
 * at most 20 dB, 1 dB where at most 30 dB, and at least 28 dB taken beyond, from 20 Hz to
 * 16 kHz and 1 cm to 999 m, at 44.1, 48, 88.2 and 96 kHz (measured: 0.18 / 0.39 / 0.20 /
 * 0.30 dB and 0.38 / 0.72 / 0.47 / 0.44 dB).
 *
 * Fit (0.3-1 s per sample rate; shipped for the scene's rates, airAbsorptionTables.ts):
 * Levenberg-Marquardt on the dB error over FIT_POINTS log-spaced frequencies from 20 Hz to
 * 0.45 x the rate, weight 1 where the loss is at most FIT_LOSS_DB; beyond, a small weight
 * and one-sided (taking more than min(loss, HELD_LOSS_DB) is no error), as a cascade this
 * short cannot follow a loss that steepens without end, and there it is inaudible.
 * Parameters: r = MAX_POLE_RADIUS x logistic(u), theta = MIN_ANGLE + (pi - 2 MIN_ANGLE) x
 * logistic(v), c1, c2 free: the bounds hold without clamping. The table: excess distances
 * TABLE_FIRST_M x 2^(e / TABLE_PER_OCTAVE) up to about 1 km (the scene's farthest source),
 * fitted from the farthest down, each fit starting from, and tied (TIE_WEIGHT) to, the next
 * farther one, so neighbouring entries are neighbouring filters whose parameters can be
 * blended; the farthest is the best of MULTISTARTS starts from a fixed seed, and a table
 * that comes out poor (worstScaledErrorDb) is fitted again from the next seed.
 */
export const AIR_SECTIONS = 3;
/** In the table, per section: r, theta, c1, c2. */
export const AIR_PARAMETERS = 4 * AIR_SECTIONS;
export const MAX_POLE_RADIUS = 0.9995;
/** The lowest pole angle of a complex section, radians (a pair this close to the real axis acts as two real poles). */
const MIN_ANGLE = 1e-3;
const FIT_POINTS = 64;
const FIT_LOWEST_HZ = 20;
const FIT_LOSS_DB = 32;
const HELD_LOSS_DB = 60;
const LOUD_LOSS_WEIGHT = 0.05;
const TABLE_FIRST_M = 0.05;
const TABLE_PER_OCTAVE = 6;
/** TABLE_FIRST_M ... TABLE_FIRST_M x 2^(87 / 6), about 1.16 km. */
const TABLE_ENTRIES = 88;
const MULTISTARTS = 20;
const FIRST_ITERATIONS = 120;
const FOLLOWING_ITERATIONS = 100;
const TIE_WEIGHT = 0.02;
/** Seeds of the farthest fit's starts, tried in turn until the table is within GOOD_ENOUGH_DB (worstScaledErrorDb). */
const SEEDS = [7, 1, 3, 11];
const GOOD_ENOUGH_DB = 0.4;
const CHECK_POINTS = 48;
const CHECK_HIGHEST_HZ = 16000;

export interface AirAbsorptionTable {
  /** TABLE_ENTRIES x AIR_PARAMETERS. */
  readonly sections: Float64Array;
}

/**
 * Fits the table for `sampleRateHz` (0.3-1 s): the studio ships the fits for its rates
 * (airAbsorptionTables.ts), so the worklet and the command line use the same numbers;
 * this runs for another rate, and writes the shipped data (npm run air:tables).
 */
export function fitAirAbsorptionTable(sampleRateHz: number): AirAbsorptionTable {
  let best: AirAbsorptionTable | undefined;
  let bestError = Infinity;
  for (const seed of SEEDS) {
    const table = fitTable(sampleRateHz, seed);
    const error = worstScaledErrorDb(table, sampleRateHz);
    if (error < bestError) {
      best = table;
      bestError = error;
    }
    if (bestError <= GOOD_ENOUGH_DB) break;
  }
  return best!;
}

/**
 * The table's largest error against -alpha(f) d, 20 Hz to 16 kHz, at its entries and
 * halfway between them, where the loss is at most 30 dB (counted half where it is over
 * 20 dB): the continuation can wander into a poor fit for some rates and seeds, so the
 * table is checked and, if poor, fitted again from other starts.
 */
function worstScaledErrorDb(table: AirAbsorptionTable, sampleRateHz: number): number {
  const sections = new Float64Array(AIR_PARAMETERS);
  let worst = 0;
  for (let half = 0; half <= 2 * (TABLE_ENTRIES - 1); half++) {
    const distanceM = TABLE_FIRST_M * Math.pow(2, half / (2 * TABLE_PER_OCTAVE));
    airAbsorptionSections(table, distanceM, sections);
    for (let i = 0; i < CHECK_POINTS; i++) {
      const frequencyHz = FIT_LOWEST_HZ * Math.pow(CHECK_HIGHEST_HZ / FIT_LOWEST_HZ, i / (CHECK_POINTS - 1));
      const lossDb = airAttenuationDbPerM(frequencyHz) * distanceM;
      if (lossDb > 30) continue;
      const error = Math.abs(sectionsResponseDb(sections, frequencyHz, sampleRateHz) + lossDb);
      worst = Math.max(worst, lossDb > 20 ? error / 2 : error);
    }
  }
  return worst;
}

function tableDistanceM(entry: number): number {
  return TABLE_FIRST_M * Math.pow(2, entry / TABLE_PER_OCTAVE);
}

/**
 * The sections (r, theta, c1, c2 each) for `excessDistanceM` > 0 into `out`: the linear
 * blend of the two table entries around it (below the first entry it holds, a loss under
 * 0.02 dB at 16 kHz; beyond the last too). Allocation-free.
 */
export function airAbsorptionSections(table: AirAbsorptionTable, excessDistanceM: number, out: Float64Array): void {
  const position = excessDistanceM > TABLE_FIRST_M ? TABLE_PER_OCTAVE * Math.log2(excessDistanceM / TABLE_FIRST_M) : 0;
  const entry = Math.min(Math.floor(position), TABLE_ENTRIES - 2);
  const w = Math.min(1, position - entry);
  const a = entry * AIR_PARAMETERS;
  const s = table.sections;
  for (let j = 0; j < AIR_PARAMETERS; j++) out[j] = s[a + j]! + w * (s[a + AIR_PARAMETERS + j]! - s[a + j]!);
}

/** |N(e^iw)|^2 of 1 + b1 z^-1 + b2 z^-2. */
function powerAt(b1: number, b2: number, cosW: number, cos2W: number, sinW: number, sin2W: number): number {
  const re = 1 + b1 * cosW + b2 * cos2W;
  const im = b1 * sinW + b2 * sin2W;
  return re * re + im * im;
}

/** The cascade's response in dB at `frequencyHz` for sections (r, theta, c1, c2) in `sections`. */
export function sectionsResponseDb(sections: ArrayLike<number>, frequencyHz: number, sampleRateHz: number): number {
  const w = (2 * Math.PI * frequencyHz) / sampleRateHz;
  const polynomials = new Float64Array(POLYNOMIALS);
  toPolynomials(sections, polynomials);
  return cascadeDb(polynomials, Math.cos(w), Math.cos(2 * w), Math.sin(w), Math.sin(2 * w));
}

/** Per section: denominator a1, a2, numerator c1, c2, squared DC gain correction. */
const POLYNOMIALS = 5 * AIR_SECTIONS;

function toPolynomials(sections: ArrayLike<number>, out: Float64Array): void {
  for (let k = 0; k < AIR_SECTIONS; k++) {
    const r = sections[4 * k]!;
    const a1 = -2 * r * Math.cos(sections[4 * k + 1]!);
    const a2 = r * r;
    const c1 = sections[4 * k + 2]!;
    const c2 = sections[4 * k + 3]!;
    const dcRatio = (1 + a1 + a2) / (1 + c1 + c2);
    out[5 * k] = a1;
    out[5 * k + 1] = a2;
    out[5 * k + 2] = c1;
    out[5 * k + 3] = c2;
    out[5 * k + 4] = dcRatio * dcRatio;
  }
}

function cascadeDb(polynomials: Float64Array, cosW: number, cos2W: number, sinW: number, sin2W: number): number {
  let ratio = 1;
  for (let k = 0; k < AIR_SECTIONS; k++) {
    const at = k * 5;
    const zeros = powerAt(polynomials[at + 2]!, polynomials[at + 3]!, cosW, cos2W, sinW, sin2W);
    ratio *= (polynomials[at + 4]! * zeros) / powerAt(polynomials[at]!, polynomials[at + 1]!, cosW, cos2W, sinW, sin2W);
  }
  return 10 * Math.log10(ratio);
}

const logistic = (u: number): number => 1 / (1 + Math.exp(-u));

/** Fit parameters (u, v, c1, c2 per section) to sections: r = MAX_POLE_RADIUS logistic(u), theta from MIN_ANGLE to pi - MIN_ANGLE by logistic(v). */
function toSections(params: Float64Array, out: Float64Array): void {
  for (let k = 0; k < AIR_SECTIONS; k++) {
    const at = 4 * k;
    out[at] = MAX_POLE_RADIUS * logistic(params[at]!);
    out[at + 1] = MIN_ANGLE + (Math.PI - 2 * MIN_ANGLE) * logistic(params[at + 1]!);
    out[at + 2] = params[at + 2]!;
    out[at + 3] = params[at + 3]!;
  }
}

interface FitProblem {
  readonly cosW: Float64Array;
  readonly cos2W: Float64Array;
  readonly sinW: Float64Array;
  readonly sin2W: Float64Array;
  readonly lossDbPerM: Float64Array;
  readonly params: Float64Array;
  /** The fit the continuation started from, which the parameters are tied to. */
  readonly anchor: Float64Array;
  tie: number;
  readonly sections: Float64Array;
  readonly polynomials: Float64Array;
  readonly residual: Float64Array;
  readonly shifted: Float64Array;
  readonly jacobian: Float64Array;
  readonly trial: Float64Array;
}

function fitTable(sampleRateHz: number, seed: number): AirAbsorptionTable {
  const highestHz = 0.45 * sampleRateHz;
  const problem: FitProblem = {
    cosW: new Float64Array(FIT_POINTS),
    cos2W: new Float64Array(FIT_POINTS),
    sinW: new Float64Array(FIT_POINTS),
    sin2W: new Float64Array(FIT_POINTS),
    lossDbPerM: new Float64Array(FIT_POINTS),
    params: new Float64Array(AIR_PARAMETERS),
    anchor: new Float64Array(AIR_PARAMETERS),
    tie: 0,
    sections: new Float64Array(AIR_PARAMETERS),
    polynomials: new Float64Array(POLYNOMIALS),
    residual: new Float64Array(FIT_POINTS + AIR_PARAMETERS),
    shifted: new Float64Array(FIT_POINTS + AIR_PARAMETERS),
    jacobian: new Float64Array((FIT_POINTS + AIR_PARAMETERS) * AIR_PARAMETERS),
    trial: new Float64Array(AIR_PARAMETERS),
  };
  for (let i = 0; i < FIT_POINTS; i++) {
    const f = FIT_LOWEST_HZ * Math.pow(highestHz / FIT_LOWEST_HZ, i / (FIT_POINTS - 1));
    const w = (2 * Math.PI * f) / sampleRateHz;
    problem.cosW[i] = Math.cos(w);
    problem.cos2W[i] = Math.cos(2 * w);
    problem.sinW[i] = Math.sin(w);
    problem.sin2W[i] = Math.sin(2 * w);
    problem.lossDbPerM[i] = airAttenuationDbPerM(f);
  }
  const sections = new Float64Array(TABLE_ENTRIES * AIR_PARAMETERS);
  fitFarthest(problem, tableDistanceM(TABLE_ENTRIES - 1), seed);
  problem.tie = TIE_WEIGHT;
  for (let e = TABLE_ENTRIES - 1; e >= 0; e--) {
    problem.anchor.set(problem.params);
    if (e < TABLE_ENTRIES - 1) levenbergMarquardt(problem, tableDistanceM(e), FOLLOWING_ITERATIONS);
    const entry = sections.subarray(e * AIR_PARAMETERS, (e + 1) * AIR_PARAMETERS);
    toSections(problem.params, entry);
    for (let k = 0; k < AIR_SECTIONS; k++) reflectZerosInside(entry, 4 * k + 2);
  }
  return { sections };
}

/**
 * Moves the numerator's zeros outside the unit circle to their mirror images 1 / z*
 * inside (same magnitude response once 0 dB at DC is restored): the fit may land on
 * either, and zeros inside keep the numerator's coefficients, and the realisation's gains, small.
 */
function reflectZerosInside(entry: Float64Array, at: number): void {
  const c1 = entry[at]!;
  const c2 = entry[at + 1]!;
  const discriminant = c1 * c1 - 4 * c2;
  if (discriminant < 0) {
    // A complex pair, |z|^2 = c2.
    if (c2 > 1) {
      entry[at] = c1 / c2;
      entry[at + 1] = 1 / c2;
    }
    return;
  }
  const root = Math.sqrt(discriminant);
  let z1 = (-c1 + root) / 2;
  let z2 = (-c1 - root) / 2;
  if (Math.abs(z1) > 1) z1 = 1 / z1;
  if (Math.abs(z2) > 1) z2 = 1 / z2;
  entry[at] = -(z1 + z2);
  entry[at + 1] = z1 * z2;
}

/** The best of MULTISTARTS fits from starts drawn by a fixed-seed generator (the same table every time). */
function fitFarthest(problem: FitProblem, distanceM: number, firstSeed: number): void {
  const best = new Float64Array(AIR_PARAMETERS);
  let bestCost = Infinity;
  let seed = firstSeed;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let s = 0; s < MULTISTARTS; s++) {
    for (let k = 0; k < AIR_SECTIONS; k++) {
      const at = 4 * k;
      problem.params[at] = 2 + 3 * random();
      problem.params[at + 1] = -6 + 4 * random();
      problem.params[at + 2] = 4 * random() - 2;
      problem.params[at + 3] = 2 * random() - 1;
    }
    const cost = levenbergMarquardt(problem, distanceM, FIRST_ITERATIONS);
    if (cost < bestCost) {
      bestCost = cost;
      best.set(problem.params);
    }
  }
  problem.params.set(best);
}

/** Weighted dB residuals of `params` (then the tie to the anchor) into `out`; returns the sum of squares. */
function residuals(problem: FitProblem, params: Float64Array, distanceM: number, out: Float64Array): number {
  const { sections, polynomials } = problem;
  toSections(params, sections);
  toPolynomials(sections, polynomials);
  let cost = 0;
  for (let i = 0; i < FIT_POINTS; i++) {
    const lossDb = problem.lossDbPerM[i]! * distanceM;
    const responseDb = cascadeDb(polynomials, problem.cosW[i]!, problem.cos2W[i]!, problem.sinW[i]!, problem.sin2W[i]!);
    const targetDb = -Math.min(lossDb, HELD_LOSS_DB);
    const weight = lossDb <= FIT_LOSS_DB ? 1 : responseDb < targetDb ? 0 : LOUD_LOSS_WEIGHT;
    out[i] = weight * (responseDb - targetDb);
    cost += out[i]! * out[i]!;
  }
  for (let j = 0; j < AIR_PARAMETERS; j++) {
    out[FIT_POINTS + j] = problem.tie * (params[j]! - problem.anchor[j]!);
    cost += out[FIT_POINTS + j]! * out[FIT_POINTS + j]!;
  }
  return Number.isFinite(cost) ? cost : Infinity;
}

/** Levenberg-Marquardt (forward-difference Jacobian) from problem.params; leaves the fit there and returns its cost. */
function levenbergMarquardt(problem: FitProblem, distanceM: number, iterations: number): number {
  const { params, trial, residual, shifted, jacobian } = problem;
  const rows = FIT_POINTS + AIR_PARAMETERS;
  const normal = new Float64Array(AIR_PARAMETERS * AIR_PARAMETERS);
  const gradient = new Float64Array(AIR_PARAMETERS);
  const step = new Float64Array(AIR_PARAMETERS);
  let damping = 1e-3;
  let cost = residuals(problem, params, distanceM, residual);
  for (let iteration = 0; iteration < iterations; iteration++) {
    for (let j = 0; j < AIR_PARAMETERS; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(params[j]!));
      trial.set(params);
      trial[j] = params[j]! + h;
      residuals(problem, trial, distanceM, shifted);
      for (let i = 0; i < rows; i++) jacobian[i * AIR_PARAMETERS + j] = (shifted[i]! - residual[i]!) / h;
    }
    normal.fill(0);
    gradient.fill(0);
    for (let i = 0; i < rows; i++) {
      for (let r = 0; r < AIR_PARAMETERS; r++) {
        const jr = jacobian[i * AIR_PARAMETERS + r]!;
        gradient[r] = gradient[r]! - jr * residual[i]!;
        for (let c = 0; c < AIR_PARAMETERS; c++) normal[r * AIR_PARAMETERS + c] = normal[r * AIR_PARAMETERS + c]! + jr * jacobian[i * AIR_PARAMETERS + c]!;
      }
    }
    let improved = false;
    let converged = false;
    for (let attempt = 0; attempt < 10 && !improved; attempt++) {
      solveDamped(normal, gradient, damping, step);
      for (let j = 0; j < AIR_PARAMETERS; j++) trial[j] = params[j]! + step[j]!;
      const trialCost = residuals(problem, trial, distanceM, shifted);
      if (trialCost < cost) {
        converged = trialCost > cost * (1 - 1e-7);
        params.set(trial);
        residual.set(shifted);
        cost = trialCost;
        damping = Math.max(1e-9, damping / 3);
        improved = true;
      } else {
        damping *= 4;
      }
    }
    if (!improved || converged) break;
  }
  return cost;
}

/** Solves (N + damping diag N) x = g by Gaussian elimination with partial pivoting. */
function solveDamped(normal: Float64Array, gradient: Float64Array, damping: number, out: Float64Array): void {
  const n = AIR_PARAMETERS;
  const w = n + 1;
  const m = new Float64Array(n * w);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) m[r * w + c] = normal[r * n + c]! * (r === c ? 1 + damping : 1) + (r === c ? 1e-12 : 0);
    m[r * w + n] = gradient[r]!;
  }
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * w + col]!) > Math.abs(m[pivot * w + col]!)) pivot = r;
    for (let c = 0; c < w; c++) {
      const t = m[col * w + c]!;
      m[col * w + c] = m[pivot * w + c]!;
      m[pivot * w + c] = t;
    }
    for (let r = col + 1; r < n; r++) {
      const f = m[r * w + col]! / m[col * w + col]!;
      for (let c = col; c < w; c++) m[r * w + c] = m[r * w + c]! - f * m[col * w + c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r * w + n]!;
    for (let c = r + 1; c < n; c++) s -= m[r * w + c]! * out[c]!;
    out[r] = s / m[r * w + r]!;
  }
}
