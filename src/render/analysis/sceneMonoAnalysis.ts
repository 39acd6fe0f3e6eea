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
import { pairChannels } from './analysisContributors';
import type { AnalysisContributor } from './analysisContributors';
import type { AnalysedInput } from './sceneFindings';
import { CANCELLING_CORRELATION } from './findingFigures';

/**
 * The mono-compatibility analysis of a scene, naming the culprits: objects, beds and HOA
 * stems (analysisContributors.ts).
 *
 * The programme is measured in spans of analysis frames (sceneSpanMoments.ts: each
 * audible object, bed and HOA stem rendered alone through the studio's renderer, the spectral moments of
 * each contribution against their sum), in one go (analyzeSceneMono) or in parallel
 * (spans/analysisInSpans.ts, one worker per span); the spans' sums add up to the whole
 * programme's, and the conclusions are drawn from the total (concludeSceneMono): the
 * mix's figures and, by linearity, what removing, collapsing, narrowing or flipping each
 * source would do (sourceMoments.ts, sceneFindings.ts), and the binaural render's mono
 * survival.
 *
 * stems: the channels of scene.sources, then scene.beds, then scene.ambisonics, at
 * scene.sampleRateHz (createSceneRenderer's order).
 */
export type { SceneMonoAnalysisOptions } from './sceneAnalysisSetup';

/** The whole analysis on this thread, synchronously; calls options.onProgress(fraction) after every chunk. */
export function analyzeSceneMono(scene: Scene, stems: readonly (readonly Float32Array[])[], options: SceneMonoAnalysisOptions): MonoAnalysis {
  const setup = sceneAnalysisSetup(scene, stems, options);
  if (setup.contributors.length === 0) return emptyAnalysis(setup);
  return concludeSceneMono(setup, [measureSceneSpan(setup, undefined, options.onProgress)]);
}

/** The analysis from the sums of spans that tile the programme's frames. */
export function concludeSceneMono(setup: SceneAnalysisSetup, parts: readonly SceneSpanMoments[]): MonoAnalysis {
  const { scene, contributors, lengthFrames, windowSec, format } = setup;
  const sampleRateHz = scene.sampleRateHz;
  const monoGain = monoLawGain(setup.monoLaw);
  const analyser = createMomentAnalyser({ sampleRateHz, inputCount: contributors.length, perInput: true, totalFrames: lengthFrames, windowSec });
  const pairs = pairChannels(contributors);
  const stemSums = new Float64Array(PAIR_MOMENTS * pairs.length);
  for (const part of parts) {
    addMomentSums(analyser, part.analysed);
    addArray(stemSums, part.stems);
  }
  const pairCorrelations = pairs.map((channels, k) => stemCorrelationOf(stemSums, PAIR_MOMENTS * k, stemFrames(channels)));
  const inputs = analysedInputs(contributors, pairCorrelations);
  const { figures, findings } = sceneSourceFindings({
    analyser,
    sources: inputs.map((input) => input.analysed),
    stemCorrelations: inputs.map((input) => input.stemCorrelation),
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
  const { scene, contributors, lengthFrames, windowSec } = setup;
  const survival = createMomentAnalyser({ sampleRateHz: scene.sampleRateHz, inputCount: contributors.length, perInput: true, totalFrames: lengthFrames, windowSec });
  for (const part of parts) if (part.survival !== null) addMomentSums(survival, part.survival);
  return binauralSurvival(survival, sourceIds(setup).map((id, i) => ({ ...id, ...ownMoments(survival, i) })), monoLawGain(setup.monoLaw));
}

function sourceIds(setup: SceneAnalysisSetup): Pick<SourceBinauralMoments, 'sourceId' | 'sourceName' | 'sourceKind'>[] {
  return setup.contributors.map((c) => ({ sourceId: c.id, sourceName: c.name, ...(c.kind === 'object' ? {} : { sourceKind: c.kind }) }));
}

/**
 * Each contributor as the findings take it, with its stem correlation: its lowest pair's
 * (1 without pairs); a bed names that pair when its channels cancel.
 * pairCorrelations: per stem pair, in pairChannels' order.
 */
function analysedInputs(contributors: readonly AnalysisContributor[], pairCorrelations: readonly number[]): { analysed: AnalysedInput; stemCorrelation: number }[] {
  let k = 0;
  return contributors.map((c) => {
    let lowest = 1;
    let lowestPair: (typeof c.pairs)[number] | undefined;
    for (const pair of c.pairs) {
      const r = pairCorrelations[k++]!;
      if (lowestPair === undefined || r < lowest) {
        lowest = r;
        lowestPair = pair;
      }
    }
    const labels = c.kind === 'bed' && lowest <= CANCELLING_CORRELATION ? lowestPair?.labels : undefined;
    const analysed: AnalysedInput = {
      id: c.id,
      name: c.name,
      ...(c.kind === 'object' ? {} : { kind: c.kind }),
      ...(labels === undefined ? {} : { channelPair: { left: labels[0], right: labels[1], correlation: lowest } }),
    };
    return { analysed, stemCorrelation: lowest };
  });
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
