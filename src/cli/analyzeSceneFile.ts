import { MONO_WEIGHTS, STEREO_WEIGHTS } from '../dsp/loudness/channelWeights';
import type { LoudnessTarget } from '../dsp/loudness/loudnessTargets';
import type { MonoAnalysis } from '../render/analysis/monoAnalysisTypes';
import { renderWholeScene } from '../render/offlineRender';
import { OUTPUT_FORMATS } from '../render/renderBlock';
import { createSceneRenderer } from '../render/sceneRenderer';
import type { AnalyzeArgs } from './analyzeArgs';
import { measureProgrammeLoudness } from './analyzeLoudness';
import { analyzeSceneInParallel, sharedStems } from './parallelSceneAnalysis';
import { loadHrtfGrid } from './loadHrtf';
import { loadSceneFile, loadStems } from './loadScene';
import { createProgressLine } from './progress';
import type { ProgrammeLoudness, ReportInput } from './report/analysisReport';

/** What a scene gives the report (all but the target and the gates). */
export interface SceneMeasurement {
  readonly input: ReportInput;
  readonly loudness: readonly ProgrammeLoudness[];
  readonly monoAnalysis: MonoAnalysis;
  readonly notes: readonly string[];
}

/**
 * Loads a scene and its stems as `npm run render` does, renders binaural, stereo and mono
 * and measures each one's loudness, then runs the mono-compatibility analysis that
 * attributes the losses of `args.format` to sources (checking the binaural render's
 * mono survival as well).
 */
export async function analyzeSceneFile(args: AnalyzeArgs, target: LoudnessTarget): Promise<SceneMeasurement> {
  const { scene, warnings } = await loadSceneFile(args.inputPath);
  // Shared (not copied) with the analysis's worker threads.
  const [stems, hrtf] = await Promise.all([loadStems(scene, args.inputPath).then(sharedStems), loadHrtfGrid(args.hrtfPath, scene.sampleRateHz)]);
  const renderer = createSceneRenderer(scene, stems, { formats: OUTPUT_FORMATS, monoLaw: args.monoLaw, hrtf });
  const lengthSec = renderer.lengthFrames / scene.sampleRateHz;

  const rendering = createProgressLine(`rendering ${lengthSec.toFixed(1)} s`);
  const rendered = renderWholeScene(renderer, rendering.update);
  rendering.done();
  const programmes = [
    { programme: 'binaural', channels: rendered.binaural, weights: STEREO_WEIGHTS },
    { programme: 'stereo', channels: rendered.stereo, weights: STEREO_WEIGHTS },
    { programme: 'mono', channels: rendered.mono === undefined ? undefined : [rendered.mono], weights: MONO_WEIGHTS },
  ] as const;
  const loudness: ProgrammeLoudness[] = programmes.map(({ programme, channels, weights }) => {
    if (channels === undefined) throw new Error(`internal: ${programme} was not rendered`);
    return { programme, ...measureProgrammeLoudness(channels, scene.sampleRateHz, weights, target) };
  });

  const analysing = createProgressLine(`analysing the ${args.format} render per source`);
  const monoAnalysis = await analyzeSceneInParallel(scene, stems, {
    format: args.format,
    hrtf,
    checkBinaural: true,
    monoLaw: args.monoLaw,
    onProgress: analysing.update,
  });
  analysing.done();

  const notes = renderer.nonFiniteBlocks > 0 ? [`${renderer.nonFiniteBlocks} render blocks had non-finite samples and were silenced`] : [];
  const input: ReportInput = {
    kind: 'scene',
    file: args.inputPath,
    sampleRateHz: scene.sampleRateHz,
    durationSec: lengthSec,
    sourceCount: scene.sources.length,
    foldedDown: false,
    warnings,
  };
  return { input, loudness, monoAnalysis, notes };
}
