import type { Scene, SceneSource } from '../../core/scene/scene';
import { audibleContributors } from './analysisContributors';
import type { AnalysisContributor } from './analysisContributors';
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
 * What a scene's mono analysis works on, checked and resolved once: the audible objects,
 * beds and HOA stems with their stems (analysisContributors.ts), the outputs rendered besides the objects, and the programme's length.
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
   * The analysis reads each contributor's rendered outputs instead of taking its objects
   * through the buses' responses (sceneSpanMoments.ts): an audible source's timeline
   * moves it (the buses are not time-invariant); for a stereo analysis, the loudspeaker
   * bus renders a source with more than its direction's point-source gains (ADM
   * parameters, a Cartesian position: buses/objectGainBlock.ts), whose response is not
   * the fold-down's gains for its direction; or a bed or HOA stem is heard (its channels
   * are more than the two objects a response matrix takes, with fixed gains of their own).
   */
  readonly rendered: boolean;
  /**
   * What each source's renderer makes besides its objects (which every analysis reads):
   * the buses of the loudness outputs and, when `rendered`, of the analysed renders.
   */
  readonly outputs: readonly OutputDefinition[];
  readonly hrtf: HrtfGrid | undefined;
  readonly monoLaw: MonoLaw;
  readonly windowSec: number;
  /** The audible objects, then beds, then HOA stems, each rendered alone. */
  readonly contributors: readonly AnalysisContributor[];
  /** The whole render's length: the longest stem plus the tail of the outputs analysed or checked (as `npm run render` renders it). */
  readonly lengthFrames: number;
}

/** stems: the channels of scene.sources, then of scene.beds, then of scene.ambisonics, at scene.sampleRateHz (createSceneRenderer's order). */
export function sceneAnalysisSetup(scene: Scene, stems: readonly (readonly Float32Array[])[], options: SceneMonoAnalysisOptions): SceneAnalysisSetup {
  const { format, hrtf } = options;
  if (format !== 'stereo' && format !== 'binaural') {
    throw new Error(`mono analysis: format must be 'stereo' or 'binaural', got ${JSON.stringify(format)}`);
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
  const contributors = audibleContributors(scene, stems);
  const sources = contributors.flatMap((c) => (c.kind === 'object' ? c.alone.sources : []));
  const rendered =
    contributors.some((c) => c.kind !== 'object') ||
    sources.some((source) => timelineMoves(source.timeline)) ||
    (format === 'stereo' && sources.some(beyondPointSource));
  const analysedOutputs = rendered ? studioOutputs(survivalPass ? [format, 'binaural'] : [format], outputSettings) : [];
  const outputs = [...loudnessOutputs, ...analysedOutputs.filter((output) => !loudnessOutputs.some((o) => o.id === output.id))];
  return {
    scene,
    format,
    checkBinaural,
    survivalPass,
    loudness,
    loudnessOutputs,
    rendered,
    outputs: planOutputs(outputs).buses,
    hrtf,
    monoLaw,
    windowSec: checkedWindowSec(options.windowSec),
    contributors,
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
