import { answerSpanRequest } from '../render/analysis/spans/analysisInSpans';
import type { SpanReply, SpanRequest } from '../render/analysis/spans/spanProtocol';

/**
 * An analysis worker: measures spans of the scene's mono-compatibility analysis off the
 * page's thread (the handler `npm run analyze`'s worker threads run); analysisClient.ts
 * runs one per core and cancels by terminating it. Only the worker's port is wired here.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SpanRequest>) => void) | null;
  postMessage(reply: SpanReply): void;
};

scope.onmessage = (event) => answerSpanRequest(event.data, (reply) => scope.postMessage(reply));
