import type { Scene, SceneSource } from '../../core/scene';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import type { MonoLaw } from '../../core/monoLaw';
import type { OutputFormat } from '../renderBlock';
import { createSceneRenderer, renderFrames, seekRenderer } from '../sceneRenderer';
import type { RenderOutputs, SceneRenderer } from '../sceneRenderer';

/**
 * Each audible source rendered alone: a one-source scene (same listener, same master)
 * through the studio's own renderer, so the analysis hears exactly what the studio plays.
 * The renderer hands out the source's objects (what feeds every bus; the analysis takes
 * them through the buses' responses, objectResponses.ts) and, for the formats asked, the
 * source's contribution to those renders; by linearity the contributions add up to the
 * full render. Rendered chunk by chunk into reusable buffers: nothing of the whole
 * programme is kept.
 */
export interface SourceContributions {
  readonly chunkFrames: number;
  /** Per source: [left, right] of the last chunk, per rendered format. */
  readonly stereo: readonly (readonly [Float32Array, Float32Array])[];
  readonly binaural: readonly (readonly [Float32Array, Float32Array])[];
  /** Per source: its objects' signals of the last chunk, one per stem channel. */
  readonly objects: readonly (readonly Float32Array[])[];
  readonly renderers: readonly SceneRenderer[];
  /** Per renderer, its chunk buffers as render outputs. */
  readonly outputs: readonly RenderOutputs[];
}

/** Frames per rendered chunk: 16384 (a third of a second at 48 kHz), so memory stays small. */
export const CONTRIBUTION_CHUNK_FRAMES = 16384;

/** What to render: `sources` (audible ones of `scene`) with their stems, their objects and `formats`. */
export interface ContributionRequest {
  readonly scene: Scene;
  readonly sources: readonly SceneSource[];
  readonly stems: readonly (readonly Float32Array[])[];
  /** The formats rendered besides the objects (none for an analysis alone). */
  readonly formats: readonly OutputFormat[];
  readonly hrtf: HrtfGrid | undefined;
  readonly monoLaw: MonoLaw;
}

export function createSourceContributions(request: ContributionRequest): SourceContributions {
  const { scene, sources, stems, formats, hrtf, monoLaw } = request;
  const renderers = sources.map((source, i) => {
    const alone: Scene = { ...scene, sources: [{ ...source, mute: false, solo: false }] };
    return createSceneRenderer(alone, [stems[i]!], { formats, monoLaw, ...(hrtf === undefined ? {} : { hrtf }) });
  });
  const pair = (): [Float32Array, Float32Array] => [new Float32Array(CONTRIBUTION_CHUNK_FRAMES), new Float32Array(CONTRIBUTION_CHUNK_FRAMES)];
  const stereo = formats.includes('stereo') ? sources.map(pair) : [];
  const binaural = formats.includes('binaural') ? sources.map(pair) : [];
  const objects = stems.map((channels) => channels.map(() => new Float32Array(CONTRIBUTION_CHUNK_FRAMES)));
  return {
    chunkFrames: CONTRIBUTION_CHUNK_FRAMES,
    stereo,
    binaural,
    objects,
    renderers,
    outputs: sources.map((_, i) => ({
      ...(stereo[i] === undefined ? {} : { stereo: stereo[i] }),
      ...(binaural[i] === undefined ? {} : { binaural: binaural[i] }),
      objects: objects[i]!,
    })),
  };
}

/** Moves every contribution's playhead to `frame` (fresh DSP state, as the renderer seeks). */
export function seekContributions(contributions: SourceContributions, frame: number): void {
  for (const renderer of contributions.renderers) seekRenderer(renderer, frame);
}

/** Renders the next `frames` (at most chunkFrames) of every contribution into the chunk buffers. */
export function renderContributionChunk(contributions: SourceContributions, frames: number): void {
  contributions.renderers.forEach((renderer, i) => renderFrames(renderer, contributions.outputs[i]!, frames));
}
