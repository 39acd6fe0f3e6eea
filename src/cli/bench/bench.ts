import { SCENE_FORMAT_VERSION } from '../../core/scene/scene';
import type { Scene, SceneSource } from '../../core/scene/scene';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { RENDER_BLOCK_FRAMES } from '../../render/renderBlock';
import { SHIPPED_HRTF_SET, studioOutput } from '../../core/outputs/studioOutputs';
import type { StudioOutputId } from '../../core/outputs/studioOutputs';
import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import { createSceneRenderer, renderFrames, updateSource } from '../../render/sceneRenderer';
import { benchNoise, runAnalysisBench } from './benchAnalysis';
import { runAtmosBench } from './atmosBench';
import { benchSource } from '../../core/scene/benchScenes';
import { loadHrtfGrid } from '../loadHrtf';

/**
 * `npm run bench`: how many times faster than real time the renderer runs in Node on one
 * core, per object count and output format, the largest object count that still runs in
 * real time, and peak memory; then the browser figures (browserBench.ts: the renderer as
 * an AudioWorklet in headless Chromium against Chromium's HRTF PannerNode). Figures vary
 * with the machine and its load: run it on an idle machine and read the median of the
 * repeats.
 */
const SAMPLE_RATE_HZ = 48000;
const OBJECT_COUNTS = [1, 8, 32, 128, 256];
const REPEATS = 3;
/** Audio rendered per measurement; fewer seconds for many objects keeps the run short. */
const renderSeconds = (objects: number): number => Math.max(2, Math.min(20, 640 / objects));

interface Measurement {
  readonly objects: number;
  readonly realTimeFactor: number;
}

function benchScene(objectCount: number): Scene {
  const sources: SceneSource[] = [];
  for (let i = 0; i < objectCount; i++) {
    // Spread over the sphere on a golden-angle spiral so every object uses a different filter.
    const elevationDeg = Math.asin(-0.9 + (1.8 * (i + 0.5)) / objectCount) * (180 / Math.PI);
    const azimuthDeg = ((i * 137.508) % 360) - 180 + 1e-9;
    sources.push(benchSource(i, { azimuthDeg, elevationDeg, distanceM: 1 + (i % 5) }));
  }
  return { version: SCENE_FORMAT_VERSION, sampleRateHz: SAMPLE_RATE_HZ, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources };
}

/** Renders `seconds` of `objects` static (or moving) objects; returns the real-time factor. */
function measure(hrtf: HrtfGrid, format: StudioOutputId, objects: number, seconds: number, moving: boolean): number {
  const scene = benchScene(objects);
  const frames = Math.ceil((seconds * SAMPLE_RATE_HZ) / RENDER_BLOCK_FRAMES) * RENDER_BLOCK_FRAMES;
  const stem = benchNoise(frames, 1);
  const output = studioOutput(format, { monoLaw: DEFAULT_MONO_LAW, hrtfSet: SHIPPED_HRTF_SET });
  const renderer = createSceneRenderer(scene, scene.sources.map(() => [stem]), { outputs: [output], hrtf });
  const outputs = { outputs: [output.channels.map(() => new Float32Array(RENDER_BLOCK_FRAMES))] };
  const params = scene.sources.map((s) => ({
    gainDb: s.gainDb,
    mute: false,
    solo: false,
    azimuthDeg: s.position.azimuthDeg,
    elevationDeg: s.position.elevationDeg,
    distanceM: s.position.distanceM,
    spreadDeg: 0,
  }));
  const started = performance.now();
  for (let block = 0; block < frames / RENDER_BLOCK_FRAMES; block++) {
    if (moving) {
      // Every object turns at 90 degrees per second: a filter change in every block.
      for (let i = 0; i < objects; i++) {
        const p = params[i]!;
        p.azimuthDeg = ((p.azimuthDeg + 180 + (90 * RENDER_BLOCK_FRAMES) / SAMPLE_RATE_HZ) % 360) - 180 + 1e-9;
        updateSource(renderer, scene.sources[i]!.id, p);
      }
    }
    renderFrames(renderer, outputs, RENDER_BLOCK_FRAMES);
  }
  const elapsedSec = (performance.now() - started) / 1000;
  return frames / SAMPLE_RATE_HZ / elapsedSec;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measureMedian(hrtf: HrtfGrid, format: StudioOutputId, objects: number, moving = false): Measurement {
  const seconds = renderSeconds(objects);
  const runs = Array.from({ length: REPEATS }, () => measure(hrtf, format, objects, seconds, moving));
  return { objects, realTimeFactor: median(runs) };
}

/** Largest object count with a real-time factor of at least 1, by bisection over measured renders. */
function realTimeCapacity(hrtf: HrtfGrid, format: StudioOutputId, guess: number): number {
  let low = 1;
  let high = Math.max(2, guess * 2);
  while (measureMedian(hrtf, format, high).realTimeFactor >= 1) high *= 2;
  while (high - low > Math.max(4, low * 0.02)) {
    const mid = Math.round((low + high) / 2);
    if (measureMedian(hrtf, format, mid).realTimeFactor >= 1) low = mid;
    else high = mid;
  }
  return low;
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

async function main(): Promise<void> {
  const hrtf = await loadHrtfGrid(undefined, SAMPLE_RATE_HZ);
  console.log(`Renderer benchmark, ${SAMPLE_RATE_HZ} Hz, ${RENDER_BLOCK_FRAMES}-frame blocks, Node ${process.version}, one thread`);
  console.log(`HRTF: ${hrtf.set.name}, ${hrtf.set.hrirLength}-tap minimum-phase HRIRs\n`);
  console.log('objects | binaural x real time | stereo x real time | binaural, all moving');
  const results: { format: StudioOutputId; row: Measurement }[] = [];
  for (const objects of OBJECT_COUNTS) {
    const binaural = measureMedian(hrtf, 'binaural', objects);
    const stereo = measureMedian(hrtf, 'stereo', objects);
    const moving = measureMedian(hrtf, 'binaural', objects, true);
    results.push({ format: 'binaural', row: binaural }, { format: 'stereo', row: stereo });
    console.log(
      `${String(objects).padStart(7)} | ${format(binaural.realTimeFactor).padStart(20)} | ${format(stereo.realTimeFactor).padStart(18)} | ${format(moving.realTimeFactor).padStart(20)}`,
    );
  }
  const guessFor = (f: StudioOutputId): number => {
    const last = results.filter((r) => r.format === f).at(-1)!.row;
    return Math.max(1, Math.round(last.objects * last.realTimeFactor));
  };
  const binauralCapacity = realTimeCapacity(hrtf, 'binaural', guessFor('binaural'));
  console.log(`\nlargest binaural object count in real time: ${binauralCapacity}`);
  const stereoCapacity = realTimeCapacity(hrtf, 'stereo', guessFor('stereo'));
  console.log(`largest stereo object count in real time: ${stereoCapacity}`);
  const memory = process.memoryUsage();
  console.log(`peak resident memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (heap now ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB)`);

  console.log('');
  runAtmosBench(hrtf, (line) => console.log(line));
  console.log('');
  await runAnalysisBench(hrtf, (line) => console.log(line));

  // The browser figures: the same renderer as an AudioWorklet in Chromium, against Chromium's own HRTF panner.
  console.log('');
  const { runBrowserBench } = await import('./browserBench');
  await runBrowserBench((line) => console.log(line));
}

void main();
