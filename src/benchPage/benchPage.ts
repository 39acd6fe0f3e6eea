/// <reference lib="dom" />
/**
 * Benchmark page for `npm run bench` (src/cli/bench/browserBench.ts): renders N binaural
 * objects offline with (a) the studio's AudioWorklet renderer and (b) Chromium's native
 * PannerNode with panningModel 'HRTF', each fed by its own AudioBufferSourceNode, and
 * (c) the Atmos-sized scene through the worklet to loudspeaker and headphone outputs, and
 * reports the wall-clock time of OfflineAudioContext.startRendering() alone (worklet
 * loading, HRTF preparation and the scene's 'load' are outside the measurement).
 */
import { polarToCartesian } from '../core/coordinates';
import type { PolarPosition } from '../core/coordinates';
import { DEFAULT_MONO_LAW } from '../core/monoLaw';
import { SHIPPED_HRTF_SET, studioOutputs } from '../core/outputs/studioOutputs';
import { DEFAULT_DOWNMIX_LEVELS } from '../core/outputs/downmixOutputs';
import { outputById } from '../core/outputs/outputCatalog';
import { atmosBenchScene } from '../core/scene/benchScenes';
import { exportWireChannels } from '../render/realtime/exportWire';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { createRendererNode, loadRenderer } from '../engine/rendererNode';
import { loadShippedHrtfGrid, sceneOf } from './workletHarness';

export interface BenchRun {
  /** Wall-clock time of startRendering(), seconds. */
  readonly renderSec: number;
  /** Output peak, linear: proof that something was rendered. */
  readonly peak: number;
}

export interface BenchPage {
  /** Loads the HRTF set and makes the noise stem; call once before the runs. */
  prepare(sampleRateHz: number, maxSeconds: number): Promise<void>;
  /** `objects` static binaural objects through the studio's worklet, as during playback (monitor binaural). */
  worklet(objects: number, seconds: number): Promise<BenchRun>;
  /** `panners` native HRTF PannerNodes, each with its own looping noise source. */
  native(panners: number, seconds: number): Promise<BenchRun>;
  /**
   * The Atmos-sized scene (core/scene/benchScenes.ts: a 7.1.2 bed and 118 moving objects)
   * through the studio's worklet to `outputIds` (outputCatalog ids), every output's
   * channels on the node's output (the export wire).
   */
  atmos(outputIds: readonly string[], seconds: number): Promise<BenchRun>;
}

let sampleRateHz = 48000;
let grid: HrtfGrid | null = null;
/** One noise stem in shared memory, given to every object (posting it shares, never copies). */
let noise: Float32Array | null = null;

/** Positions on a golden-angle spiral over the sphere, 1 to 5 m (as src/cli/bench/bench.ts places its objects). */
function spread(count: number): PolarPosition[] {
  return Array.from({ length: count }, (_, i) => ({
    azimuthDeg: ((i * 137.508) % 360) - 180 + 1e-9,
    elevationDeg: Math.asin(-0.9 + (1.8 * (i + 0.5)) / count) * (180 / Math.PI),
    distanceM: 1 + (i % 5),
  }));
}

function peakOf(buffer: AudioBuffer): number {
  let peak = 0;
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < data.length; i++) peak = Math.max(peak, Math.abs(data[i]!));
  }
  return peak;
}

async function timed(context: OfflineAudioContext): Promise<BenchRun> {
  const started = performance.now();
  const buffer = await context.startRendering();
  const renderSec = (performance.now() - started) / 1000;
  return { renderSec, peak: peakOf(buffer) };
}

const bench: BenchPage = {
  async prepare(rateHz, maxSeconds) {
    sampleRateHz = rateHz;
    grid = await loadShippedHrtfGrid(rateHz);
    const frames = Math.ceil(maxSeconds * rateHz);
    noise = new Float32Array(new SharedArrayBuffer(frames * Float32Array.BYTES_PER_ELEMENT));
    let state = 1;
    for (let i = 0; i < frames; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      noise[i] = (state / 2147483648 - 1) * 0.03;
    }
  },

  async worklet(objects, seconds) {
    if (grid === null || noise === null) throw new Error('call prepare() first');
    const length = Math.round(seconds * sampleRateHz);
    const context = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate: sampleRateHz });
    const node = await createRendererNode(context, 2);
    const scene = sceneOf(sampleRateHz, spread(objects).map((position) => ({ position, gainDb: 0 })));
    const stem = noise;
    await loadRenderer(node, {
      type: 'load',
      scene,
      stems: scene.sources.map(() => [stem]),
      grid,
      meters: null,
      // As the studio plays: binaural and stereo rendered, binaural monitored.
      outputs: studioOutputs(['binaural', 'stereo'], { monoLaw: DEFAULT_MONO_LAW, hrtfSet: SHIPPED_HRTF_SET }),
      wire: 'monitor',
      startPlaying: true,
    });
    return timed(context);
  },

  async atmos(outputIds, seconds) {
    if (grid === null || noise === null) throw new Error('call prepare() first');
    const length = Math.round(seconds * sampleRateHz);
    const settings = { monoLaw: DEFAULT_MONO_LAW, hrtfSet: SHIPPED_HRTF_SET, loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };
    const outputs = outputIds.map((id) => outputById(id, settings));
    const channels = exportWireChannels(outputs);
    const context = new OfflineAudioContext({ numberOfChannels: channels, length, sampleRate: sampleRateHz });
    const node = await createRendererNode(context, channels);
    const scene = atmosBenchScene(sampleRateHz);
    const stem = noise;
    const bedChannels = scene.beds![0]!.channels.length;
    await loadRenderer(node, {
      type: 'load',
      scene,
      stems: [...scene.sources.map(() => [stem]), Array.from({ length: bedChannels }, () => stem)],
      grid,
      meters: null,
      outputs,
      wire: 'export',
      startPlaying: true,
    });
    return timed(context);
  },

  async native(panners, seconds) {
    if (noise === null) throw new Error('call prepare() first');
    const length = Math.round(seconds * sampleRateHz);
    const context = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate: sampleRateHz });
    const buffer = context.createBuffer(1, noise.length, sampleRateHz);
    buffer.getChannelData(0).set(noise);
    spread(panners).forEach((position, i) => {
      // Scene axes (x right, y front, z up) to Web Audio's (x right, y up, -z front).
      const p = polarToCartesian(position);
      const panner = new PannerNode(context, { panningModel: 'HRTF', positionX: p.x, positionY: p.z, positionZ: -p.y });
      const source = new AudioBufferSourceNode(context, { buffer, loop: true });
      source.connect(panner).connect(context.destination);
      // Different offsets into the noise, so the sources are not identical.
      source.start(0, ((i * 0.7919) % 1) * buffer.duration);
    });
    return timed(context);
  },
};

(globalThis as { __bench?: BenchPage }).__bench = bench;
