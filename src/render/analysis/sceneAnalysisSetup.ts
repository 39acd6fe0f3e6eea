import type { Scene, SceneSource } from '../../core/scene/scene';
import { audibleSources } from '../../core/scene/scene';
import { timelineMoves } from '../../core/scene/objectTimeline';
import { createObjectValues, createObjectValuesScratch, writeObjectValuesAt } from '../../core/scene/objectValues';
import { sourceParamsOf } from '../../core/scene/sourceParams';
import { isPlainPoint } from '../buses/objectGainBlock';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import { studioOutputs } from '../../core/outputs/studioOutputs';
import { planOutputs, renderLengthFrames } from '../outputPlan';
import { LOUDNESS_PROGRAMMES } from './spanLoudness';
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
 * and their stems, the outputs rendered besides the objects, and the programme's length.
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
  /** The outputs whose loudness is measured (LOUDNESS_PROGRAMMES), none without `loudness`. */
  readonly loudnessOutputs: readonly OutputDefinition[];
  /**
   * An audible source's timeline moves it: the buses are not time-invariant, so the
   * analysis reads each source's rendered outputs instead of taking its objects through
   * the buses' responses (sceneSpanMoments.ts). Also for a stereo analysis of a source
   * the loudspeaker bus renders with more than its direction's point-source gains (ADM
   * parameters, a Cartesian position: buses/objectGainBlock.ts), whose response is not
   * the fold-down's gains for its direction.
   */
  readonly moving: boolean;
  /**
   * What each source's renderer makes besides its objects (which every analysis reads):
   * the buses of the loudness outputs and, in a moving scene, of the analysed renders.
   */
  readonly outputs: readonly OutputDefinition[];
  readonly hrtf: HrtfGrid | undefined;
  readonly monoLaw: MonoLaw;
  readonly windowSec: number;
  readonly sources: readonly SceneSource[];
  /** stems[i] belongs to sources[i]. */
  readonly stems: readonly (readonly Float32Array[])[];
  /** The whole render's length: the longest stem plus the tail of the outputs analysed or checked (as `npm run render` renders it). */
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
  const monoLaw = options.monoLaw ?? DEFAULT_MONO_LAW;
  const outputSettings = { monoLaw, hrtfSet: hrtf?.set.name ?? 'none' };
  const loudnessOutputs = loudness ? studioOutputs(LOUDNESS_PROGRAMMES, outputSettings) : [];
  const survivalPass = format === 'stereo' && checkBinaural;
  const sources = audibleSources(scene);
  const sourceStems = sources.map((source) => stems[scene.sources.indexOf(source)]!);
  const moving = sources.some((source) => timelineMoves(source.timeline)) || (format === 'stereo' && sources.some(beyondPointSource));
  const analysedOutputs = moving ? studioOutputs(survivalPass ? [format, 'binaural'] : [format], outputSettings) : [];
  const rendered = [...loudnessOutputs, ...analysedOutputs.filter((output) => !loudnessOutputs.some((o) => o.id === output.id))];
  return {
    scene,
    format,
    checkBinaural,
    survivalPass,
    loudness,
    loudnessOutputs,
    moving,
    outputs: planOutputs(rendered).buses,
    hrtf,
    monoLaw,
    windowSec: checkedWindowSec(options.windowSec),
    sources,
    stems: sourceStems,
    // The binaural render rings longest: with the survival checked, the programme runs to its end.
    lengthFrames: renderLengthFrames(stems, studioOutputs([checkBinaural || loudness ? 'binaural' : format], outputSettings), hrtf),
  };
}

/** Whether a loudspeaker bus renders `source` (static: its values at 0) with more than the point-source panner. */
function beyondPointSource(source: SceneSource): boolean {
  const values = createObjectValues();
  writeObjectValuesAt(sourceParamsOf(source), 0, createObjectValuesScratch(), values);
  return !isPlainPoint(values);
}
