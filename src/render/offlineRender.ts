import type { RenderedOutput } from '../core/outputs/renderedOutput';
import { renderFrames } from './sceneRenderer';
import type { SceneRenderer } from './sceneRenderer';

/** Frames rendered between progress reports (and per call into the renderer). */
const CHUNK_FRAMES = 16384;

/**
 * Renders the renderer's whole length from its current playhead (normally 0) into new
 * buffers, one per channel of each of its outputs (in the renderer's output order, each
 * renderer.lengthFrames long),
 * calling `onProgress(fraction)` between chunks.
 */
export function renderWholeScene(renderer: SceneRenderer, onProgress?: (fraction: number) => void): RenderedOutput[] {
  const length = renderer.lengthFrames;
  const rendered = renderer.outputs.map((output) => ({ output, channels: output.channels.map(() => new Float32Array(length)) }));
  for (let start = 0; start < length; start += CHUNK_FRAMES) {
    const frames = Math.min(CHUNK_FRAMES, length - start);
    const end = start + frames;
    renderFrames(renderer, { outputs: rendered.map(({ channels }) => channels.map((channel) => channel.subarray(start, end))) }, frames);
    onProgress?.(end / length);
  }
  return rendered;
}
