import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHIPPED_HRTF_SET, studioOutputs } from '../../core/outputs/studioOutputs';
import { encodeOutputFiles, outputFileName } from '../../io/outputFiles';
import type { PcmSampleFormat } from '../../core/pcm';
import { renderWholeScene } from '../../render/offlineRender';
import { createSceneRenderer } from '../../render/sceneRenderer';
import { loadHrtfGrid } from '../loadHrtf';
import { loadSceneFile, loadStems, stemFilePaths } from '../loadScene';
import { checkOutputFiles } from '../outputGuard';
import { createProgressLine } from '../progress';
import type { RenderArgs } from './renderArgs';

/** What one render wrote, for the report and for tests. */
export interface WrittenFile {
  /** The output's id (core/outputs/studioOutputs.ts). */
  readonly format: string;
  readonly file: string;
  readonly channels: number;
  readonly frames: number;
  readonly peakDbfs: number;
  readonly clipped: boolean;
}

export async function runRender(args: RenderArgs, log: (line: string) => void): Promise<WrittenFile[]> {
  const { scene, warnings } = await loadSceneFile(args.scenePath);
  for (const warning of warnings) log(`warning: ${warning}`);
  const base = path.basename(args.scenePath).replace(/\.json$/i, '');
  // Before any work: never over an input, never over an existing file without --force.
  await checkOutputFiles(
    args.formats.map((id) => path.join(args.outDir, outputFileName(base, id))),
    [
      { file: args.scenePath, what: 'the scene file' },
      ...stemFilePaths(scene, args.scenePath),
      ...(args.hrtfPath === undefined ? [] : [{ file: args.hrtfPath, what: 'the HRTF file' }]),
    ],
    args.force === true,
  );
  const [stems, hrtf] = await Promise.all([
    loadStems(scene, args.scenePath),
    args.formats.includes('binaural') ? loadHrtfGrid(args.hrtfPath, scene.sampleRateHz) : Promise.resolve(undefined),
  ]);
  const outputs = studioOutputs(args.formats, { monoLaw: args.monoLaw, hrtfSet: args.hrtfPath === undefined ? SHIPPED_HRTF_SET : path.basename(args.hrtfPath) });
  const renderer = createSceneRenderer(scene, stems, { outputs, ...(hrtf === undefined ? {} : { hrtf }) });
  const progress = createProgressLine(`rendering ${renderer.lengthFrames / scene.sampleRateHz} s`);
  const started = performance.now();
  const rendered = renderWholeScene(renderer, progress.update);
  const elapsedSec = (performance.now() - started) / 1000;
  progress.done();
  const lengthSec = renderer.lengthFrames / scene.sampleRateHz;
  log(`rendered ${lengthSec.toFixed(2)} s of ${args.formats.join(', ')} in ${elapsedSec.toFixed(2)} s (${(lengthSec / elapsedSec).toFixed(1)}x real time)`);
  if (renderer.nonFiniteBlocks > 0) log(`warning: ${renderer.nonFiniteBlocks} blocks had non-finite samples and were silenced`);

  await mkdir(args.outDir, { recursive: true });
  const written: WrittenFile[] = [];
  const files = encodeOutputFiles({ sampleRateHz: scene.sampleRateHz, outputs: rendered }, { baseName: base, sampleFormat: args.sampleFormat });
  for (const { outputId, fileName, bytes, channelCount, peakDbfs: peak, clips: clipped } of files) {
    const file = path.join(args.outDir, fileName);
    await writeFile(file, bytes);
    written.push({ format: outputId, file, channels: channelCount, frames: renderer.lengthFrames, peakDbfs: peak, clipped });
    log(`wrote ${file}: ${channelCount} ch, ${scene.sampleRateHz} Hz, ${bitsLabel(args.sampleFormat)}, peak ${peak.toFixed(2)} dBFS`);
    if (clipped) {
      log(`warning: ${file} peaks at ${peak.toFixed(2)} dBFS and clips in ${bitsLabel(args.sampleFormat)}: lower the source gains, or use --bits 32f to keep the overs`);
    } else if (peak > 0) {
      log(`warning: ${file} peaks at ${peak.toFixed(2)} dBFS, above full scale (kept in 32-bit float)`);
    }
  }
  return written;
}

function bitsLabel(sampleFormat: PcmSampleFormat): string {
  return sampleFormat === 'pcm16' ? '16-bit' : sampleFormat === 'pcm24' ? '24-bit' : '32-bit float';
}
