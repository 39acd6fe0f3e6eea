import { analyzeSceneMono } from '../render/analysis/sceneMonoAnalysis';
import { PROGRESS_STEP } from './analysisProtocol';
import type { AnalysisMessage, AnalysisRequest } from './analysisProtocol';

/**
 * The analysis worker: runs the scene's mono-compatibility analysis (the same code as
 * `npm run analyze`) off the page's thread, reporting progress as it goes. The analysis
 * is synchronous, so cancelling means terminating this worker (analysisClient does).
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(message: AnalysisMessage): void;
};

scope.onmessage = (event) => {
  const { id, scene, stems, grid, format, monoLaw } = event.data;
  let reported = 0;
  scope.postMessage({ id, kind: 'progress', fraction: 0 });
  try {
    const analysis = analyzeSceneMono(scene, stems, {
      format,
      hrtf: grid,
      checkBinaural: true,
      monoLaw,
      onProgress: (fraction) => {
        if (!(fraction - reported >= PROGRESS_STEP)) return;
        reported = fraction;
        scope.postMessage({ id, kind: 'progress', fraction });
      },
    });
    scope.postMessage({ id, kind: 'progress', fraction: 1 });
    scope.postMessage({ id, kind: 'done', analysis });
  } catch (error) {
    scope.postMessage({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
