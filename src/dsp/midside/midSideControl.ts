import { BUTTERWORTH_Q, createBiquadCoefficients, setBiquadIdentity, setHighPass, setHighShelf, setLowShelf } from '../filters/biquad';
import type { BiquadCoefficients } from '../filters/biquad';
import { createLinearRamp, jumpLinearRamp, setLinearRampTarget } from '../filters/linearRamp';
import type { LinearRamp } from '../filters/linearRamp';
import { DEFAULT_MID_SIDE_SETTINGS, MAX_BASS_MONO_HZ, MAX_GAIN_DB, MAX_SHELF_GAIN_DB, MAX_WIDTH_PERCENT, MIN_FILTER_HZ, MIN_GAIN_DB } from '../../core/scene/midSideSettings';
import type { MidSideSettings } from '../../core/scene/midSideSettings';
import { MID_SIDE_SCALE } from './midSide';

/**
 * Control of the stereo mid/side processor (the per-sample loop and its signal flow are in
 * midSideProcessor.ts): its state, its parameters and what they set.
 *
 * Parameters to ramp targets (k = MID_SIDE_SCALE = 1/sqrt2, midSide.ts):
 *   mid gain   gM = 10^(midGainDb/20),
 *   side gain  gS = 10^(sideGainDb/20) x widthPercent/100   (levels at or below -120 dB: 0),
 *   bass mono  mix = 1 when on, 0 when off; crossover frequency as log2(bassMonoCutoffHz),
 *   shelves    frequency as log2 Hz, gain in dB,
 *   monitor    (monitorMid, monitorSideLeft, monitorSideRight) = stereo (k, k, -k),
 *              mid (k, 0, 0), side (0, k, k).
 * Out-of-range values are clamped (width and gains to core/scene/midSideSettings.ts's limits,
 * filter frequencies to MIN_FILTER_HZ .. 0.45 fs, the crossover also to MAX_BASS_MONO_HZ);
 * non-finite values and unknown monitors are ignored. A new target glides linearly from
 * the current value over rampTimeSec (default 20 ms); creation and reset jump to the targets.
 *
 * Coefficients, from the ramps' current values: the crossover's Butterworth high-pass
 * section (filters/biquad.ts, run twice by the loop: the Linkwitz-Riley high band) and the
 * RBJ cookbook shelves (S = 1). A shelf at 0 dB gets the identity and a cleared state; a
 * crossover mixed out is held at rest, so it restarts from rest when switched on again.
 */
export type MidSideMonitor = 'stereo' | 'mid' | 'side';
const MID_SIDE_MONITORS: readonly MidSideMonitor[] = ['stereo', 'mid', 'side'];

/** The settings a scene stores (core/scene/midSideSettings.ts: names, units, defaults), plus the monitor. */
export interface MidSideParams extends Omit<MidSideSettings, 'extraFields'> {
  readonly monitor: MidSideMonitor;
}

export const DEFAULT_MID_SIDE_PARAMS: MidSideParams = { ...DEFAULT_MID_SIDE_SETTINGS, monitor: 'stereo' };

export const DEFAULT_RAMP_TIME_SEC = 0.02;

interface MidSideProcessorConfig {
  /** Glide time of every parameter change; default DEFAULT_RAMP_TIME_SEC. */
  readonly rampTimeSec?: number;
  /** Initial parameters (applied at once, without a glide); defaults DEFAULT_MID_SIDE_PARAMS. */
  readonly params?: Partial<MidSideParams>;
}

/** A shelf whose frequency (log2 Hz) and gain (dB) glide. */
interface Shelf {
  readonly kind: 'low' | 'high';
  readonly log2Hz: LinearRamp;
  readonly gainDb: LinearRamp;
  readonly coefficients: BiquadCoefficients;
  z1: number;
  z2: number;
}

export interface MidSideProcessor {
  readonly sampleRateHz: number;
  /** The targets, as last set (sanitised; updated in place). */
  readonly params: MidSideParams;
  readonly midGain: LinearRamp;
  readonly sideGain: LinearRamp;
  readonly bassMonoMix: LinearRamp;
  readonly bassMonoLog2Hz: LinearRamp;
  readonly bassMonoCoefficients: BiquadCoefficients;
  /** Crossover states: first section z1, z2, second section z1, z2. */
  readonly bassMonoState: Float64Array;
  readonly midLowShelf: Shelf;
  readonly midHighShelf: Shelf;
  readonly sideLowShelf: Shelf;
  readonly sideHighShelf: Shelf;
  /** Output matrix: L = monitorMid M + monitorSideLeft S, R = monitorMid M + monitorSideRight S. */
  readonly monitorMid: LinearRamp;
  readonly monitorSideLeft: LinearRamp;
  readonly monitorSideRight: LinearRamp;
  /** Samples processed since creation or reset (the control grid). */
  frameCount: number;
  /** A gliding filter parameter moved since the coefficients were last computed. */
  coefficientsStale: boolean;
  /** The four shelves, and the ramps that move filter coefficients (iterated without allocating). */
  readonly shelves: readonly Shelf[];
  readonly coefficientRamps: readonly LinearRamp[];
}

export function createMidSideProcessor(config: MidSideProcessorConfig, sampleRateHz: number): MidSideProcessor {
  const rampFrames = Math.max(1, Math.round((config.rampTimeSec ?? DEFAULT_RAMP_TIME_SEC) * sampleRateHz));
  const params: MutableParams = { ...DEFAULT_MID_SIDE_PARAMS };
  assignParams(params, config.params ?? {}, sampleRateHz);
  const shelf = (kind: 'low' | 'high'): Shelf => ({
    kind,
    log2Hz: createLinearRamp(0, rampFrames),
    gainDb: createLinearRamp(0, rampFrames),
    coefficients: createBiquadCoefficients(),
    z1: 0,
    z2: 0,
  });
  const midLowShelf = shelf('low');
  const midHighShelf = shelf('high');
  const sideLowShelf = shelf('low');
  const sideHighShelf = shelf('high');
  const bassMonoLog2Hz = createLinearRamp(Math.log2(params.bassMonoCutoffHz), rampFrames);
  const shelfList = [midLowShelf, midHighShelf, sideLowShelf, sideHighShelf];
  const state: MidSideProcessor = {
    sampleRateHz,
    params,
    midGain: createLinearRamp(1, rampFrames),
    sideGain: createLinearRamp(1, rampFrames),
    bassMonoMix: createLinearRamp(0, rampFrames),
    bassMonoLog2Hz,
    bassMonoCoefficients: createBiquadCoefficients(),
    bassMonoState: new Float64Array(4),
    midLowShelf,
    midHighShelf,
    sideLowShelf,
    sideHighShelf,
    monitorMid: createLinearRamp(MID_SIDE_SCALE, rampFrames),
    monitorSideLeft: createLinearRamp(MID_SIDE_SCALE, rampFrames),
    monitorSideRight: createLinearRamp(-MID_SIDE_SCALE, rampFrames),
    frameCount: 0,
    coefficientsStale: true,
    shelves: shelfList,
    coefficientRamps: [bassMonoLog2Hz, ...shelfList.flatMap((s) => [s.log2Hz, s.gainDb])],
  };
  applyTargets(state, true);
  return state;
}

/**
 * Sets new targets (any subset); each glides from its current value over the ramp time.
 * Out-of-range values are clamped, non-finite ones ignored. Allocation-free, so a worklet
 * can apply parameter messages inside process().
 */
export function setMidSideParams(state: MidSideProcessor, params: Partial<MidSideParams>): void {
  assignParams(state.params as MutableParams, params, state.sampleRateHz);
  applyTargets(state, false);
}

/** Clears filter states and jumps every parameter to its target (start, seek). */
export function resetMidSideProcessor(state: MidSideProcessor): void {
  state.bassMonoState.fill(0);
  for (let i = 0; i < state.shelves.length; i++) {
    const shelf = state.shelves[i]!;
    shelf.z1 = 0;
    shelf.z2 = 0;
  }
  state.frameCount = 0;
  applyTargets(state, true);
}

/**
 * True while the processor is a plain copy: both gains at unity, bass mono off, every
 * shelf at 0 dB and the monitor on stereo, each settled. A processor still gliding (to
 * neutral or away from it) is not a pass-through. Gliding shelf or crossover frequencies
 * do not count: a shelf at 0 dB and a crossover mixed out do nothing wherever they are.
 * With its settings in force and settled, this agrees with core's isNeutral of them.
 */
export function isMidSidePassThrough(state: MidSideProcessor): boolean {
  const k = MID_SIDE_SCALE;
  return (
    state.midGain.remaining === 0 &&
    state.midGain.value === 1 &&
    state.sideGain.remaining === 0 &&
    state.sideGain.value === 1 &&
    !bassMonoActive(state) &&
    !shelfActive(state.midLowShelf) &&
    !shelfActive(state.midHighShelf) &&
    !shelfActive(state.sideLowShelf) &&
    !shelfActive(state.sideHighShelf) &&
    state.monitorMid.remaining === 0 &&
    state.monitorMid.value === k &&
    state.monitorSideLeft.remaining === 0 &&
    state.monitorSideLeft.value === k &&
    state.monitorSideRight.remaining === 0 &&
    state.monitorSideRight.value === -k
  );
}

/** A shelf acts while its gain is off 0 dB or gliding; otherwise it is bypassed. */
export function shelfActive(shelf: Shelf): boolean {
  return shelf.gainDb.value !== 0 || shelf.gainDb.remaining !== 0;
}

/** The crossover acts while the bass-mono mix is above 0 or gliding; otherwise it is bypassed and held at rest. */
export function bassMonoActive(state: MidSideProcessor): boolean {
  return state.bassMonoMix.value !== 0 || state.bassMonoMix.remaining !== 0;
}

/**
 * Computes the crossover and shelf coefficients from the ramps' current values and clears
 * coefficientsStale. Allocation-free (called by the loop at its control points).
 */
export function updateMidSideCoefficients(state: MidSideProcessor): void {
  const fs = state.sampleRateHz;
  setHighPass(state.bassMonoCoefficients, Math.pow(2, state.bassMonoLog2Hz.value), BUTTERWORTH_Q, fs);
  if (!bassMonoActive(state)) state.bassMonoState.fill(0);
  updateShelf(state.midLowShelf, fs);
  updateShelf(state.midHighShelf, fs);
  updateShelf(state.sideLowShelf, fs);
  updateShelf(state.sideHighShelf, fs);
  state.coefficientsStale = false;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

type MutableParams = { -readonly [K in keyof MidSideParams]: MidSideParams[K] };

function ok(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

function shelfDb(value: number): number {
  return clamp(value, -MAX_SHELF_GAIN_DB, MAX_SHELF_GAIN_DB);
}

/** Copies the finite fields of `p` into `target`, clamped to their ranges. Allocation-free. */
function assignParams(target: MutableParams, p: Partial<MidSideParams>, sampleRateHz: number): void {
  const maxHz = 0.45 * sampleRateHz;
  if (ok(p.widthPercent)) target.widthPercent = clamp(p.widthPercent, 0, MAX_WIDTH_PERCENT);
  if (ok(p.midGainDb)) target.midGainDb = clamp(p.midGainDb, MIN_GAIN_DB, MAX_GAIN_DB);
  if (ok(p.sideGainDb)) target.sideGainDb = clamp(p.sideGainDb, MIN_GAIN_DB, MAX_GAIN_DB);
  if (p.bassMono !== undefined) target.bassMono = p.bassMono === true;
  if (ok(p.bassMonoCutoffHz)) target.bassMonoCutoffHz = clamp(p.bassMonoCutoffHz, MIN_FILTER_HZ, Math.min(MAX_BASS_MONO_HZ, maxHz));
  if (ok(p.midLowShelfHz)) target.midLowShelfHz = clamp(p.midLowShelfHz, MIN_FILTER_HZ, maxHz);
  if (ok(p.midLowShelfGainDb)) target.midLowShelfGainDb = shelfDb(p.midLowShelfGainDb);
  if (ok(p.midHighShelfHz)) target.midHighShelfHz = clamp(p.midHighShelfHz, MIN_FILTER_HZ, maxHz);
  if (ok(p.midHighShelfGainDb)) target.midHighShelfGainDb = shelfDb(p.midHighShelfGainDb);
  if (ok(p.sideLowShelfHz)) target.sideLowShelfHz = clamp(p.sideLowShelfHz, MIN_FILTER_HZ, maxHz);
  if (ok(p.sideLowShelfGainDb)) target.sideLowShelfGainDb = shelfDb(p.sideLowShelfGainDb);
  if (ok(p.sideHighShelfHz)) target.sideHighShelfHz = clamp(p.sideHighShelfHz, MIN_FILTER_HZ, maxHz);
  if (ok(p.sideHighShelfGainDb)) target.sideHighShelfGainDb = shelfDb(p.sideHighShelfGainDb);
  if (p.monitor !== undefined && MID_SIDE_MONITORS.includes(p.monitor)) target.monitor = p.monitor;
}

function dbToGainOrMute(gainDb: number): number {
  return gainDb <= MIN_GAIN_DB ? 0 : Math.pow(10, gainDb / 20);
}

/** Points every ramp at the current targets; `now` jumps instead of gliding. */
function applyTargets(state: MidSideProcessor, now: boolean): void {
  const p = state.params;
  const set = now ? jumpLinearRamp : setLinearRampTarget;
  set(state.midGain, dbToGainOrMute(p.midGainDb));
  set(state.sideGain, (dbToGainOrMute(p.sideGainDb) * p.widthPercent) / 100);
  set(state.bassMonoMix, p.bassMono ? 1 : 0);
  set(state.bassMonoLog2Hz, Math.log2(p.bassMonoCutoffHz));
  set(state.midLowShelf.log2Hz, Math.log2(p.midLowShelfHz));
  set(state.midLowShelf.gainDb, p.midLowShelfGainDb);
  set(state.midHighShelf.log2Hz, Math.log2(p.midHighShelfHz));
  set(state.midHighShelf.gainDb, p.midHighShelfGainDb);
  set(state.sideLowShelf.log2Hz, Math.log2(p.sideLowShelfHz));
  set(state.sideLowShelf.gainDb, p.sideLowShelfGainDb);
  set(state.sideHighShelf.log2Hz, Math.log2(p.sideHighShelfHz));
  set(state.sideHighShelf.gainDb, p.sideHighShelfGainDb);
  const k = MID_SIDE_SCALE;
  set(state.monitorMid, p.monitor === 'side' ? 0 : k);
  set(state.monitorSideLeft, p.monitor === 'mid' ? 0 : k);
  set(state.monitorSideRight, p.monitor === 'mid' ? 0 : p.monitor === 'side' ? k : -k);
  state.coefficientsStale = true;
  if (now) updateMidSideCoefficients(state);
}

function updateShelf(shelf: Shelf, sampleRateHz: number): void {
  if (!shelfActive(shelf)) {
    setBiquadIdentity(shelf.coefficients);
    shelf.z1 = 0;
    shelf.z2 = 0;
    return;
  }
  const frequencyHz = Math.pow(2, shelf.log2Hz.value);
  if (shelf.kind === 'low') setLowShelf(shelf.coefficients, frequencyHz, shelf.gainDb.value, sampleRateHz);
  else setHighShelf(shelf.coefficients, frequencyHz, shelf.gainDb.value, sampleRateHz);
}
