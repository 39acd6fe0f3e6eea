import type { MonoAnalysis } from '../core/monoAnalysis/monoAnalysisTypes';
import { sceneAnalysisSetup } from '../render/analysis/sceneAnalysisSetup';
import type { SceneAnalysisSetup } from '../render/analysis/sceneAnalysisSetup';
import { concludeSceneMono, emptyAnalysis, measureSceneSpans } from '../render/analysis/sceneMonoAnalysis';
import type { SceneSpanMeasurer } from '../render/analysis/sceneMonoAnalysis';
import type { AnalysisJob } from './analysisProtocol';

/**
 * The studio's mono check of a job, split in time: one pass over the programme, its spans
 * measured wherever `measureSpan` runs them (analysisClient.ts: one Web Worker per span)
 * and concluded on the calling thread. Every check, stereo or binaural, measures the
 * binaural render's survival too. Kept apart from analysisClient.ts, which creates the
 * workers, so the worker and the Node tests can import it.
 */

/** The setup a job's analysis works on: each worker derives it from the job it is sent, the conclusion from the same job. */
export function analysisSetupOf(job: AnalysisJob): SceneAnalysisSetup {
  return sceneAnalysisSetup(job.scene, job.stems, { format: job.format, hrtf: job.grid, monoLaw: job.monoLaw, checkBinaural: true });
}

/** The job's analysis from at most `spanCount` spans, all started at once; onProgress gets the fraction of the programme measured. */
export async function analyzeInSpans(
  job: AnalysisJob,
  spanCount: number,
  measureSpan: SceneSpanMeasurer,
  onProgress?: (fraction: number) => void,
): Promise<MonoAnalysis> {
  const setup = analysisSetupOf(job);
  if (setup.sources.length === 0) return emptyAnalysis(setup);
  return concludeSceneMono(setup, await measureSceneSpans(setup, spanCount, measureSpan, onProgress));
}
