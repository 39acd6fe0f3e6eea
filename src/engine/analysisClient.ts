import type { Scene } from '../core/scene';
import type { MomentFrameRange } from '../dsp/analysis/monoMomentAnalyser';
import type { MonoAnalysis } from '../core/monoAnalysis/monoAnalysisTypes';
import type { SceneSpanMoments } from '../render/analysis/sceneSpanMoments';
import { analyzeInSpans } from './analysisInSpans';
import type { AnalysisJob, AnalysisMessage, AnalysisSpanRequest } from './analysisProtocol';

export interface AnalysisRunOptions {
  readonly onProgress?: (fraction: number) => void;
  /** Aborting terminates the workers and rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

/**
 * Promise-based access to the analysis workers, one analysis at a time: starting another
 * cancels the one running (it rejects with an AbortError). One pass splits the programme
 * in time into one span per worker (analysisWorker.ts measures a span), and the spans'
 * sums are concluded here (analysisInSpans.ts), binaural survival included. Workers are
 * created by prepare() or on first use, and again after a cancel, which terminates them.
 */
export interface AnalysisClient {
  analyze(job: AnalysisJob, options?: AnalysisRunOptions): Promise<MonoAnalysis>;
  /**
   * Creates the workers not created yet, so the next analysis does not wait for their
   * modules to load (a module worker loads them when constructed). Idempotent; a run in
   * progress is left alone.
   */
  prepare(): void;
  dispose(): void;
}

/** Workers at most: past a few, the page's own thread concluding and the stems' memory traffic dominate. */
const MAX_ANALYSIS_WORKERS = 8;

/** One worker per logical core (the audio thread runs at a higher priority), from 2 to MAX_ANALYSIS_WORKERS. */
export function analysisWorkerCount(hardwareConcurrency: number | undefined): number {
  return Math.min(MAX_ANALYSIS_WORKERS, Math.max(2, Math.floor(hardwareConcurrency ?? 2)));
}

interface Running {
  readonly id: number;
  /** Settles the analysis and every span still out with this error. */
  readonly fail: (error: Error) => void;
  /** Per worker, the span it measures: where its messages go. */
  readonly spans: Map<Worker, SpanListener>;
}

interface SpanListener {
  readonly onProgress: (fraction: number) => void;
  readonly resolve: (moments: SceneSpanMoments) => void;
  readonly reject: (error: Error) => void;
}

export function createAnalysisClient(workerCount = analysisWorkerCount(globalThis.navigator?.hardwareConcurrency)): AnalysisClient {
  let workers: Worker[] = [];
  let running: Running | null = null;
  let nextId = 1;

  const terminate = (): void => {
    for (const worker of workers) worker.terminate();
    workers = [];
  };
  const cancelRunning = (): void => {
    if (running === null) return;
    terminate();
    running.fail(cancelled());
  };
  const workerAt = (index: number): Worker => {
    const existing = workers[index];
    if (existing !== undefined) return existing;
    const worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module', name: `mono-analysis-${index + 1}` });
    worker.onmessage = (event: MessageEvent<AnalysisMessage>) => {
      const message = event.data;
      const listener = running?.id === message.id ? running.spans.get(worker) : undefined;
      if (listener === undefined) return;
      if (message.kind === 'progress') listener.onProgress(message.fraction);
      else if (message.kind === 'done') listener.resolve(message.moments);
      else listener.reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const failed = running;
      terminate();
      failed?.fail(new Error(`the analysis worker failed: ${event.message || 'it could not start'}`));
    };
    workers[index] = worker;
    return worker;
  };

  return {
    analyze(job, options = {}) {
      cancelRunning();
      const { signal, onProgress } = options;
      if (signal?.aborted === true) return Promise.reject(cancelled());
      const id = nextId++;
      const spans = new Map<Worker, SpanListener>();
      let failAnalysis: (error: Error) => void = () => undefined;
      const failed = new Promise<never>((_, reject) => {
        failAnalysis = reject;
      });
      const onAbort = (): void => {
        if (running?.id === id) cancelRunning();
      };
      running = {
        id,
        spans,
        fail(error) {
          if (running?.id === id) running = null;
          for (const listener of spans.values()) listener.reject(error);
          failAnalysis(error);
        },
      };
      signal?.addEventListener('abort', onAbort);
      // The spans go to workers 0, 1, ...: one span per worker.
      let started = 0;
      const measureSpan = (span: MomentFrameRange, onSpanProgress: (fraction: number) => void): Promise<SceneSpanMoments> =>
        new Promise<SceneSpanMoments>((resolve, reject) => {
          const worker = workerAt(started++);
          spans.set(worker, { onProgress: onSpanProgress, resolve, reject });
          const request: AnalysisSpanRequest = { ...job, id, span };
          worker.postMessage(request);
        });
      const analysis = analyzeInSpans(job, workerCount, measureSpan, onProgress).catch((error: unknown) => {
        // A span failed: the other workers' spans are of no use any more.
        if (running?.id === id) terminate();
        throw error;
      });
      return Promise.race([analysis, failed]).finally(() => {
        signal?.removeEventListener('abort', onAbort);
        if (running?.id === id) running = null;
      });
    },
    prepare() {
      for (let index = 0; index < workerCount; index++) workerAt(index);
    },
    dispose() {
      cancelRunning();
      terminate();
    },
  };
}

function cancelled(): DOMException {
  return new DOMException('the mono analysis was cancelled', 'AbortError');
}

/**
 * What the analysis sees: the loaded stems in the order of `scene` (the store's scene as
 * edited, which may have changed parameters since the engine loaded it). Throws an Error
 * naming the source when `scene` has a source the engine has not loaded.
 */
export function stemsInSceneOrder(scene: Scene, loaded: Scene, loadedStems: readonly (readonly Float32Array[])[]): Float32Array[][] {
  const indexById = new Map(loaded.sources.map((source, index) => [source.id, index]));
  return scene.sources.map((source) => {
    const index = indexById.get(source.id);
    if (index === undefined) {
      throw new Error(`source "${source.name}" (${source.id}) is not loaded into the audio engine yet; wait for its stem to load, then analyse again`);
    }
    return [...(loadedStems[index] ?? [])];
  });
}
