import { createRealFft, realFftForward } from '../fft';
import type { RealFft } from '../fft';
import { thirdOctaveBands } from '../filters/thirdOctaveBands';
import type { ThirdOctaveBand } from '../filters/thirdOctaveBands';
import { hannWindow, sumOfSquares } from './analysisWindow';
import { createBandBins } from './bandBins';
import type { BandBins } from './bandBins';
import { MIX_STRIDE, SOURCE_STRIDE } from './sourceMoments';

/**
 * Spectral second-order moments of a stereo mix and of each of its inputs against it,
 * per one-third-octave band, over the whole programme and per timeline window: the
 * figures of the mono-compatibility analysis.
 *
 * The inputs (a scene's per-source contributions, or one finished mix) arrive in chunks
 * of any length, all inputs in step. Frames of `frameSize` samples (about 170 ms, see
 * analysisFrameSize), Hann-windowed, hop frameSize/2, are transformed with the real FFT;
 * by linearity the mix spectrum is the sum of the inputs' spectra. Per frame and band:
 *   mix:   PL, PR, C                                 (MIX_STRIDE numbers),
 *   input: its own PL, PR, C and its four products with the mix (SOURCE_STRIDE numbers,
 *          sourceMoments.ts),
 * as weighted sums over the band's bins (bandBins.ts), scaled by hop / sum(w^2) so that a
 * sum over frames estimates sum_n x[n]^2 over the programme (each sample is seen by two
 * frames whose squared windows add to 3/4 of the peak on average). The last "band"
 * (index bandCount) holds the bins outside 20 Hz - 20 kHz, so the sum over all bands is
 * the broadband figure. Frame j covers samples [(j - 1) hop, (j + 1) hop) and counts
 * towards the timeline window holding its centre j hop.
 *
 * Kept per timeline window (for the timeline and the worst moments of each source):
 * the mix's broadband moments, and per group of three adjacent bands the mix's mono
 * power PL + PR + 2C and each input's share of C (sourceMoments.ts attributedCross).
 * Also per input (or for the mix when inputs are not tracked), the cross-spectrum
 * sum conj(L) R per bin, for finding inter-channel delays (interChannelDelay.ts).
 *
 * Memory: O(inputs x (bins + windows x bandGroups)); nothing is kept of the audio.
 * Frames in which an input is silent cost it nothing.
 */
export interface MomentAnalyserConfig {
  readonly sampleRateHz: number;
  readonly inputCount: number;
  /** Track every input against the mix (scene analyses); false: the inputs are only summed. */
  readonly perInput: boolean;
  /** Programme length, frames: sets the number of timeline windows and when finishing stops. */
  readonly totalFrames: number;
  readonly windowSec: number;
}

export interface InputMoments {
  /** Whole programme, SOURCE_STRIDE numbers per band (bandCount + 1 bands). */
  readonly bands: Float64Array;
  /** Per window and band group: the input's share of the mix's C. */
  readonly windowGroupShare: Float32Array;
  /** Per window: the input's own PL + PR. */
  readonly windowPower: Float32Array;
  /** Cross-spectrum sum conj(L_k) R_k per bin (unscaled). */
  readonly crossRe: Float64Array;
  readonly crossIm: Float64Array;
}

export interface MomentAnalyser {
  readonly sampleRateHz: number;
  readonly frameSize: number;
  readonly hop: number;
  readonly bands: readonly ThirdOctaveBand[];
  readonly bandCount: number;
  /** Band b belongs to group floor(b / BANDS_PER_GROUP); the outside bucket to the last group. */
  readonly groupCount: number;
  readonly windowFrames: number;
  readonly windowCount: number;
  readonly totalFrames: number;
  /** Factor from a frame's Parseval sum to the moments' scale (hop / sum w^2). */
  readonly energyScale: number;
  /** Whole programme, MIX_STRIDE numbers per band (bandCount + 1 bands). */
  readonly mixBands: Float64Array;
  /** Per window: the mix's broadband PL, PR, C. */
  readonly windowMix: Float64Array;
  /** Per window and band group: the mix's PL + PR + 2C. */
  readonly windowGroupMono: Float64Array;
  /** Per input when perInput; empty otherwise. */
  readonly inputs: readonly InputMoments[];
  /** The mix's cross-spectrum (when inputs are not tracked). */
  readonly mixCrossRe: Float64Array;
  readonly mixCrossIm: Float64Array;
  readonly fft: RealFft;
}

interface AnalyserState extends MomentAnalyser {
  readonly perInput: boolean;
  readonly window: Float64Array;
  readonly windowed: Float64Array;
  readonly segments: BandBins;
  readonly scaledWeight: Float64Array;
  readonly groupOfBand: Int32Array;
  readonly buffers: { left: Float64Array; right: Float64Array }[];
  readonly spectra: { lr: Float64Array; li: Float64Array; rr: Float64Array; ri: Float64Array; silent: boolean }[];
  readonly mix: { lr: Float64Array; li: Float64Array; rr: Float64Array; ri: Float64Array };
  /** Samples in the frame buffers (the same for every input). */
  filled: number;
  framesDone: number;
}

export const BANDS_PER_GROUP = 3;
/** Frame length target, seconds: long enough that a 40 ms delay is well inside it (a quarter). */
export const FRAME_TARGET_SEC = 0.17;

/** The power of two nearest to FRAME_TARGET_SEC at `sampleRateHz` (8192 at 44.1 and 48 kHz). */
export function analysisFrameSize(sampleRateHz: number): number {
  return 2 ** Math.round(Math.log2(FRAME_TARGET_SEC * sampleRateHz));
}

export function createMomentAnalyser(config: MomentAnalyserConfig): MomentAnalyser {
  const { sampleRateHz, inputCount, perInput, totalFrames, windowSec } = config;
  if (!(Number.isInteger(inputCount) && inputCount >= 1)) throw new Error(`moment analyser: expected at least one input, got ${inputCount}`);
  if (!(windowSec > 0)) throw new Error(`moment analyser: the window must be longer than 0 s, got ${windowSec}`);
  const frameSize = analysisFrameSize(sampleRateHz);
  const hop = frameSize / 2;
  const bins = frameSize / 2 + 1;
  const bands = thirdOctaveBands(sampleRateHz);
  const bandCount = bands.length;
  const segments = createBandBins(bands, frameSize, sampleRateHz);
  const window = hannWindow(frameSize);
  const energyScale = hop / sumOfSquares(window);
  const groupCount = Math.ceil(bandCount / BANDS_PER_GROUP) + 1;
  const groupOfBand = new Int32Array(bandCount + 1);
  for (let b = 0; b < bandCount; b++) groupOfBand[b] = Math.floor(b / BANDS_PER_GROUP);
  groupOfBand[bandCount] = groupCount - 1;
  const windowFrames = Math.max(1, Math.round(windowSec * sampleRateHz));
  const windowCount = Math.max(1, Math.ceil(totalFrames / windowFrames));
  const spectrum = (): { lr: Float64Array; li: Float64Array; rr: Float64Array; ri: Float64Array } => ({
    lr: new Float64Array(bins),
    li: new Float64Array(bins),
    rr: new Float64Array(bins),
    ri: new Float64Array(bins),
  });
  const state: AnalyserState = {
    sampleRateHz,
    frameSize,
    hop,
    bands,
    bandCount,
    groupCount,
    windowFrames,
    windowCount,
    totalFrames,
    energyScale,
    mixBands: new Float64Array(MIX_STRIDE * (bandCount + 1)),
    windowMix: new Float64Array(MIX_STRIDE * windowCount),
    windowGroupMono: new Float64Array(groupCount * windowCount),
    inputs: perInput
      ? Array.from({ length: inputCount }, () => ({
          bands: new Float64Array(SOURCE_STRIDE * (bandCount + 1)),
          windowGroupShare: new Float32Array(groupCount * windowCount),
          windowPower: new Float32Array(windowCount),
          crossRe: new Float64Array(bins),
          crossIm: new Float64Array(bins),
        }))
      : [],
    mixCrossRe: new Float64Array(perInput ? 0 : bins),
    mixCrossIm: new Float64Array(perInput ? 0 : bins),
    fft: createRealFft(frameSize),
    perInput,
    window,
    windowed: new Float64Array(frameSize),
    segments,
    scaledWeight: segments.weight.map((w) => w * energyScale),
    groupOfBand,
    buffers: Array.from({ length: inputCount }, () => ({ left: new Float64Array(frameSize), right: new Float64Array(frameSize) })),
    spectra: Array.from({ length: inputCount }, () => ({ ...spectrum(), silent: true })),
    mix: spectrum(),
    // The first frame is centred on sample 0: it starts with a hop of silence.
    filled: frameSize - hop,
    framesDone: 0,
  };
  return state;
}

/**
 * Adds the next `frames` frames of every input: inputs[i] = [left, right] of input i, each
 * at least `frames` long.
 */
export function feedMomentAnalyser(analyser: MomentAnalyser, inputs: readonly (readonly Float32Array[])[], frames: number): void {
  const state = analyser as AnalyserState;
  if (inputs.length !== state.buffers.length) {
    throw new Error(`moment analyser: expected ${state.buffers.length} inputs, got ${inputs.length}`);
  }
  let done = 0;
  while (done < frames) {
    const count = Math.min(frames - done, state.frameSize - state.filled);
    for (let i = 0; i < inputs.length; i++) {
      const channels = inputs[i]!;
      const left = channels[0]!;
      const right = channels[1] ?? left;
      const buffer = state.buffers[i]!;
      buffer.left.set(left.subarray(done, done + count), state.filled);
      buffer.right.set(right.subarray(done, done + count), state.filled);
    }
    state.filled += count;
    done += count;
    if (state.filled === state.frameSize) completeFrame(state);
  }
}

/** Feeds silence until every frame that overlaps the programme has been analysed. */
export function finishMomentAnalyser(analyser: MomentAnalyser): void {
  const state = analyser as AnalyserState;
  const lastFrame = Math.ceil(state.totalFrames / state.hop);
  while (state.framesDone <= lastFrame) {
    for (const buffer of state.buffers) {
      buffer.left.fill(0, state.filled);
      buffer.right.fill(0, state.filled);
    }
    state.filled = state.frameSize;
    completeFrame(state);
  }
}

/** Frames analysed so far, as a fraction of the programme's. */
export function momentAnalyserProgress(analyser: MomentAnalyser): number {
  const state = analyser as AnalyserState;
  return Math.min(1, state.framesDone / (Math.ceil(state.totalFrames / state.hop) + 1));
}

function completeFrame(state: AnalyserState): void {
  const windowIndex = Math.min(state.windowCount - 1, Math.floor((state.framesDone * state.hop) / state.windowFrames));
  transformInputs(state);
  const mix = state.perInput ? sumSpectra(state) : state.spectra[0]!;
  accumulateMix(state, mix, windowIndex);
  if (state.perInput) {
    for (let i = 0; i < state.inputs.length; i++) {
      const spectrum = state.spectra[i]!;
      if (!spectrum.silent) accumulateInput(state, spectrum, mix, state.inputs[i]!, windowIndex);
    }
  } else {
    accumulateCross(mix, mix, state.mixCrossRe, state.mixCrossIm);
  }
  // Keep the second half as the next frame's first half.
  for (const buffer of state.buffers) {
    buffer.left.copyWithin(0, state.hop);
    buffer.right.copyWithin(0, state.hop);
  }
  state.filled = state.frameSize - state.hop;
  state.framesDone++;
}

function transformInputs(state: AnalyserState): void {
  const { fft, buffers, spectra } = state;
  for (let i = 0; i < buffers.length; i++) {
    const buffer = buffers[i]!;
    const spectrum = spectra[i]!;
    const leftSound = windowFrame(state, buffer.left);
    if (leftSound) realFftForward(fft, state.windowed, spectrum.lr, spectrum.li);
    const rightSound = windowFrame(state, buffer.right);
    if (rightSound) realFftForward(fft, state.windowed, spectrum.rr, spectrum.ri);
    spectrum.silent = !leftSound && !rightSound;
    if (spectrum.silent) continue;
    // A silent channel beside a sounding one: its spectrum is zero.
    if (!leftSound) {
      spectrum.lr.fill(0);
      spectrum.li.fill(0);
    }
    if (!rightSound) {
      spectrum.rr.fill(0);
      spectrum.ri.fill(0);
    }
  }
}

/** Writes the windowed frame into state.windowed; false when the frame is all zeros. */
function windowFrame(state: AnalyserState, samples: Float64Array): boolean {
  const { window, windowed } = state;
  let sound = false;
  for (let k = 0; k < samples.length; k++) {
    const x = samples[k]!;
    if (x !== 0) sound = true;
    windowed[k] = x * window[k]!;
  }
  return sound;
}

function sumSpectra(state: AnalyserState): AnalyserState['mix'] {
  const mix = state.mix;
  mix.lr.fill(0);
  mix.li.fill(0);
  mix.rr.fill(0);
  mix.ri.fill(0);
  for (const s of state.spectra) {
    if (s.silent) continue;
    for (let k = 0; k < mix.lr.length; k++) {
      mix.lr[k] = mix.lr[k]! + s.lr[k]!;
      mix.li[k] = mix.li[k]! + s.li[k]!;
      mix.rr[k] = mix.rr[k]! + s.rr[k]!;
      mix.ri[k] = mix.ri[k]! + s.ri[k]!;
    }
  }
  return mix;
}

// The hot loops below index with the literal strides 3 (MIX_STRIDE) and 7 (SOURCE_STRIDE).
function accumulateMix(state: AnalyserState, x: AnalyserState['mix'], windowIndex: number): void {
  const { segments, scaledWeight, mixBands, groupOfBand, windowMix, windowGroupMono } = state;
  const { bin, bandStart } = segments;
  const { lr: xlr, li: xli, rr: xrr, ri: xri } = x;
  const windowAt = 3 * windowIndex;
  const groupAt = state.groupCount * windowIndex;
  for (let b = 0; b <= state.bandCount; b++) {
    let pl = 0, pr = 0, c = 0;
    for (let s = bandStart[b]!, end = bandStart[b + 1]!; s < end; s++) {
      const k = bin[s]!;
      const w = scaledWeight[s]!;
      const lr = xlr[k]!, li = xli[k]!, rr = xrr[k]!, ri = xri[k]!;
      pl += w * (lr * lr + li * li);
      pr += w * (rr * rr + ri * ri);
      c += w * (lr * rr + li * ri);
    }
    const at = 3 * b;
    mixBands[at] = mixBands[at]! + pl;
    mixBands[at + 1] = mixBands[at + 1]! + pr;
    mixBands[at + 2] = mixBands[at + 2]! + c;
    windowMix[windowAt] = windowMix[windowAt]! + pl;
    windowMix[windowAt + 1] = windowMix[windowAt + 1]! + pr;
    windowMix[windowAt + 2] = windowMix[windowAt + 2]! + c;
    const g = groupAt + groupOfBand[b]!;
    windowGroupMono[g] = windowGroupMono[g]! + pl + pr + 2 * c;
  }
}

function accumulateInput(state: AnalyserState, s: AnalyserState['mix'], x: AnalyserState['mix'], input: InputMoments, windowIndex: number): void {
  const { segments, scaledWeight, groupOfBand } = state;
  const { bin, bandStart } = segments;
  const { lr: slrs, li: slis, rr: srrs, ri: sris } = s;
  const { lr: xlrs, li: xlis, rr: xrrs, ri: xris } = x;
  const { bands, windowGroupShare } = input;
  const groupAt = state.groupCount * windowIndex;
  let power = 0;
  for (let b = 0; b <= state.bandCount; b++) {
    let pl = 0, pr = 0, c = 0, xLsL = 0, xLsR = 0, xRsL = 0, xRsR = 0;
    for (let g = bandStart[b]!, end = bandStart[b + 1]!; g < end; g++) {
      const k = bin[g]!;
      const w = scaledWeight[g]!;
      // u.. is the source's bin, s.. the same times the weight: every product takes one weighted factor.
      const ulr = slrs[k]!, uli = slis[k]!, urr = srrs[k]!, uri = sris[k]!;
      const slr = w * ulr, sli = w * uli, srr = w * urr, sri = w * uri;
      const xlr = xlrs[k]!, xli = xlis[k]!, xrr = xrrs[k]!, xri = xris[k]!;
      pl += slr * ulr + sli * uli;
      pr += srr * urr + sri * uri;
      c += slr * urr + sli * uri;
      xLsL += xlr * slr + xli * sli;
      xLsR += xlr * srr + xli * sri;
      xRsL += xrr * slr + xri * sli;
      xRsR += xrr * srr + xri * sri;
    }
    const at = 7 * b;
    bands[at] = bands[at]! + pl;
    bands[at + 1] = bands[at + 1]! + pr;
    bands[at + 2] = bands[at + 2]! + c;
    bands[at + 3] = bands[at + 3]! + xLsL;
    bands[at + 4] = bands[at + 4]! + xLsR;
    bands[at + 5] = bands[at + 5]! + xRsL;
    bands[at + 6] = bands[at + 6]! + xRsR;
    const g = groupAt + groupOfBand[b]!;
    windowGroupShare[g] = windowGroupShare[g]! + 0.5 * (xLsR + xRsL);
    power += pl + pr;
  }
  input.windowPower[windowIndex] = input.windowPower[windowIndex]! + power;
  accumulateCross(s, s, input.crossRe, input.crossIm);
}

/** crossRe/Im[k] += conj(a.L[k]) b.R[k]. */
function accumulateCross(a: AnalyserState['mix'], b: AnalyserState['mix'], crossRe: Float64Array, crossIm: Float64Array): void {
  for (let k = 0; k < crossRe.length; k++) {
    const lr = a.lr[k]!, li = a.li[k]!, rr = b.rr[k]!, ri = b.ri[k]!;
    crossRe[k] = crossRe[k]! + lr * rr + li * ri;
    crossIm[k] = crossIm[k]! + lr * ri - li * rr;
  }
}
