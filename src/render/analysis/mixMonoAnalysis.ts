import { createMomentAnalyser, feedMomentAnalyser, finishMomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import { DEFAULT_MONO_LAW, monoLawGain } from '../../core/monoLaw';
import { analysisBands, analysisTimeline, stereoFieldSummary } from './analysisFigures';
import { haasWindowCorrelation } from './findingFigures';
import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import { checkedWindowSec } from './monoAnalysisOptions';
import type { MonoAnalysisOptions } from './monoAnalysisOptions';
import { sceneSourceFindings } from './sceneFindings';

/** Frames fed per step (and between progress reports). */
const CHUNK_FRAMES = 65536;

/**
 * The mono-compatibility figures of a finished stereo mix: overall, per band, per window,
 * and findings (Haas, polarity, wide low end, wide) about the mix itself, without
 * sources. The mix is analysed as a scene of one source (sceneFindings.ts), so a file and
 * a scene are judged by the same rules. Synchronous; memory does not grow with length
 * beyond the timeline.
 */
export function analyzeStereoMix(left: Float32Array, right: Float32Array, sampleRateHz: number, options: MonoAnalysisOptions = {}): MonoAnalysis {
  if (left.length !== right.length) {
    throw new Error(`mono analysis: the left and right channels must be equally long, got ${left.length} and ${right.length} frames`);
  }
  if (!(Number.isFinite(sampleRateHz) && sampleRateHz >= 8000)) {
    throw new Error(`mono analysis: expected a sample rate of at least 8000 Hz, got ${sampleRateHz}`);
  }
  const windowSec = checkedWindowSec(options.windowSec);
  const monoLaw = options.monoLaw ?? DEFAULT_MONO_LAW;
  const monoGain = monoLawGain(monoLaw);
  const analyser = createMomentAnalyser({ sampleRateHz, inputCount: 1, perInput: true, totalFrames: left.length, windowSec });
  for (let start = 0; start < left.length; start += CHUNK_FRAMES) {
    const frames = Math.min(CHUNK_FRAMES, left.length - start);
    feedMomentAnalyser(analyser, [[left.subarray(start, start + frames), right.subarray(start, start + frames)]], frames);
    options.onProgress?.((start + frames) / left.length);
  }
  finishMomentAnalyser(analyser);
  const overall = stereoFieldSummary(analyser.mixBands, analyser.bandCount, left.length, monoGain);
  const { findings } = sceneSourceFindings({
    analyser,
    sources: [{ name: 'the mix' }],
    monoGain,
    format: 'stereo',
    windowCorrelation: haasWindowCorrelation(analyser),
  });
  options.onProgress?.(1);
  return {
    subject: 'mix',
    format: 'stereo',
    sampleRateHz,
    durationSec: left.length / sampleRateHz,
    monoLaw,
    bands: analysisBands(analyser),
    overall,
    timeline: analysisTimeline(analyser, monoGain),
    sources: [],
    findings,
  };
}
