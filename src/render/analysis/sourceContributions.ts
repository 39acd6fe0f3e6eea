import type { Scene, SceneSource } from '../../core/scene';
import { audibleSources } from '../../core/scene';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import type { MonoLaw } from '../monoFoldDown';
import type { OutputFormat } from '../renderBlock';
import { createSceneRenderer, renderFrames } from '../sceneRenderer';
import type { RenderOutputs, SceneRenderer } from '../sceneRenderer';

/**
 * Each audible source's contribution to the scene's output, rendered alone: a one-source
 * scene (same listener, same master) through the studio's own renderer, so the analysis
 * hears exactly what the studio plays, and by linearity the contributions add up to the
 * full render. Rendered chunk by chunk into reusable buffers: nothing of the whole
 * programme is kept.
 */
export interface SourceContributions {
  readonly sources: readonly SceneSource[];
  /** Frames of a complete render of the whole scene (longest stem plus tail). */
  readonly lengthFrames: number;
  readonly chunkFrames: number;
  /** Per source: [left, right] of the last chunk, per rendered format. */
  readonly stereo: readonly (readonly [Float32Array, Float32Array])[];
  readonly binaural: readonly (readonly [Float32Array, Float32Array])[];
  readonly renderers: readonly SceneRenderer[];
  /** Per renderer, its chunk buffers as render outputs. */
  readonly outputs: readonly RenderOutputs[];
}

/** Frames per rendered chunk: 16384 (a third of a second at 48 kHz), so memory stays small. */
const CONTRIBUTION_CHUNK_FRAMES = 16384;

export function createSourceContributions(
  scene: Scene,
  stems: readonly (readonly Float32Array[])[],
  formats: readonly OutputFormat[],
  hrtf: HrtfGrid | undefined,
  monoLaw: MonoLaw | undefined,
): SourceContributions {
  if (stems.length !== scene.sources.length) {
    throw new Error(`mono analysis: expected stems for ${scene.sources.length} sources, got ${stems.length}`);
  }
  const sources = audibleSources(scene);
  const renderers = sources.map((source) => {
    const index = scene.sources.indexOf(source);
    const alone: Scene = { ...scene, sources: [{ ...source, mute: false, solo: false }] };
    return createSceneRenderer(alone, [stems[index]!], {
      formats,
      ...(hrtf === undefined ? {} : { hrtf }),
      ...(monoLaw === undefined ? {} : { monoLaw }),
    });
  });
  const pair = (): [Float32Array, Float32Array] => [new Float32Array(CONTRIBUTION_CHUNK_FRAMES), new Float32Array(CONTRIBUTION_CHUNK_FRAMES)];
  const stereo = formats.includes('stereo') ? sources.map(pair) : [];
  const binaural = formats.includes('binaural') ? sources.map(pair) : [];
  return {
    sources,
    lengthFrames: renderers.reduce((longest, r) => Math.max(longest, r.lengthFrames), 0),
    chunkFrames: CONTRIBUTION_CHUNK_FRAMES,
    stereo,
    binaural,
    renderers,
    outputs: sources.map((_, i) => ({
      ...(stereo[i] === undefined ? {} : { stereo: stereo[i] }),
      ...(binaural[i] === undefined ? {} : { binaural: binaural[i] }),
    })),
  };
}

/** Renders the next `frames` (at most chunkFrames) of every contribution into the chunk buffers. */
export function renderContributionChunk(contributions: SourceContributions, frames: number): void {
  contributions.renderers.forEach((renderer, i) => renderFrames(renderer, contributions.outputs[i]!, frames));
}
