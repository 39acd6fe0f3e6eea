import { createRealFft } from '../fft';
import type { RealFft } from '../fft';
import { thirdOctaveBands } from '../filters/thirdOctaveBands';
import type { ThirdOctaveBand } from '../filters/thirdOctaveBands';
import { analysisWindow, analysisWindowHop, sumOfSquares } from './analysisWindow';
import { createBandBins } from './bandBins';
import { accumulateInputMoments, accumulateMixMoments, accumulateOwnMoments } from './bandMoments';
import type { BandLayout, InputMomentSums, MixMomentSums } from './bandMoments';
import {
  accumulateCrossSpectrum,
  addFrameSpectrum,
  clearFrameSpectrum,
  createFrameSpectrum,
  transformStereoFrame,
} from './frameSpectrum';
import type { FrameScratch, FrameSpectrum, StereoFrame } from './frameSpectrum';
import { advanceFrame, appendToFrame, createFrameBuffer, silenceFrameFrom } from './frameBuffer';
import { MIX_STRIDE, SOURCE_STRIDE } from './sourceMoments';
import { MATRIX_STRIDE, applyRealGains, applySpectralMatrix, constantRealGains } from './spectralMatrix';

/** What analysers made together share: the programme, its inputs and the frames analysed. */
export interface MomentInputConfig {
  readonly sampleRateHz: number;
  readonly inputCount: number;
  /** Programme length, frames: sets the number of timeline windows and when finishing stops. */
  readonly totalFrames: number;
  readonly windowSec: number;
  /**
   * Only analysis frames [first, end) of the programme (a span, for splitting the work in
   * time: see momentSpanInput); default all of them. Spans that tile the frames give sums
   * that add up (addMomentSums) to the whole programme's.
   */
  readonly frames?: MomentFrameRange;
}

/** What one analyser makes of the shared inputs. */
export interface MomentView {
  /** Track every input against the mix (scene analyses); false: the inputs are only summed. */
  readonly perInput: boolean;
  /**
   * Per input, a stereo filter applied to its frame spectrum before it joins the mix
   * (spectralMatrix.ts; MATRIX_STRIDE numbers per bin): the inputs then stand for their
   * filtered signals, e.g. a source's objects for its stereo or binaural render. Default:
   * none (the inputs as they are).
   */
  readonly inputMatrices?: readonly Float64Array[];
  /**
   * With perInput: keep only each input's own moments (PL, PR, C per band and its power
   * per window), not its products with the mix, its shares or its cross-spectrum: for
   * an analysis that reports each input's own figures beside the mix's. Default false.
   */
  readonly ownOnly?: boolean;
}

export interface MomentAnalyserConfig extends MomentInputConfig, MomentView {}

/** Analysis frames [first, end): frame j is centred on sample j hop. */
export interface MomentFrameRange {
  readonly first: number;
  readonly end: number;
}

/** An input's sums (bandMoments.ts; `bands` over the whole programme, bandCount + 1 bands), and its cross-spectrum. */
export interface InputMoments extends InputMomentSums {
  /** Cross-spectrum sum conj(L_k) R_k per bin (unscaled). */
  readonly crossRe: Float64Array;
  readonly crossIm: Float64Array;
}

/** Everything an analyser accumulates: plain typed arrays, so it can be posted between threads and added. */
export interface MomentSums {
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
}

/**
 * Spectral second-order moments of a stereo mix and of each of its inputs against it,
 * per one-third-octave band, over the whole programme and per timeline window: the
 * figures of the mono-compatibility analysis.
 *
 * The inputs (per source, the objects a scene's renderer hands out; or one finished mix)
 * arrive in chunks of any length, all inputs in step. Frames of `frameSize` samples (about 170 ms, see
 * analysisFrameSize), windowed (analysisWindow.ts: flat with sine tapers), hop 3/4 of a
 * frame, are transformed with the real FFT (frameBuffer.ts, frameSpectrum.ts: a right
 * channel that is a scaled copy of the left,
 * as a static mono object's is, takes the left's spectrum scaled instead of a transform);
 * an analyser may take each input's spectrum through a stereo filter (inputMatrices,
 * spectralMatrix.ts) to stand for its filtered signal (a source's objects through the
 * stereo fold-down's gains or the HRTFs), and analysers made together
 * (createMomentAnalysers) share the transforms, each with its own filters. By linearity
 * the mix spectrum is the sum of the inputs' spectra. Per frame and band
 * (bandMoments.ts):
 *   mix:   PL, PR, C                                 (MIX_STRIDE numbers),
 *   input: its own PL, PR, C and its four products with the mix (SOURCE_STRIDE numbers,
 *          sourceMoments.ts),
 * as weighted sums over the band's bins (bandBins.ts), scaled by hop / sum(w^2) (1 for
 * this window) so that a sum over frames is sum_n x[n]^2 over the programme (the squared
 * windows of overlapping frames add up to exactly 1 at every sample). The last "band"
 * (index bandCount) holds the bins outside 20 Hz - 20 kHz, so the sum over all bands is
 * the broadband figure. Frame j is centred on sample j hop, covers samples
 * [j hop - frameSize/2, j hop + frameSize/2) and counts towards the timeline window
 * holding its centre.
 *
 * Kept per timeline window (for the timeline and the worst moments of each source):
 * the mix's broadband moments, and per group of three adjacent bands the mix's mono
 * power PL + PR + 2C and each input's share of C (sourceMoments.ts attributedCross).
 * Also per input (or for the mix when inputs are not tracked), the cross-spectrum
 * sum conj(L) R per bin, for finding inter-channel delays (interChannelDelay.ts).
 *
 * Memory: O(inputs x (bins + windows x bandGroups)); of the audio only the current frame
 * is kept. Frames in which an input is silent cost it no transform, and add nothing.
 */
export interface MomentAnalyser extends MomentSums {
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
  /** The analysis frames this analyser computes. */
  readonly frames: MomentFrameRange;
  /** The frame's window (analysisWindow.ts). */
  readonly window: Float64Array;
  readonly fft: RealFft;
}

interface AnalyserState extends MomentAnalyser {
  readonly perInput: boolean;
  readonly inputMatrices: readonly Float64Array[] | null;
  /** Per input with a matrix, its gains when the matrix is plain real gains (constantRealGains), else null. */
  readonly inputGains: readonly (Float64Array | null)[] | null;
  readonly ownOnly: boolean;
  readonly layout: BandLayout;
  readonly mixSums: MixMomentSums;
  /** Per input, its spectrum as this analyser sees it: the shared one, or its own after the input's matrix. */
  readonly spectra: FrameSpectrum[];
  /** The sum of the inputs' spectra. */
  readonly mix: FrameSpectrum;
  readonly stream: InputStream;
}

/** The inputs' frames, transformed once for every analyser made with them. */
interface InputStream {
  readonly frameSize: number;
  readonly hop: number;
  readonly frames: MomentFrameRange;
  readonly windowFrames: number;
  readonly windowCount: number;
  readonly fft: RealFft;
  readonly bands: readonly ThirdOctaveBand[];
  /** The bands' bins and weights, the same for every analyser of the stream. */
  readonly layout: BandLayout;
  readonly energyScale: number;
  readonly scratch: FrameScratch;
  readonly buffers: StereoFrame[];
  readonly spectra: FrameSpectrum[];
  readonly analysers: AnalyserState[];
  /** Samples in the frame buffers (the same for every input). */
  filled: number;
  /** The next frame to complete. */
  framesDone: number;
}

const BANDS_PER_GROUP = 3;
/** Frame length target, seconds: long enough that a 40 ms delay is well inside it (a quarter). */
const FRAME_TARGET_SEC = 0.17;

/** The power of two nearest to FRAME_TARGET_SEC at `sampleRateHz` (8192 at 44.1 and 48 kHz). */
export function analysisFrameSize(sampleRateHz: number): number {
  return 2 ** Math.round(Math.log2(FRAME_TARGET_SEC * sampleRateHz));
}

/** Samples between analysis frames: 3/4 of a frame (analysisWindow.ts). */
function analysisHop(sampleRateHz: number): number {
  return analysisWindowHop(analysisFrameSize(sampleRateHz));
}

export function createMomentAnalyser(config: MomentAnalyserConfig): MomentAnalyser {
  return createMomentAnalysers(config, [config])[0]!;
}

/**
 * Analysers of the same inputs, one per view: each input's frames are windowed and
 * transformed once, and every analyser takes them through its own matrices. Feeding or
 * finishing any one of them feeds or finishes them all.
 */
export function createMomentAnalysers(config: MomentInputConfig, views: readonly MomentView[]): MomentAnalyser[] {
  const { sampleRateHz, inputCount, totalFrames, windowSec } = config;
  if (!(Number.isInteger(inputCount) && inputCount >= 1)) throw new Error(`moment analyser: expected at least one input, got ${inputCount}`);
  if (!(windowSec > 0)) throw new Error(`moment analyser: the window must be longer than 0 s, got ${windowSec}`);
  const frameSize = analysisFrameSize(sampleRateHz);
  const hop = analysisHop(sampleRateHz);
  const bins = frameSize / 2 + 1;
  const window = analysisWindow(frameSize);
  const frames = checkedFrameRange(config.frames, analysisFrameCount(totalFrames, sampleRateHz));
  const windowFrames = Math.max(1, Math.round(windowSec * sampleRateHz));
  const bands = thirdOctaveBands(sampleRateHz);
  const bandCount = bands.length;
  const segments = createBandBins(bands, frameSize, sampleRateHz);
  const energyScale = hop / sumOfSquares(window);
  const groupCount = Math.ceil(bandCount / BANDS_PER_GROUP) + 1;
  const groupOfBand = new Int32Array(bandCount + 1);
  for (let b = 0; b < bandCount; b++) groupOfBand[b] = Math.floor(b / BANDS_PER_GROUP);
  groupOfBand[bandCount] = groupCount - 1;
  const stream: InputStream = {
    frameSize,
    hop,
    frames,
    windowFrames,
    windowCount: Math.max(1, Math.ceil(totalFrames / windowFrames)),
    fft: createRealFft(frameSize),
    bands,
    layout: { bandCount, segments, scaledWeight: segments.weight.map((w) => w * energyScale), groupOfBand, groupCount },
    energyScale,
    scratch: { window, left: new Float64Array(frameSize), right: new Float64Array(frameSize) },
    buffers: Array.from({ length: inputCount }, () => ({ left: createFrameBuffer(frameSize), right: createFrameBuffer(frameSize) })),
    spectra: Array.from({ length: inputCount }, () => createFrameSpectrum(bins)),
    analysers: [],
    // Frame 0 is centred on sample 0: its first half is silence. A later span's first frame is all input.
    filled: frames.first === 0 ? frameSize / 2 : 0,
    framesDone: frames.first,
  };
  for (const view of views) stream.analysers.push(createAnalyserState(config, view, stream));
  return stream.analysers;
}

function createAnalyserState(config: MomentInputConfig, view: MomentView, stream: InputStream): AnalyserState {
  const { sampleRateHz, inputCount, totalFrames } = config;
  const { frameSize, hop, frames, windowFrames, windowCount, fft, bands, layout, energyScale } = stream;
  const { bandCount, groupCount } = layout;
  const bins = frameSize / 2 + 1;
  const window = stream.scratch.window;
  const inputMatrices = checkedMatrices(view.inputMatrices, inputCount, bins);
  const mixBands = new Float64Array(MIX_STRIDE * (bandCount + 1));
  const windowMix = new Float64Array(MIX_STRIDE * windowCount);
  const windowGroupMono = new Float64Array(groupCount * windowCount);
  const perInput = view.perInput;
  return {
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
    frames,
    window,
    mixBands,
    windowMix,
    windowGroupMono,
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
    fft,
    perInput,
    inputMatrices,
    inputGains: inputMatrices === null ? null : inputMatrices.map(constantRealGains),
    ownOnly: perInput && view.ownOnly === true,
    layout,
    mixSums: { bands: mixBands, window: windowMix, windowGroupMono },
    // Without matrices the analyser reads the shared spectra as they are.
    spectra: inputMatrices === null ? stream.spectra : stream.spectra.map(() => createFrameSpectrum(bins)),
    mix: createFrameSpectrum(bins),
    stream,
  };
}

/**
 * Adds the next `frames` frames of every input: inputs[i] = [left, right] of input i, each
 * at least `frames` long (a single channel stands for both). Feeds every analyser made
 * with this one (createMomentAnalysers).
 */
export function feedMomentAnalyser(analyser: MomentAnalyser, inputs: readonly (readonly Float32Array[])[], frames: number): void {
  const stream = (analyser as AnalyserState).stream;
  if (inputs.length !== stream.buffers.length) {
    throw new Error(`moment analyser: expected ${stream.buffers.length} inputs, got ${inputs.length}`);
  }
  let done = 0;
  while (done < frames) {
    const count = Math.min(frames - done, stream.frameSize - stream.filled);
    for (let i = 0; i < inputs.length; i++) {
      const channels = inputs[i]!;
      const left = channels[0]!;
      const buffer = stream.buffers[i]!;
      appendToFrame(buffer.left, left, done, stream.filled, count);
      appendToFrame(buffer.right, channels[1] ?? left, done, stream.filled, count);
    }
    stream.filled += count;
    done += count;
    if (stream.filled === stream.frameSize) completeFrame(stream);
  }
}

/** Feeds silence until every frame of the analysers' range has been analysed (the end of the programme). */
export function finishMomentAnalyser(analyser: MomentAnalyser): void {
  const stream = (analyser as AnalyserState).stream;
  while (stream.framesDone < stream.frames.end) {
    for (const buffer of stream.buffers) {
      silenceFrameFrom(buffer.left, stream.filled);
      silenceFrameFrom(buffer.right, stream.filled);
    }
    stream.filled = stream.frameSize;
    completeFrame(stream);
  }
}

function completeFrame(stream: InputStream): void {
  // Input past the range's last frame (a chunk running over a span's end) is not analysed.
  if (stream.framesDone < stream.frames.end) {
    const windowIndex = Math.min(stream.windowCount - 1, Math.floor((stream.framesDone * stream.hop) / stream.windowFrames));
    for (let i = 0; i < stream.spectra.length; i++) transformStereoFrame(stream.fft, stream.buffers[i]!, stream.scratch, stream.spectra[i]!);
    for (let a = 0; a < stream.analysers.length; a++) analyseFrame(stream.analysers[a]!, windowIndex);
    stream.framesDone++;
  }
  for (const buffer of stream.buffers) {
    advanceFrame(buffer.left, stream.hop);
    advanceFrame(buffer.right, stream.hop);
  }
  stream.filled = stream.frameSize - stream.hop;
}

/** Adds the frame's moments: the inputs' spectra through the analyser's matrices, and their sum. */
function analyseFrame(state: AnalyserState, windowIndex: number): void {
  const { mix, spectra, inputs, inputMatrices, inputGains } = state;
  const shared = state.stream.spectra;
  clearFrameSpectrum(mix);
  for (let i = 0; i < spectra.length; i++) {
    if (inputMatrices !== null) {
      const gains = inputGains![i]!;
      if (gains !== null) applyRealGains(shared[i]!, gains, spectra[i]!);
      else applySpectralMatrix(shared[i]!, inputMatrices[i]!, spectra[i]!);
    }
    addFrameSpectrum(spectra[i]!, mix);
  }
  // A silent frame adds nothing.
  if (mix.silent) return;
  accumulateMixMoments(state.layout, mix, state.mixSums, windowIndex);
  for (let i = 0; i < inputs.length; i++) {
    const spectrum = spectra[i]!;
    if (spectrum.silent) continue;
    if (state.ownOnly) {
      accumulateOwnMoments(state.layout, spectrum, inputs[i]!, windowIndex);
      continue;
    }
    accumulateInputMoments(state.layout, spectrum, mix, inputs[i]!, windowIndex);
    accumulateCrossSpectrum(spectrum, inputs[i]!.crossRe, inputs[i]!.crossIm);
  }
  if (!state.perInput) accumulateCrossSpectrum(mix, state.mixCrossRe, state.mixCrossIm);
}

/** Frames that overlap a programme of `totalFrames` samples (at least one): those with j hop - frameSize/2 < totalFrames. */
export function analysisFrameCount(totalFrames: number, sampleRateHz: number): number {
  const frameSize = analysisFrameSize(sampleRateHz);
  return Math.max(1, Math.ceil((totalFrames + frameSize / 2) / analysisHop(sampleRateHz)));
}

function checkedMatrices(matrices: readonly Float64Array[] | undefined, inputCount: number, bins: number): readonly Float64Array[] | null {
  if (matrices === undefined) return null;
  if (matrices.length !== inputCount) throw new Error(`moment analyser: expected a matrix per input (${inputCount}), got ${matrices.length}`);
  matrices.forEach((matrix, i) => {
    if (matrix.length !== MATRIX_STRIDE * bins) {
      throw new Error(`moment analyser: input ${i}'s matrix has ${matrix.length} numbers, expected ${MATRIX_STRIDE} per bin (${MATRIX_STRIDE * bins})`);
    }
  });
  return matrices;
}

function checkedFrameRange(range: MomentFrameRange | undefined, count: number): MomentFrameRange {
  if (range === undefined) return { first: 0, end: count };
  const { first, end } = range;
  if (!(Number.isInteger(first) && Number.isInteger(end) && first >= 0 && first < end && end <= count)) {
    throw new Error(`moment analyser: expected a frame range with 0 <= first < end <= ${count}, got [${first}, ${end})`);
  }
  return range;
}

/**
 * The programme samples a span's analyser must be fed, [start, end): from the start of
 * its first frame to the end of its last (the programme's end for the last span, whose
 * remaining frames finishMomentAnalyser completes with silence).
 */
export function momentSpanInput(analyser: MomentAnalyser): { start: number; end: number } {
  const { hop, frames, totalFrames, frameSize } = analyser;
  return { start: Math.max(0, frames.first * hop - frameSize / 2), end: Math.min(totalFrames, (frames.end - 1) * hop + frameSize / 2) };
}

/** The sums alone (for posting to another thread). */
export function momentSumsOf(analyser: MomentAnalyser): MomentSums {
  const { mixBands, windowMix, windowGroupMono, inputs, mixCrossRe, mixCrossIm } = analyser;
  return { mixBands, windowMix, windowGroupMono, inputs, mixCrossRe, mixCrossIm };
}

/** into += from, array by array: the sums of another span of the same programme and configuration. */
export function addMomentSums(into: MomentSums, from: MomentSums): void {
  if (from.inputs.length !== into.inputs.length) {
    throw new Error(`moment analyser: cannot add sums of ${from.inputs.length} inputs to sums of ${into.inputs.length}`);
  }
  addArray(into.mixBands, from.mixBands);
  addArray(into.windowMix, from.windowMix);
  addArray(into.windowGroupMono, from.windowGroupMono);
  addArray(into.mixCrossRe, from.mixCrossRe);
  addArray(into.mixCrossIm, from.mixCrossIm);
  into.inputs.forEach((input, i) => {
    const other = from.inputs[i]!;
    addArray(input.bands, other.bands);
    addArray(input.windowGroupShare, other.windowGroupShare);
    addArray(input.windowPower, other.windowPower);
    addArray(input.crossRe, other.crossRe);
    addArray(input.crossIm, other.crossIm);
  });
}

/** into[i] += from[i]: sums of another span (arrays of one length). */
export function addArray(into: Float64Array | Float32Array, from: Float64Array | Float32Array): void {
  if (from.length !== into.length) throw new Error(`moment analyser: cannot add ${from.length} sums to ${into.length}`);
  for (let i = 0; i < into.length; i++) into[i] = into[i]! + from[i]!;
}
