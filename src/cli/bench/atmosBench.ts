import { outputById } from '../../core/outputs/outputCatalog';
import { DEFAULT_DOWNMIX_LEVELS } from '../../core/outputs/downmixOutputs';
import { SHIPPED_HRTF_SET } from '../../core/outputs/studioOutputs';
import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import { ATMOS_BENCH_OBJECTS, ATMOS_BENCH_OUTPUT_LISTS, atmosBenchScene } from '../../core/scene/benchScenes';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { RENDER_BLOCK_FRAMES } from '../../render/renderBlock';
import { createSceneRenderer, renderFrames } from '../../render/sceneRenderer';
import { benchNoise } from './benchAnalysis';

/**
 * The Atmos-sized scene (core/scene/benchScenes.ts: a 7.1.2 bed and 118 moving objects)
 * rendered in Node to each of ATMOS_BENCH_OUTPUT_LISTS; then the same objects with an
 * extent and diffuseness (OBJECT_EXTENT) to 7.1.4, which the loudspeaker bus renders with
 * BS.2127's gain calculator (recomputed at 1-degree knots while they move) and its
 * decorrelation filters; the median of REPEATS real-time factors per case.
 */
const SAMPLE_RATE_HZ = 48000;
const SECONDS = 10;
const REPEATS = 3;
/** The ADM parameters of the last case's objects. */
const OBJECT_EXTENT = { width: 30, height: 10, diffuse: 0.2 };

export function runAtmosBench(hrtf: HrtfGrid, print: (line: string) => void): void {
  const scene = atmosBenchScene(SAMPLE_RATE_HZ);
  const frames = SECONDS * SAMPLE_RATE_HZ;
  const bedChannels = scene.beds![0]!.channels.length;
  const stems = [...scene.sources.map((_, i) => [benchNoise(frames, i + 1)]), Array.from({ length: bedChannels }, (_, c) => benchNoise(frames, 1000 + c))];
  const settings = { monoLaw: DEFAULT_MONO_LAW, hrtfSet: SHIPPED_HRTF_SET, loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };
  print(`Atmos-sized scene: a 7.1.2 bed and ${ATMOS_BENCH_OBJECTS} moving objects, ${SECONDS} s at ${SAMPLE_RATE_HZ} Hz, one thread (median of ${REPEATS})`);
  const cases = [
    ...ATMOS_BENCH_OUTPUT_LISTS.map((ids) => ({ label: ids.join(', '), scene, ids })),
    { label: `7.1.4, objects with width ${OBJECT_EXTENT.width}, height ${OBJECT_EXTENT.height}, diffuse ${OBJECT_EXTENT.diffuse}`, scene: atmosBenchScene(SAMPLE_RATE_HZ, OBJECT_EXTENT), ids: ['7.1.4'] },
  ];
  for (const { label, scene: rendered, ids } of cases) {
    const factors: number[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const outputs = ids.map((id) => outputById(id, settings));
      const renderer = createSceneRenderer(rendered, stems, { outputs, hrtf });
      const blocks = { outputs: outputs.map((output) => output.channels.map(() => new Float32Array(RENDER_BLOCK_FRAMES))) };
      const started = performance.now();
      for (let block = 0; block < frames / RENDER_BLOCK_FRAMES; block++) renderFrames(renderer, blocks, RENDER_BLOCK_FRAMES);
      factors.push(SECONDS / ((performance.now() - started) / 1000));
    }
    factors.sort((a, b) => a - b);
    print(`  ${label}: ${factors[Math.floor(REPEATS / 2)]!.toFixed(1)}x real time`);
  }
}
