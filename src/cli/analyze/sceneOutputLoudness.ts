import type { LoudnessTarget } from '../../core/loudnessTargets';
import type { MonoLaw } from '../../core/monoLaw';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import type { Scene } from '../../core/scene/scene';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { loudnessWeightsForOutput } from '../../dsp/loudness/channelWeights';
import { outputMonoCheck } from '../../render/analysis/outputMonoCheck';
import { renderWholeScene } from '../../render/offlineRender';
import { createSceneRenderer } from '../../render/sceneRenderer';
import { measureProgrammeLoudness } from './analyzeLoudness';
import type { ProgrammeLoudness } from './report/analysisReport';

export interface SceneOutputMeasurement {
  readonly loudness: readonly ProgrammeLoudness[];
  readonly nonFiniteBlocks: number;
  /** The render's length: the longest stem, objects' or beds', plus the buses' tail. */
  readonly durationSec: number;
}

/**
 * Renders `outputs` of the scene as `npm run render` does (objects and beds; `stems` the
 * objects', then the beds'), in one pass into memory, and measures each output: its
 * BS.1770 loudness with its channels weighted by label (dsp/loudness/channelWeights.ts:
 * the LFE left out, the side surrounds +1.5 dB) and its mono check
 * (render/analysis/outputMonoCheck.ts).
 */
export function measureSceneOutputs(
  scene: Scene,
  stems: readonly (readonly Float32Array[])[],
  outputs: readonly OutputDefinition[],
  options: { readonly hrtf: HrtfGrid | undefined; readonly monoLaw: MonoLaw; readonly target: LoudnessTarget; readonly onProgress?: (fraction: number) => void },
): SceneOutputMeasurement {
  const renderer = createSceneRenderer(scene, stems, { outputs, ...(options.hrtf === undefined ? {} : { hrtf: options.hrtf }) });
  const rendered = renderWholeScene(renderer, options.onProgress);
  const loudness = rendered.map((output): ProgrammeLoudness => {
    const monoCheck = outputMonoCheck(output, scene.sampleRateHz, options.monoLaw);
    return {
      programme: output.output.id,
      ...measureProgrammeLoudness(output.channels, scene.sampleRateHz, loudnessWeightsForOutput(output.output), options.target),
      ...(monoCheck === undefined ? {} : { monoCheck }),
    };
  });
  return { loudness, nonFiniteBlocks: renderer.nonFiniteBlocks, durationSec: renderer.lengthFrames / scene.sampleRateHz };
}
