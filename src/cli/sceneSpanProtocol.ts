import type { Scene } from '../core/scene';
import type { MomentFrameRange } from '../dsp/analysis/monoMomentAnalyser';
import type { SceneMonoAnalysisOptions } from '../render/analysis/sceneAnalysisSetup';
import type { SceneSpanMoments } from '../render/analysis/sceneSpanMoments';

/**
 * One span of a scene's mono analysis for a worker thread (sceneSpanWorker.ts). The stems
 * are Float32Arrays over SharedArrayBuffers, so posting them shares the audio.
 */
export interface SceneSpanJob {
  readonly scene: Scene;
  readonly stems: readonly (readonly Float32Array[])[];
  readonly options: Omit<SceneMonoAnalysisOptions, 'onProgress'>;
  readonly span: MomentFrameRange;
}

/** What the worker answers: progress (the fraction of its span) now and then, then the span's sums or why it failed. */
export type SceneSpanMessage =
  | { readonly kind: 'progress'; readonly fraction: number }
  | { readonly kind: 'done'; readonly moments: SceneSpanMoments }
  | { readonly kind: 'error'; readonly message: string };
