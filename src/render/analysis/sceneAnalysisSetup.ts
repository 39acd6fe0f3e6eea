import type { Scene, SceneSource } from '../../core/scene';
import { audibleSources } from '../../core/scene';
import { analysisFrameCount } from '../../dsp/analysis/monoMomentAnalyser';
import type { MomentFrameRange } from '../../dsp/analysis/monoMomentAnalyser';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import type { OutputFormat } from '../renderBlock';
import { renderLengthFrames } from '../sceneRenderer';
import type { AnalysedFormat } from '../../core/monoAnalysis/monoAnalysisTypes';
import { checkedWindowSec } from './monoAnalysisOptions';
import type { MonoAnalysisOptions } from './monoAnalysisOptions';

export interface SceneMonoAnalysisOptions extends MonoAnalysisOptions {
  readonly format: AnalysedFormat;
  readonly hrtf?: HrtfGrid;
  /** also check the binaural render's mono survival (needs hrtf); default: true when hrtf is given */
  readonly checkBinaural?: boolean;
  /** also measure the loudness of the binaural, stereo and mono renders (needs hrtf; spanLoudness.ts); default false */
  readonly loudness?: boolean;
}

/**
 * What a scene's mono analysis works on, checked and resolved once: the audible sources
 * and their stems, the formats rendered besides the objects, and the programme's length.
 * Every span of the analysis (sceneSpanMoments.ts) and its conclusion
 * (sceneMonoAnalysis.ts) derive it from the same scene, stems and options.
 */
export interface SceneAnalysisSetup {
  readonly scene: Scene;
  readonly format: AnalysedFormat;
  readonly checkBinaural: boolean;
  /**
   * The binaural check runs beside a stereo analysis as a second view of the same
   * objects (sceneSpanMoments.ts); in a binaural analysis the analysed render is the
   * binaural one already.
   */
  readonly survivalPass: boolean;
  /** Also measure the renders' loudness (spanLoudness.ts). */
  readonly loudness: boolean;
  /** What each source's renderer makes besides its objects (which every analysis reads): stereo and binaural for loudness. */
  readonly formats: readonly OutputFormat[];
  readonly hrtf: HrtfGrid | undefined;
  readonly monoLaw: MonoLaw;
  readonly windowSec: number;
  readonly sources: readonly SceneSource[];
  /** stems[i] belongs to sources[i]. */
  readonly stems: readonly (readonly Float32Array[])[];
  /** The whole render's length: the longest stem plus the tail of the formats analysed or checked (as `npm run render` renders it). */
  readonly lengthFrames: number;
}

/** stems[i] are the channels of scene.sources[i] at scene.sampleRateHz. */
export function sceneAnalysisSetup(scene: Scene, stems: readonly (readonly Float32Array[])[], options: SceneMonoAnalysisOptions): SceneAnalysisSetup {
  const { format, hrtf } = options;
  if (format !== 'stereo' && format !== 'binaural') {
    throw new Error(`mono analysis: format must be 'stereo' or 'binaural', got ${JSON.stringify(format)}`);
  }
  if (stems.length !== scene.sources.length) {
    throw new Error(`mono analysis: expected stems for ${scene.sources.length} sources, got ${stems.length}`);
  }
  const checkBinaural = options.checkBinaural ?? hrtf !== undefined;
  const loudness = options.loudness ?? false;
  if ((format === 'binaural' || checkBinaural || loudness) && hrtf === undefined) {
    const needs = format === 'binaural' ? "the 'binaural' format" : checkBinaural ? 'checkBinaural' : 'loudness';
    throw new Error(`mono analysis: ${needs} needs an HRTF set (options.hrtf)`);
  }
  const formats: OutputFormat[] = loudness ? ['stereo', 'binaural'] : [];
  const survivalPass = format === 'stereo' && checkBinaural;
  const sources = audibleSources(scene);
  const sourceStems = sources.map((source) => stems[scene.sources.indexOf(source)]!);
  return {
    scene,
    format,
    checkBinaural,
    survivalPass,
    loudness,
    formats,
    hrtf,
    monoLaw: options.monoLaw ?? DEFAULT_MONO_LAW,
    windowSec: checkedWindowSec(options.windowSec),
    sources,
    stems: sourceStems,
    // The binaural render rings longest: with the survival checked, the programme runs to its end.
    lengthFrames: renderLengthFrames(stems, checkBinaural || loudness ? ['binaural'] : [format], hrtf),
  };
}

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
