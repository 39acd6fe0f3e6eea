import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SCENE_FORMAT_VERSION } from '../../core/scene/scene';
import type { Scene, SceneSource } from '../../core/scene/scene';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { createMixMeters, processMixMeters } from '../../dsp/meters/mixMeters';
import type { AnalysedFormat } from '../../core/monoAnalysis/monoAnalysisTypes';
import { RENDER_BLOCK_FRAMES } from '../../render/renderBlock';
import { loadSceneFile, loadStems } from '../loadScene';
import { measureSceneInParallel, sharedStems } from '../analyze/parallelSceneAnalysis';

/**
 * The analysis part of `npm run bench`: (a) the full mono-compatibility analysis of a
 * 3-minute, 16-source scene of stereo stems at 48 kHz (band-limited noises and tones,
 * some wide, one Haas-widened, one polarity-inverted): the stereo fold-down alone, with
 * the binaural render's survival (what the studio's Mono check runs), and the binaural
 * render; on one thread and split over one worker thread per core (what `npm run analyze`
 * and the studio do); the same for the demo scene looped to 3 minutes; wall-clock seconds, times faster than real time and the peak
 * resident memory while analysing (the process's, stems included); (b) how many times
 * faster than real time the studio's full meter set runs (mixMeters.ts with the multiband
 * meter and the goniometer, 128-frame blocks, stereo).
 */
const SAMPLE_RATE_HZ = 48000;
const SCENE_SECONDS = 180;
const SOURCE_COUNT = 16;
const METER_SECONDS = 20;
const HAAS_DELAY_SAMPLES = 576;

/** Deterministic noise (a 32-bit LCG), uniform in [-1, 1): the material of every benchmark. */
export function benchNoise(frames: number, seed: number): Float32Array {
  const out = new Float32Array(frames);
  let state = seed >>> 0;
  for (let i = 0; i < frames; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2147483648 - 1;
  }
  return out;
}

/** One-pole low-pass of `x` in place (cutoff about `hz`), then `gain`. */
function lowPass(x: Float32Array, hz: number, gain: number): Float32Array {
  const a = 1 - Math.exp((-2 * Math.PI * hz) / SAMPLE_RATE_HZ);
  let y = 0;
  for (let i = 0; i < x.length; i++) {
    y += a * (x[i]! - y);
    x[i] = gain * y;
  }
  return x;
}

/**
 * Source material: a few long signals, of which each stem takes windows at different
 * offsets (noise shifted by thousands of samples is uncorrelated with itself), so that 16
 * stereo stems cost a handful of buffers instead of 32.
 */
function benchStems(frames: number): Float32Array[][] {
  const margin = 64 * 1024;
  const length = frames + margin;
  const bases = [
    benchNoise(length, 1),
    lowPass(benchNoise(length, 2), 200, 3),
    lowPass(benchNoise(length, 3), 2000, 1.5),
    Float32Array.from({ length }, (_, n) => 0.3 * Math.sin((2 * Math.PI * 220 * n) / SAMPLE_RATE_HZ) + 0.2 * Math.sin((2 * Math.PI * 331 * n) / SAMPLE_RATE_HZ)),
  ];
  // Over SharedArrayBuffers, so that the analysis's worker threads share them (parallelSceneAnalysis.ts sharedStems).
  const shared = sharedStems([bases])[0]!;
  const take = (base: number, offset: number): Float32Array => shared[base % shared.length]!.subarray(offset, offset + frames);
  return Array.from({ length: SOURCE_COUNT }, (_, i) => {
    const left = take(i, 1000 + 3000 * i);
    if (i === 0) return [left, take(i, 1000 - HAAS_DELAY_SAMPLES)];
    if (i === 1) return [left, left.map((v) => -v)];
    // Every third source mono-like (the same signal in both channels), the others wide (independent channels).
    return i % 3 === 0 ? [left, left] : [left, take(i, 40_000 + 1000 * i)];
  });
}

function benchScene(): Scene {
  const sources: SceneSource[] = Array.from({ length: SOURCE_COUNT }, (_, i) => ({
    id: `s${i}`,
    name: `Source ${i}`,
    stem: { kind: 'generator', generator: 'bench' },
    gainDb: -12,
    mute: false,
    solo: false,
    position: { azimuthDeg: ((i * 67) % 360) - 179, elevationDeg: (i % 4) * 10, distanceM: 1 + (i % 3) },
    spreadDeg: 30 + 10 * (i % 8),
  }));
  return { version: SCENE_FORMAT_VERSION, sampleRateHz: SAMPLE_RATE_HZ, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources };
}

/**
 * Wall-clock seconds, findings, and the largest resident memory seen while analysing
 * (sampled at every progress report: the main thread's reports come from the workers)
 * with how much of it the analysis added, MiB.
 */
async function measureAnalysis(
  hrtf: HrtfGrid,
  { format, checkBinaural }: AnalysisCase,
  scene: Scene,
  stems: Float32Array[][],
  threads: number,
): Promise<{ seconds: number; findings: number; peakMiB: number; addedMiB: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const started = performance.now();
  const options = {
    format,
    hrtf,
    checkBinaural,
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage.rss());
    },
  };
  const result = (await measureSceneInParallel(scene, stems, options, threads)).analysis;
  return { seconds: (performance.now() - started) / 1000, findings: result.findings.length, peakMiB: peak / 2 ** 20, addedMiB: (peak - before) / 2 ** 20 };
}

function measureMeters(): number {
  const frames = METER_SECONDS * SAMPLE_RATE_HZ;
  const left = benchNoise(frames, 7);
  const right = benchNoise(frames, 8);
  const meters = createMixMeters(
    { goniometer: { feed: { points: new Float32Array(2 * 4096), cursor: new Int32Array(1) } } },
    SAMPLE_RATE_HZ,
  );
  const started = performance.now();
  for (let start = 0; start + RENDER_BLOCK_FRAMES <= frames; start += RENDER_BLOCK_FRAMES) {
    processMixMeters(meters, left.subarray(start, start + RENDER_BLOCK_FRAMES), right.subarray(start, start + RENDER_BLOCK_FRAMES), RENDER_BLOCK_FRAMES);
  }
  return METER_SECONDS / ((performance.now() - started) / 1000);
}

/** What is analysed: the stereo fold-down alone, with the binaural render's survival (what the studio's Mono check runs), and the binaural render. */
interface AnalysisCase {
  readonly label: string;
  readonly format: AnalysedFormat;
  readonly checkBinaural: boolean;
}

const ANALYSIS_CASES: readonly AnalysisCase[] = [
  { label: 'stereo fold-down', format: 'stereo', checkBinaural: false },
  { label: 'stereo + binaural survival', format: 'stereo', checkBinaural: true },
  { label: 'binaural (with its survival)', format: 'binaural', checkBinaural: true },
];

function fixed(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

const TABLE_HEADER = 'analysis                       | threads | seconds | x real time | findings | peak resident MiB (added)';

async function printAnalysisRows(
  hrtf: HrtfGrid,
  scene: Scene,
  stems: Float32Array[][],
  cases: readonly AnalysisCase[],
  threadCounts: readonly number[],
  print: (line: string) => void,
): Promise<void> {
  for (const analysisCase of cases) {
    for (const threads of threadCounts) {
      const { seconds, findings, peakMiB, addedMiB } = await measureAnalysis(hrtf, analysisCase, scene, stems, threads);
      const memory = `${peakMiB.toFixed(0)} (+${addedMiB.toFixed(0)})`;
      print(
        `${analysisCase.label.padEnd(30)} | ${String(threads).padStart(7)} | ${seconds.toFixed(1).padStart(7)} | ${fixed(SCENE_SECONDS / seconds).padStart(11)} | ${String(findings).padStart(8)} | ${memory.padStart(25)}`,
      );
    }
  }
}

/** The demo scene with every stem looped to SCENE_SECONDS (over SharedArrayBuffers): a 3-minute session of its size. */
async function loopedDemo(): Promise<{ scene: Scene; stems: Float32Array[][] }> {
  const file = fileURLToPath(new URL('../../../scenes/demo.json', import.meta.url));
  const { scene } = await loadSceneFile(file);
  const frames = SCENE_SECONDS * scene.sampleRateHz;
  const stems = (await loadStems(scene, file)).map((channels) =>
    channels.map((channel) => {
      const looped = new Float32Array(new SharedArrayBuffer(frames * Float32Array.BYTES_PER_ELEMENT));
      for (let at = 0; at < frames; at += channel.length) looped.set(channel.subarray(0, Math.min(channel.length, frames - at)), at);
      return looped;
    }),
  );
  return { scene, stems };
}

export async function runAnalysisBench(hrtf: HrtfGrid, print: (line: string) => void): Promise<void> {
  const cores = availableParallelism();
  const threadCounts = cores > 1 ? [1, cores] : [1];
  print(`Mono analysis: ${SOURCE_COUNT} stereo sources, ${SCENE_SECONDS / 60} minutes at ${SAMPLE_RATE_HZ} Hz; one thread, then split in time over ${cores} worker threads (one per core)`);
  print(TABLE_HEADER);
  await printAnalysisRows(hrtf, benchScene(), benchStems(SCENE_SECONDS * SAMPLE_RATE_HZ), ANALYSIS_CASES, threadCounts, print);
  // The studio's stereo check is the 'stereo + binaural survival' analysis, split over one worker per core (src/engine/analysisClient.ts).
  const demo = await loopedDemo();
  print(`\nThe demo scene (${demo.scene.sources.length} sources, ${demo.stems.filter((c) => c.length === 2).length} of them stereo stems) looped to ${SCENE_SECONDS / 60} minutes`);
  print(TABLE_HEADER);
  await printAnalysisRows(hrtf, demo.scene, demo.stems, ANALYSIS_CASES.slice(0, 2), threadCounts, print);
  print(`\nmeter set (field, 31-band multiband, loudness + true peak, goniometer), ${RENDER_BLOCK_FRAMES}-frame stereo blocks: ${fixed(measureMeters())} x real time`);
}
