import { isNeutral, midSideOrDefault } from '../../core/scene/midSideSettings';
import type { Scene } from '../../core/scene/scene';
import { MATRIX_STRIDE } from '../../dsp/analysis/spectralMatrix';
import { createRealFft, realFftForward } from '../../dsp/fft';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { createMidSideProcessor } from '../../dsp/midside/midSideControl';
import { midSideStereoMatrix } from '../../dsp/midside/midSideResponse';
import { stereoOutput } from '../../core/outputs/studioOutputs';
import { binauralPartitions, buildBinauralFilterTaps, createBinauralFilterBuilder } from '../buses/binaural/binauralFilterBuilder';
import { createLayoutPanner } from '../buses/layoutPanners';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { objectHeadDirection } from '../sceneRenderer';
import type { SceneRenderer } from '../sceneRenderer';
import type { AnalysedFormat } from '../../core/monoAnalysis/monoAnalysisTypes';

/**
 * Per source, the response from its objects' signals to its share of a render, at the
 * bins of an analysis frame (spectralMatrix.ts): for 'stereo', each object's gains in
 * the BS.2127 fold-down (the 0+2+0 loudspeaker bus's panner, buses/layoutPanners.ts) for where it stands; for 'binaural', each
 * object's filter pair on the binaural bus (buildBinauralFilterTaps: the taps the bus
 * convolves with); then, for both, the master's mid/side stage, settled
 * (midSideResponse.ts). In a scene that does not move, which is what an analysis
 * renders, each render is this filter of the objects; applied to the objects' analysis
 * frames it gives the render's frames without running a bus. The stereo gains are
 * constants, so with a neutral master the stereo frames are exact; the filters' framing
 * error is what spectralMatrix.ts describes.
 *
 * renderers[i] renders source i alone (sourceContributions.ts); its objects are the
 * stem's channels, left then right (input i of the analyser: [left, right], or the one
 * object of a mono stem standing for both).
 */
export function sourceResponseMatrices(
  scene: Scene,
  renderers: readonly SceneRenderer[],
  objectCounts: readonly number[],
  format: AnalysedFormat,
  hrtf: HrtfGrid | undefined,
  frameSize: number,
): Float64Array[] {
  const bins = frameSize / 2 + 1;
  const objectResponse = format === 'stereo' ? stereoGainResponses() : binauralResponses(requireHrtf(hrtf), frameSize);
  const master = masterMatrix(scene, bins, frameSize);
  const direction = new Float64Array(3);
  return renderers.map((renderer, i) => {
    const matrix = new Float64Array(MATRIX_STRIDE * bins);
    // Column 0 (a, c) takes the left object, column 1 (b, d) the right one.
    for (let o = 0; o < objectCounts[i]!; o++) {
      objectHeadDirection(renderer, o, direction);
      objectResponse(direction, matrix, 2 * o);
    }
    if (master !== null) multiplyMatrices(master, matrix);
    return matrix;
  });
}

/** Writes an object's (left ear or channel, right) response into one column of a matrix: rows at `column` and `column` + 4 of every bin. */
type ObjectResponse = (direction: Float64Array, matrix: Float64Array, column: number) => void;

function requireHrtf(hrtf: HrtfGrid | undefined): HrtfGrid {
  if (hrtf === undefined) throw new Error('mono analysis: the binaural render needs an HRTF set');
  return hrtf;
}

/** The stereo fold-down: real gains, the same at every bin. */
function stereoGainResponses(): ObjectResponse {
  const panner = createLayoutPanner(stereoOutput().layout);
  const gains = new Float64Array(2);
  return (direction, matrix, column) => {
    panner.gains(direction[0]!, direction[1]!, direction[2]!, gains);
    for (let m = column; m < matrix.length; m += MATRIX_STRIDE) {
      matrix[m] = gains[0]!;
      matrix[m + 4] = gains[1]!;
    }
  };
}

/** The binaural bus: the two ears' filter taps, transformed at the frame's size. */
function binauralResponses(hrtf: HrtfGrid, frameSize: number): ObjectResponse {
  const blockFft = createRealFft(2 * RENDER_BLOCK_FRAMES);
  const builder = createBinauralFilterBuilder(hrtf, blockFft, binauralPartitions(hrtf, RENDER_BLOCK_FRAMES));
  const frameFft = createRealFft(frameSize);
  const taps = [new Float64Array(builder.filterLength), new Float64Array(builder.filterLength)] as const;
  const padded = new Float64Array(frameSize);
  const re = new Float64Array(frameFft.bins);
  const im = new Float64Array(frameFft.bins);
  return (direction, matrix, column) => {
    buildBinauralFilterTaps(builder, direction[0]!, direction[1]!, direction[2]!, 0, taps[0], taps[1]);
    taps.forEach((ear, row) => {
      padded.fill(0);
      padded.set(ear);
      realFftForward(frameFft, padded, re, im);
      for (let k = 0, m = column + 4 * row; k < re.length; k++, m += MATRIX_STRIDE) {
        matrix[m] = re[k]!;
        matrix[m + 1] = im[k]!;
      }
    });
  };
}

/** The master's mid/side stage as a matrix per bin; null when it is neutral (a plain copy). */
function masterMatrix(scene: Scene, bins: number, frameSize: number): Float64Array | null {
  const settings = midSideOrDefault(scene.master?.midSide);
  if (isNeutral(settings)) return null;
  const frequencies = Float64Array.from({ length: bins }, (_, k) => (k * scene.sampleRateHz) / frameSize);
  const matrix = new Float64Array(MATRIX_STRIDE * bins);
  midSideStereoMatrix(createMidSideProcessor({ params: settings }, scene.sampleRateHz), frequencies, matrix);
  return matrix;
}

/** into <- first x into, bin by bin (complex 2x2 products). */
function multiplyMatrices(first: Float64Array, into: Float64Array): void {
  for (let m = 0; m < into.length; m += MATRIX_STRIDE) {
    for (let column = 0; column < 2; column++) {
      // The column (top, bottom) of `into`: a, c or b, d.
      const t = m + 2 * column;
      const b = t + 4;
      const topRe = into[t]!, topIm = into[t + 1]!, bottomRe = into[b]!, bottomIm = into[b + 1]!;
      into[t] = first[m]! * topRe - first[m + 1]! * topIm + first[m + 2]! * bottomRe - first[m + 3]! * bottomIm;
      into[t + 1] = first[m]! * topIm + first[m + 1]! * topRe + first[m + 2]! * bottomIm + first[m + 3]! * bottomRe;
      into[b] = first[m + 4]! * topRe - first[m + 5]! * topIm + first[m + 6]! * bottomRe - first[m + 7]! * bottomIm;
      into[b + 1] = first[m + 4]! * topIm + first[m + 5]! * topRe + first[m + 6]! * bottomIm + first[m + 7]! * bottomRe;
    }
  }
}
