import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeWav } from '../io/wav';
import type { WavSampleFormat } from '../io/wav';
import { renderWholeScene } from '../render/offlineRender';
import type { RenderedScene } from '../render/offlineRender';
import { createSceneRenderer } from '../render/sceneRenderer';
import type { OutputFormat } from '../render/renderBlock';
import { loadHrtfGrid } from './loadHrtf';
import { loadSceneFile, loadStems } from './loadScene';
import { clipsIn, samplePeakDbfs } from '../io/samplePeak';
import { createProgressLine } from './progress';
import type { RenderArgs } from './renderArgs';

/** What one render wrote, for the report and for tests. */
export interface WrittenFile {
  readonly format: OutputFormat;
  readonly file: string;
  readonly channels: number;
  readonly frames: number;
  readonly peakDbfs: number;
  readonly clipped: boolean;
}

export async function runRender(args: RenderArgs, log: (line: string) => void): Promise<WrittenFile[]> {
  const { scene, warnings } = await loadSceneFile(args.scenePath);
  for (const warning of warnings) log(`warning: ${warning}`);
  const [stems, hrtf] = await Promise.all([
    loadStems(scene, args.scenePath),
    args.formats.includes('binaural') ? loadHrtfGrid(args.hrtfPath, scene.sampleRateHz) : Promise.resolve(undefined),
  ]);
  const renderer = createSceneRenderer(scene, stems, {
    formats: args.formats,
    monoLaw: args.monoLaw,
    ...(hrtf === undefined ? {} : { hrtf }),
  });
  const progress = createProgressLine(`rendering ${renderer.lengthFrames / scene.sampleRateHz} s`);
  const started = performance.now();
  const rendered = renderWholeScene(renderer, progress.update);
  const elapsedSec = (performance.now() - started) / 1000;
  progress.done();
  const lengthSec = renderer.lengthFrames / scene.sampleRateHz;
  log(`rendered ${lengthSec.toFixed(2)} s of ${args.formats.join(', ')} in ${elapsedSec.toFixed(2)} s (${(lengthSec / elapsedSec).toFixed(1)}x real time)`);
  if (renderer.nonFiniteBlocks > 0) log(`warning: ${renderer.nonFiniteBlocks} blocks had non-finite samples and were silenced`);

  await mkdir(args.outDir, { recursive: true });
  const base = path.basename(args.scenePath).replace(/\.json$/i, '');
  const written: WrittenFile[] = [];
  for (const format of args.formats) {
    const channels = channelsOf(rendered, format);
    const file = path.join(args.outDir, `${base}.${format}.wav`);
    await writeFile(file, encodeWav({ sampleRateHz: scene.sampleRateHz, channels }, encodeOptions(args.sampleFormat)));
    const peak = samplePeakDbfs(channels);
    const clipped = clipsIn(peak, args.sampleFormat);
    written.push({ format, file, channels: channels.length, frames: renderer.lengthFrames, peakDbfs: peak, clipped });
    log(`wrote ${file}: ${channels.length} ch, ${scene.sampleRateHz} Hz, ${bitsLabel(args.sampleFormat)}, peak ${peak.toFixed(2)} dBFS`);
    if (clipped) {
      log(`warning: ${file} peaks at ${peak.toFixed(2)} dBFS and clips in ${bitsLabel(args.sampleFormat)}: lower the source gains, or use --bits 32f to keep the overs`);
    } else if (peak > 0) {
      log(`warning: ${file} peaks at ${peak.toFixed(2)} dBFS, above full scale (kept in 32-bit float)`);
    }
  }
  return written;
}

function channelsOf(rendered: RenderedScene, format: OutputFormat): Float32Array[] {
  const channels = format === 'mono' ? (rendered.mono ? [rendered.mono] : []) : (rendered[format] ?? []);
  if (channels.length === 0) throw new Error(`internal: ${format} was not rendered`);
  return [...channels];
}

function encodeOptions(sampleFormat: WavSampleFormat): { sampleFormat: WavSampleFormat; dither: 'none' | 'tpdf' } {
  // 16-bit is dithered so quiet passages do not turn into quantisation distortion.
  return { sampleFormat, dither: sampleFormat === 'pcm16' ? 'tpdf' : 'none' };
}

function bitsLabel(sampleFormat: WavSampleFormat): string {
  return sampleFormat === 'pcm16' ? '16-bit' : sampleFormat === 'pcm24' ? '24-bit' : '32-bit float';
}
