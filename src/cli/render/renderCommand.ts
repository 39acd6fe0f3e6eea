import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { needsHrtf, outputById } from '../../core/outputs/outputCatalog';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import { SHIPPED_HRTF_SET } from '../../core/outputs/studioOutputs';
import { encodeOutputFiles, outputFileName } from '../../io/outputFiles';
import type { PcmSampleFormat } from '../../core/pcm';
import { createLayoutPanner } from '../../render/buses/layoutPanners';
import { renderWholeScene } from '../../render/offlineRender';
import { planOutputs } from '../../render/outputPlan';
import { UsageError } from '../commandLine';
import { createSceneRenderer } from '../../render/sceneRenderer';
import { loadHrtfGrid } from '../loadHrtf';
import { loadSceneFile, loadStems, stemFilePaths } from '../loadScene';
import { makeFolder } from '../makeFolder';
import { checkOutputFiles } from '../outputGuard';
import { createProgressLine } from '../progress';
import { printableLines } from '../terminalText';
import { measureOutput, measuresText } from './outputMeasures';
import type { OutputMeasures } from './outputMeasures';
import type { RenderArgs } from './renderArgs';
import { checkRender } from './suspectRender';
import { ADM_FORMAT_ID, admMasterFile } from '../../adm/admMasterFile';
import type { Scene } from '../../core/scene/scene';

/** What one render wrote, for the report and for tests. */
export interface WrittenFile {
  /** The output's id (core/outputs/outputCatalog.ts). */
  readonly format: string;
  readonly file: string;
  readonly channels: number;
  readonly frames: number;
  readonly peakDbfs: number;
  readonly clipped: boolean;
  /** Loudness (channel weights by label) and, for a two-channel loudspeaker or downmix output, the mono check; absent for the ADM master (objects, not loudspeaker feeds). */
  readonly measures?: OutputMeasures;
}

/**
 * Renders the scene of `args` to one WAV file per output and says what it wrote on `print`
 * (terminal-safe lines: terminalText.ts).
 * Throws a SuspectRenderError (suspectRender.ts), after writing, when the render came out
 * silent or with non-finite blocks.
 */
export async function runRender(args: RenderArgs, print: (line: string) => void): Promise<WrittenFile[]> {
  const log = (line: string): void => print(printableLines(line));
  if (/\.(wav|bwf|bw64|rf64)$/i.test(args.scenePath)) {
    throw new UsageError(`${args.scenePath}: a WAV file, not a scene; an ADM BWF file becomes a scene with npm run scene:from-adm -- ${args.scenePath}, which then renders like any scene`);
  }
  const { scene, warnings, objectsKey } = await loadSceneFile(args.scenePath);
  for (const warning of warnings) log(`warning: ${warning}`);
  const base = path.basename(args.scenePath).replace(/\.json$/i, '');
  const outputs = renderOutputs(args);
  const admFile = args.formats.includes(ADM_FORMAT_ID) ? path.join(args.outDir, outputFileName(base, ADM_FORMAT_ID)) : undefined;
  checkPanners(outputs);
  // Before any work: never over an input, never over an existing file without --force.
  await checkOutputFiles(
    [...outputs.map((output) => path.join(args.outDir, outputFileName(base, output.id))), ...(admFile === undefined ? [] : [admFile])],
    [
      { file: args.scenePath, what: 'the scene file' },
      ...stemFilePaths(scene, args.scenePath, objectsKey),
      ...(args.hrtfPath === undefined ? [] : [{ file: args.hrtfPath, what: 'the HRTF file' }]),
    ],
    args.force === true,
  );
  await makeFolder(args.outDir);
  const [stems, hrtf] = await Promise.all([
    loadStems(scene, args.scenePath, (warning) => log(`warning: ${warning}`), objectsKey),
    outputs.some(needsHrtf) ? loadHrtfGrid(args.hrtfPath, scene.sampleRateHz) : Promise.resolve(undefined),
  ]);
  const written: WrittenFile[] = [];
  if (admFile !== undefined) written.push(await writeAdmMaster(scene, stems, args.scenePath, base, admFile, log));
  if (outputs.length === 0) {
    checkRender({ scene, stems, peaksDbfs: written.map((file) => file.peakDbfs), nonFiniteBlocks: 0 }, args.allowSilent === true, log);
    return written;
  }
  const renderer = createSceneRenderer(scene, stems, { outputs, ...(hrtf === undefined ? {} : { hrtf }) });
  const progress = createProgressLine(`rendering ${renderer.lengthFrames / scene.sampleRateHz} s`);
  const started = performance.now();
  const rendered = renderWholeScene(renderer, progress.update);
  const elapsedSec = (performance.now() - started) / 1000;
  progress.done();
  const lengthSec = renderer.lengthFrames / scene.sampleRateHz;
  log(`rendered ${lengthSec.toFixed(2)} s of ${outputs.map((output) => output.id).join(', ')} in ${elapsedSec.toFixed(2)} s (${(lengthSec / elapsedSec).toFixed(1)}x real time)`);
  const files = encodeOutputFiles({ sampleRateHz: scene.sampleRateHz, outputs: rendered }, { baseName: base, sampleFormat: args.sampleFormat });
  for (const [k, { outputId, fileName, bytes, channelCount, peakDbfs: peak, clips: clipped }] of files.entries()) {
    const file = path.join(args.outDir, fileName);
    await writeFile(file, bytes);
    const measures = measureOutput(rendered[k]!, scene.sampleRateHz, args.monoLaw);
    written.push({ format: outputId, file, channels: channelCount, frames: renderer.lengthFrames, peakDbfs: peak, clipped, measures });
    log(`wrote ${file}: ${channelCount} ch, ${scene.sampleRateHz} Hz, ${bitsLabel(args.sampleFormat)}, peak ${peak.toFixed(2)} dBFS, ${measuresText(measures)}`);
    if (clipped) {
      log(`warning: ${file} peaks at ${peak.toFixed(2)} dBFS and clips in ${bitsLabel(args.sampleFormat)}: lower the source gains, or use --bits 32f to keep the overs`);
    } else if (peak > 0) {
      log(`warning: ${file} peaks at ${peak.toFixed(2)} dBFS, above full scale (kept in 32-bit float)`);
    }
  }
  checkRender({ scene, stems, peaksDbfs: written.map((file) => file.peakDbfs), nonFiniteBlocks: renderer.nonFiniteBlocks }, args.allowSilent === true, log);
  return written;
}

/** Renders and writes the scene's ADM BWF master (admMaster.ts) to `file`. */
async function writeAdmMaster(scene: Scene, stems: readonly (readonly Float32Array[])[], scenePath: string, programmeName: string, file: string, log: (line: string) => void): Promise<WrittenFile> {
  if (scene.master?.midSide !== undefined) log('warning: the master mid/side acts on the two-channel outputs (stereo, binaural) only; the ADM master does not have it');
  if ((scene.ambisonics ?? []).length > 0) log('warning: HOA stems are written as BS.2076 HOA packs, which the Dolby Atmos master profile does not have: a BS.2127 renderer plays the file, an Atmos tool may not');
  const progress = createProgressLine('rendering the ADM master');
  const master = admMasterFile(scene, stems, scenePath, programmeName, progress.update);
  const handle = await open(file, 'w');
  let bytes = 0;
  try {
    for (const piece of master.pieces) {
      await handle.write(piece);
      bytes += piece.length;
    }
  } finally {
    await handle.close();
  }
  progress.done();
  const peakDbfs = master.peakDbfs();
  const channels = master.objects + master.bedChannels + master.hoaChannels;
  const tracks = master.hoaChannels === 0 ? `${master.objects} objects and ${master.bedChannels} bed channels` : `${master.objects} objects, ${master.bedChannels} bed channels and ${master.hoaChannels} HOA channels`;
  log(`wrote ${file}: ADM BWF, ${tracks} (${channels} ch), ${scene.sampleRateHz} Hz, 24-bit, ${(master.frames / scene.sampleRateHz).toFixed(2)} s, ${bytes} bytes, peak ${peakDbfs.toFixed(2)} dBFS`);
  const clipped = peakDbfs > 0;
  if (clipped) log(`warning: ${file} peaks at ${peakDbfs.toFixed(2)} dBFS and clips in 24-bit: lower the source gains`);
  return { format: ADM_FORMAT_ID, file, channels, frames: master.frames, peakDbfs, clipped };
}

/** The outputs `args` asks for, each once (two names of one layout, `5.1` and `0+5+0`, are one output). */
function renderOutputs(args: RenderArgs): OutputDefinition[] {
  const settings = { monoLaw: args.monoLaw, hrtfSet: args.hrtfPath === undefined ? SHIPPED_HRTF_SET : path.basename(args.hrtfPath), loRo: args.loRo, ltRt: args.ltRt };
  const outputs: OutputDefinition[] = [];
  for (const id of args.formats) {
    if (id === ADM_FORMAT_ID) continue;
    const output = outputById(id, settings);
    if (!outputs.some((o) => o.id === output.id)) outputs.push(output);
  }
  return outputs;
}

/** Before any file is read: every layout asked for (itself or as a downmix's source) has an object panner; a UsageError naming it otherwise. */
function checkPanners(outputs: readonly OutputDefinition[]): void {
  for (const bus of planOutputs(outputs).buses) {
    if (bus.kind !== 'loudspeakers') continue;
    try {
      createLayoutPanner(bus.layout);
    } catch (error) {
      throw new UsageError(`--format ${bus.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function bitsLabel(sampleFormat: PcmSampleFormat): string {
  return sampleFormat === 'pcm16' ? '16-bit' : sampleFormat === 'pcm24' ? '24-bit' : '32-bit float';
}
