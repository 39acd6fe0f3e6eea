import { createRealFft, realFftForward, realFftInverse } from '../../dsp/fft';
import type { RealFft } from '../../dsp/fft';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { airAttenuationDbPerM } from './airAbsorption';

/**
 * The air absorption of an object: a minimum-phase FIR whose magnitude follows the loss
 * alpha(f) d of ISO 9613-1 (airAbsorption.ts) for the distance d it travels beyond the
 * reference distance, designed whenever that distance changes.
 *
 * Design (homomorphic, Oppenheim and Schafer, Discrete-Time Signal Processing, 3rd ed.,
 * section 13.8): on DESIGN_FFT_SIZE bins, ln|H(f)| = -min(alpha(f) d, MAX_LOSS_DB) ln10 / 20;
 * its real cepstrum c = IFFT(ln|H|) folded onto n >= 0 (c[0], 2 c[n], c[N/2]) is the
 * cepstrum of the minimum-phase filter with that magnitude, h = IFFT(exp(FFT(folded))).
 * The first AIR_FILTER_TAPS taps are kept, the last TAPER_TAPS faded out by a half Hann
 * window; trailing taps that add up to less than NEGLIGIBLE_TAIL of the largest are dropped
 * and the rest scaled to sum to 1 (0 dB at DC, where air takes nothing), so a near object (a few
 * taps) costs little. Within the reference distance the filter is the identity, exactly.
 * Accuracy (tests/unit/render/objects/airAbsorptionFilter.test.ts): within 0.2 dB of
 * alpha(f) d up to 30 dB of loss at 48 kHz for d up to 1 km; losses beyond MAX_LOSS_DB
 * are held there (inaudible either way).
 *
 * The designs are made once per sample rate, off the audio thread (AirAbsorptionDesigner,
 * when the first object is created): a table at excess distances TABLE_FIRST_M x
 * 2^(e / TABLE_PER_OCTAVE) up to about 8 km, and the identity at 0. An object's taps are the
 * linear interpolation, in distance, of the two entries around its distance (the loss
 * being linear in distance, this adds under 0.05 dB where the loss is under 30 dB); beyond
 * the table the last entry holds. A change of distance crossfades, over one block, from
 * the old taps' output to the new one's (the distance glides with the object's position,
 * so the steps are small). Nothing allocates after the designer is made.
 */
export const AIR_FILTER_TAPS = 128;
const DESIGN_FFT_SIZE = 1024;
const TAPER_TAPS = 32;
const MAX_LOSS_DB = 120;
const NEGLIGIBLE_TAIL = 1e-4;
const LN10_OVER_20 = Math.LN10 / 20;
const SMOOTHED_FROM = 0.75;
const TABLE_FIRST_M = 0.05;
const TABLE_PER_OCTAVE = 8;
/** The identity, then TABLE_FIRST_M ... TABLE_FIRST_M x 2^(138 / 8), about 7.9 km. */
const TABLE_ENTRIES = 140;

export interface AirAbsorptionDesigner {
  readonly fft: RealFft;
  /** alpha(f) per design bin, dB per metre. */
  readonly lossDbPerM: Float64Array;
  readonly re: Float64Array;
  readonly im: Float64Array;
  readonly signal: Float64Array;
  /** TABLE_ENTRIES designs of AIR_FILTER_TAPS taps, and how many taps of each count. */
  readonly table: Float64Array;
  readonly tableTapCounts: Uint16Array;
}

const designers = new Map<number, AirAbsorptionDesigner>();

/** The designer for `sampleRateHz` (made once per rate, then shared). Call it off the audio thread. */
export function airAbsorptionDesigner(sampleRateHz: number): AirAbsorptionDesigner {
  const known = designers.get(sampleRateHz);
  if (known !== undefined) return known;
  const fft = createRealFft(DESIGN_FFT_SIZE);
  const lossDbPerM = new Float64Array(fft.bins);
  for (let k = 0; k < fft.bins; k++) lossDbPerM[k] = airAttenuationDbPerM(designFrequencyHz((k * sampleRateHz) / DESIGN_FFT_SIZE, sampleRateHz / 2));
  const designer: AirAbsorptionDesigner = {
    fft,
    lossDbPerM,
    re: new Float64Array(fft.bins),
    im: new Float64Array(fft.bins),
    signal: new Float64Array(DESIGN_FFT_SIZE),
    table: new Float64Array(TABLE_ENTRIES * AIR_FILTER_TAPS),
    tableTapCounts: new Uint16Array(TABLE_ENTRIES),
  };
  for (let e = 0; e < TABLE_ENTRIES; e++) {
    const taps = designer.table.subarray(e * AIR_FILTER_TAPS, (e + 1) * AIR_FILTER_TAPS);
    designer.tableTapCounts[e] = designAirAbsorption(designer, tableDistanceM(e), taps);
  }
  designers.set(sampleRateHz, designer);
  return designer;
}

function tableDistanceM(entry: number): number {
  return entry === 0 ? 0 : TABLE_FIRST_M * Math.pow(2, (entry - 1) / TABLE_PER_OCTAVE);
}

/**
 * The taps for `excessDistanceM`, interpolated from the designer's table, into `taps`
 * (length AIR_FILTER_TAPS); returns how many count. Allocation-free.
 */
export function airAbsorptionTaps(designer: AirAbsorptionDesigner, excessDistanceM: number, taps: Float64Array): number {
  if (!(excessDistanceM > 0)) {
    taps[0] = 1;
    return 1;
  }
  const position = excessDistanceM < TABLE_FIRST_M ? excessDistanceM / TABLE_FIRST_M : 1 + TABLE_PER_OCTAVE * Math.log2(excessDistanceM / TABLE_FIRST_M);
  const entry = Math.min(Math.floor(position), TABLE_ENTRIES - 2);
  const near = tableDistanceM(entry);
  const w = Math.min(1, (excessDistanceM - near) / (tableDistanceM(entry + 1) - near));
  const count = Math.max(designer.tableTapCounts[entry]!, designer.tableTapCounts[entry + 1]!);
  const a = entry * AIR_FILTER_TAPS;
  const b = a + AIR_FILTER_TAPS;
  const table = designer.table;
  for (let k = 0; k < count; k++) taps[k] = table[a + k]! + w * (table[b + k]! - table[a + k]!);
  return count;
}

/**
 * The frequency whose loss a design bin takes: f itself up to SMOOTHED_FROM of Nyquist,
 * then f - (f - fk)^3 / (3 (fN - fk)^2), which levels off to zero slope at Nyquist. The
 * periodic log-magnitude then has no kink there, so its cepstrum, and the filter of a near
 * object, are short (the loss above 0.75 x Nyquist, 18 kHz at 48 kHz, is a little lower).
 */
function designFrequencyHz(frequencyHz: number, nyquistHz: number): number {
  const fromHz = SMOOTHED_FROM * nyquistHz;
  if (frequencyHz <= fromHz) return frequencyHz;
  const over = frequencyHz - fromHz;
  return frequencyHz - (over * over * over) / (3 * (nyquistHz - fromHz) ** 2);
}

/**
 * Designs the taps for `excessDistanceM` (metres beyond the reference distance) into
 * `taps` (length AIR_FILTER_TAPS) with the designer's scratch and returns how many count.
 */
export function designAirAbsorption(designer: AirAbsorptionDesigner, excessDistanceM: number, taps: Float64Array): number {
  if (!(excessDistanceM > 0)) {
    taps[0] = 1;
    return 1;
  }
  const { fft, lossDbPerM, re, im, signal } = designer;
  const n = fft.size;
  for (let k = 0; k < fft.bins; k++) {
    re[k] = -Math.min(lossDbPerM[k]! * excessDistanceM, MAX_LOSS_DB) * LN10_OVER_20;
    im[k] = 0;
  }
  realFftInverse(fft, re, im, signal);
  for (let i = 1; i < n / 2; i++) signal[i] = 2 * signal[i]!;
  for (let i = n / 2 + 1; i < n; i++) signal[i] = 0;
  realFftForward(fft, signal, re, im);
  for (let k = 0; k < fft.bins; k++) {
    const magnitude = Math.exp(re[k]!);
    const phase = im[k]!;
    re[k] = magnitude * Math.cos(phase);
    im[k] = magnitude * Math.sin(phase);
  }
  realFftInverse(fft, re, im, signal);
  let peak = 0;
  for (let i = 0; i < AIR_FILTER_TAPS; i++) {
    const fromEnd = AIR_FILTER_TAPS - i;
    const taper = fromEnd > TAPER_TAPS ? 1 : 0.5 * (1 - Math.cos((Math.PI * fromEnd) / (TAPER_TAPS + 1)));
    taps[i] = signal[i]! * taper;
    peak = Math.max(peak, Math.abs(taps[i]!));
  }
  let count = AIR_FILTER_TAPS;
  let tail = 0;
  while (count > 1 && tail + Math.abs(taps[count - 1]!) < NEGLIGIBLE_TAIL * peak) tail += Math.abs(taps[--count]!);
  let sum = 0;
  for (let i = 0; i < count; i++) sum += taps[i]!;
  for (let i = 0; i < count; i++) taps[i] = taps[i]! / sum;
  taps.fill(0, count);
  return count;
}

export interface AirAbsorptionFilter {
  readonly designer: AirAbsorptionDesigner;
  readonly taps: Float64Array;
  tapCount: number;
  /** The taps before the last change, faded out over the next block. */
  readonly previousTaps: Float64Array;
  previousTapCount: number;
  crossfading: boolean;
  /** The excess distance the taps are for (NaN: none yet). */
  excessDistanceM: number;
  /** The last AIR_FILTER_TAPS - 1 inputs of the previous block, then this block's: the caller writes them at BLOCK_START. */
  readonly line: Float64Array;
}

/** Where the caller writes a block's inputs in AirAbsorptionFilter.line. */
export const AIR_LINE_BLOCK_START = AIR_FILTER_TAPS - 1;

export function createAirAbsorptionFilter(sampleRateHz: number): AirAbsorptionFilter {
  const taps = new Float64Array(AIR_FILTER_TAPS);
  taps[0] = 1;
  return {
    designer: airAbsorptionDesigner(sampleRateHz),
    taps,
    tapCount: 1,
    previousTaps: new Float64Array(AIR_FILTER_TAPS),
    previousTapCount: 1,
    crossfading: false,
    excessDistanceM: NaN,
    line: new Float64Array(AIR_LINE_BLOCK_START + RENDER_BLOCK_FRAMES),
  };
}

/** Forgets the past inputs and any crossfade (the object starts again). */
export function resetAirAbsorptionFilter(filter: AirAbsorptionFilter): void {
  filter.line.fill(0);
  filter.crossfading = false;
}

/** Sets the excess distance; a change crossfades from the old taps over the next block (the first setting applies at once). */
export function setAirAbsorptionDistance(filter: AirAbsorptionFilter, excessDistanceM: number): void {
  if (excessDistanceM === filter.excessDistanceM) return;
  const first = Number.isNaN(filter.excessDistanceM);
  filter.previousTaps.set(filter.taps);
  filter.previousTapCount = filter.tapCount;
  filter.tapCount = airAbsorptionTaps(filter.designer, excessDistanceM, filter.taps);
  filter.excessDistanceM = excessDistanceM;
  filter.crossfading = !first;
}

/** Filters the block written into `line` (RENDER_BLOCK_FRAMES from AIR_LINE_BLOCK_START) into `output`. Allocation-free. */
export function processAirAbsorption(filter: AirAbsorptionFilter, output: Float32Array): void {
  const { line, taps, tapCount, previousTaps, previousTapCount } = filter;
  const frames = RENDER_BLOCK_FRAMES;
  for (let i = 0; i < frames; i++) {
    const at = AIR_LINE_BLOCK_START + i;
    let y = 0;
    for (let k = 0; k < tapCount; k++) y += taps[k]! * line[at - k]!;
    if (filter.crossfading) {
      let before = 0;
      for (let k = 0; k < previousTapCount; k++) before += previousTaps[k]! * line[at - k]!;
      y = before + ((i + 1) / frames) * (y - before);
    }
    output[i] = y;
  }
  filter.crossfading = false;
  line.copyWithin(0, frames, frames + AIR_LINE_BLOCK_START);
}
