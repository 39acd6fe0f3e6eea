import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scene } from '../core/scene';
import type { MonoAnalysis } from '../core/monoAnalysis/monoAnalysisTypes';
import { sceneAnalysisSetup } from '../render/analysis/sceneAnalysisSetup';
import type { SceneMonoAnalysisOptions } from '../render/analysis/sceneAnalysisSetup';
import { concludeSceneMono, emptyAnalysis, measureSceneSpans } from '../render/analysis/sceneMonoAnalysis';
import { measureSceneSpan } from '../render/analysis/sceneSpanMoments';
import type { SceneSpanMoments } from '../render/analysis/sceneSpanMoments';
import { joinSpanLoudness, silentProgrammeLoudness } from '../render/analysis/spanLoudness';
import type { ProgrammeLoudnessSums } from '../render/analysis/spanLoudness';
import type { SceneSpanJob, SceneSpanMessage } from './sceneSpanProtocol';

/** What one pass over a scene measures. */
export interface SceneMeasurementPass {
  readonly analysis: MonoAnalysis;
  /** The binaural, stereo and mono renders' loudness sums (with options.loudness). */
  readonly loudness: readonly ProgrammeLoudnessSums[] | null;
  /** Render blocks with non-finite samples, silenced by the renderers. */
  readonly nonFiniteBlocks: number;
}

/**
 * A scene's mono analysis (and the loudness of its renders, with options.loudness) on
 * every core: the programme split in time into one span per core, each measured by a
 * worker thread (sceneSpanWorker.ts), the sums added and concluded here
 * (sceneMonoAnalysis.ts). With one core, or `threads` 1, it runs on this thread. The
 * stems are shared with the workers, not copied (sharedStems).
 */
export async function measureSceneInParallel(
  scene: Scene,
  stems: readonly (readonly Float32Array[])[],
  options: SceneMonoAnalysisOptions,
  threads = availableParallelism(),
): Promise<SceneMeasurementPass> {
  const setup = sceneAnalysisSetup(scene, stems, options);
  if (setup.sources.length === 0) {
    return { analysis: emptyAnalysis(setup), loudness: setup.loudness ? silentProgrammeLoudness(setup.lengthFrames, scene.sampleRateHz) : null, nonFiniteBlocks: 0 };
  }
  let parts: SceneSpanMoments[];
  if (threads <= 1) parts = [measureSceneSpan(setup, undefined, options.onProgress)];
  else {
    const shared = sharedStems(stems);
    const { onProgress, ...jobOptions } = options;
    parts = await measureSceneSpans(setup, threads, (span, onSpanProgress) => measureSpanInWorker({ scene, stems: shared, options: jobOptions, span }, onSpanProgress), onProgress);
  }
  return {
    analysis: concludeSceneMono(setup, parts),
    loudness: setup.loudness ? joinSpanLoudness(parts.map((part) => part.loudness!)) : null,
    nonFiniteBlocks: parts.reduce((n, part) => n + part.nonFiniteBlocks, 0),
  };
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
