import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import type { AnalysisContributor } from './analysisContributors';
import { createSceneRenderer, renderFrames, seekRenderer } from '../sceneRenderer';
import type { RenderTargets, SceneRenderer } from '../sceneRenderer';

/**
 * Each audible object, bed and HOA stem rendered alone (analysisContributors.ts: a scene of that one, same listener, same master)
 * through the studio's own renderer, so the analysis hears exactly what the studio plays.
 * The renderer hands out the source's objects (what feeds every bus; the analysis takes
 * them through the buses' responses, objectResponses.ts) and, for the outputs asked, the
 * source's contribution to those outputs; by linearity the contributions add up to the
 * full render. Rendered chunk by chunk into reusable buffers: nothing of the whole
 * programme is kept.
 */
export interface SourceContributions {
  readonly chunkFrames: number;
  /** The outputs rendered besides the objects. */
  readonly outputs: readonly OutputDefinition[];
  /** rendered[s][k]: contributor s's contribution to outputs[k] in the last chunk, one array per channel. */
  readonly rendered: readonly (readonly (readonly Float32Array[])[])[];
  /** Per contributor: its objects' signals of the last chunk, one per stem channel. */
  readonly objects: readonly (readonly Float32Array[])[];
  readonly renderers: readonly SceneRenderer[];
  /** Per renderer, its chunk buffers as render targets. */
  readonly targets: readonly RenderTargets[];
}

/** Frames per rendered chunk: 16384 (a third of a second at 48 kHz), so memory stays small. */
const CONTRIBUTION_CHUNK_FRAMES = 16384;

/** What to render: each of `contributors` alone, its objects and `outputs`. */
export interface ContributionRequest {
  readonly contributors: readonly AnalysisContributor[];
  /** The outputs rendered besides the objects (none for an analysis alone). */
  readonly outputs: readonly OutputDefinition[];
  readonly hrtf: HrtfGrid | undefined;
}

export function createSourceContributions(request: ContributionRequest): SourceContributions {
  const { contributors, outputs, hrtf } = request;
  const renderers = contributors.map((c) => createSceneRenderer(c.alone, [c.stem], { outputs, ...(hrtf === undefined ? {} : { hrtf }) }));
  const chunk = (): Float32Array => new Float32Array(CONTRIBUTION_CHUNK_FRAMES);
  const rendered = contributors.map(() => outputs.map((output) => output.channels.map(chunk)));
  const objects = contributors.map((c) => c.stem.map(chunk));
  return {
    chunkFrames: CONTRIBUTION_CHUNK_FRAMES,
    outputs,
    rendered,
    objects,
    renderers,
    targets: contributors.map((_, i) => ({ outputs: rendered[i]!, objects: objects[i]! })),
  };
}

/** Moves every contribution's playhead to `frame` (fresh DSP state, as the renderer seeks). */
export function seekContributions(contributions: SourceContributions, frame: number): void {
  for (const renderer of contributions.renderers) seekRenderer(renderer, frame);
}

/** Renders the next `frames` (at most chunkFrames) of every contribution into the chunk buffers. */
export function renderContributionChunk(contributions: SourceContributions, frames: number): void {
  contributions.renderers.forEach((renderer, i) => renderFrames(renderer, contributions.targets[i]!, frames));
}
