import { getLayout } from '../../core/layouts';
import { outputById } from '../../core/outputs/outputCatalog';
import { DEFAULT_DOWNMIX_LEVELS } from '../../core/outputs/downmixOutputs';
import { SHIPPED_HRTF_SET } from '../../core/outputs/studioOutputs';
import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import { SCENE_FORMAT_VERSION } from '../../core/scene/scene';
import type { Scene, SceneBed, SceneSource } from '../../core/scene/scene';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { RENDER_BLOCK_FRAMES } from '../../render/renderBlock';
import { createSceneRenderer, renderFrames } from '../../render/sceneRenderer';
import { benchNoise } from './benchAnalysis';
import { benchSource } from './benchSource';

/**
 * The Atmos-sized scene of issue 13: a 7.1.2 bed (2+7+0) and 118 objects, each moving a
 * quarter turn every 2.5 s through ADM timeline blocks, rendered in Node to 7.1.4, to
 * 7.1.4 on headphones, and to both with 7.1.4's 5.1 and Lo/Ro downmixes; then the same
 * objects with an extent and diffuseness (OBJECT_EXTENT) to 7.1.4, which the loudspeaker
 * bus renders with BS.2127's gain calculator (recomputed every block while they move)
 * and its decorrelation filters; the median of REPEATS real-time factors per case.
 */
const SAMPLE_RATE_HZ = 48000;
const SECONDS = 10;
const OBJECTS = 118;
const REPEATS = 3;
const OUTPUT_LISTS = [['7.1.4'], ['binaural-7.1.4'], ['7.1.4', 'binaural-7.1.4', '7.1.4-to-5.1', '7.1.4-to-loro']];
/** The ADM parameters of the last case's objects. */
const OBJECT_EXTENT = { width: 30, height: 10, diffuse: 0.2 };

function atmosScene(objectParameters: Partial<SceneSource> = {}): Scene {
  const sources: SceneSource[] = [];
  for (let i = 0; i < OBJECTS; i++) {
    const azimuthDeg = ((i * 137.508) % 360) - 180 + 1e-9;
    const elevationDeg = (i % 7) * 10 - 20;
    const distanceM = 1 + (i % 5);
    const timeline = [0, 1, 2, 3].map((k) => ({
      rtimeSec: 2.5 * k,
      durationSec: 2.5,
      position: { azimuthDeg: ((azimuthDeg + 180 + 90 * k) % 360) - 180 + 1e-9, elevationDeg, distanceM },
    }));
    sources.push({ ...benchSource(i, { azimuthDeg, elevationDeg, distanceM }), ...objectParameters, timeline });
  }
  const bed: SceneBed = {
    id: 'bed',
    name: '7.1.2 bed',
    stem: { kind: 'generator', generator: 'bench-noise' },
    layout: '2+7+0',
    channels: getLayout('2+7+0').channels.map((channel) => channel.label),
    gainDb: -20,
    mute: false,
    solo: false,
  };
  return { version: SCENE_FORMAT_VERSION, sampleRateHz: SAMPLE_RATE_HZ, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources, beds: [bed] };
}

export function runAtmosBench(hrtf: HrtfGrid, print: (line: string) => void): void {
  const scene = atmosScene();
  const frames = SECONDS * SAMPLE_RATE_HZ;
  const bedChannels = scene.beds![0]!.channels.length;
  const stems = [...scene.sources.map((_, i) => [benchNoise(frames, i + 1)]), Array.from({ length: bedChannels }, (_, c) => benchNoise(frames, 1000 + c))];
  const settings = { monoLaw: DEFAULT_MONO_LAW, hrtfSet: SHIPPED_HRTF_SET, loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };
  print(`Atmos-sized scene: a 7.1.2 bed and ${OBJECTS} moving objects, ${SECONDS} s at ${SAMPLE_RATE_HZ} Hz, one thread (median of ${REPEATS})`);
  const cases = [
    ...OUTPUT_LISTS.map((ids) => ({ label: ids.join(', '), scene, ids })),
    { label: `7.1.4, objects with width ${OBJECT_EXTENT.width}, height ${OBJECT_EXTENT.height}, diffuse ${OBJECT_EXTENT.diffuse}`, scene: atmosScene(OBJECT_EXTENT), ids: ['7.1.4'] },
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
