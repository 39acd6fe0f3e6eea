import { DEFAULT_MONO_LAW, monoLawGain } from '../../core/monoLaw';
import { DENORMAL_FLUSH, createBiquadCoefficients } from '../filters/biquad';
import { HALF_BAND_PASSBAND, createHalfBandDecimator, decimateHalfBand, halfBandResponse, halfBandTaps, resetHalfBandDecimator } from '../filters/halfBandDecimator';
import type { HalfBandDecimator } from '../filters/halfBandDecimator';
import { setButterworthBandPass4, thirdOctaveBands } from '../filters/thirdOctaveBands';
import type { ThirdOctaveBand } from '../filters/thirdOctaveBands';
import {
  DEFAULT_INTEGRATION,
  addedMomentFrames,
  correlationFromMoments,
  createStereoMoments,
  framesUntilMomentUpdate,
  midPowerFromMoments,
  monoVsStereoDbFromMoments,
  powerToDb,
  resetStereoMoments,
  sidePowerFromMoments,
} from './stereoMoments';
import type { IntegrationConfig, StereoMoments } from './stereoMoments';

/**
 * Multiband stereo-field meter: per one-third-octave band from 20 Hz to 20 kHz
 * (31 bands; filters/thirdOctaveBands.ts: IEC 61260-1 base-10 bands, fourth-order
 * Butterworth band-pass per band), the correlation, the mono sum vs stereo and the mid and side
 * levels, with the definitions and ballistics of stereoMoments.ts applied to the
 * band-filtered left and right signals. Left and right pass through identical filters, so
 * the filters' phase cancels in every reading: a signal identical in both channels reads
 * +1 in every band it has energy in.
 *
 * Multirate bank (default): octave decimation. Level 0 runs at fs; level k at fs / 2^k,
 * fed by a chain of half-band decimators (filters/halfBandDecimator.ts: alias-free to
 * 60 dB below 0.1875 x its input rate). A band runs at the deepest level whose input is
 * alias-free over the whole band (upper edge <= 0.375 x the level's rate), with its
 * band-pass designed at that level's rate (edges prewarped there, so the -3 dB points stay
 * exact; the skirts are those of the bilinear design at that rate: towards the level's
 * Nyquist frequency the upper skirt falls faster than at fs, e.g. the 800 Hz band, run at
 * 3 kHz, is 14.9 dB down at 1 kHz where the full-rate design is 12.4 dB down;
 * multibandBandMagnitude gives each band's response as run). At 48 kHz: the four
 * bands from 10 kHz up at 48 kHz, then three bands per octave down to 20 - 31.5 Hz at
 * 93.75 Hz. Each decimated sample stands for 2^k input samples in the moment sums, so
 * every band's powers are on the same scale. Cost is about a third of the full-rate bank;
 * the price is delay in the low bands: 15 samples per decimator at its input rate, about
 * 0.16 s for the 20 - 31.5 Hz bands, 5 ms at 2.5 kHz (those bands' own filters take
 * comparable time to respond). `multirate: false` runs all 31 band-passes at fs.
 *
 * Each band filter is two sections specialised to their zeros at z = +-1 (numerator
 * g (1 - z^-2)); the band loop runs over each sub-block's samples with the band's
 * coefficients and states held in locals.
 */
export interface MultibandStereoMeterConfig {
  readonly integration?: IntegrationConfig;
  /** Mono fold-down gain g; default monoLawGain(DEFAULT_MONO_LAW), 1/sqrt2 for the -3 dB law. */
  readonly monoLawGain?: number;
  /** Octave-decimated bank (default true); false runs every band at the full rate. */
  readonly multirate?: boolean;
}

export interface MultibandStereoMeter {
  readonly sampleRateHz: number;
  readonly bands: readonly ThirdOctaveBand[];
  readonly monoLawGain: number;
  /** Per band: the level (rate fs / 2^level) it runs at. */
  readonly bandLevel: Int32Array;
  /** Per level: first band index and one past the last (bands ascend in frequency, levels descend). */
  readonly levelFirstBand: Int32Array;
  readonly levelEndBand: Int32Array;
  readonly levelCount: number;
  /** Per band: [g1, a1 (first), a2 (first), g2, a1 (second), a2 (second)]. */
  readonly coefficients: Float64Array;
  /** Per band: left z1, z2 (first), z1, z2 (second), then the same for right. */
  readonly filterState: Float64Array;
  readonly halfBandTaps: Float64Array;
  /** Decimators feeding level k + 1 from level k: left and right. */
  readonly decimatorsLeft: readonly HalfBandDecimator[];
  readonly decimatorsRight: readonly HalfBandDecimator[];
  /** Per level: the samples of the current segment (level 0: the input, copied to double). */
  readonly levelLeft: readonly Float64Array[];
  readonly levelRight: readonly Float64Array[];
  readonly moments: StereoMoments;
  /** Readings per band, filled by readMultibandStereoMeter. */
  readonly correlation: Float64Array;
  readonly monoVsStereoDb: Float64Array;
  readonly midDb: Float64Array;
  readonly sideDb: Float64Array;
}

/** Band-passes at level k need upper edge <= this x (fs / 2^k): the passband of the decimator before. */
const LEVEL_BAND_LIMIT = 2 * HALF_BAND_PASSBAND;

export function createMultibandStereoMeter(config: MultibandStereoMeterConfig, sampleRateHz: number): MultibandStereoMeter {
  const bands = thirdOctaveBands(sampleRateHz);
  const count = bands.length;
  const multirate = config.multirate !== false;
  const bandLevel = Int32Array.from(bands, (band) => {
    let level = 0;
    while (multirate && band.upperHz <= LEVEL_BAND_LIMIT * (sampleRateHz / 2 ** (level + 1))) level++;
    return level;
  });
  const levelCount = count === 0 ? 1 : Math.max(...bandLevel) + 1;
  const levelFirstBand = new Int32Array(levelCount).fill(count);
  const levelEndBand = new Int32Array(levelCount).fill(0);
  bandLevel.forEach((level, b) => {
    levelFirstBand[level] = Math.min(levelFirstBand[level]!, b);
    levelEndBand[level] = Math.max(levelEndBand[level]!, b + 1);
  });
  const coefficients = new Float64Array(6 * count);
  const first = createBiquadCoefficients();
  const second = createBiquadCoefficients();
  bands.forEach((band, b) => {
    setButterworthBandPass4(first, second, band.lowerHz, band.upperHz, sampleRateHz / 2 ** bandLevel[b]!);
    coefficients.set([first.b0, first.a1, first.a2, second.b0, second.a1, second.a2], 6 * b);
  });
  const moments = createStereoMoments(count, config.integration ?? DEFAULT_INTEGRATION, sampleRateHz);
  const taps = halfBandTaps();
  const levelBuffer = (k: number): Float64Array => new Float64Array(Math.ceil(moments.updateFrames / 2 ** k) + 1);
  return {
    sampleRateHz,
    bands,
    monoLawGain: config.monoLawGain ?? monoLawGain(DEFAULT_MONO_LAW),
    halfBandTaps: taps,
    bandLevel,
    levelFirstBand,
    levelEndBand,
    levelCount,
    coefficients,
    filterState: new Float64Array(8 * count),
    decimatorsLeft: Array.from({ length: levelCount - 1 }, () => createHalfBandDecimator(taps)),
    decimatorsRight: Array.from({ length: levelCount - 1 }, () => createHalfBandDecimator(taps)),
    levelLeft: Array.from({ length: levelCount }, (_, k) => levelBuffer(k)),
    levelRight: Array.from({ length: levelCount }, (_, k) => levelBuffer(k)),
    moments,
    correlation: new Float64Array(count),
    monoVsStereoDb: new Float64Array(count),
    midDb: new Float64Array(count).fill(-150),
    sideDb: new Float64Array(count).fill(-150),
  };
}

export function resetMultibandStereoMeter(meter: MultibandStereoMeter): void {
  meter.filterState.fill(0);
  for (const d of meter.decimatorsLeft) resetHalfBandDecimator(d);
  for (const d of meter.decimatorsRight) resetHalfBandDecimator(d);
  resetStereoMoments(meter.moments);
}

/** Measures `frames` samples. Allocation-free; any block length. */
export function processMultibandStereoMeter(meter: MultibandStereoMeter, left: Float32Array, right: Float32Array, frames: number): void {
  const moments = meter.moments;
  const inLeft = meter.levelLeft[0]!;
  const inRight = meter.levelRight[0]!;
  let offset = 0;
  while (offset < frames) {
    const n = framesUntilMomentUpdate(moments, frames - offset);
    for (let i = 0; i < n; i++) {
      inLeft[i] = left[offset + i]!;
      inRight[i] = right[offset + i]!;
    }
    let count = n;
    for (let level = 0; level < meter.levelCount; level++) {
      const l = meter.levelLeft[level]!;
      const r = meter.levelRight[level]!;
      filterBands(meter, meter.levelFirstBand[level]!, meter.levelEndBand[level]!, l, r, count, 2 ** level);
      if (level + 1 < meter.levelCount) {
        const nextLeft = meter.levelLeft[level + 1]!;
        decimateHalfBand(meter.decimatorsLeft[level]!, l, 0, count, nextLeft, 0);
        count = decimateHalfBand(meter.decimatorsRight[level]!, r, 0, count, meter.levelRight[level + 1]!, 0);
      }
    }
    addedMomentFrames(moments, n);
    offset += n;
  }
}

/**
 * Runs bands [first, end) over left/right[0 .. count) and adds weight x their squares and
 * cross-products to the sub-block sums.
 */
function filterBands(
  meter: MultibandStereoMeter,
  first: number,
  end: number,
  left: Float64Array,
  right: Float64Array,
  count: number,
  weight: number,
): void {
  if (count === 0) return;
  const coefficients = meter.coefficients;
  const state = meter.filterState;
  const partial = meter.moments.partial;
  for (let b = first; b < end; b++) {
    const c = 6 * b;
    const g1 = coefficients[c]!;
    const a11 = coefficients[c + 1]!;
    const a12 = coefficients[c + 2]!;
    const g2 = coefficients[c + 3]!;
    const a21 = coefficients[c + 4]!;
    const a22 = coefficients[c + 5]!;
    const s = 8 * b;
    let l1 = state[s]!, l2 = state[s + 1]!, l3 = state[s + 2]!, l4 = state[s + 3]!;
    let r1 = state[s + 4]!, r2 = state[s + 5]!, r3 = state[s + 6]!, r4 = state[s + 7]!;
    const p = 3 * b;
    // Sums carry on from the partial sums: block boundaries do not change the result.
    let ll = partial[p]!;
    let rr = partial[p + 1]!;
    let lr = partial[p + 2]!;
    for (let i = 0; i < count; i++) {
      // Section: y = g x + z1, z1 = z2 - a1 y, z2 = -g x - a2 y (numerator g (1 - z^-2)).
      const xl = g1 * left[i]!;
      const ul = xl + l1;
      l1 = l2 - a11 * ul;
      l2 = -xl - a12 * ul;
      const vl = g2 * ul;
      const yl = vl + l3;
      l3 = l4 - a21 * yl;
      l4 = -vl - a22 * yl;
      const xr = g1 * right[i]!;
      const ur = xr + r1;
      r1 = r2 - a11 * ur;
      r2 = -xr - a12 * ur;
      const vr = g2 * ur;
      const yr = vr + r3;
      r3 = r4 - a21 * yr;
      r4 = -vr - a22 * yr;
      ll += weight * (yl * yl);
      rr += weight * (yr * yr);
      lr += weight * (yl * yr);
    }
    if (Math.abs(l1) + Math.abs(l2) + Math.abs(l3) + Math.abs(l4) < DENORMAL_FLUSH) l1 = l2 = l3 = l4 = 0;
    if (Math.abs(r1) + Math.abs(r2) + Math.abs(r3) + Math.abs(r4) < DENORMAL_FLUSH) r1 = r2 = r3 = r4 = 0;
    state[s] = l1;
    state[s + 1] = l2;
    state[s + 2] = l3;
    state[s + 3] = l4;
    state[s + 4] = r1;
    state[s + 5] = r2;
    state[s + 6] = r3;
    state[s + 7] = r4;
    partial[p] = ll;
    partial[p + 1] = rr;
    partial[p + 2] = lr;
  }
}

/**
 * |H| of band `band`'s whole path as the meter runs it (the decimators before its level and
 * its band-pass at that level's rate), at `frequencyHz`; aliasing (below -60 dB) aside.
 * For plots of the bank and for tests.
 */
export function multibandBandMagnitude(meter: MultibandStereoMeter, band: number, frequencyHz: number): number {
  const level = meter.bandLevel[band]!;
  let magnitude = 1;
  for (let k = 0; k < level; k++) magnitude *= Math.abs(halfBandResponse(meter.halfBandTaps, frequencyHz, meter.sampleRateHz / 2 ** k));
  const rateHz = meter.sampleRateHz / 2 ** level;
  const c = 6 * band;
  const section = (g: number, a1: number, a2: number): number => {
    const w = (2 * Math.PI * frequencyHz) / rateHz;
    const nr = g - g * Math.cos(2 * w);
    const ni = g * Math.sin(2 * w);
    const dr = 1 + a1 * Math.cos(w) + a2 * Math.cos(2 * w);
    const di = -(a1 * Math.sin(w) + a2 * Math.sin(2 * w));
    return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
  };
  const k = meter.coefficients;
  return magnitude * section(k[c]!, k[c + 1]!, k[c + 2]!) * section(k[c + 3]!, k[c + 4]!, k[c + 5]!);
}

/** Fills the per-band readings of `meter` from its current moments. Allocation-free. */
export function readMultibandStereoMeter(meter: MultibandStereoMeter): void {
  const m = meter.moments.moments;
  const g = meter.monoLawGain;
  for (let b = 0; b < meter.bands.length; b++) {
    const pL = m[3 * b]!;
    const pR = m[3 * b + 1]!;
    const c = m[3 * b + 2]!;
    meter.correlation[b] = correlationFromMoments(pL, pR, c);
    meter.monoVsStereoDb[b] = monoVsStereoDbFromMoments(pL, pR, c, g);
    meter.midDb[b] = powerToDb(midPowerFromMoments(pL, pR, c));
    meter.sideDb[b] = powerToDb(sidePowerFromMoments(pL, pR, c));
  }
}
