import path from 'node:path';
import { needsHrtf, outputById } from '../../core/outputs/outputCatalog';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import { SHIPPED_HRTF_SET, STUDIO_OUTPUT_IDS } from '../../core/outputs/studioOutputs';
import type { LoudnessTarget } from '../../core/loudnessTargets';
import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import type { AnalyzeArgs } from './analyzeArgs';
import { loudnessFiguresFromPowers } from './analyzeLoudness';
import { measureSceneInParallel, sharedStems } from './parallelSceneAnalysis';
import { loadHrtfGrid } from '../loadHrtf';
import { loadSceneFile, loadStems } from '../loadScene';
import { createProgressLine } from '../progress';
import { measureSceneOutputs } from './sceneOutputLoudness';
import type { ProgrammeLoudness, ReportInput } from './report/analysisReport';

/** What a scene gives the report (all but the target and the gates). */
export interface SceneMeasurement {
  readonly input: ReportInput;
  readonly loudness: readonly ProgrammeLoudness[];
  readonly monoAnalysis: MonoAnalysis;
  readonly notes: readonly string[];
}

/**
 * Loads a scene and its stems as `npm run render` does, and in one pass over the
 * programme (split in time over the cores: parallelSceneAnalysis.ts) runs the
 * mono-compatibility analysis that attributes the losses of `args.format` to the objects,
 * beds and HOA stems (checking the binaural render's mono survival as well), measuring the
 * loudness of the binaural, stereo and mono renders as the sums of their contributions.
 * Every other output of `args.formats` is rendered (with the beds and HOA stems) and
 * measured, with its mono check.
 */
export async function analyzeSceneFile(args: AnalyzeArgs, target: LoudnessTarget): Promise<SceneMeasurement> {
  const loaded = await loadSceneFile(args.inputPath);
  const { objectsKey } = loaded;
  const scene = loaded.scene;
  const stemWarnings: string[] = [];
  const [loadedStems, hrtf] = await Promise.all([
    loadStems(scene, args.inputPath, (warning) => stemWarnings.push(warning), objectsKey),
    loadHrtfGrid(args.hrtfPath, scene.sampleRateHz),
  ]);
  // Shared (not copied) with the analysis's worker threads.
  const stems = sharedStems(loadedStems);

  const analysing = createProgressLine(`rendering and analysing the ${args.format} render per object, bed and HOA stem`);
  const pass = await measureSceneInParallel(scene, stems, {
    format: args.format,
    hrtf,
    checkBinaural: true,
    loudness: true,
    monoLaw: args.monoLaw,
    onProgress: analysing.update,
  });
  analysing.done();
  const fromPass: ProgrammeLoudness[] = (pass.loudness ?? []).map((sums) => ({
    programme: sums.programme,
    ...loudnessFiguresFromPowers(sums.powers, sums, scene.sampleRateHz, target),
  }));

  const outputs = outputsToRender(args);
  let rendered: ProgrammeLoudness[] = [];
  let renderNonFinite = 0;
  let renderedSec = 0;
  if (outputs.length > 0) {
    const rendering = createProgressLine(`rendering ${outputs.map((o) => o.id).join(', ')}`);
    const measured = measureSceneOutputs(scene, stems, outputs, { hrtf: outputs.some(needsHrtf) ? hrtf : undefined, monoLaw: args.monoLaw, target, onProgress: rendering.update });
    rendering.done();
    rendered = [...measured.loudness];
    renderNonFinite = measured.nonFiniteBlocks;
    renderedSec = measured.durationSec;
  }

  const nonFinite = pass.nonFiniteBlocks + renderNonFinite;
  const notes = nonFinite > 0 ? [`${nonFinite} render blocks had non-finite samples and were silenced`] : [];
  const input: ReportInput = {
    kind: 'scene',
    file: args.inputPath,
    sampleRateHz: scene.sampleRateHz,
    // Another output may ring longer than the pass's renders.
    durationSec: Math.max(pass.analysis.durationSec, renderedSec),
    sourceCount: scene.sources.length,
    ...((scene.beds ?? []).length > 0 ? { bedCount: scene.beds!.length } : {}),
    ...((scene.ambisonics ?? []).length > 0 ? { hoaCount: scene.ambisonics!.length } : {}),
    foldedDown: false,
    warnings: [...loaded.warnings, ...stemWarnings],
  };
  return { input, loudness: [...fromPass, ...rendered], monoAnalysis: pass.analysis, notes };
}

/** What the analysis pass does not measure: every output of `args.formats` but the studio's binaural, stereo and mono, whose loudness the pass gives. */
function outputsToRender(args: AnalyzeArgs): OutputDefinition[] {
  const settings = {
    monoLaw: args.monoLaw,
    hrtfSet: args.hrtfPath === undefined ? SHIPPED_HRTF_SET : path.basename(args.hrtfPath),
    loRo: args.loRo,
    ltRt: args.ltRt,
  };
  const ids = args.formats.filter((id) => !(STUDIO_OUTPUT_IDS as readonly string[]).includes(id));
  const outputs: OutputDefinition[] = [];
  for (const id of ids) {
    const output = outputById(id, settings);
    if (!outputs.some((o) => o.id === output.id)) outputs.push(output);
  }
  return outputs;
}
