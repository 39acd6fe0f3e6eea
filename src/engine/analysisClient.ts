import type { Scene } from '../core/scene';
import type { MonoAnalysis } from '../render/analysis/monoAnalysisTypes';
import type { AnalysisMessage, AnalysisRequest } from './analysisProtocol';

export type AnalysisJob = Omit<AnalysisRequest, 'id'>;

export interface AnalysisRunOptions {
  readonly onProgress?: (fraction: number) => void;
  /** Aborting terminates the worker and rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

/**
 * Promise-based access to the analysis worker, one analysis at a time: starting another
 * cancels the one running (it rejects with an AbortError). The worker is created on
 * first use and again after a cancel, which terminates it.
 */
export interface AnalysisClient {
  analyze(job: AnalysisJob, options?: AnalysisRunOptions): Promise<MonoAnalysis>;
  dispose(): void;
}

interface Running {
  readonly id: number;
  readonly settle: (outcome: { analysis: MonoAnalysis } | { error: Error }) => void;
}

export function createAnalysisClient(): AnalysisClient {
  let worker: Worker | null = null;
  let running: Running | null = null;
  let nextId = 1;

  const terminate = (): void => {
    worker?.terminate();
    worker = null;
  };
  const cancelRunning = (): void => {
    if (running === null) return;
    terminate();
    running.settle({ error: cancelled() });
  };
  const workerFor = (onMessage: (message: AnalysisMessage) => void): Worker => {
    worker ??= new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module', name: 'mono-analysis' });
    worker.onmessage = (event: MessageEvent<AnalysisMessage>) => onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      terminate();
      running?.settle({ error: new Error(`the analysis worker failed: ${event.message || 'it could not start'}`) });
    };
    return worker;
  };

  return {
    analyze(job, options = {}) {
      cancelRunning();
      const { signal, onProgress } = options;
      if (signal?.aborted === true) return Promise.reject(cancelled());
      return new Promise<MonoAnalysis>((resolve, reject) => {
        const id = nextId++;
        const onAbort = (): void => {
          if (running?.id === id) cancelRunning();
        };
        running = {
          id,
          settle(outcome) {
            if (running?.id !== id) return;
            running = null;
            signal?.removeEventListener('abort', onAbort);
            if ('error' in outcome) reject(outcome.error);
            else resolve(outcome.analysis);
          },
        };
        signal?.addEventListener('abort', onAbort);
        const target = workerFor((message) => {
          if (message.id !== id || running?.id !== id) return;
          if (message.kind === 'progress') onProgress?.(message.fraction);
          else if (message.kind === 'done') running.settle({ analysis: message.analysis });
          else running.settle({ error: new Error(message.message) });
        });
        const request: AnalysisRequest = { ...job, id };
        target.postMessage(request);
      });
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
