import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scene } from '../core/scene';
import { analyzeSceneMono, analyzeSceneMonoInSpans } from '../render/analysis/sceneMonoAnalysis';
import type { SceneMonoAnalysisOptions } from '../render/analysis/sceneMonoAnalysis';
import type { MonoAnalysis } from '../render/analysis/monoAnalysisTypes';
import type { SceneSpanMoments } from '../render/analysis/sceneSpanMoments';
import type { SceneSpanJob, SceneSpanMessage } from './sceneSpanProtocol';

/**
 * A scene's mono analysis on every core: the programme split in time into one span per
 * core, each measured by a worker thread (sceneSpanWorker.ts), the sums added and
 * concluded here (sceneMonoAnalysis.ts). With one core, or `threads` 1, it runs on this
 * thread. The stems are shared with the workers, not copied (sharedStems).
 */
export async function analyzeSceneInParallel(
  scene: Scene,
  stems: readonly (readonly Float32Array[])[],
  options: SceneMonoAnalysisOptions,
  threads = availableParallelism(),
): Promise<MonoAnalysis> {
  if (threads <= 1) return analyzeSceneMono(scene, stems, options);
  const shared = sharedStems(stems);
  const { onProgress: _onProgress, ...jobOptions } = options;
  return analyzeSceneMonoInSpans(scene, shared, options, threads, (span, onProgress) =>
    measureSpanInWorker({ scene, stems: shared, options: jobOptions, span }, onProgress),
  );
}

/**
 * The stems over SharedArrayBuffers: those already there are kept as they are, the others
 * copied (one channel at a time, so a caller that lets go of the originals holds at most
 * one channel twice).
 */
export function sharedStems(stems: readonly (readonly Float32Array[])[]): Float32Array[][] {
  return stems.map((channels) =>
    channels.map((channel) => {
      if (channel.buffer instanceof SharedArrayBuffer) return channel;
      const copy = new Float32Array(new SharedArrayBuffer(channel.byteLength));
      copy.set(channel);
      return copy;
    }),
  );
}

/**
 * The worker's TypeScript runs through tsx, as the command line does: a worker thread does
 * not inherit the main thread's loader, so a two-line script registers it and imports
 * the worker module.
 */
const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.loader).then(({ register }) => { register(); return import(workerData.entry); });
`;

function measureSpanInWorker(job: SceneSpanJob, onProgress: (fraction: number) => void): Promise<SceneSpanMoments> {
  const loader = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./sceneSpanWorker.ts', import.meta.url).href;
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { loader, entry } });
  return new Promise<SceneSpanMoments>((resolve, reject) => {
    const fail = (message: string): void => {
      void worker.terminate();
      reject(new Error(`mono analysis worker: ${message}`));
    };
    worker.on('message', (message: SceneSpanMessage) => {
      if (message.kind === 'progress') onProgress(message.fraction);
      else if (message.kind === 'error') fail(message.message);
      else {
        void worker.terminate();
        resolve(message.moments);
      }
    });
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`it stopped (exit code ${code}) before it finished its span`));
    worker.postMessage(job);
  });
}
