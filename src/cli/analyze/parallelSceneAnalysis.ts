import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Scene } from '../../core/scene/scene';
import type { SceneMonoAnalysisOptions } from '../../render/analysis/sceneAnalysisSetup';
import { createSpanRun, measureSceneHere } from '../../render/analysis/spans/analysisInSpans';
import type { SceneMeasurementPass, SpanRun } from '../../render/analysis/spans/analysisInSpans';
import type { SpanReply, SpanRequest } from '../../render/analysis/spans/spanProtocol';
import { startTsxWorker } from '../tsxWorker';

/**
 * A scene's mono analysis (and the loudness of its renders, with options.loudness) on
 * every core: the programme split in time into one span per core, each measured by a
 * worker thread (sceneSpanWorker.ts), the sums added and concluded here; the protocol
 * and both its sides are the studio's too (src/render/analysis/spans). With one core, or
 * `threads` 1, it runs on this thread. The stems are shared with the workers, not copied
 * (sharedStems).
 */
export async function measureSceneInParallel(
  scene: Scene,
  stems: readonly (readonly Float32Array[])[],
  options: SceneMonoAnalysisOptions,
  threads = availableParallelism(),
): Promise<SceneMeasurementPass> {
  const { onProgress, ...spanOptions } = options;
  if (threads <= 1) return measureSceneHere({ scene, stems, options: spanOptions }, onProgress);
  const run = createSpanRun(1, { scene, stems: sharedStems(stems), options: spanOptions }, threads);
  const workers: Worker[] = [];
  return run.measure(
    {
      post: (request) => workers.push(startSpanWorker(request, run)),
      stop: () => workers.forEach((worker) => void worker.terminate()),
    },
    onProgress,
  );
}

/**
 * The stems over SharedArrayBuffers: those already there are kept as they are, the others
 * copied (one channel at a time, so a caller that lets go of the originals holds at most
 * one channel twice), a channel shared by several sources once.
 */
export function sharedStems(stems: readonly (readonly Float32Array[])[]): Float32Array[][] {
  // Sources that share a stem (one generator named by many) share its copy too.
  const copies = new Map<Float32Array, Float32Array>();
  return stems.map((channels) =>
    channels.map((channel) => {
      if (channel.buffer instanceof SharedArrayBuffer) return channel;
      const copy = copies.get(channel) ?? new Float32Array(new SharedArrayBuffer(channel.byteLength));
      if (!copies.has(channel)) {
        copy.set(channel);
        copies.set(channel, copy);
      }
      return copy;
    }),
  );
}

/** A worker thread for one span: it passes the replies to `run`, and ends once it has answered. */
function startSpanWorker(request: SpanRequest, run: SpanRun): Worker {
  const worker = startTsxWorker(new URL('./sceneSpanWorker.ts', import.meta.url));
  let answered = false;
  const fail = (message: string): void => run.fail(new Error(`mono analysis worker: ${message}`));
  worker.on('message', (reply: SpanReply) => {
    if (reply.kind !== 'progress') {
      answered = true;
      void worker.terminate();
    }
    run.receive(reply);
  });
  worker.on('error', (error) => fail(error.message));
  worker.on('exit', (code) => {
    if (!answered) fail(`it stopped (exit code ${code}) before it finished its span`);
  });
  worker.postMessage(request);
  return worker;
}
