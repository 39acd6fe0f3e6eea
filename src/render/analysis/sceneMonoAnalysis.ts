import type { Scene } from '../../core/scene/scene';
import { addArray, addMomentSums, createMomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import type { MomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import { monoLawGain } from '../../core/monoLaw';
import { SOURCE_STRIDE } from '../../dsp/analysis/sourceMoments';
import { analysisBands, analysisTimeline, broadbandMoments, stereoFieldSummary } from './analysisFigures';
import { binauralSurvival } from './binauralSurvival';
import type { BinauralSurvivalResult, SourceBinauralMoments } from './binauralSurvival';
import { haasWindowCorrelation } from './findingFigures';
import { analyzeStereoMix } from './mixMonoAnalysis';
import type { MonoFinding } from '../../core/monoAnalysis/findingTypes';
import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import { sceneAnalysisSetup } from './sceneAnalysisSetup';
import type { SceneAnalysisSetup, SceneMonoAnalysisOptions } from './sceneAnalysisSetup';
import { sceneSourceFindings } from './sceneFindings';
import { PAIR_MOMENTS, measureSceneSpan } from './sceneSpanMoments';
import type { SceneSpanMoments } from './sceneSpanMoments';
import { stemCorrelationOf, stemFrames } from './stemCorrelation';

/**
 * The mono-compatibility analysis of a scene, naming the culprit sources.
 *
 * The programme is measured in spans of analysis frames (sceneSpanMoments.ts: each
 * audible source rendered alone through the studio's renderer, the spectral moments of
 * each contribution against their sum), in one go (analyzeSceneMono) or in parallel
 * (spans/analysisInSpans.ts, one worker per span); the spans' sums add up to the whole
 * programme's, and the conclusions are drawn from the total (concludeSceneMono): the
 * mix's figures and, by linearity, what removing, collapsing, narrowing or flipping each
 * source would do (sourceMoments.ts, sceneFindings.ts), and the binaural render's mono
 * survival.
 *
 * stems[i] are the channels of scene.sources[i] at scene.sampleRateHz.
 */
export type { SceneMonoAnalysisOptions } from './sceneAnalysisSetup';

/** The whole analysis on this thread, synchronously; calls options.onProgress(fraction) after every chunk. */
export function analyzeSceneMono(scene: Scene, stems: readonly (readonly Float32Array[])[], options: SceneMonoAnalysisOptions): MonoAnalysis {
  const setup = sceneAnalysisSetup(scene, stems, options);
  if (setup.sources.length === 0) return emptyAnalysis(setup);
  return concludeSceneMono(setup, [measureSceneSpan(setup, undefined, options.onProgress)]);
}

/** The analysis from the sums of spans that tile the programme's frames. */
export function concludeSceneMono(setup: SceneAnalysisSetup, parts: readonly SceneSpanMoments[]): MonoAnalysis {
  const { scene, sources, lengthFrames, windowSec, format } = setup;
  const sampleRateHz = scene.sampleRateHz;
  const monoGain = monoLawGain(setup.monoLaw);
  const analyser = createMomentAnalyser({ sampleRateHz, inputCount: sources.length, perInput: true, totalFrames: lengthFrames, windowSec });
  const stemSums = new Float64Array(PAIR_MOMENTS * sources.length);
  for (const part of parts) {
    addMomentSums(analyser, part.analysed);
    addArray(stemSums, part.stems);
  }
  const { figures, findings } = sceneSourceFindings({
    analyser,
    sources,
    stemCorrelations: setup.stems.map((channels, i) => stemCorrelationOf(stemSums, PAIR_MOMENTS * i, stemFrames(channels))),
    monoGain,
    format,
    windowCorrelation: haasWindowCorrelation(analyser),
  });
  const analysis: MonoAnalysis = {
    subject: 'scene',
    format,
    sampleRateHz,
    durationSec: lengthFrames / sampleRateHz,
    monoLaw: setup.monoLaw,
    bands: analysisBands(analyser),
    overall: stereoFieldSummary(analyser.mixBands, analyser.bandCount, lengthFrames, monoGain),
    timeline: analysisTimeline(analyser, monoGain),
    sources: figures,
    findings: sortBySeverity(findings),
  };
  if (!setup.checkBinaural) return analysis;
  // A binaural analysis is its own survival check: the analysed render is the binaural one.
  const { survival, finding } = setup.survivalPass
    ? survivalFromParts(setup, parts)
    : binauralSurvival(analyser, sourceIds(setup).map((id, i) => ({ ...id, ...ownMoments(analyser, i) })), monoGain);
  return { ...analysis, binaural: survival, findings: finding === null ? analysis.findings : sortBySeverity([...analysis.findings, finding]) };
}

/** The binaural render's survival from the survival sums of spans that tile the programme's frames. */
function survivalFromParts(setup: SceneAnalysisSetup, parts: readonly SceneSpanMoments[]): BinauralSurvivalResult {
  const { scene, sources, lengthFrames, windowSec } = setup;
  const survival = createMomentAnalyser({ sampleRateHz: scene.sampleRateHz, inputCount: sources.length, perInput: true, totalFrames: lengthFrames, windowSec });
  for (const part of parts) if (part.survival !== null) addMomentSums(survival, part.survival);
  return binauralSurvival(survival, sourceIds(setup).map((id, i) => ({ ...id, ...ownMoments(survival, i) })), monoLawGain(setup.monoLaw));
}

function sourceIds(setup: SceneAnalysisSetup): { sourceId: string; sourceName: string }[] {
  return setup.sources.map((s) => ({ sourceId: s.id, sourceName: s.name }));
}

/** The analysis of a scene in which no source is heard. */
export function emptyAnalysis(setup: SceneAnalysisSetup): MonoAnalysis {
  const empty = analyzeStereoMix(new Float32Array(0), new Float32Array(0), setup.scene.sampleRateHz, { monoLaw: setup.monoLaw, windowSec: setup.windowSec });
  return { ...empty, subject: 'scene', format: setup.format };
}

function sortBySeverity(findings: MonoFinding[]): MonoFinding[] {
  return findings.sort((a, b) => b.severityDb - a.severityDb);
}

function ownMoments(analyser: MomentAnalyser, i: number): Pick<SourceBinauralMoments, 'pl' | 'pr' | 'c'> {
  const [pl, pr, c] = broadbandMoments(analyser.inputs[i]!.bands, SOURCE_STRIDE, analyser.bandCount) as [number, number, number];
  return { pl, pr, c };
}
