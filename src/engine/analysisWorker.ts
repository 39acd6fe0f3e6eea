import { analysisSetupOf } from './analysisInSpans';
import { measureSceneSpan } from '../render/analysis/sceneSpanMoments';
import { PROGRESS_STEP } from './analysisProtocol';
import type { AnalysisMessage, AnalysisSpanRequest } from './analysisProtocol';

/**
 * An analysis worker: measures one span of the scene's mono-compatibility analysis (the
 * same code as `npm run analyze`) off the page's thread, reporting progress as it goes;
 * analysisClient runs one per core and concludes from their sums. The measurement is
 * synchronous, so cancelling means terminating this worker (analysisClient does).
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisSpanRequest>) => void) | null;
  postMessage(message: AnalysisMessage): void;
};

scope.onmessage = (event) => {
  const request = event.data;
  const { id } = request;
  let reported = 0;
  try {
    const moments = measureSceneSpan(analysisSetupOf(request), request.span, (fraction) => {
      if (!(fraction - reported >= PROGRESS_STEP)) return;
      reported = fraction;
      scope.postMessage({ id, kind: 'progress', fraction });
    });
    scope.postMessage({ id, kind: 'done', moments });
  } catch (error) {
    scope.postMessage({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
