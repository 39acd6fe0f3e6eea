import { parentPort } from 'node:worker_threads';
import { answerSpanRequest } from '../../render/analysis/spans/analysisInSpans';
import type { SpanReply, SpanRequest } from '../../render/analysis/spans/spanProtocol';

/** A worker thread that measures spans of a scene's analysis (parallelSceneAnalysis.ts starts it): the thread's port wired to the shared handler. */
const port = parentPort;
if (port === null) throw new Error('sceneSpanWorker.ts runs as a worker thread (parallelSceneAnalysis.ts starts it)');
port.on('message', (request: SpanRequest) => answerSpanRequest(request, (reply: SpanReply) => port.postMessage(reply)));
