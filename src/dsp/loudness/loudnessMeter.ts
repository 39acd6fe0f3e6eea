import { DENORMAL_FLUSH } from '../filters/biquad';
import { MONO_WEIGHTS, STEREO_WEIGHTS, SURROUND_5_0_WEIGHTS, SURROUND_5_1_WEIGHTS } from './channelWeights';
import { kWeightingCoefficients } from './kWeighting';
import { LOUDNESS_FLOOR, addToLoudnessHistogram, createLoudnessHistogram, gatedLoudnessLufs, loudnessRangeOf, powerToLufs, resetLoudnessHistogram } from './loudnessGating';
import type { LoudnessHistogram } from './loudnessGating';
import { appendSubBlockPower, clearSubBlockPowerLog } from './subBlockPowerLog';
import type { SubBlockPowerLog } from './subBlockPowerLog';
import {
  createTruePeakMeter,
  flushTruePeak,
  holdPeakReadings,
  mergeTruePeakMeter,
  primeTruePeak,
  processTruePeak,
  resetTruePeakMeter,
  samplePeakDbfs,
  truePeakDbtp,
} from './truePeak';
import type { TruePeakMeter } from './truePeak';

export { LOUDNESS_FLOOR } from './loudnessGating';

/**
 * Loudness meter after ITU-R BS.1770-4 and EBU R 128 ("EBU mode", EBU Tech 3341 and 3342).
 *
 * Per channel i: K-weighting (kWeighting.ts) to y_i; then, for every 100 ms sub-block
 * (round(0.1 fs) samples), the sub-block power
 *   z = sum_i G_i mean(y_i^2),   loudness L = -0.691 + 10 log10 z   (LUFS = LKFS),
 * with the channel weights G_i of channelWeights.ts (LFE: 0).
 *
 * Everything but the peaks is built on the sequence of sub-block powers z:
 * - momentary M: the mean z over the last 400 ms (4 sub-blocks), updated every 100 ms;
 * - short-term S: the mean z over the last 3 s (30 sub-blocks), updated every 100 ms;
 *   before 400 ms / 3 s have passed, the windows count the time before the start as
 *   silence (a meter switched on into running programme rises, it does not jump);
 * - integrated I (BS.1770-4 gating): the gating blocks are the complete 400 ms windows,
 *   every 100 ms (75 % overlap), i.e. the momentary powers from the 4th sub-block on;
 * - loudness range LRA (EBU Tech 3342): the short-term powers of complete 3 s windows,
 *   every 100 ms.
 * I and LRA come from fixed-size histograms of those blocks (loudnessGating.ts), computed
 * when read and cached, whatever the programme length.
 * - true peak and sample peak (truePeak.ts) of every channel, LFE included, when enabled.
 *
 * Spans. The sub-block powers can be recorded as they complete (config subBlockPowers),
 * and a sequence of them fed into a meter (addSubBlockPowers) leaves it exactly as the
 * audio would have (M, S, their maxima, I, LRA: the same code path); peaks merge by max
 * (mergeLoudnessPeaks). A programme cut at sub-block boundaries into spans measured apart
 * therefore merges into the figures of the whole when each span after the first has
 * first heard at least LOUDNESS_PRE_ROLL_SEC of the samples before it as a pre-roll
 * (primeLoudnessMeter: filters and true-peak interpolator only, nothing counted) and only
 * the last span flushes the true peak (the next span's interpolator covers a span's tail).
 *
 * Readings floor at -150 (no -Infinity): silence and programmes with no block above the
 * absolute gate read -150 LUFS, and LRA 0 LU.
 */
export const SUB_BLOCK_SEC = 0.1;
export const MOMENTARY_SUB_BLOCKS = 4;
export const SHORT_TERM_SUB_BLOCKS = 30;
/**
 * Pre-roll that settles the K-weighting before a span. Its slowest poles (the RLB
 * high-pass, 4.2 ms time constant at any rate) leave less than 1e-16 of a unit impulse in
 * the filter state after 0.15 s, so after 0.3 s the state differs from that of a meter
 * that heard the whole programme by about 1e-30 of the pre-roll's level: far below
 * rounding (measured: spans of a noise programme rich in low frequencies, cut anywhere,
 * give sub-block powers bit-identical to the whole's). The true-peak interpolator needs
 * only its last 24 samples.
 */
export const LOUDNESS_PRE_ROLL_SEC = 0.3;

export interface LoudnessMeterConfig {
  /** BS.1770 weight per input channel (channelWeights.ts); 0 leaves a channel out (LFE). */
  readonly channelWeights: readonly number[];
  /** Measure the true peak too (4x oversampling); default true. */
  readonly truePeak?: boolean;
  /**
   * Appends the power z of every completed sub-block to this log (cleared on reset). None
   * by default: a meter without it pays one null check per 100 ms.
   */
  readonly subBlockPowers?: SubBlockPowerLog;
}

export interface LoudnessMeter {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly weights: Float64Array;
  /** K-weighting: [shelf b0 b1 b2 a1 a2, high-pass b0 b1 b2 a1 a2]. */
  readonly kWeighting: Float64Array;
  /** Per channel: shelf z1 z2, high-pass z1 z2. */
  readonly filterState: Float64Array;
  readonly subBlockFrames: number;
  subBlockFill: number;
  /** Per channel: sum of squares of the K-weighted signal in the sub-block in progress. */
  readonly channelSums: Float64Array;
  /** The last 30 sub-block powers z (ring). */
  readonly subBlocks: Float64Array;
  subBlockIndex: number;
  /** Sub-blocks completed since reset. */
  subBlockCount: number;
  momentaryLufs: number;
  shortTermLufs: number;
  maxMomentaryLufs: number;
  maxShortTermLufs: number;
  readonly gatingBlocks: LoudnessHistogram;
  readonly shortTermBlocks: LoudnessHistogram;
  integratedCache: number;
  rangeCache: number;
  cacheValid: boolean;
  readonly truePeak: TruePeakMeter | null;
  readonly subBlockPowers: SubBlockPowerLog | null;
}

export interface LoudnessReading {
  momentaryLufs: number;
  shortTermLufs: number;
  maxMomentaryLufs: number;
  maxShortTermLufs: number;
  integratedLufs: number;
  loudnessRangeLu: number;
  /** Highest true peak of any channel since reset, dBTP (-150 when not measured). */
  truePeakDbtp: number;
  /** Highest sample peak of any channel since reset, dBFS (-150 when not measured). */
  samplePeakDbfs: number;
}

export function createLoudnessReading(): LoudnessReading {
  const f = LOUDNESS_FLOOR;
  return { momentaryLufs: f, shortTermLufs: f, maxMomentaryLufs: f, maxShortTermLufs: f, integratedLufs: f, loudnessRangeLu: 0, truePeakDbtp: f, samplePeakDbfs: f };
}

/** Samples per 100 ms sub-block at `sampleRateHz`: round(0.1 fs). */
export function subBlockLength(sampleRateHz: number): number {
  return Math.max(1, Math.round(SUB_BLOCK_SEC * sampleRateHz));
}

export function createLoudnessMeter(config: LoudnessMeterConfig, sampleRateHz: number): LoudnessMeter {
  const channelCount = config.channelWeights.length;
  if (channelCount < 1) throw new RangeError('loudness meter: at least one channel weight is needed');
  const { shelf, highPass } = kWeightingCoefficients(sampleRateHz);
  const f = LOUDNESS_FLOOR;
  return {
    sampleRateHz,
    channelCount,
    weights: Float64Array.from(config.channelWeights, (w) => (Number.isFinite(w) && w > 0 ? w : 0)),
    kWeighting: Float64Array.of(shelf.b0, shelf.b1, shelf.b2, shelf.a1, shelf.a2, highPass.b0, highPass.b1, highPass.b2, highPass.a1, highPass.a2),
    filterState: new Float64Array(4 * channelCount),
    subBlockFrames: subBlockLength(sampleRateHz),
    subBlockFill: 0,
    channelSums: new Float64Array(channelCount),
    subBlocks: new Float64Array(SHORT_TERM_SUB_BLOCKS),
    subBlockIndex: 0,
    subBlockCount: 0,
    momentaryLufs: f,
    shortTermLufs: f,
    maxMomentaryLufs: f,
    maxShortTermLufs: f,
    gatingBlocks: createLoudnessHistogram(),
    shortTermBlocks: createLoudnessHistogram(),
    integratedCache: f,
    rangeCache: 0,
    cacheValid: true,
    truePeak: config.truePeak === false ? null : createTruePeakMeter(channelCount, sampleRateHz),
    subBlockPowers: config.subBlockPowers ?? null,
  };
}

/** Starts a new measurement: clears filters, windows, gating, maxima, true peak and the sub-block power log. */
export function resetLoudnessMeter(meter: LoudnessMeter): void {
  const f = LOUDNESS_FLOOR;
  meter.filterState.fill(0);
  meter.subBlockFill = 0;
  meter.channelSums.fill(0);
  meter.subBlocks.fill(0);
  meter.subBlockIndex = 0;
  meter.subBlockCount = 0;
  meter.momentaryLufs = f;
  meter.shortTermLufs = f;
  meter.maxMomentaryLufs = f;
  meter.maxShortTermLufs = f;
  resetLoudnessHistogram(meter.gatingBlocks);
  resetLoudnessHistogram(meter.shortTermBlocks);
  meter.integratedCache = f;
  meter.rangeCache = 0;
  meter.cacheValid = true;
  if (meter.truePeak !== null) resetTruePeakMeter(meter.truePeak);
  if (meter.subBlockPowers !== null) clearSubBlockPowerLog(meter.subBlockPowers);
}

/**
 * Measures `frames` samples of each channel (channelCount arrays, in the order of the
 * weights; a missing array counts as silence). Allocation-free; any block length.
 */
export function processLoudnessMeter(meter: LoudnessMeter, channels: readonly Float32Array[], frames: number): void {
  let offset = 0;
  while (offset < frames) {
    const n = Math.min(frames - offset, meter.subBlockFrames - meter.subBlockFill);
    accumulateSquares(meter, channels, offset, offset + n);
    meter.subBlockFill += n;
    offset += n;
    if (meter.subBlockFill === meter.subBlockFrames) completeSubBlock(meter);
  }
  if (meter.truePeak !== null) processTruePeak(meter.truePeak, channels, frames);
}

/**
 * Pre-roll: runs `frames` samples that come before the measured ones through the
 * K-weighting filters and the true-peak interpolator only; they count in no sub-block,
 * window or peak. A span that starts inside a programme, given at least
 * LOUDNESS_PRE_ROLL_SEC of the samples before it, then measures as a meter that heard the
 * programme from its start (its windows are joined to the earlier spans' by
 * addSubBlockPowers). Only between sub-blocks. Allocation-free.
 */
export function primeLoudnessMeter(meter: LoudnessMeter, channels: readonly Float32Array[], frames: number): void {
  requireSubBlockBoundary(meter, 'a pre-roll');
  accumulateSquares(meter, channels, 0, frames);
  meter.channelSums.fill(0);
  if (meter.truePeak !== null) primeTruePeak(meter.truePeak, channels, frames);
}

/**
 * Adds sum_n y_i[n]^2 over [start, end) to each channel's sub-block sum, advancing the
 * K-weighting filters. The sums carry on across calls, so the result does not depend on
 * where the caller's blocks end.
 */
function accumulateSquares(meter: LoudnessMeter, channels: readonly Float32Array[], start: number, end: number): void {
  const k = meter.kWeighting;
  const sb0 = k[0]!, sb1 = k[1]!, sb2 = k[2]!, sa1 = k[3]!, sa2 = k[4]!;
  const hb0 = k[5]!, hb1 = k[6]!, hb2 = k[7]!, ha1 = k[8]!, ha2 = k[9]!;
  const state = meter.filterState;
  const sums = meter.channelSums;
  for (let ch = 0; ch < meter.channelCount; ch++) {
    const weight = meter.weights[ch]!;
    const input = channels[ch];
    if (weight === 0 || input === undefined) continue;
    const s = 4 * ch;
    let s1 = state[s]!, s2 = state[s + 1]!, h1 = state[s + 2]!, h2 = state[s + 3]!;
    let sum = sums[ch]!;
    for (let i = start; i < end; i++) {
      const x = input[i]!;
      const u = sb0 * x + s1;
      s1 = sb1 * x - sa1 * u + s2;
      s2 = sb2 * x - sa2 * u;
      const y = hb0 * u + h1;
      h1 = hb1 * u - ha1 * y + h2;
      h2 = hb2 * u - ha2 * y;
      sum += y * y;
    }
    if (Math.abs(s1) + Math.abs(s2) + Math.abs(h1) + Math.abs(h2) < DENORMAL_FLUSH) s1 = s2 = h1 = h2 = 0;
    state[s] = s1;
    state[s + 1] = s2;
    state[s + 2] = h1;
    state[s + 3] = h2;
    sums[ch] = sum;
  }
}

function completeSubBlock(meter: LoudnessMeter): void {
  let weighted = 0;
  for (let ch = 0; ch < meter.channelCount; ch++) weighted += meter.weights[ch]! * meter.channelSums[ch]!;
  meter.channelSums.fill(0);
  meter.subBlockFill = 0;
  pushSubBlockPower(meter, weighted / meter.subBlockFrames);
}

/** The one path of a completed sub-block's power z into the windows, maxima, gating and log. */
function pushSubBlockPower(meter: LoudnessMeter, power: number): void {
  const ring = meter.subBlocks;
  ring[meter.subBlockIndex] = power;
  meter.subBlockCount++;
  // Sums of the last 4 and 30 sub-blocks, added afresh each time (no running-sum drift).
  let momentary = 0;
  let shortTerm = 0;
  for (let j = 0; j < SHORT_TERM_SUB_BLOCKS; j++) {
    const index = (meter.subBlockIndex - j + SHORT_TERM_SUB_BLOCKS) % SHORT_TERM_SUB_BLOCKS;
    const z = ring[index]!;
    shortTerm += z;
    if (j < MOMENTARY_SUB_BLOCKS) momentary += z;
  }
  meter.subBlockIndex = (meter.subBlockIndex + 1) % SHORT_TERM_SUB_BLOCKS;
  const momentaryPower = momentary / MOMENTARY_SUB_BLOCKS;
  const shortTermPower = shortTerm / SHORT_TERM_SUB_BLOCKS;
  meter.momentaryLufs = powerToLufs(momentaryPower);
  meter.shortTermLufs = powerToLufs(shortTermPower);
  if (meter.momentaryLufs > meter.maxMomentaryLufs) meter.maxMomentaryLufs = meter.momentaryLufs;
  if (meter.shortTermLufs > meter.maxShortTermLufs) meter.maxShortTermLufs = meter.shortTermLufs;
  if (meter.subBlockCount >= MOMENTARY_SUB_BLOCKS) addToLoudnessHistogram(meter.gatingBlocks, momentaryPower);
  if (meter.subBlockCount >= SHORT_TERM_SUB_BLOCKS) addToLoudnessHistogram(meter.shortTermBlocks, shortTermPower);
  meter.cacheValid = false;
  if (meter.subBlockPowers !== null) appendSubBlockPower(meter.subBlockPowers, power);
}

function requireSubBlockBoundary(meter: LoudnessMeter, what: string): void {
  if (meter.subBlockFill !== 0) {
    throw new RangeError(`loudness meter: ${what} must come between sub-blocks, but ${meter.subBlockFill} of a sub-block's ${meter.subBlockFrames} samples are in progress`);
  }
}

function requireSubBlockPower(power: number, where: string): void {
  if (!(power >= 0 && power < Infinity)) throw new RangeError(`loudness meter: sub-block power${where} must be a finite number >= 0, got ${power}`);
}

/**
 * Feeds one sub-block power z (as recorded by a meter's subBlockPowers log) into `meter`,
 * exactly as if the sub-block's audio had completed in it. Only between sub-blocks.
 */
export function addSubBlockPower(meter: LoudnessMeter, power: number): void {
  requireSubBlockBoundary(meter, 'sub-block powers');
  requireSubBlockPower(power, '');
  pushSubBlockPower(meter, power);
}

/**
 * Feeds a sequence of sub-block powers into `meter`, in order (addSubBlockPower); all are
 * checked before any is added. A fresh meter fed the powers of a programme reads M, S,
 * their maxima, I and LRA exactly as the meter that heard it; the concatenated powers of
 * consecutive spans give those of the whole.
 */
export function addSubBlockPowers(meter: LoudnessMeter, powers: ArrayLike<number>): void {
  requireSubBlockBoundary(meter, 'sub-block powers');
  for (let i = 0; i < powers.length; i++) requireSubBlockPower(powers[i]!, ` ${i}`);
  for (let i = 0; i < powers.length; i++) pushSubBlockPower(meter, powers[i]!);
}

/** Peak levels as read: a LoudnessReading, or the numbers a span reports. */
export type PeakReadings = Pick<LoudnessReading, 'truePeakDbtp' | 'samplePeakDbfs'>;

/**
 * Merges peaks into `meter` (which must measure true peak) by max: those of another meter
 * of as many channels (per channel, exact), or peak readings in dBTP / dBFS (held as the
 * programme's peaks; exact to the dB-linear round trip, about 1e-14 dB).
 */
export function mergeLoudnessPeaks(meter: LoudnessMeter, from: LoudnessMeter | PeakReadings): void {
  if (meter.truePeak === null) throw new RangeError('loudness meter: created with truePeak: false, it holds no peaks to merge into');
  if ('truePeakDbtp' in from) {
    holdPeakReadings(meter.truePeak, from.truePeakDbtp, from.samplePeakDbfs);
  } else {
    if (from.truePeak === null) throw new RangeError('loudness meter: the meter to merge peaks from was created with truePeak: false');
    mergeTruePeakMeter(meter.truePeak, from.truePeak);
  }
}

function updateCache(meter: LoudnessMeter): void {
  if (meter.cacheValid) return;
  meter.cacheValid = true;
  meter.integratedCache = gatedLoudnessLufs(meter.gatingBlocks);
  meter.rangeCache = loudnessRangeOf(meter.shortTermBlocks);
}

/** Gated integrated loudness since reset, LUFS (BS.1770-4). */
export function integratedLufs(meter: LoudnessMeter): number {
  updateCache(meter);
  return meter.integratedCache;
}

/** Loudness range since reset, LU (EBU Tech 3342). */
export function loudnessRangeLu(meter: LoudnessMeter): number {
  updateCache(meter);
  return meter.rangeCache;
}

/** Fills `out` with every reading. Allocation-free. */
export function readLoudnessMeter(meter: LoudnessMeter, out: LoudnessReading): LoudnessReading {
  out.momentaryLufs = meter.momentaryLufs;
  out.shortTermLufs = meter.shortTermLufs;
  out.maxMomentaryLufs = meter.maxMomentaryLufs;
  out.maxShortTermLufs = meter.maxShortTermLufs;
  out.integratedLufs = integratedLufs(meter);
  out.loudnessRangeLu = loudnessRangeLu(meter);
  out.truePeakDbtp = meter.truePeak === null ? LOUDNESS_FLOOR : truePeakDbtp(meter.truePeak);
  out.samplePeakDbfs = meter.truePeak === null ? LOUDNESS_FLOOR : samplePeakDbfs(meter.truePeak);
  return out;
}

/** Default weights by channel count: 1 mono, 2 stereo, 5 = L R C Ls Rs, 6 = 5.1 (L R C LFE Ls Rs); otherwise all 1. */
export function defaultChannelWeights(channelCount: number): readonly number[] {
  if (channelCount === 1) return MONO_WEIGHTS;
  if (channelCount === 2) return STEREO_WEIGHTS;
  if (channelCount === 5) return SURROUND_5_0_WEIGHTS;
  if (channelCount === 6) return SURROUND_5_1_WEIGHTS;
  return new Array<number>(channelCount).fill(1);
}

export interface LoudnessMeasurementOptions {
  /** Records the power of every complete sub-block (addSubBlockPowers replays them). */
  readonly subBlockPowers?: SubBlockPowerLog;
  /**
   * The samples just before `channels` in the programme, one array per channel, all of one
   * length (at least LOUDNESS_PRE_ROLL_SEC): a pre-roll that is not counted (primeLoudnessMeter).
   */
  readonly preRoll?: readonly Float32Array[];
  /**
   * The programme ends with `channels` (default true): the true peak includes the
   * interpolated tail after the last sample. False for a span that another follows (whose
   * pre-roll then measures this tail).
   */
  readonly endsProgramme?: boolean;
}

/**
 * Offline measurement of whole buffers (allocates; not for the audio thread): every
 * reading of a meter that has heard `channels` from start to end, the true peak including
 * the interpolated tail after the last sample. With options, one span of a longer
 * programme: its sub-block powers recorded, a pre-roll before it, no tail after it.
 */
export function measureLoudness(
  channels: readonly Float32Array[],
  sampleRateHz: number,
  channelWeights: readonly number[] = defaultChannelWeights(channels.length),
  options: LoudnessMeasurementOptions = {},
): LoudnessReading {
  const log = options.subBlockPowers;
  const meter = createLoudnessMeter(log === undefined ? { channelWeights } : { channelWeights, subBlockPowers: log }, sampleRateHz);
  if (options.preRoll !== undefined) primeLoudnessMeter(meter, options.preRoll, preRollLength(options.preRoll, channels.length));
  const length = channels.reduce((max, channel) => Math.max(max, channel.length), 0);
  const chunk = 8192;
  const views: Float32Array[] = [];
  for (let offset = 0; offset < length; offset += chunk) {
    const frames = Math.min(chunk, length - offset);
    views.length = 0;
    for (const channel of channels) views.push(channel.length >= offset + frames ? channel.subarray(offset, offset + frames) : padded(channel, offset, frames));
    processLoudnessMeter(meter, views, frames);
  }
  if (meter.truePeak !== null && options.endsProgramme !== false) flushTruePeak(meter.truePeak, new Float32Array(256), new Array<Float32Array>(channels.length));
  return readLoudnessMeter(meter, createLoudnessReading());
}

function preRollLength(preRoll: readonly Float32Array[], channelCount: number): number {
  if (preRoll.length !== channelCount) throw new RangeError(`measureLoudness: preRoll has ${preRoll.length} channels, expected ${channelCount} (one per channel)`);
  const length = preRoll[0]?.length ?? 0;
  if (preRoll.some((channel) => channel.length !== length)) throw new RangeError(`measureLoudness: preRoll channels must all have one length, got ${preRoll.map((c) => c.length).join(', ')}`);
  return length;
}

function padded(channel: Float32Array, offset: number, frames: number): Float32Array {
  const out = new Float32Array(frames);
  if (offset < channel.length) out.set(channel.subarray(offset));
  return out;
}
