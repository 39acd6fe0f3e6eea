import { DENORMAL_FLUSH } from '../filters/biquad';
import { kWeightingCoefficients } from './kWeighting';
import { LOUDNESS_FLOOR, addToLoudnessHistogram, createLoudnessHistogram, gatedLoudnessLufs, loudnessRangeOf, powerToLufs, resetLoudnessHistogram } from './loudnessGating';
import type { LoudnessHistogram } from './loudnessGating';
import { appendSubBlockPower, clearSubBlockPowerLog } from './subBlockPowerLog';
import type { SubBlockPowerLog } from './subBlockPowerLog';
import { createTruePeakMeter, processTruePeak, resetTruePeakMeter, samplePeakDbfs, truePeakDbtp } from './truePeak';
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
 * The sub-block powers can be recorded as they complete (config subBlockPowers): spans of
 * a programme measured apart then merge into the figures of the whole (loudnessSpans.ts:
 * pre-roll, replay of the powers, peaks merged).
 *
 * Readings floor at -150 (no -Infinity): silence and programmes with no block above the
 * absolute gate read -150 LUFS, and LRA 0 LU.
 */
const SUB_BLOCK_SEC = 0.1;
const MOMENTARY_SUB_BLOCKS = 4;
const SHORT_TERM_SUB_BLOCKS = 30;

interface LoudnessMeterConfig {
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
    accumulateKWeightedSquares(meter, channels, offset, offset + n);
    meter.subBlockFill += n;
    offset += n;
    if (meter.subBlockFill === meter.subBlockFrames) completeSubBlock(meter);
  }
  if (meter.truePeak !== null) processTruePeak(meter.truePeak, channels, frames);
}

/**
 * Adds sum_n y_i[n]^2 over [start, end) to each channel's sub-block sum, advancing the
 * K-weighting filters. The sums carry on across calls, so the result does not depend on
 * where the caller's blocks end. A pre-roll (loudnessSpans.ts) runs its samples through
 * here and then clears the sums. Allocation-free.
 */
export function accumulateKWeightedSquares(meter: LoudnessMeter, channels: readonly Float32Array[], start: number, end: number): void {
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

/**
 * The one path of a completed sub-block's power z into the windows, maxima, gating and log:
 * the meter's own sub-blocks and replayed ones alike (loudnessSpans.ts's addSubBlockPower
 * and addSubBlockPowers, which check the powers and the sub-block boundary first).
 */
export function pushSubBlockPower(meter: LoudnessMeter, power: number): void {
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
