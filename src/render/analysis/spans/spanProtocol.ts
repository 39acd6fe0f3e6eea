import type { Scene } from '../../../core/scene/scene';
import type { MomentFrameRange } from '../../../dsp/analysis/monoMomentAnalyser';
import type { SceneMonoAnalysisOptions } from '../sceneAnalysisSetup';
import type { SceneSpanMoments } from '../sceneSpanMoments';

/**
 * The messages between a host and its analysis workers, the same for Node worker
 * threads (src/cli) and Web Workers (src/engine): the host sends a request per span, a
 * worker answers with progress now and then, then the span's sums or why it failed
 * (analysisInSpans.ts handles both sides).
 *
 * Cancelling is not a message: a worker measures its span synchronously and reads no
 * message until it is done, so a host cancels by terminating its workers
 * (SpanWorkers.stop), and the run rejects with the host's error (SpanRun.fail).
 */

/**
 * A scene's analysis, as every span of it is measured and concluded. stems: those of
 * scene.sources, then scene.beds, then scene.ambisonics (createSceneRenderer's order); over SharedArrayBuffers, posting them shares the audio with a worker.
 */
export interface SpanJob {
  readonly scene: Scene;
  readonly stems: readonly (readonly Float32Array[])[];
  /** All the analysis's options but the callback, which stays with the host. */
  readonly options: Omit<SceneMonoAnalysisOptions, 'onProgress'>;
}

/** Host to worker: measure span `index` (of the run `run`), the analysis frames `span` of the job. */
export interface SpanRequest extends SpanJob {
  readonly run: number;
  readonly index: number;
  readonly span: MomentFrameRange;
}

/** Worker to host, about span `index` of run `run`: progress (the fraction of the span measured), then its sums or an error. */
export type SpanReply =
  | { readonly run: number; readonly index: number; readonly kind: 'progress'; readonly fraction: number }
  | { readonly run: number; readonly index: number; readonly kind: 'sums'; readonly moments: SceneSpanMoments }
  | { readonly run: number; readonly index: number; readonly kind: 'error'; readonly message: string };

/** A worker reports progress whenever it has moved by at least this fraction of its span. */
export const PROGRESS_STEP = 0.01;
