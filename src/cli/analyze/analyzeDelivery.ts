import type { LoudnessTarget } from '../../core/loudnessTargets';
import type { Scene } from '../../core/scene/scene';
import { loudnessWeightsForOutput } from '../../dsp/loudness/channelWeights';
import { checkAtmosDelivery } from '../../render/delivery/atmosDeliveryCheck';
import { sceneAsMaster } from '../../render/delivery/deliveryMaster';
import type { DeliveryMaster } from '../../render/delivery/deliveryMaster';
import { loadSceneFile, loadStems } from '../loadScene';
import { createProgressLine } from '../progress';
import { readRegularFile } from '../stemFiles';
import { admDeliveryInput } from './admDeliveryMaster';
import { exportedMix } from '../../adm/exportedMix';
import type { AnalyzeArgs } from './analyzeArgs';
import { measureProgrammeLoudness } from './analyzeLoudness';
import type { DeliveryReport, ProgrammeLoudness, ReportInput } from './report/analysisReport';

/** What the delivery check gives the report (all but the target and the gates). */
export interface DeliveryMeasurement {
  readonly input: ReportInput;
  /** The 7.1.4 render and its 5.1 downmix, the renders the loudness rules judge. */
  readonly loudness: readonly ProgrammeLoudness[];
  readonly delivery: DeliveryReport;
  readonly notes: readonly string[];
}

/** The largest ADM BWF file read: the most Node reads into one buffer. */
const MAX_ADM_FILE_BYTES = 2 ** 31 - 1;

/**
 * `--delivery atmos-music`: the Atmos music delivery check (render/delivery) of an ADM BWF
 * master, imported as `npm run scene:from-adm` does, or of a scene as its ADM export
 * (`render --format adm`) would write it, beds included. The report's loudness rows are
 * the 7.1.4 render and its 5.1 downmix that the loudness rules judge.
 */
export async function analyzeDelivery(args: AnalyzeArgs, target: LoudnessTarget): Promise<DeliveryMeasurement> {
  const file = args.inputPath;
  const { scene, stems, master, kind, warnings, sourceCount } = /\.json$/i.test(file) ? await sceneMaster(file) : await admMaster(file);
  const progress = createProgressLine('rendering 7.1.4 and its 5.1 downmix for the delivery check');
  const check = checkAtmosDelivery(scene, stems, master, progress.update);
  progress.done();
  const loudness = check.renders.map(({ output, channels }): ProgrammeLoudness => ({
    programme: output.id,
    ...measureProgrammeLoudness(channels, scene.sampleRateHz, loudnessWeightsForOutput(output), target),
  }));
  const frames = check.renders[0]?.channels[0]?.length ?? 0;
  const input: ReportInput = {
    kind,
    file,
    sampleRateHz: scene.sampleRateHz,
    durationSec: frames / scene.sampleRateHz,
    ...(kind === 'adm' ? { channelCount: master.channelCount } : { sourceCount }),
    foldedDown: false,
    warnings,
  };
  const notes = [
    ...(kind === 'scene' ? ['the scene is checked as its ADM export would write it (48 kHz 24-bit, built to the Atmos Master ADM profile): its loudness and LFE on that master read back (polar objects at their Cartesian positions, panned allocentrically), its object tracks from its stems'] : []),
    ...((scene.beds ?? []).length > 0 ? ['bed channels carry no binaural render mode here: each counts at its default, mid'] : []),
  ];
  return { input, loudness, delivery: { specification: 'atmos-music', facts: check.facts, rules: check.rules }, notes };
}

interface MasterInput {
  readonly scene: Scene;
  readonly stems: readonly (readonly Float32Array[])[];
  readonly master: DeliveryMaster;
  readonly kind: 'scene' | 'adm';
  readonly warnings: readonly string[];
  /** The scene file's sources (its export's objects split stereo stems). */
  readonly sourceCount: number;
}

async function sceneMaster(file: string): Promise<MasterInput> {
  const { scene, warnings, objectsKey } = await loadSceneFile(file);
  const stemWarnings: string[] = [];
  const stems = await loadStems(scene, file, (warning) => stemWarnings.push(warning), objectsKey);
  // The mix measured is the export's, read back; the file facts are the scene's (sceneAsMaster).
  const mix = exportedMix(scene, stems, file);
  return { scene: mix.scene, stems: mix.stems, master: sceneAsMaster(scene, stems), kind: 'scene', warnings: [...warnings, ...stemWarnings], sourceCount: scene.sources.length };
}

async function admMaster(file: string): Promise<MasterInput> {
  const bytes = await readRegularFile(file, file, 'ADM BWF file', MAX_ADM_FILE_BYTES);
  const { scene, stems, master, warnings } = admDeliveryInput(bytes, file);
  return { scene, stems, master, kind: 'adm', warnings, sourceCount: scene.sources.length };
}
