import { sceneWithoutBeds } from '../../core/scene/scene';
import type { LoudnessTarget } from '../../core/loudnessTargets';
import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import type { AnalyzeArgs } from './analyzeArgs';
import { loudnessFiguresFromPowers } from './analyzeLoudness';
import { measureSceneInParallel, sharedStems } from './parallelSceneAnalysis';
import { loadHrtfGrid } from '../loadHrtf';
import { loadSceneFile, loadStems } from '../loadScene';
import { createProgressLine } from '../progress';
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
 * programme (split in time over the cores: parallelSceneAnalysis.ts) measures the
 * loudness of its binaural, stereo and mono renders and runs the mono-compatibility
 * analysis that attributes the losses of `args.format` to sources (checking the binaural
 * render's mono survival as well). The renders are the sums of the sources'
 * contributions, rendered by the studio's renderer.
 */
export async function analyzeSceneFile(args: AnalyzeArgs, target: LoudnessTarget): Promise<SceneMeasurement> {
  const loaded = await loadSceneFile(args.inputPath);
  const { objectsKey } = loaded;
  // The analysis renders the objects: beds are not analysed yet (said in the report).
  const scene = sceneWithoutBeds(loaded.scene);
  const bedCount = loaded.scene.beds?.length ?? 0;
  const warnings = [...loaded.warnings, ...(bedCount > 0 ? [`${args.inputPath}: ${bedCount} bed(s) not analysed: the analysis renders the objects only for now`] : [])];
  // Shared (not copied) with the analysis's worker threads.
  const stemWarnings: string[] = [];
  const [stems, hrtf] = await Promise.all([
    loadStems(scene, args.inputPath, (warning) => stemWarnings.push(warning), objectsKey).then(sharedStems),
    loadHrtfGrid(args.hrtfPath, scene.sampleRateHz),
  ]);

  const analysing = createProgressLine(`rendering and analysing the ${args.format} render per source`);
  const pass = await measureSceneInParallel(scene, stems, {
    format: args.format,
    hrtf,
    checkBinaural: true,
    loudness: true,
    monoLaw: args.monoLaw,
    onProgress: analysing.update,
  });
  analysing.done();
  const loudness: ProgrammeLoudness[] = (pass.loudness ?? []).map((sums) => ({
    programme: sums.programme,
    ...loudnessFiguresFromPowers(sums.powers, sums, scene.sampleRateHz, target),
  }));

  const notes = pass.nonFiniteBlocks > 0 ? [`${pass.nonFiniteBlocks} render blocks had non-finite samples and were silenced`] : [];
  const input: ReportInput = {
    kind: 'scene',
    file: args.inputPath,
    sampleRateHz: scene.sampleRateHz,
    durationSec: pass.analysis.durationSec,
    sourceCount: scene.sources.length,
    foldedDown: false,
    warnings: [...warnings, ...stemWarnings],
  };
  return { input, loudness, monoAnalysis: pass.analysis, notes };
}
