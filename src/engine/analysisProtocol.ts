import type { Scene } from '../core/scene';
import type { MomentFrameRange } from '../dsp/analysis/monoMomentAnalyser';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import type { AnalysedFormat } from '../core/monoAnalysis/monoAnalysisTypes';
import type { SceneSpanMoments } from '../render/analysis/sceneSpanMoments';
import type { MonoLaw } from '../core/monoLaw';

/** One mono-compatibility analysis, as the engine asks for it. stems[i] belongs to scene.sources[i]. */
export interface AnalysisJob {
  readonly scene: Scene;
  /** The engine's stems: Float32Arrays over SharedArrayBuffers, so posting them shares the audio. */
  readonly stems: readonly (readonly Float32Array[])[];
  /** The HRTF grid at the scene's rate, for the binaural render and its mono survival. */
  readonly grid: HrtfGrid;
  readonly format: AnalysedFormat;
  readonly monoLaw: MonoLaw;
}

/** One span of an analysis, for one analysis worker (analysisInSpans.ts). */
export interface AnalysisSpanRequest extends AnalysisJob {
  readonly id: number;
  readonly span: MomentFrameRange;
}

/** What a worker answers: progress (the fraction of its span) now and then, then the span's sums or why it failed. */
export type AnalysisMessage =
  | { readonly id: number; readonly kind: 'progress'; readonly fraction: number }
  | { readonly id: number; readonly kind: 'done'; readonly moments: SceneSpanMoments }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** A worker reports progress whenever it has moved by at least this fraction of its span. */
export const PROGRESS_STEP = 0.01;
