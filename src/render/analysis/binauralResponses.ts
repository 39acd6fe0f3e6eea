import { isNeutral, midSideOrDefault } from '../../core/midSideSettings';
import type { Scene } from '../../core/scene';
import { MATRIX_STRIDE } from '../../dsp/analysis/spectralMatrix';
import { createRealFft, realFftForward } from '../../dsp/fft';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { createMidSideProcessor } from '../../dsp/midside/midSideProcessor';
import { midSideStereoMatrix } from '../../dsp/midside/midSideResponse';
import { binauralPartitions, buildBinauralFilterTaps, createBinauralFilterBuilder } from '../binaural/binauralFilterBuilder';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { objectHeadDirection } from '../sceneRenderer';
import type { SceneRenderer } from '../sceneRenderer';

/**
 * Per source, the response from its objects' signals to its share of the binaural render,
 * at the bins of an analysis frame (spectralMatrix.ts): each object through the binaural
 * bus's own filter pair for where it stands (buildBinauralFilterTaps: the taps the bus
 * convolves with), then the master's mid/side stage, settled (midSideResponse.ts). In a
 * scene that does not move, which is what an analysis renders, the binaural render is
 * this filter of the objects; applied to the objects' analysis frames it gives the
 * render's frames without running the bus (spectralMatrix.ts says how close).
 *
 * renderers[i] renders source i alone (sourceContributions.ts); its objects are the
 * stem's channels, left then right (input i of the analyser: [left, right], or the one
 * object of a mono stem standing for both).
 */
export function binauralSourceMatrices(scene: Scene, renderers: readonly SceneRenderer[], objectCounts: readonly number[], hrtf: HrtfGrid, frameSize: number): Float64Array[] {
  const bins = frameSize / 2 + 1;
  const ears = objectEarResponses(hrtf, frameSize);
  const master = masterMatrix(scene, bins, frameSize);
  return renderers.map((renderer, i) => {
    const matrix = new Float64Array(MATRIX_STRIDE * bins);
    // Column 0 (a, c) takes the left object, column 1 (b, d) the right one.
    for (let o = 0; o < objectCounts[i]!; o++) {
      const { left, right } = ears(renderer, o);
      for (let k = 0; k < bins; k++) {
        const m = MATRIX_STRIDE * k + 2 * o;
        matrix[m] = left.re[k]!;
        matrix[m + 1] = left.im[k]!;
        matrix[m + 4] = right.re[k]!;
        matrix[m + 5] = right.im[k]!;
      }
    }
    if (master !== null) multiplyMatrices(master, matrix);
    return matrix;
  });
}

interface Response {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** A function giving an object's two ear responses at the frame's bins (fresh arrays each call). */
function objectEarResponses(hrtf: HrtfGrid, frameSize: number): (renderer: SceneRenderer, objectIndex: number) => { left: Response; right: Response } {
  const blockFft = createRealFft(2 * RENDER_BLOCK_FRAMES);
  const builder = createBinauralFilterBuilder(hrtf, blockFft, binauralPartitions(hrtf, RENDER_BLOCK_FRAMES));
  const frameFft = createRealFft(frameSize);
  const direction = new Float64Array(3);
  const leftTaps = new Float64Array(builder.filterLength);
  const rightTaps = new Float64Array(builder.filterLength);
  const padded = new Float64Array(frameSize);
  const responseOf = (taps: Float64Array): Response => {
    padded.fill(0);
    padded.set(taps);
    const response = { re: new Float64Array(frameFft.bins), im: new Float64Array(frameFft.bins) };
    realFftForward(frameFft, padded, response.re, response.im);
    return response;
  };
  return (renderer, objectIndex) => {
    objectHeadDirection(renderer, objectIndex, direction);
    buildBinauralFilterTaps(builder, direction[0]!, direction[1]!, direction[2]!, 0, leftTaps, rightTaps);
    return { left: responseOf(leftTaps), right: responseOf(rightTaps) };
  };
}

/** The master's mid/side stage on the binaural render as a matrix per bin; null when it is neutral (a plain copy). */
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
