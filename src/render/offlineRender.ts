import { renderFrames } from './sceneRenderer';
import type { RenderOutputs, SceneRenderer } from './sceneRenderer';

/** A whole render: planar channels per format, each renderer.lengthFrames long. */
export interface RenderedScene {
  readonly binaural?: [Float32Array, Float32Array];
  readonly stereo?: [Float32Array, Float32Array];
  readonly mono?: Float32Array;
}

/** Frames rendered between progress reports (and per call into the renderer). */
const CHUNK_FRAMES = 16384;

/**
 * Renders the renderer's whole length from its current playhead (normally 0) into new
 * buffers, calling `onProgress(fraction)` between chunks.
 */
export function renderWholeScene(renderer: SceneRenderer, onProgress?: (fraction: number) => void): RenderedScene {
  const length = renderer.lengthFrames;
  const stereoPair = (): [Float32Array, Float32Array] => [new Float32Array(length), new Float32Array(length)];
  const result: RenderedScene = {
    ...(renderer.formats.includes('binaural') ? { binaural: stereoPair() } : {}),
    ...(renderer.formats.includes('stereo') ? { stereo: stereoPair() } : {}),
    ...(renderer.formats.includes('mono') ? { mono: new Float32Array(length) } : {}),
  };
  for (let start = 0; start < length; start += CHUNK_FRAMES) {
    const frames = Math.min(CHUNK_FRAMES, length - start);
    const end = start + frames;
    const outputs: RenderOutputs = {
      ...(result.binaural ? { binaural: [result.binaural[0].subarray(start, end), result.binaural[1].subarray(start, end)] } : {}),
      ...(result.stereo ? { stereo: [result.stereo[0].subarray(start, end), result.stereo[1].subarray(start, end)] } : {}),
      ...(result.mono ? { mono: result.mono.subarray(start, end) } : {}),
    };
    renderFrames(renderer, outputs, frames);
    onProgress?.(end / length);
  }
  return result;
}
