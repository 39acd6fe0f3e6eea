import { sceneAnalysisSetup } from '../render/analysis/sceneAnalysisSetup';
import type { SceneAnalysisSetup, SceneMonoAnalysisOptions } from '../render/analysis/sceneAnalysisSetup';
import type { AnalysisJob } from './analysisProtocol';

/** The studio's analysis options for a job: its format and mono law, with the binaural render's survival checked. */
export function analysisOptionsOf(job: AnalysisJob): SceneMonoAnalysisOptions {
  return { format: job.format, hrtf: job.grid, checkBinaural: true, monoLaw: job.monoLaw };
}

/** The setup every span worker and the conclusion derive from the same job. */
export function analysisSetupOf(job: AnalysisJob): SceneAnalysisSetup {
  return sceneAnalysisSetup(job.scene, job.stems, analysisOptionsOf(job));
}
