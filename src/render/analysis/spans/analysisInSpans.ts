import { analysisFrameCount } from '../../../dsp/analysis/monoMomentAnalyser';
import type { MomentFrameRange } from '../../../dsp/analysis/monoMomentAnalyser';
import type { SceneAnalysisSetup } from '../sceneAnalysisSetup';
import type { SceneSpanMoments } from '../sceneSpanMoments';

/**
 * A scene's analysis split in time, for any host: the programme's analysis frames planned
 * into one span per worker (sceneAnalysisSpans), and the spans measured wherever the host
 * runs them, their progress added up (measureSceneSpans).
 */

/**
 * The analysis frames split into at most `count` consecutive spans of (nearly) equal
 * length, which tile all of them: one per worker when the analysis runs in parallel.
 */
export function sceneAnalysisSpans(setup: SceneAnalysisSetup, count: number): MomentFrameRange[] {
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`mono analysis: expected a positive whole number of spans, got ${count}`);
  const frames = analysisFrameCount(setup.lengthFrames, setup.scene.sampleRateHz);
  const spans = Math.min(count, frames);
  return Array.from({ length: spans }, (_, i) => ({ first: Math.round((i * frames) / spans), end: Math.round(((i + 1) * frames) / spans) }));
}

/** Measures one span, wherever it runs (a worker), reporting the fraction of it done. */
export type SceneSpanMeasurer = (span: MomentFrameRange, onProgress: (fraction: number) => void) => Promise<SceneSpanMoments>;

/** The spans' sums, in span order, each span measured by `measureSpan` (all started at once); onProgress gets the fraction of the programme measured. */
export async function measureSceneSpans(
  setup: SceneAnalysisSetup,
  spanCount: number,
  measureSpan: SceneSpanMeasurer,
  onProgress?: (fraction: number) => void,
): Promise<SceneSpanMoments[]> {
  const spans = sceneAnalysisSpans(setup, spanCount);
  const total = spans[spans.length - 1]!.end;
  const done = spans.map(() => 0);
  return Promise.all(
    spans.map((span, i) =>
      measureSpan(span, (fraction) => {
        done[i] = fraction * (span.end - span.first);
        onProgress?.(done.reduce((a, b) => a + b, 0) / total);
      }),
    ),
  );
}
