import { designPolyphaseInterpolator } from '../filters/polyphaseInterpolator';
import type { PolyphaseInterpolatorDesign } from '../filters/polyphaseInterpolator';

/**
 * True-peak meter after ITU-R BS.1770-4 Annex 2: oversample, take absolute values, hold
 * the maximum; the level in dBTP is 20 log10 of that maximum (no -12.04 dB headroom step
 * is needed in floating point).
 *
 * Oversampling: 4x below 88.2 kHz (176.4 or 192 kHz after it, as the Annex asks for
 * 48 kHz input), 2x up to 176.4 kHz, none from there.
 *
 * Interpolator (filters/polyphaseInterpolator.ts): the Annex's example is a 48-tap,
 * 4-phase FIR; this one is a Kaiser-windowed sinc (beta = 8) spanning 24 input samples per
 * phase, designed as an L-th band filter with its cutoff at the input Nyquist frequency.
 * Phase 0 is then the input sample itself, so the true peak is never below the sample
 * peak, and only L - 1 phases cost arithmetic: 72 multiply-adds per sample and channel
 * at 4x. Measured at 48 kHz against the exact sine between the samples: interpolation
 * error at most 1.3e-4 of the amplitude (0.001 dB) for any frequency up to 19 kHz, 1.3 %
 * (0.11 dB) at 20 kHz; the images of a 20 kHz tone (at 28 kHz) are 44 dB down.
 * Separately, any 4x meter can miss a lone crest that falls between two output samples by
 * up to 20 log10 cos(pi f / (4 fs)): -0.17 dB at 12 kHz, -0.47 dB at 20 kHz (inherent in
 * the Annex's method); steady tones drift across the grid and read their full amplitude.
 * EBU Tech 3341 cases 15 to 19 read within 0.01 dB of their nominal values (tested).
 * Latency: 12 input samples (the interpolated values of the last 12 samples of a stream
 * appear only when more input arrives; flushTruePeak feeds the zeros that follow the end).
 */
const TRUE_PEAK_TAPS_PER_PHASE = 24;
const TRUE_PEAK_KAISER_BETA = 8;
const FLOOR_DB = -150;

export function truePeakOversampling(sampleRateHz: number): number {
  if (sampleRateHz < 88_200) return 4;
  if (sampleRateHz < 176_400) return 2;
  return 1;
}

export interface TruePeakMeter {
  readonly channelCount: number;
  readonly design: PolyphaseInterpolatorDesign;
  /** Phases 1 .. L-1, one array of T taps each (oldest-first order). */
  readonly phases: readonly Float64Array[];
  /** max over phases of sum |g_p|: |interpolated value| <= this x max |window sample|. */
  readonly maxGainL1: number;
  /** Per channel: the last T input samples, oldest first. */
  readonly history: Float64Array;
  /** Scratch: T history samples followed by up to CHUNK_FRAMES new ones. */
  readonly window: Float64Array;
  /** Per channel: the largest |oversampled value| since the last reset, linear. */
  readonly peak: Float64Array;
  /** Per channel: the largest |input sample| since the last reset, linear. */
  readonly samplePeak: Float64Array;
}

const CHUNK_FRAMES = 256;

export function createTruePeakMeter(channelCount: number, sampleRateHz: number): TruePeakMeter {
  const design = designPolyphaseInterpolator(truePeakOversampling(sampleRateHz), TRUE_PEAK_TAPS_PER_PHASE, TRUE_PEAK_KAISER_BETA);
  const taps = design.tapsPerPhase;
  const phases: Float64Array[] = [];
  let maxGainL1 = 1;
  for (let p = 0; p < design.factor - 1; p++) {
    const phase = design.coefficients.slice(p * taps, (p + 1) * taps);
    phases.push(phase);
    maxGainL1 = Math.max(maxGainL1, phase.reduce((sum, g) => sum + Math.abs(g), 0));
  }
  return {
    channelCount,
    design,
    phases,
    maxGainL1,
    history: new Float64Array(channelCount * taps),
    window: new Float64Array(taps + CHUNK_FRAMES),
    peak: new Float64Array(channelCount),
    samplePeak: new Float64Array(channelCount),
  };
}

/** Clears the held peaks (the interpolator's history carries on). */
export function resetTruePeakHold(meter: TruePeakMeter): void {
  meter.peak.fill(0);
  meter.samplePeak.fill(0);
}

/** Clears the held peaks and the history. */
export function resetTruePeakMeter(meter: TruePeakMeter): void {
  resetTruePeakHold(meter);
  meter.history.fill(0);
}

/**
 * Measures `frames` samples of each of `channels` (channelCount arrays; a missing one is
 * skipped). Allocation-free; any block length.
 *
 * Chunks of up to 256 samples are copied behind the channel's last T samples into one
 * linear window, and each phase is a plain dot product over it. A chunk is not
 * interpolated at all when maxGainL1 x max |window| cannot exceed the peak already held
 * (an exact bound, by the triangle inequality), which skips most of the work once a
 * programme's peak has been seen.
 */
export function processTruePeak(meter: TruePeakMeter, channels: readonly Float32Array[], frames: number): void {
  const taps = meter.design.tapsPerPhase;
  const window = meter.window;
  const history = meter.history;
  const phases = meter.phases;
  for (let ch = 0; ch < meter.channelCount; ch++) {
    const input = channels[ch];
    if (input === undefined) continue;
    const h = ch * taps;
    let peak = meter.peak[ch]!;
    let samplePeak = meter.samplePeak[ch]!;
    for (let offset = 0; offset < frames; offset += CHUNK_FRAMES) {
      const n = Math.min(CHUNK_FRAMES, frames - offset);
      let windowMax = 0;
      for (let j = 0; j < taps; j++) {
        const v = history[h + j]!;
        window[j] = v;
        const a = v < 0 ? -v : v;
        if (a > windowMax) windowMax = a;
      }
      let chunkMax = 0;
      for (let i = 0; i < n; i++) {
        const v = input[offset + i]!;
        window[taps + i] = v;
        const a = v < 0 ? -v : v;
        if (a > chunkMax) chunkMax = a;
      }
      if (chunkMax > samplePeak) samplePeak = chunkMax;
      if (chunkMax > windowMax) windowMax = chunkMax;
      if (windowMax * meter.maxGainL1 > peak) {
        // Output for new sample i (window index taps + i) uses window[i + 1 .. i + taps].
        for (let p = 0; p < phases.length; p++) peak = phasePeak(phases[p]!, window, n, peak);
      }
      for (let j = 0; j < taps; j++) history[h + j] = window[n + j]!;
    }
    if (samplePeak > peak) peak = samplePeak;
    meter.peak[ch] = peak;
    meter.samplePeak[ch] = samplePeak;
  }
}

/**
 * max(peak, |y_i|) over y_i = sum_k g[k] window[i + 1 + k], i < n. Four outputs at a time
 * share each coefficient and window load (register blocking: about twice as fast as one
 * output at a time in V8).
 */
function phasePeak(g: Float64Array, window: Float64Array, n: number, peak: number): number {
  const taps = g.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const w = i + 1;
    let y0 = 0;
    let y1 = 0;
    let y2 = 0;
    let y3 = 0;
    let x0 = window[w]!;
    let x1 = window[w + 1]!;
    let x2 = window[w + 2]!;
    for (let k = 0; k < taps; k++) {
      const gk = g[k]!;
      const x3 = window[w + k + 3]!;
      y0 += gk * x0;
      y1 += gk * x1;
      y2 += gk * x2;
      y3 += gk * x3;
      x0 = x1;
      x1 = x2;
      x2 = x3;
    }
    let a = y0 < 0 ? -y0 : y0;
    if (a > peak) peak = a;
    a = y1 < 0 ? -y1 : y1;
    if (a > peak) peak = a;
    a = y2 < 0 ? -y2 : y2;
    if (a > peak) peak = a;
    a = y3 < 0 ? -y3 : y3;
    if (a > peak) peak = a;
  }
  for (; i < n; i++) {
    let y = 0;
    for (let k = 0; k < taps; k++) y += g[k]! * window[i + 1 + k]!;
    const a = y < 0 ? -y : y;
    if (a > peak) peak = a;
  }
  return peak;
}

/**
 * Pre-roll: loads each channel's history with the last samples of `channels` (those just
 * before the measured ones), holding no peak, so the first measured samples are
 * interpolated as in a meter that heard the pre-roll. A missing array is skipped.
 * Allocation-free.
 */
export function primeTruePeak(meter: TruePeakMeter, channels: readonly Float32Array[], frames: number): void {
  const taps = meter.design.tapsPerPhase;
  const history = meter.history;
  const n = Math.min(frames, taps);
  for (let ch = 0; ch < meter.channelCount; ch++) {
    const input = channels[ch];
    if (input === undefined) continue;
    const h = ch * taps;
    for (let j = 0; j < taps - n; j++) history[h + j] = history[h + j + n]!;
    for (let j = 0; j < n; j++) history[h + taps - n + j] = input[frames - n + j]!;
  }
}

/** Holds, per channel, the larger of the two meters' peaks (peaks merge by max). */
export function mergeTruePeakMeter(into: TruePeakMeter, from: TruePeakMeter): void {
  if (from.channelCount !== into.channelCount) {
    throw new RangeError(`true-peak meter: cannot merge the peaks of ${from.channelCount} channels into a meter of ${into.channelCount}`);
  }
  for (let ch = 0; ch < into.channelCount; ch++) {
    if (from.peak[ch]! > into.peak[ch]!) into.peak[ch] = from.peak[ch]!;
    if (from.samplePeak[ch]! > into.samplePeak[ch]!) into.samplePeak[ch] = from.samplePeak[ch]!;
  }
}

/**
 * Holds peak readings (the maxima over channels, in dBTP and dBFS; -Infinity and the
 * -150 floor for none) by max: on channel 0, as the readings are maxima over all channels.
 */
export function holdPeakReadings(meter: TruePeakMeter, truePeakDbtp: number, samplePeakDbfs: number): void {
  const truePeak = dbToLinear(truePeakDbtp, 'true peak (dBTP)');
  const samplePeak = dbToLinear(samplePeakDbfs, 'sample peak (dBFS)');
  if (samplePeak > truePeak) throw new RangeError(`true-peak meter: a sample peak of ${samplePeakDbfs} dBFS cannot be above the true peak of ${truePeakDbtp} dBTP`);
  if (truePeak > meter.peak[0]!) meter.peak[0] = truePeak;
  if (samplePeak > meter.samplePeak[0]!) meter.samplePeak[0] = samplePeak;
}

function dbToLinear(db: number, what: string): number {
  if (!(db < Infinity)) throw new RangeError(`true-peak meter: ${what} must be a number below +Infinity, got ${db}`);
  return db > FLOOR_DB ? 10 ** (db / 20) : 0;
}

/** Feeds the T zeros that follow the end of a finite signal, so its last samples are interpolated too. */
export function flushTruePeak(meter: TruePeakMeter, zeros: Float32Array, channels: Float32Array[]): void {
  const taps = meter.design.tapsPerPhase;
  for (let ch = 0; ch < meter.channelCount; ch++) channels[ch] = zeros;
  for (let done = 0; done < taps; done += zeros.length) processTruePeak(meter, channels, Math.min(zeros.length, taps - done));
}

/** Highest true peak over all channels since the last reset, dBTP (floored at -150). */
export function truePeakDbtp(meter: TruePeakMeter): number {
  let peak = 0;
  for (let ch = 0; ch < meter.channelCount; ch++) if (meter.peak[ch]! > peak) peak = meter.peak[ch]!;
  return linearToDb(peak);
}

/** Highest sample peak over all channels since the last reset, dBFS (floored at -150). */
export function samplePeakDbfs(meter: TruePeakMeter): number {
  let peak = 0;
  for (let ch = 0; ch < meter.channelCount; ch++) if (meter.samplePeak[ch]! > peak) peak = meter.samplePeak[ch]!;
  return linearToDb(peak);
}

function linearToDb(value: number): number {
  const db = 20 * Math.log10(value);
  return db > FLOOR_DB ? db : FLOOR_DB;
}
