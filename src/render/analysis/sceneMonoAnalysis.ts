import type { Scene } from '../../core/scene';
import { createMomentAnalyser, feedMomentAnalyser, finishMomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import type { MomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import { SOURCE_STRIDE } from '../../dsp/analysis/sourceMoments';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { DEFAULT_MONO_LAW, monoLawGain } from '../monoFoldDown';
import type { OutputFormat } from '../renderBlock';
import { analysisBands, analysisTimeline, broadbandMoments, stereoFieldSummary } from './analysisFigures';
import { binauralSurvival } from './binauralSurvival';
import type { SourceBinauralMoments } from './binauralSurvival';
import { haasWindowCorrelation } from './findingFigures';
import { analyzeStereoMix } from './mixMonoAnalysis';
import type { AnalysedFormat, BinauralSurvival, MonoAnalysis, MonoAnalysisOptions, MonoFinding } from './monoAnalysisTypes';
import { checkedWindowSec } from './monoAnalysisOptions';
import { sceneSourceFindings } from './sceneFindings';
import { createSourceContributions, renderContributionChunk } from './sourceContributions';
import { stemCorrelation } from './stemCorrelation';

export interface SceneMonoAnalysisOptions extends MonoAnalysisOptions {
  readonly format: AnalysedFormat;
  readonly hrtf?: HrtfGrid;
  /** also check the binaural render's mono survival (needs hrtf); default: true when hrtf is given */
  readonly checkBinaural?: boolean;
}

/**
 * The mono-compatibility analysis of a scene, naming the culprit sources.
 *
 * Each audible source is rendered alone, chunk by chunk, through the studio's renderer
 * (sourceContributions.ts); the analysed output ('stereo': the BS.2127 fold-down,
 * 'binaural': the binaural render) is the sum of these contributions, and the spectral
 * moments of each contribution against the sum (monoMomentAnalyser.ts) give the mix's
 * figures and, by linearity, what removing, collapsing, narrowing or flipping each source
 * would do (sourceMoments.ts, sceneFindings.ts). With checkBinaural the binaural
 * contributions are rendered in the same pass (one renderer per source makes both) and
 * their sum and per-source moments measured for BinauralSurvival.
 *
 * stems[i] are the channels of scene.sources[i] at scene.sampleRateHz. Synchronous;
 * calls options.onProgress(fraction) after every chunk.
 */
export function analyzeSceneMono(scene: Scene, stems: readonly (readonly Float32Array[])[], options: SceneMonoAnalysisOptions): MonoAnalysis {
  const { format, hrtf } = options;
  if (format !== 'stereo' && format !== 'binaural') {
    throw new Error(`mono analysis: format must be 'stereo' or 'binaural', got ${JSON.stringify(format)}`);
  }
  const checkBinaural = options.checkBinaural ?? hrtf !== undefined;
  if ((format === 'binaural' || checkBinaural) && hrtf === undefined) {
    throw new Error(`mono analysis: ${format === 'binaural' ? "the 'binaural' format" : 'checkBinaural'} needs an HRTF set (options.hrtf)`);
  }
  const windowSec = checkedWindowSec(options.windowSec);
  const monoLaw = options.monoLaw ?? DEFAULT_MONO_LAW;
  const monoGain = monoLawGain(monoLaw);
  const formats: OutputFormat[] = format === 'binaural' ? ['binaural'] : checkBinaural ? ['stereo', 'binaural'] : ['stereo'];
  const contributions = createSourceContributions(scene, stems, formats, hrtf, monoLaw);
  const { sources, lengthFrames, chunkFrames } = contributions;
  if (sources.length === 0) {
    const empty = analyzeStereoMix(new Float32Array(0), new Float32Array(0), scene.sampleRateHz, { monoLaw, windowSec });
    return { ...empty, subject: 'scene', format };
  }

  const sampleRateHz = scene.sampleRateHz;
  const analysed = format === 'binaural' ? contributions.binaural : contributions.stereo;
  const analyser = createMomentAnalyser({ sampleRateHz, inputCount: sources.length, perInput: true, totalFrames: lengthFrames, windowSec });
  const survival = format === 'stereo' && checkBinaural ? createSurvivalPass(sampleRateHz, sources.length, lengthFrames, windowSec, chunkFrames) : null;
  for (let start = 0; start < lengthFrames; start += chunkFrames) {
    const frames = Math.min(chunkFrames, lengthFrames - start);
    renderContributionChunk(contributions, frames);
    feedMomentAnalyser(analyser, analysed, frames);
    if (survival !== null) feedSurvivalPass(survival, contributions.binaural, frames);
    options.onProgress?.((start + frames) / lengthFrames);
  }
  finishMomentAnalyser(analyser);
  if (survival !== null) finishMomentAnalyser(survival.analyser);

  const { figures, findings } = sceneSourceFindings({
    analyser,
    sources,
    stemCorrelations: sources.map((source) => stemCorrelation(stems[scene.sources.indexOf(source)]!)),
    monoGain,
    format,
    windowCorrelation: haasWindowCorrelation(analyser),
  });
  let binaural: BinauralSurvival | undefined;
  if (checkBinaural) {
    const ids = sources.map((s) => ({ sourceId: s.id, sourceName: s.name }));
    const result =
      survival === null
        ? binauralSurvival(analyser, ids.map((id, i) => ({ ...id, ...ownMoments(analyser, i) })), monoGain)
        : binauralSurvival(survival.analyser, ids.map((id, i) => ({ ...id, ...survival.own[i]! })), monoGain);
    binaural = result.survival;
    if (result.finding !== null) findings.push(result.finding);
  }
  return {
    subject: 'scene',
    format,
    sampleRateHz,
    durationSec: lengthFrames / sampleRateHz,
    monoLaw,
    bands: analysisBands(analyser),
    overall: stereoFieldSummary(analyser.mixBands, analyser.bandCount, lengthFrames, monoGain),
    timeline: analysisTimeline(analyser, monoGain),
    sources: figures,
    findings: sortBySeverity(findings),
    ...(binaural === undefined ? {} : { binaural }),
  };
}

function sortBySeverity(findings: MonoFinding[]): MonoFinding[] {
  return findings.sort((a, b) => b.severityDb - a.severityDb);
}

function ownMoments(analyser: MomentAnalyser, i: number): Pick<SourceBinauralMoments, 'pl' | 'pr' | 'c'> {
  const [pl, pr, c] = broadbandMoments(analyser.inputs[i]!.bands, SOURCE_STRIDE, analyser.bandCount) as [number, number, number];
  return { pl, pr, c };
}

/**
 * The binaural check beside a stereo analysis: the binaural contributions are summed in
 * the time domain and only the sum is analysed spectrally (per band); each source's own
 * moments are plain sums of products, which need no transform.
 */
interface SurvivalPass {
  readonly analyser: MomentAnalyser;
  readonly left: Float32Array;
  readonly right: Float32Array;
  readonly own: { pl: number; pr: number; c: number }[];
}

function createSurvivalPass(sampleRateHz: number, sourceCount: number, totalFrames: number, windowSec: number, chunkFrames: number): SurvivalPass {
  return {
    analyser: createMomentAnalyser({ sampleRateHz, inputCount: 1, perInput: false, totalFrames, windowSec }),
    left: new Float32Array(chunkFrames),
    right: new Float32Array(chunkFrames),
    own: Array.from({ length: sourceCount }, () => ({ pl: 0, pr: 0, c: 0 })),
  };
}

function feedSurvivalPass(pass: SurvivalPass, binaural: readonly (readonly [Float32Array, Float32Array])[], frames: number): void {
  const { left, right } = pass;
  left.fill(0);
  right.fill(0);
  binaural.forEach(([l, r], i) => {
    const own = pass.own[i]!;
    let pl = 0, pr = 0, c = 0;
    for (let n = 0; n < frames; n++) {
      const a = l[n]!, b = r[n]!;
      pl += a * a;
      pr += b * b;
      c += a * b;
      left[n] = left[n]! + a;
      right[n] = right[n]! + b;
    }
    own.pl += pl;
    own.pr += pr;
    own.c += c;
  });
  feedMomentAnalyser(pass.analyser, [[left, right]], frames);
}

