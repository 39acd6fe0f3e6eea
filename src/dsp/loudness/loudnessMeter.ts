import { DENORMAL_FLUSH } from '../filters/biquad';
import { MONO_WEIGHTS, STEREO_WEIGHTS, SURROUND_5_0_WEIGHTS, SURROUND_5_1_WEIGHTS } from './channelWeights';
import { kWeightingCoefficients } from './kWeighting';
import { createTruePeakMeter, flushTruePeak, processTruePeak, resetTruePeakMeter, samplePeakDbfs, truePeakDbtp } from './truePeak';
import type { TruePeakMeter } from './truePeak';

/**
 * Loudness meter after ITU-R BS.1770-4 and EBU R 128 ("EBU mode", EBU Tech 3341 and 3342).
 *
 * Per channel i: K-weighting (kWeighting.ts) to y_i, then the weighted power
 *   z = sum_i G_i mean(y_i^2),   loudness L = -0.691 + 10 log10 z   (LUFS = LKFS),
 * with the channel weights G_i of channelWeights.ts (LFE: 0).
 *
 * Everything is built on 100 ms sub-blocks (round(0.1 fs) samples) of z:
 * - momentary M: the mean over the last 400 ms (4 sub-blocks), updated every 100 ms;
 * - short-term S: the mean over the last 3 s (30 sub-blocks), updated every 100 ms;
 *   before 400 ms / 3 s have passed, the windows count the time before the start as
 *   silence (a meter switched on into running programme rises, it does not jump);
 * - integrated I (BS.1770-4 gating): gating blocks of 400 ms every 100 ms (75 % overlap;
 *   only complete blocks), l_j = -0.691 + 10 log10 z_j;
 *     absolute gate: J_a = { j : l_j > -70 LUFS },
 *     relative gate: G_r = -0.691 + 10 log10(mean_{J_a} z_j) - 10 LU,
 *     I = -0.691 + 10 log10(mean { z_j : l_j > -70, l_j > G_r });
 * - loudness range LRA (EBU Tech 3342): the short-term values of complete 3 s windows,
 *   every 100 ms; absolute gate -70 LUFS; relative gate -20 LU below the power mean of the
 *   remaining values; LRA = L95 - L10, the 95th and 10th percentiles of the values that
 *   pass (nearest rank: value number round(p (n - 1)) in ascending order).
 * Gating without storing every block: gating blocks and short-term values above -70 LUFS
 * go into histograms of 0.01 LU bins from -70 to +30 LUFS (louder values count in the top
 * bin), each bin holding the count and the exact sum of its blocks' powers. Means are
 * therefore exact; a gate only decides per bin (bin centre above the threshold), an error
 * of at most the blocks within 0.005 LU of a threshold, and percentiles resolve to the bin
 * centre (0.005 LU). Memory is fixed (two 10 000-bin histograms), whatever the programme
 * length; I and LRA are computed when read (a pass over the used bins) and cached.
 * - true peak (truePeak.ts) of every channel, LFE included, when enabled.
 *
 * Readings floor at -150 (no -Infinity): silence and programmes with no block above the
 * absolute gate read -150 LUFS, and LRA 0 LU.
 */
export const LOUDNESS_OFFSET_DB = -0.691;
export const ABSOLUTE_GATE_LUFS = -70;
export const RELATIVE_GATE_LU = -10;
export const LRA_RELATIVE_GATE_LU = -20;
export const LRA_LOW_PERCENTILE = 0.1;
export const LRA_HIGH_PERCENTILE = 0.95;
export const SUB_BLOCK_SEC = 0.1;
export const MOMENTARY_SUB_BLOCKS = 4;
export const SHORT_TERM_SUB_BLOCKS = 30;
export const LOUDNESS_FLOOR = -150;
const HISTOGRAM_STEP_LU = 0.01;
const HISTOGRAM_TOP_LUFS = 30;
const HISTOGRAM_BINS = Math.round((HISTOGRAM_TOP_LUFS - ABSOLUTE_GATE_LUFS) / HISTOGRAM_STEP_LU);

export interface LoudnessMeterConfig {
  /** BS.1770 weight per input channel (channelWeights.ts); 0 leaves a channel out (LFE). */
  readonly channelWeights: readonly number[];
  /** Measure the true peak too (4x oversampling); default true. */
  readonly truePeak?: boolean;
}

/** Counts and power sums per 0.01 LU bin, above the absolute gate. */
interface LoudnessHistogram {
  readonly counts: Float64Array;
  readonly powers: Float64Array;
  lowestBin: number;
  highestBin: number;
  total: number;
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
  /** The last 30 sub-blocks' weighted sums of squares (ring). */
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

function createHistogram(): LoudnessHistogram {
  return { counts: new Float64Array(HISTOGRAM_BINS), powers: new Float64Array(HISTOGRAM_BINS), lowestBin: HISTOGRAM_BINS, highestBin: -1, total: 0 };
}

function resetHistogram(h: LoudnessHistogram): void {
  h.counts.fill(0);
  h.powers.fill(0);
  h.lowestBin = HISTOGRAM_BINS;
  h.highestBin = -1;
  h.total = 0;
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
    subBlockFrames: Math.max(1, Math.round(SUB_BLOCK_SEC * sampleRateHz)),
    subBlockFill: 0,
    channelSums: new Float64Array(channelCount),
    subBlocks: new Float64Array(SHORT_TERM_SUB_BLOCKS),
    subBlockIndex: 0,
    subBlockCount: 0,
    momentaryLufs: f,
    shortTermLufs: f,
    maxMomentaryLufs: f,
    maxShortTermLufs: f,
    gatingBlocks: createHistogram(),
    shortTermBlocks: createHistogram(),
    integratedCache: f,
    rangeCache: 0,
    cacheValid: true,
    truePeak: config.truePeak === false ? null : createTruePeakMeter(channelCount, sampleRateHz),
  };
}

/** Starts a new measurement: clears filters, windows, gating, maxima and true peak. */
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
  resetHistogram(meter.gatingBlocks);
  resetHistogram(meter.shortTermBlocks);
  meter.integratedCache = f;
  meter.rangeCache = 0;
  meter.cacheValid = true;
  if (meter.truePeak !== null) resetTruePeakMeter(meter.truePeak);
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

function powerToLufs(power: number): number {
  const l = LOUDNESS_OFFSET_DB + 10 * Math.log10(power);
  return l > LOUDNESS_FLOOR ? l : LOUDNESS_FLOOR;
}

function completeSubBlock(meter: LoudnessMeter): void {
  const ring = meter.subBlocks;
  let energy = 0;
  for (let ch = 0; ch < meter.channelCount; ch++) energy += meter.weights[ch]! * meter.channelSums[ch]!;
  ring[meter.subBlockIndex] = energy;
  meter.channelSums.fill(0);
  meter.subBlockFill = 0;
  meter.subBlockCount++;
  // Sums of the last 4 and 30 sub-blocks, added afresh each time (no running-sum drift).
  let momentary = 0;
  let shortTerm = 0;
  for (let j = 0; j < SHORT_TERM_SUB_BLOCKS; j++) {
    const index = (meter.subBlockIndex - j + SHORT_TERM_SUB_BLOCKS) % SHORT_TERM_SUB_BLOCKS;
    const e = ring[index]!;
    shortTerm += e;
    if (j < MOMENTARY_SUB_BLOCKS) momentary += e;
  }
  meter.subBlockIndex = (meter.subBlockIndex + 1) % SHORT_TERM_SUB_BLOCKS;
  const momentaryPower = momentary / (MOMENTARY_SUB_BLOCKS * meter.subBlockFrames);
  const shortTermPower = shortTerm / (SHORT_TERM_SUB_BLOCKS * meter.subBlockFrames);
  meter.momentaryLufs = powerToLufs(momentaryPower);
  meter.shortTermLufs = powerToLufs(shortTermPower);
  if (meter.momentaryLufs > meter.maxMomentaryLufs) meter.maxMomentaryLufs = meter.momentaryLufs;
  if (meter.shortTermLufs > meter.maxShortTermLufs) meter.maxShortTermLufs = meter.shortTermLufs;
  if (meter.subBlockCount >= MOMENTARY_SUB_BLOCKS) addToHistogram(meter.gatingBlocks, momentaryPower);
  if (meter.subBlockCount >= SHORT_TERM_SUB_BLOCKS) addToHistogram(meter.shortTermBlocks, shortTermPower);
  meter.cacheValid = false;
}

function addToHistogram(h: LoudnessHistogram, power: number): void {
  const lufs = LOUDNESS_OFFSET_DB + 10 * Math.log10(power);
  if (!(lufs > ABSOLUTE_GATE_LUFS)) return;
  const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor((lufs - ABSOLUTE_GATE_LUFS) / HISTOGRAM_STEP_LU));
  h.counts[bin] = h.counts[bin]! + 1;
  h.powers[bin] = h.powers[bin]! + power;
  h.total++;
  if (bin < h.lowestBin) h.lowestBin = bin;
  if (bin > h.highestBin) h.highestBin = bin;
}

function binCentreLufs(bin: number): number {
  return ABSOLUTE_GATE_LUFS + (bin + 0.5) * HISTOGRAM_STEP_LU;
}

/** The first bin whose centre is above `thresholdLufs`. */
function firstBinAbove(thresholdLufs: number): number {
  return Math.max(0, Math.floor((thresholdLufs - ABSOLUTE_GATE_LUFS) / HISTOGRAM_STEP_LU - 0.5) + 1);
}

/**
 * Mean power of the blocks in bins fromBin and up, or 0 when there are none: every block
 * in a histogram is above the absolute gate, so its power is positive and 0 means "no
 * block". A number, not an object: it is read from the audio thread.
 */
function meanPower(h: LoudnessHistogram, fromBin: number): number {
  let count = 0;
  let power = 0;
  for (let b = Math.max(fromBin, h.lowestBin); b <= h.highestBin; b++) {
    count += h.counts[b]!;
    power += h.powers[b]!;
  }
  return count > 0 ? power / count : 0;
}

function updateCache(meter: LoudnessMeter): void {
  if (meter.cacheValid) return;
  meter.cacheValid = true;
  // Integrated loudness: absolute gate (the histogram holds only blocks above it), then relative.
  const gating = meter.gatingBlocks;
  const ungated = meanPower(gating, 0);
  if (ungated === 0) {
    meter.integratedCache = LOUDNESS_FLOOR;
  } else {
    const relativeGate = LOUDNESS_OFFSET_DB + 10 * Math.log10(ungated) + RELATIVE_GATE_LU;
    const gated = meanPower(gating, firstBinAbove(relativeGate));
    meter.integratedCache = gated === 0 ? LOUDNESS_FLOOR : powerToLufs(gated);
  }
  // Loudness range.
  const st = meter.shortTermBlocks;
  const all = meanPower(st, 0);
  if (all === 0) {
    meter.rangeCache = 0;
    return;
  }
  const gate = LOUDNESS_OFFSET_DB + 10 * Math.log10(all) + LRA_RELATIVE_GATE_LU;
  const first = Math.max(firstBinAbove(gate), st.lowestBin);
  let n = 0;
  for (let b = first; b <= st.highestBin; b++) n += st.counts[b]!;
  if (n === 0) {
    meter.rangeCache = 0;
    return;
  }
  const lowRank = Math.round(LRA_LOW_PERCENTILE * (n - 1));
  const highRank = Math.round(LRA_HIGH_PERCENTILE * (n - 1));
  let low = NaN;
  let high = NaN;
  let cumulative = 0;
  for (let b = first; b <= st.highestBin; b++) {
    cumulative += st.counts[b]!;
    if (Number.isNaN(low) && cumulative > lowRank) low = binCentreLufs(b);
    if (cumulative > highRank) {
      high = binCentreLufs(b);
      break;
    }
  }
  meter.rangeCache = Number.isNaN(low) || Number.isNaN(high) ? 0 : high - low;
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

/**
 * Offline measurement of whole buffers (allocates; not for the audio thread): every
 * reading of a meter that has heard `channels` from start to end, the true peak including
 * the interpolated tail after the last sample.
 */
export function measureLoudness(
  channels: readonly Float32Array[],
  sampleRateHz: number,
  channelWeights: readonly number[] = defaultChannelWeights(channels.length),
): LoudnessReading {
  const meter = createLoudnessMeter({ channelWeights }, sampleRateHz);
  const length = channels.reduce((max, channel) => Math.max(max, channel.length), 0);
  const chunk = 8192;
  const views: Float32Array[] = [];
  for (let offset = 0; offset < length; offset += chunk) {
    const frames = Math.min(chunk, length - offset);
    views.length = 0;
    for (const channel of channels) views.push(channel.length >= offset + frames ? channel.subarray(offset, offset + frames) : padded(channel, offset, frames));
    processLoudnessMeter(meter, views, frames);
  }
  if (meter.truePeak !== null) flushTruePeak(meter.truePeak, new Float32Array(256), new Array<Float32Array>(channels.length));
  return readLoudnessMeter(meter, createLoudnessReading());
}

function padded(channel: Float32Array, offset: number, frames: number): Float32Array {
  const out = new Float32Array(frames);
  if (offset < channel.length) out.set(channel.subarray(offset));
  return out;
}
