import type { MonoAnalysis } from '../render/analysis/monoAnalysisTypes';
import { sceneAnalysisSetup } from '../render/analysis/sceneAnalysisSetup';
import type { SceneAnalysisSetup, SceneMonoAnalysisOptions } from '../render/analysis/sceneAnalysisSetup';
import { concludeBinauralSurvival, concludeSceneMono, emptyAnalysis, withBinauralSurvival } from '../render/analysis/sceneMonoAnalysis';
import type { SceneSpanMoments } from '../render/analysis/sceneSpanMoments';
import type { AnalysisJob } from './analysisProtocol';

/**
 * The studio's mono check in phases, so that its main result comes first. A stereo
 * analysis runs as two: 'format', the stereo fold-down's findings (shown as soon as they
 * are concluded), then 'survival', the binaural render's survival, measured from the
 * sources' objects (sceneSpanMoments.ts) at about the same cost. A binaural analysis is one phase,
 * 'all': its analysed render is the binaural one, so it is its own survival check.
 */
export type AnalysisPhase = 'all' | 'format' | 'survival';

/** Share of a stereo check's work in its first phase (16 stereo sources, one thread: 4.7 s of 8.9 s per minute). */
const FORMAT_PHASE_SHARE = 0.53;

/** Measures one phase's spans (each in a worker, which derives `setup` from the job again), reporting the fraction of the phase done. */
export type PhaseMeasurer = (
  phase: AnalysisPhase,
  setup: SceneAnalysisSetup,
  spanCount: number,
  onProgress: (fraction: number) => void,
) => Promise<SceneSpanMoments[]>;

export function analysisOptionsOf(job: AnalysisJob, phase: AnalysisPhase): SceneMonoAnalysisOptions {
  const common = { format: job.format, hrtf: job.grid, monoLaw: job.monoLaw };
  if (phase === 'format') return { ...common, checkBinaural: false };
  if (phase === 'survival') return { ...common, survivalOnly: true };
  return { ...common, checkBinaural: true };
}

/** The setup a phase's span workers and its conclusion derive from the same job. */
export function analysisSetupOf(job: AnalysisJob, phase: AnalysisPhase): SceneAnalysisSetup {
  return sceneAnalysisSetup(job.scene, job.stems, analysisOptionsOf(job, phase));
}

/** Runs the phases of `job`; onPartial gets a stereo check's findings before its binaural survival is measured. */
export async function runAnalysisPhases(
  job: AnalysisJob,
  measure: PhaseMeasurer,
  spanCount: number,
  onProgress?: (fraction: number) => void,
  onPartial?: (analysis: MonoAnalysis) => void,
): Promise<MonoAnalysis> {
  if (job.format === 'binaural') {
    const setup = analysisSetupOf(job, 'all');
    if (setup.sources.length === 0) return emptyAnalysis(setup);
    return concludeSceneMono(setup, await measure('all', setup, spanCount, (f) => onProgress?.(f)));
  }
  const first = analysisSetupOf(job, 'format');
  if (first.sources.length === 0) return emptyAnalysis(first);
  const analysis = concludeSceneMono(first, await measure('format', first, spanCount, (f) => onProgress?.(FORMAT_PHASE_SHARE * f)));
  onPartial?.(analysis);
  const second = analysisSetupOf(job, 'survival');
  const parts = await measure('survival', second, spanCount, (f) => onProgress?.(FORMAT_PHASE_SHARE + (1 - FORMAT_PHASE_SHARE) * f));
  return withBinauralSurvival(analysis, concludeBinauralSurvival(second, parts));
}
