import type { Scene } from '../core/scene/scene';
import type { MonoLaw } from '../core/monoLaw';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import type { AnalysedFormat, MonoAnalysis } from '../core/monoAnalysis/monoAnalysisTypes';
import { createSpanRun } from '../render/analysis/spans/analysisInSpans';
import type { SpanRun, SpanWorkers } from '../render/analysis/spans/analysisInSpans';
import type { SpanJob, SpanReply } from '../render/analysis/spans/spanProtocol';

/** One mono-compatibility analysis, as the engine asks for it. stems: of scene.sources, then its beds and HOA stems (rendererScene.ts). */
export interface AnalysisJob {
  readonly scene: Scene;
  /** The engine's stems: Float32Arrays over SharedArrayBuffers, so posting them shares the audio. */
  readonly stems: readonly (readonly Float32Array[])[];
  /** The HRTF grid at the scene's rate, for the binaural render and its mono survival. */
  readonly grid: HrtfGrid;
  readonly format: AnalysedFormat;
  readonly monoLaw: MonoLaw;
}

/** The studio's check of a job, in the span protocol's terms: every check, stereo or binaural, measures the binaural render's survival too. */
export function monoCheckJob(job: AnalysisJob): SpanJob {
  return { scene: job.scene, stems: job.stems, options: { format: job.format, hrtf: job.grid, monoLaw: job.monoLaw, checkBinaural: true } };
}

export interface AnalysisRunOptions {
  readonly onProgress?: (fraction: number) => void;
  /** Aborting terminates the workers and rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

/**
 * Promise-based access to the analysis workers, one analysis at a time: starting another
 * cancels the one running (it rejects with an AbortError). One pass splits the programme
 * in time into one span per worker (analysisWorker.ts measures a span), and the spans'
 * sums are concluded here, binaural survival included (src/render/analysis/spans, the
 * protocol `npm run analyze` runs too). Workers are created by prepare() or on first use,
 * and again after a cancel, which terminates them.
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

export function createAnalysisClient(workerCount = analysisWorkerCount(globalThis.navigator?.hardwareConcurrency)): AnalysisClient {
  let workers: Worker[] = [];
  let running: SpanRun | null = null;
  let nextId = 1;

  const terminate = (): void => {
    for (const worker of workers) worker.terminate();
    workers = [];
  };
  const workerAt = (index: number): Worker => {
    const existing = workers[index];
    if (existing !== undefined) return existing;
    const worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module', name: `mono-analysis-${index + 1}` });
    worker.onmessage = (event: MessageEvent<SpanReply>) => running?.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const failed = running;
      terminate();
      failed?.fail(new Error(`the analysis worker failed: ${event.message || 'it could not start'}`));
    };
    workers[index] = worker;
    return worker;
  };
  // The spans go to workers 0, 1, ...: one span per worker. A cancel or a failure terminates them all.
  const spanWorkers: SpanWorkers = { post: (request) => workerAt(request.index).postMessage(request), stop: terminate };

  return {
    analyze(job, options = {}) {
      running?.fail(cancelled());
      const { signal, onProgress } = options;
      if (signal?.aborted === true) return Promise.reject(cancelled());
      const run = createSpanRun(nextId++, monoCheckJob(job), workerCount);
      running = run;
      const onAbort = (): void => run.fail(cancelled());
      signal?.addEventListener('abort', onAbort);
      return run
        .measure(spanWorkers, onProgress)
        .then((pass) => pass.analysis)
        .finally(() => {
          signal?.removeEventListener('abort', onAbort);
          if (running === run) running = null;
        });
    },
    prepare() {
      for (let index = 0; index < workerCount; index++) workerAt(index);
    },
    dispose() {
      running?.fail(cancelled());
      terminate();
    },
  };
}

function cancelled(): DOMException {
  return new DOMException('the mono analysis was cancelled', 'AbortError');
}

/**
 * The stems of `scene`'s sources in its order, from the engine's stems by source id.
 * Throws an Error naming the source when one has not been loaded.
 */
export function stemsInSceneOrder(scene: Scene, stems: ReadonlyMap<string, readonly Float32Array[]>): Float32Array[][] {
  return scene.sources.map((source) => {
    const channels = stems.get(source.id);
    if (channels === undefined) {
      throw new Error(`source "${source.name}" (${source.id}) is not loaded into the audio engine yet; wait for its stem to load, then try again`);
    }
    return [...channels];
  });
}
