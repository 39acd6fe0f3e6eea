import type { Scene } from '../core/scene';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import type { AnalysedFormat, MonoAnalysis } from '../render/analysis/monoAnalysisTypes';
import type { MonoLaw } from '../render/monoFoldDown';

/**
 * One mono-compatibility analysis for the analysis worker. The stems are the engine's
 * (Float32Arrays over SharedArrayBuffers: posting shares them, nothing is copied);
 * stems[i] belongs to scene.sources[i].
 */
export interface AnalysisRequest {
  readonly id: number;
  readonly scene: Scene;
  readonly stems: readonly (readonly Float32Array[])[];
  /** The HRTF grid at the scene's rate, for the binaural render and its mono survival. */
  readonly grid: HrtfGrid;
  readonly format: AnalysedFormat;
  readonly monoLaw: MonoLaw;
}

/** What the worker answers: progress now and then, then the result or the reason it failed. */
export type AnalysisMessage =
  | { readonly id: number; readonly kind: 'progress'; readonly fraction: number }
  | { readonly id: number; readonly kind: 'done'; readonly analysis: MonoAnalysis }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** The worker reports progress whenever it has moved by at least this fraction (and at 0 and 1). */
export const PROGRESS_STEP = 0.01;
