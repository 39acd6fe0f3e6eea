/**
 * Gated statistics of loudness blocks (ITU-R BS.1770-4 integrated loudness, EBU Tech 3342
 * loudness range) without storing every block. Blocks above the absolute gate (-70 LUFS)
 * go into a histogram of 0.01 LU bins from -70 to +100 LUFS (louder values count in the
 * top bin), each bin holding the count and the exact sum of its blocks' powers. Means are
 * therefore exact; a gate only decides per bin (bin centre above the threshold), an error
 * of at most the blocks within 0.005 LU of a threshold, and percentiles resolve to the bin
 * centre (0.005 LU). The top is far above full scale because float files go there (a mix
 * at +54 dBFS reads +51 LUFS); a gate above the top bin still keeps the top bin, so a
 * programme louder still reads the exact mean power of its loudest blocks instead of
 * nothing. Memory is fixed (one 17 000-bin histogram of counts and powers), whatever the
 * programme length.
 *
 * - integrated I: l_j = -0.691 + 10 log10 z_j of the gating blocks,
 *     relative gate G_r = -0.691 + 10 log10(mean { z_j : l_j > -70 }) - 10 LU,
 *     I = -0.691 + 10 log10(mean { z_j : l_j > -70, l_j > G_r });
 * - loudness range LRA: of the short-term values above -70 LUFS, those above the power mean
 *   - 20 LU; LRA = L95 - L10, their 95th and 10th percentiles (nearest rank: value number
 *   round(p (n - 1)) in ascending order).
 * Readings floor at -150 LUFS; no block above the gates gives the floor, and LRA 0 LU.
 */
const LOUDNESS_OFFSET_DB = -0.691;
const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = -10;
const LRA_RELATIVE_GATE_LU = -20;
const LRA_LOW_PERCENTILE = 0.1;
const LRA_HIGH_PERCENTILE = 0.95;
export const LOUDNESS_FLOOR = -150;
const HISTOGRAM_STEP_LU = 0.01;
const HISTOGRAM_TOP_LUFS = 100;
const HISTOGRAM_BINS = Math.round((HISTOGRAM_TOP_LUFS - ABSOLUTE_GATE_LUFS) / HISTOGRAM_STEP_LU);

/** Counts and power sums per 0.01 LU bin, above the absolute gate. */
export interface LoudnessHistogram {
  readonly counts: Float64Array;
  readonly powers: Float64Array;
  lowestBin: number;
  highestBin: number;
}

/** -0.691 + 10 log10(power), floored at -150 LUFS. */
export function powerToLufs(power: number): number {
  const l = LOUDNESS_OFFSET_DB + 10 * Math.log10(power);
  return l > LOUDNESS_FLOOR ? l : LOUDNESS_FLOOR;
}

export function createLoudnessHistogram(): LoudnessHistogram {
  return { counts: new Float64Array(HISTOGRAM_BINS), powers: new Float64Array(HISTOGRAM_BINS), lowestBin: HISTOGRAM_BINS, highestBin: -1 };
}

export function resetLoudnessHistogram(h: LoudnessHistogram): void {
  h.counts.fill(0);
  h.powers.fill(0);
  h.lowestBin = HISTOGRAM_BINS;
  h.highestBin = -1;
}

/** Counts a block of mean power `power` if it is above the absolute gate. Allocation-free. */
export function addToLoudnessHistogram(h: LoudnessHistogram, power: number): void {
  const lufs = LOUDNESS_OFFSET_DB + 10 * Math.log10(power);
  if (!(lufs > ABSOLUTE_GATE_LUFS)) return;
  const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor((lufs - ABSOLUTE_GATE_LUFS) / HISTOGRAM_STEP_LU));
  h.counts[bin] = h.counts[bin]! + 1;
  h.powers[bin] = h.powers[bin]! + power;
  if (bin < h.lowestBin) h.lowestBin = bin;
  if (bin > h.highestBin) h.highestBin = bin;
}

function binCentreLufs(bin: number): number {
  return ABSOLUTE_GATE_LUFS + (bin + 0.5) * HISTOGRAM_STEP_LU;
}

/** The first bin whose centre is above `thresholdLufs`; the top bin (where all louder blocks are) for a threshold above it. */
function firstBinAbove(thresholdLufs: number): number {
  return Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor((thresholdLufs - ABSOLUTE_GATE_LUFS) / HISTOGRAM_STEP_LU - 0.5) + 1));
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

/** Integrated loudness of the gating blocks in `h` (absolute gate, then relative -10 LU), LUFS. */
export function gatedLoudnessLufs(h: LoudnessHistogram): number {
  const ungated = meanPower(h, 0);
  if (ungated === 0) return LOUDNESS_FLOOR;
  const relativeGate = LOUDNESS_OFFSET_DB + 10 * Math.log10(ungated) + RELATIVE_GATE_LU;
  const gated = meanPower(h, firstBinAbove(relativeGate));
  return gated === 0 ? LOUDNESS_FLOOR : powerToLufs(gated);
}

/** Loudness range of the short-term values in `h` (EBU Tech 3342), LU. */
export function loudnessRangeOf(h: LoudnessHistogram): number {
  const all = meanPower(h, 0);
  if (all === 0) return 0;
  const gate = LOUDNESS_OFFSET_DB + 10 * Math.log10(all) + LRA_RELATIVE_GATE_LU;
  const first = Math.max(firstBinAbove(gate), h.lowestBin);
  let n = 0;
  for (let b = first; b <= h.highestBin; b++) n += h.counts[b]!;
  if (n === 0) return 0;
  const lowRank = Math.round(LRA_LOW_PERCENTILE * (n - 1));
  const highRank = Math.round(LRA_HIGH_PERCENTILE * (n - 1));
  let low = NaN;
  let cumulative = 0;
  for (let b = first; b <= h.highestBin; b++) {
    cumulative += h.counts[b]!;
    if (Number.isNaN(low) && cumulative > lowRank) low = binCentreLufs(b);
    if (cumulative > highRank) return Number.isNaN(low) ? 0 : binCentreLufs(b) - low;
  }
  return 0;
}
