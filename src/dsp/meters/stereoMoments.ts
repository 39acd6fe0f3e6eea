import { DEFAULT_INTEGRATION_SEC } from '../../core/meterPresets';
/**
 * Integration of the second-order moments of a stereo pair, and the readings derived
 * from them. Every stereo-field reading of the studio comes from three numbers per band:
 *   PL = E[L^2],   PR = E[R^2],   C = E[L R],
 * where E[.] is the meter's time average (below). With the mid/side convention of
 * midside/midSide.ts (M = (L+R)/sqrt2, S = (L-R)/sqrt2):
 *   PM = E[M^2] = (PL + PR)/2 + C,   PS = E[S^2] = (PL + PR)/2 - C,
 * and the mono fold-down (L + R) g (the mono downmix, core/outputs/studioOutputs.ts) has power g^2 (PL + PR + 2C).
 *
 * Time average E[.], over `updateFrames`-sample sub-blocks (1.33 ms: 64 frames at 48 kHz),
 * the sums of a sub-block entering the average when it completes, so readings do not
 * depend on how callers split their blocks:
 *   - exponential, time constant tau:  E_k = d E_(k-1) + (1 - d) X_k,  d = exp(-N / (tau fs)),
 *     X_k the mean over sub-block k of N samples: a one-pole average whose step response
 *     reaches 1 - 1/e after tau, the ballistics of analogue correlation meters;
 *   - rectangular, window T: the plain mean over the last T seconds (rounded to whole bins
 *     of sub-blocks; at most MAX_RECTANGULAR_BINS bins), or over everything so far while
 *     less than T has passed.
 */
export type IntegrationMode = 'exponential' | 'rectangular';

export interface IntegrationConfig {
  readonly mode: IntegrationMode;
  /** Time constant (exponential) or window length (rectangular), seconds. */
  readonly timeSec: number;
}

/** The usual meter ballistics: fast, medium, slow. */
export const DEFAULT_INTEGRATION: IntegrationConfig = { mode: 'exponential', timeSec: DEFAULT_INTEGRATION_SEC };

/** Sub-block length: 1/750 s (64 frames at 48 kHz). */
export function momentUpdateFrames(sampleRateHz: number): number {
  return Math.max(1, Math.round(sampleRateHz / 750));
}

const MAX_RECTANGULAR_BINS = 512;

/**
 * Below this mean-square power (-120 dBFS) a channel counts as silent: its correlation is
 * reported as 0 and its mono sum vs stereo as 0 dB.
 */
export const SILENCE_POWER = 1e-12;
/** Floor of every level in dB: silence reads this, never -Infinity. */
export const METER_FLOOR_DB = -150;

export interface StereoMoments {
  readonly setCount: number;
  readonly updateFrames: number;
  readonly mode: IntegrationMode;
  /** Exponential: decay per sub-block. */
  readonly decay: number;
  /** Sums of the sub-block in progress: [sumLL, sumRR, sumLR] per set. Meters add into it. */
  readonly partial: Float64Array;
  /** Frames in the sub-block in progress. */
  partialFrames: number;
  /** The averaged moments [PL, PR, C] per set: the meter's reading. */
  readonly moments: Float64Array;
  /** Rectangular: sub-blocks per bin, bins per window, ring of bin sums, window sums. */
  readonly subBlocksPerBin: number;
  readonly binCount: number;
  readonly bins: Float64Array;
  readonly binInProgress: Float64Array;
  readonly windowSums: Float64Array;
  subBlocksInBin: number;
  binIndex: number;
  binsFilled: number;
}

export function createStereoMoments(setCount: number, integration: IntegrationConfig, sampleRateHz: number): StereoMoments {
  const updateFrames = momentUpdateFrames(sampleRateHz);
  const timeSec = Number.isFinite(integration.timeSec) && integration.timeSec > 0 ? integration.timeSec : DEFAULT_INTEGRATION.timeSec;
  const rectangular = integration.mode === 'rectangular';
  const windowSubBlocks = Math.max(1, Math.round((timeSec * sampleRateHz) / updateFrames));
  const subBlocksPerBin = rectangular ? Math.ceil(windowSubBlocks / MAX_RECTANGULAR_BINS) : 1;
  const binCount = rectangular ? Math.max(1, Math.round(windowSubBlocks / subBlocksPerBin)) : 0;
  const size = 3 * setCount;
  return {
    setCount,
    updateFrames,
    mode: integration.mode,
    decay: Math.exp(-updateFrames / (timeSec * sampleRateHz)),
    partial: new Float64Array(size),
    partialFrames: 0,
    moments: new Float64Array(size),
    subBlocksPerBin,
    binCount,
    bins: new Float64Array(size * binCount),
    binInProgress: new Float64Array(rectangular ? size : 0),
    windowSums: new Float64Array(rectangular ? size : 0),
    subBlocksInBin: 0,
    binIndex: 0,
    binsFilled: 0,
  };
}

export function resetStereoMoments(state: StereoMoments): void {
  state.partial.fill(0);
  state.partialFrames = 0;
  state.moments.fill(0);
  state.bins.fill(0);
  state.binInProgress.fill(0);
  state.windowSums.fill(0);
  state.subBlocksInBin = 0;
  state.binIndex = 0;
  state.binsFilled = 0;
}

/**
 * Frames the caller may add to `partial` before the sub-block completes (at most `limit`).
 * After adding them, call `addedMomentFrames`.
 */
export function framesUntilMomentUpdate(state: StereoMoments, limit: number): number {
  const left = state.updateFrames - state.partialFrames;
  return left < limit ? left : limit;
}

/** Records that `frames` frames were summed into `partial`; integrates when the sub-block is complete. */
export function addedMomentFrames(state: StereoMoments, frames: number): void {
  state.partialFrames += frames;
  if (state.partialFrames < state.updateFrames) return;
  const { partial, moments } = state;
  const size = partial.length;
  if (state.mode === 'exponential') {
    const d = state.decay;
    const w = (1 - d) / state.updateFrames;
    for (let i = 0; i < size; i++) moments[i] = d * moments[i]! + w * partial[i]!;
  } else {
    completeRectangularSubBlock(state);
  }
  partial.fill(0);
  state.partialFrames = 0;
}

function completeRectangularSubBlock(state: StereoMoments): void {
  const { partial, binInProgress, windowSums, bins, moments } = state;
  const size = partial.length;
  for (let i = 0; i < size; i++) binInProgress[i] = binInProgress[i]! + partial[i]!;
  state.subBlocksInBin++;
  if (state.subBlocksInBin < state.subBlocksPerBin) return;
  const base = state.binIndex * size;
  for (let i = 0; i < size; i++) {
    windowSums[i] = windowSums[i]! + binInProgress[i]! - bins[base + i]!;
    bins[base + i] = binInProgress[i]!;
  }
  binInProgress.fill(0);
  state.subBlocksInBin = 0;
  state.binIndex = (state.binIndex + 1) % state.binCount;
  if (state.binsFilled < state.binCount) state.binsFilled++;
  if (state.binIndex === 0) {
    // Once per window: re-add the ring, so rounding in the running sums cannot drift.
    windowSums.fill(0);
    for (let b = 0; b < state.binCount; b++) for (let i = 0; i < size; i++) windowSums[i] = windowSums[i]! + bins[b * size + i]!;
  }
  const frames = state.binsFilled * state.subBlocksPerBin * state.updateFrames;
  for (let i = 0; i < size; i++) moments[i] = windowSums[i]! / frames;
}

/**
 * Normalised cross-correlation (Pearson's r of the two channels about zero mean):
 *   r = C / sqrt(PL PR),  in [-1, 1];
 * +1 for identical channels, -1 for inverted ones, 0 for independent noise. When either
 * channel is below SILENCE_POWER the estimator has nothing to say and 0 is reported: the
 * needle rests at the centre, which is also the limit for a source panned hard to one side
 * (C = 0), rather than claiming a "+1 mono" signal that is not there.
 */
export function correlationFromMoments(pL: number, pR: number, c: number): number {
  if (!(pL >= SILENCE_POWER && pR >= SILENCE_POWER)) return 0;
  const r = c / Math.sqrt(pL * pR);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/** 10 log10(power), floored at METER_FLOOR_DB. */
export function powerToDb(power: number): number {
  const db = 10 * Math.log10(power);
  return db > METER_FLOOR_DB ? db : METER_FLOOR_DB;
}

/** PM = (PL + PR)/2 + C (not below 0: rounding). */
export function midPowerFromMoments(pL: number, pR: number, c: number): number {
  const p = 0.5 * (pL + pR) + c;
  return p > 0 ? p : 0;
}

/** PS = (PL + PR)/2 - C (not below 0: rounding). */
export function sidePowerFromMoments(pL: number, pR: number, c: number): number {
  const p = 0.5 * (pL + pR) - c;
  return p > 0 ? p : 0;
}

/**
 * Mono sum vs stereo, dB, signed: the level of the mono fold-down (L + R) g against the
 * level of the stereo signal, per channel:
 *   monoVsStereoDb = 10 log10( g^2 E[(L + R)^2] / ((PL + PR)/2) ) = 10 log10( 2 g^2 (1 + 2C/(PL + PR)) ).
 * With the studio's default -3 dB law (g = 1/sqrt2) this is 10 log10(1 + 2C/(PL + PR)):
 * 0 dB for uncorrelated channels (the law is designed so that they keep their power),
 * +3.01 dB for identical channels (they add in phase), and minus infinity (floored at
 * METER_FLOOR_DB) for inverted ones. Positive values are level gained in mono, negative
 * ones level lost to cancellation; the studio calls only -monoVsStereoDb > 0 a "loss", and
 * states it as a positive number of dB.
 * It equals the change of the summed channel power (the BS.1770 loudness sum, before
 * weighting) when the stereo pair is replaced by its mono fold-down on both channels;
 * with the -6 dB law (g = 1/2) every value is 3.01 dB lower. Silence reads 0 dB.
 */
export function monoVsStereoDbFromMoments(pL: number, pR: number, c: number, monoLawGain: number): number {
  const mean = 0.5 * (pL + pR);
  if (!(mean >= SILENCE_POWER)) return 0;
  const mono = monoLawGain * monoLawGain * (pL + pR + 2 * c);
  return powerToDb(mono > 0 ? mono / mean : 0);
}
