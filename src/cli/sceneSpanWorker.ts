import { parentPort } from 'node:worker_threads';
import { sceneAnalysisSetup } from '../render/analysis/sceneAnalysisSetup';
import { measureSceneSpan } from '../render/analysis/sceneSpanMoments';
import type { SceneSpanJob, SceneSpanMessage } from './sceneSpanProtocol';

/** A worker thread that measures one span of a scene's mono analysis (parallelSceneAnalysis.ts starts it). */
const port = parentPort;
if (port === null) throw new Error('sceneSpanWorker.ts runs as a worker thread (parallelSceneAnalysis.ts starts it)');
const post = (message: SceneSpanMessage): void => port.postMessage(message);

port.once('message', (job: SceneSpanJob) => {
  try {
    const setup = sceneAnalysisSetup(job.scene, job.stems, job.options);
    const moments = measureSceneSpan(setup, job.span, (fraction) => post({ kind: 'progress', fraction }));
    post({ kind: 'done', moments });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
