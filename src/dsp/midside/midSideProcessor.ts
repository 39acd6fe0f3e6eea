import { BUTTERWORTH_Q, DENORMAL_FLUSH, createBiquadCoefficients, setBiquadIdentity, setHighPass, setHighShelf, setLowShelf } from '../filters/biquad';
import type { BiquadCoefficients } from '../filters/biquad';
import { advanceLinearRamp, createLinearRamp, jumpLinearRamp, setLinearRampTarget } from '../filters/linearRamp';
import type { LinearRamp } from '../filters/linearRamp';
import { DEFAULT_MID_SIDE_SETTINGS, MAX_BASS_MONO_HZ, MAX_GAIN_DB, MAX_SHELF_GAIN_DB, MAX_WIDTH_PERCENT, MIN_FILTER_HZ, MIN_GAIN_DB } from '../../core/midSideSettings';
import type { MidSideSettings } from '../../core/midSideSettings';
import { MID_SIDE_SCALE } from './midSide';

/**
 * Stereo mid/side processor, for one source or the master bus.
 *
 * Signal flow per sample (M/S convention of midSide.ts: M = (L+R)/sqrt2, S = (L-R)/sqrt2):
 *   1. M, S from L, R.
 *   2. Bass mono: S <- S + mix (HP4(S) - S), HP4 the high band of a fourth-order
 *      Linkwitz-Riley crossover at bassMonoCutoffHz (filters/linkwitzRiley.ts): the side
 *      below the crossover is removed at 24 dB/octave (-38 dB at a third of the cutoff),
 *      above it kept at unit gain with the crossover's all-pass phase. Only S is filtered,
 *      so the mid is untouched exactly; mix glides 0 <-> 1 when bass mono is switched.
 *   3. Shelving EQ: a low and a high shelf on M and on S (RBJ cookbook shelves, S = 1,
 *      filters/biquad.ts), e.g. a high shelf on S to brighten the sides or on M to brighten
 *      the centre. A shelf at 0 dB is bypassed (and is the identity anyway).
 *   4. Gains: M <- gM M, S <- gS S with gM = 10^(midGainDb/20) and
 *      gS = 10^(sideGainDb/20) x widthPercent/100: width 0 % is mono (S = 0, so L = R),
 *      100 % unchanged, 200 % doubles the side. Levels at or below -120 dB mute.
 *   5. Output matrix by monitor mode:
 *        stereo: L = (M + S)/sqrt2, R = (M - S)/sqrt2   (the decoder)
 *        mid:    L = R = M/sqrt2                       (mid solo)
 *        side:   L = R = S/sqrt2                       (side solo)
 *      Solo outputs put one signal on both channels at the decoder's scale, so soloing the
 *      mid of a centred source (S = 0) leaves its level unchanged.
 *
 * Smoothing: every gain, the bass-mono mix and the monitor matrix glide linearly over
 * rampTimeSec (default 20 ms), sample by sample; shelf frequencies and the crossover glide
 * in log frequency and shelf gains in dB over the same time, with coefficients recomputed
 * every CONTROL_FRAMES samples on a grid counted from the first sample, so the output
 * does not depend on how the caller splits its blocks. Allocation-free after creation;
 * non-finite parameters are ignored. With every parameter neutral and settled the
 * processor is a plain copy.
 */
export type MidSideMonitor = 'stereo' | 'mid' | 'side';
export const MID_SIDE_MONITORS: readonly MidSideMonitor[] = ['stereo', 'mid', 'side'];

/** The settings a scene stores (core/midSideSettings.ts: names, units, defaults), plus the monitor. */
export interface MidSideParams extends Omit<MidSideSettings, 'extraFields'> {
  readonly monitor: MidSideMonitor;
}

export const DEFAULT_MID_SIDE_PARAMS: MidSideParams = { ...DEFAULT_MID_SIDE_SETTINGS, monitor: 'stereo' };

export const DEFAULT_RAMP_TIME_SEC = 0.02;
/** Filter coefficients of gliding shelves and crossover are recomputed this often. */
export const CONTROL_FRAMES = 32;

export interface MidSideProcessorConfig {
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
 * Processes `frames` stereo samples. Outputs may alias the inputs. Any block length.
 * Allocation-free; throws nothing.
 */
export function processMidSide(
  state: MidSideProcessor,
  inLeft: Float32Array,
  inRight: Float32Array,
  outLeft: Float32Array,
  outRight: Float32Array,
  frames: number,
): void {
  if (isMidSidePassThrough(state)) {
    if (outLeft !== inLeft) for (let i = 0; i < frames; i++) outLeft[i] = inLeft[i]!;
    if (outRight !== inRight) for (let i = 0; i < frames; i++) outRight[i] = inRight[i]!;
    state.frameCount += frames;
    return;
  }
  run(state, inLeft, inRight, outLeft, outRight, frames, false);
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

/**
 * The same processing on signals already in mid/side form, in place: steps 2 to 4 (bass
 * mono, shelves, gains); the monitor matrix is not applied. With unit mid gain and no mid
 * shelves, `mid` is left bit for bit as it was, whatever bass mono and the side do.
 */
export function processMidSideEncoded(state: MidSideProcessor, mid: Float32Array, side: Float32Array, frames: number): void {
  run(state, mid, side, mid, side, frames, true);
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
  if (now) updateCoefficients(state);
}

function shelfActive(shelf: Shelf): boolean {
  return shelf.gainDb.value !== 0 || shelf.gainDb.remaining !== 0;
}

function bassMonoActive(state: MidSideProcessor): boolean {
  return state.bassMonoMix.value !== 0 || state.bassMonoMix.remaining !== 0;
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

function updateCoefficients(state: MidSideProcessor): void {
  const fs = state.sampleRateHz;
  setHighPass(state.bassMonoCoefficients, Math.pow(2, state.bassMonoLog2Hz.value), BUTTERWORTH_Q, fs);
  if (!bassMonoActive(state)) state.bassMonoState.fill(0);
  updateShelf(state.midLowShelf, fs);
  updateShelf(state.midHighShelf, fs);
  updateShelf(state.sideLowShelf, fs);
  updateShelf(state.sideHighShelf, fs);
  state.coefficientsStale = false;
}

/** Samples until the next per-sample ramp ends (or `limit`). */
function untilRampEnds(ramp: LinearRamp, limit: number): number {
  return ramp.remaining > 0 && ramp.remaining < limit ? ramp.remaining : limit;
}

function coefficientRampsActive(state: MidSideProcessor): boolean {
  const glides = state.coefficientRamps;
  for (let i = 0; i < glides.length; i++) if (glides[i]!.remaining !== 0) return true;
  return false;
}

function advanceControlRamps(state: MidSideProcessor, frames: number): void {
  const glides = state.coefficientRamps;
  for (let i = 0; i < glides.length; i++) {
    const ramp = glides[i]!;
    if (ramp.remaining === 0) continue;
    advanceLinearRamp(ramp, frames);
    state.coefficientsStale = true;
  }
}

function run(
  state: MidSideProcessor,
  inA: Float32Array,
  inB: Float32Array,
  outA: Float32Array,
  outB: Float32Array,
  frames: number,
  encoded: boolean,
): void {
  let offset = 0;
  while (offset < frames) {
    const phase = state.frameCount % CONTROL_FRAMES;
    if (phase === 0 && state.coefficientsStale) updateCoefficients(state);
    // Stop at the next control point only while coefficients glide or wait for it.
    let n = frames - offset;
    if (state.coefficientsStale || coefficientRampsActive(state)) n = Math.min(n, CONTROL_FRAMES - phase);
    n = untilRampEnds(state.midGain, n);
    n = untilRampEnds(state.sideGain, n);
    n = untilRampEnds(state.bassMonoMix, n);
    n = untilRampEnds(state.monitorMid, n);
    n = untilRampEnds(state.monitorSideLeft, n);
    n = untilRampEnds(state.monitorSideRight, n);
    chunk(state, inA, inB, outA, outB, offset, n, encoded);
    advanceLinearRamp(state.midGain, n);
    advanceLinearRamp(state.sideGain, n);
    advanceLinearRamp(state.bassMonoMix, n);
    advanceLinearRamp(state.monitorMid, n);
    advanceLinearRamp(state.monitorSideLeft, n);
    advanceLinearRamp(state.monitorSideRight, n);
    advanceControlRamps(state, n);
    // A switched-off crossover restarts from rest when switched on again.
    const bs = state.bassMonoState;
    if (!bassMonoActive(state) && (bs[0] !== 0 || bs[1] !== 0 || bs[2] !== 0 || bs[3] !== 0)) bs.fill(0);
    state.frameCount += n;
    offset += n;
  }
  flushStates(state);
}

function flushStates(state: MidSideProcessor): void {
  const s = state.bassMonoState;
  for (let i = 0; i < 4; i++) if (Math.abs(s[i]!) < DENORMAL_FLUSH) s[i] = 0;
  for (let i = 0; i < state.shelves.length; i++) {
    const shelf = state.shelves[i]!;
    if (Math.abs(shelf.z1) < DENORMAL_FLUSH) shelf.z1 = 0;
    if (Math.abs(shelf.z2) < DENORMAL_FLUSH) shelf.z2 = 0;
  }
}

/** One chunk in which every per-sample ramp has a constant step. */
function chunk(
  state: MidSideProcessor,
  inA: Float32Array,
  inB: Float32Array,
  outA: Float32Array,
  outB: Float32Array,
  offset: number,
  n: number,
  encoded: boolean,
): void {
  const k = MID_SIDE_SCALE;
  let gm = state.midGain.value;
  const gmStep = state.midGain.step;
  let gs = state.sideGain.value;
  const gsStep = state.sideGain.step;
  let mix = state.bassMonoMix.value;
  const mixStep = state.bassMonoMix.step;
  let mm = state.monitorMid.value;
  const mmStep = state.monitorMid.step;
  let msl = state.monitorSideLeft.value;
  const mslStep = state.monitorSideLeft.step;
  let msr = state.monitorSideRight.value;
  const msrStep = state.monitorSideRight.step;

  const bass = bassMonoActive(state);
  const hp = state.bassMonoCoefficients;
  const hb0 = hp.b0, hb1 = hp.b1, hb2 = hp.b2, ha1 = hp.a1, ha2 = hp.a2;
  const bs = state.bassMonoState;
  let p1 = bs[0]!, p2 = bs[1]!, q1 = bs[2]!, q2 = bs[3]!;

  const ml = state.midLowShelf, mh = state.midHighShelf, sl = state.sideLowShelf, sh = state.sideHighShelf;
  const mlOn = shelfActive(ml), mhOn = shelfActive(mh), slOn = shelfActive(sl), shOn = shelfActive(sh);
  const mlc = ml.coefficients, mhc = mh.coefficients, slc = sl.coefficients, shc = sh.coefficients;
  let ml1 = ml.z1, ml2 = ml.z2, mh1 = mh.z1, mh2 = mh.z2, sl1 = sl.z1, sl2 = sl.z2, sh1 = sh.z1, sh2 = sh.z2;

  const end = offset + n;
  for (let i = offset; i < end; i++) {
    const a = inA[i]!;
    const b = inB[i]!;
    let m = encoded ? a : (a + b) * k;
    let s = encoded ? b : (a - b) * k;
    if (bass) {
      const u = hb0 * s + p1;
      p1 = hb1 * s - ha1 * u + p2;
      p2 = hb2 * s - ha2 * u;
      const high = hb0 * u + q1;
      q1 = hb1 * u - ha1 * high + q2;
      q2 = hb2 * u - ha2 * high;
      mix += mixStep;
      s += mix * (high - s);
    }
    if (mlOn) {
      const y = mlc.b0 * m + ml1;
      ml1 = mlc.b1 * m - mlc.a1 * y + ml2;
      ml2 = mlc.b2 * m - mlc.a2 * y;
      m = y;
    }
    if (mhOn) {
      const y = mhc.b0 * m + mh1;
      mh1 = mhc.b1 * m - mhc.a1 * y + mh2;
      mh2 = mhc.b2 * m - mhc.a2 * y;
      m = y;
    }
    if (slOn) {
      const y = slc.b0 * s + sl1;
      sl1 = slc.b1 * s - slc.a1 * y + sl2;
      sl2 = slc.b2 * s - slc.a2 * y;
      s = y;
    }
    if (shOn) {
      const y = shc.b0 * s + sh1;
      sh1 = shc.b1 * s - shc.a1 * y + sh2;
      sh2 = shc.b2 * s - shc.a2 * y;
      s = y;
    }
    gm += gmStep;
    gs += gsStep;
    m *= gm;
    s *= gs;
    if (encoded) {
      outA[i] = m;
      outB[i] = s;
    } else {
      mm += mmStep;
      msl += mslStep;
      msr += msrStep;
      const mid = mm * m;
      outA[i] = mid + msl * s;
      outB[i] = mid + msr * s;
    }
  }
  bs[0] = p1;
  bs[1] = p2;
  bs[2] = q1;
  bs[3] = q2;
  ml.z1 = ml1;
  ml.z2 = ml2;
  mh.z1 = mh1;
  mh.z2 = mh2;
  sl.z1 = sl1;
  sl.z2 = sl2;
  sh.z1 = sh1;
  sh.z2 = sh2;
}
