import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { Scene } from '../../src/core/scene/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { METER_LAYOUT, meterSlots } from '../../src/render/realtime/meterLayout';
import { createRealtimeHost, handleHostMessage, processHost } from '../../src/render/realtime/realtimeHost';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { addRendererSource, createSceneRenderer, removeRendererSource, renderFrames, seekRenderer } from '../../src/render/sceneRenderer';
import type { SceneRenderer } from '../../src/render/sceneRenderer';
import { gaussianNoise } from '../support/prng';
import { studioTestOutputs, testScene } from '../support/renderHelpers';

/**
 * Sources come and go while the renderer runs (DESIGN.md: the engine and the worklet
 * receive typed changes keyed by source id): the others are not disturbed, an added
 * source fades in over one block, a removed one fades out over one block. By linearity
 * the stereo bus's output is the sum of the sources rendered apart, so each case is
 * checked against renderers of the parts (float32 sums in another order: 1e-6 of the
 * peak).
 */
const RATE = 48000;
const BLOCKS = 60;
const FRAMES = BLOCKS * RENDER_BLOCK_FRAMES;
/** The frame at which the scene changes (a block boundary, as between two render quanta). */
const CHANGE_FRAME = 20 * RENDER_BLOCK_FRAMES;
const LINEARITY_TOLERANCE = 1e-6;

let hrtf: HrtfGrid;
beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

function threeSources(): { scene: Scene; stems: Float32Array[][] } {
  const scene = testScene(
    [
      { azimuthDeg: 30, elevationDeg: 0, distanceM: 1 },
      { azimuthDeg: -70, elevationDeg: 20, distanceM: 2 },
      { azimuthDeg: 140, elevationDeg: 0, distanceM: 1.5 },
    ],
    RATE,
  );
  return { scene, stems: [[gaussianNoise(FRAMES, 11)], [gaussianNoise(FRAMES, 12), gaussianNoise(FRAMES, 13)], [gaussianNoise(FRAMES, 14)]] };
}

/** Renders `frames` of the stereo output from the renderer's playhead, calling `at(frame)` before the block at each block boundary. */
function renderStereo(renderer: SceneRenderer, frames: number, at?: (frame: number) => void): [Float32Array, Float32Array] {
  const out: [Float32Array, Float32Array] = [new Float32Array(frames), new Float32Array(frames)];
  for (let start = 0; start < frames; start += RENDER_BLOCK_FRAMES) {
    at?.(start);
    const end = start + RENDER_BLOCK_FRAMES;
    renderFrames(renderer, { outputs: [[out[0].subarray(start, end), out[1].subarray(start, end)]] }, RENDER_BLOCK_FRAMES);
  }
  return out;
}

function largestDifference(a: readonly Float32Array[], b: readonly Float32Array[], from = 0, to = a[0]!.length): { largest: number; peak: number } {
  let largest = 0;
  let peak = 0;
  a.forEach((channel, c) => {
    for (let n = from; n < to; n++) {
      largest = Math.max(largest, Math.abs(channel[n]! - b[c]![n]!));
      peak = Math.max(peak, Math.abs(b[c]![n]!));
    }
  });
  return { largest, peak };
}

describe('adding and removing sources while rendering', () => {
  it('adds a source without disturbing the others: before it, bit for bit; after, the others plus it alone started there (1e-6 of the peak)', () => {
    const { scene, stems } = threeSources();
    const firstTwo: Scene = { ...scene, sources: scene.sources.slice(0, 2) };
    const outputs = studioTestOutputs(['stereo']);
    const growing = createSceneRenderer(firstTwo, stems.slice(0, 2), { outputs });
    const mixed = renderStereo(growing, FRAMES, (frame) => {
      if (frame === CHANGE_FRAME) addRendererSource(growing, scene.sources[2]!, stems[2]!);
    });
    const others = renderStereo(createSceneRenderer(firstTwo, stems.slice(0, 2), { outputs }), FRAMES);
    // The stereo bus is a loudspeaker bus: a change is heard the renderer's latency (two blocks) after it is made.
    const heard = CHANGE_FRAME + growing.latencyFrames;
    expect(growing.latencyFrames).toBe(2 * RENDER_BLOCK_FRAMES);
    const aloneRenderer = createSceneRenderer({ ...scene, sources: [scene.sources[2]!] }, [stems[2]!], { outputs });
    // Rendered alone from the change on: a source restarting mid-stem fades in over one block, as an added one does.
    seekRenderer(aloneRenderer, heard);
    const aloneTail = renderStereo(aloneRenderer, FRAMES - heard);
    expect(largestDifference(mixed, others, 0, heard).largest).toBe(0);
    const expected = others.map((channel, c) => {
      const sum = channel.slice();
      for (let n = heard; n < FRAMES; n++) sum[n] = sum[n]! + aloneTail[c]![n - heard]!;
      return sum;
    });
    const { largest, peak } = largestDifference(mixed, expected, heard);
    expect(largest / peak).toBeLessThan(LINEARITY_TOLERANCE);
    // It fades in: its first sample is at most 1/128 of its gain (the ramp's first step).
    const firstAdded = Math.abs(mixed[0][heard]! - others[0][heard]!);
    expect(firstAdded).toBeLessThanOrEqual(Math.abs(stems[2]![0]![heard]!) / RENDER_BLOCK_FRAMES + 1e-6);
  });

  it('removes a source with a one-block fade, after which (and its air filter\'s ring-out, one block) the rest is the render without it (1e-6 of the peak)', () => {
    const { scene, stems } = threeSources();
    const outputs = studioTestOutputs(['stereo']);
    const shrinking = createSceneRenderer(scene, stems, { outputs });
    const mixed = renderStereo(shrinking, FRAMES, (frame) => {
      if (frame === CHANGE_FRAME) removeRendererSource(shrinking, scene.sources[1]!.id);
    });
    const all = renderStereo(createSceneRenderer(scene, stems, { outputs }), FRAMES);
    const without = renderStereo(createSceneRenderer({ ...scene, sources: [scene.sources[0]!, scene.sources[2]!] }, [stems[0]!, stems[2]!], { outputs }), FRAMES);
    // Heard the renderer's latency (two blocks) after it is made.
    const removedAt = CHANGE_FRAME + shrinking.latencyFrames;
    expect(largestDifference(mixed, all, 0, removedAt).largest).toBe(0);
    // From the block after the fade: the removed objects' air filters (IIR) ring out within it, 2.6e-6 of the peak right after the fade.
    const after = largestDifference(mixed, without, removedAt + 2 * RENDER_BLOCK_FRAMES);
    expect(after.largest / after.peak).toBeLessThan(LINEARITY_TOLERANCE);
    // Within the fade block the removed source's share falls linearly: at sample i it is (1 - (i + 1)/128) of its share in the full mix.
    for (const i of [0, 63, 127]) {
      const n = removedAt + i;
      const share = all[0][n]! - without[0][n]!;
      const heard = mixed[0][n]! - without[0][n]!;
      expect(Math.abs(heard - share * (1 - (i + 1) / RENDER_BLOCK_FRAMES))).toBeLessThan(1e-5);
    }
  });

  it('takes a source removed and added back (an undone delete) before its tail rang out, as new', () => {
    const { scene, stems } = threeSources();
    const renderer = createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['binaural']), hrtf });
    renderFrames(renderer, { outputs: [[new Float32Array(256), new Float32Array(256)]] }, 256);
    removeRendererSource(renderer, scene.sources[1]!.id);
    expect(() => addRendererSource(renderer, scene.sources[1]!, stems[1]!)).not.toThrow();
    expect(() => addRendererSource(renderer, scene.sources[1]!, stems[1]!)).toThrow(/is in the renderer already/);
    expect(renderer.lengthFrames).toBeGreaterThanOrEqual(FRAMES);
  });

  it('refuses a stem of three channels, naming the source', () => {
    const { scene, stems } = threeSources();
    const renderer = createSceneRenderer({ ...scene, sources: [] }, [], { outputs: studioTestOutputs(['stereo']) });
    const three = [stems[0]![0]!, stems[0]![0]!, stems[0]![0]!];
    expect(() => addRendererSource(renderer, scene.sources[0]!, three)).toThrow(/"Source 0" \(s0\): a source takes a mono or stereo stem, got 3 channels/);
  });
});

describe('the real-time host takes sources by id', () => {
  it('adds a source into its meter slot and removes it; updates reach sources by id', () => {
    const { scene, stems } = threeSources();
    const area = new SharedArrayBuffer(meterSlots(8) * 8);
    const host = createRealtimeHost(RATE);
    const first: Scene = { ...scene, sources: [scene.sources[0]!] };
    handleHostMessage(host, { type: 'load', scene: first, stems: [stems[0]!], meterSlots: [3], grid: hrtf, meters: area, outputs: studioTestOutputs(['binaural', 'stereo']), wire: 'monitor', startPlaying: true });
    handleHostMessage(host, { type: 'addSource', source: scene.sources[2]!, stem: stems[2]!, meterSlot: 5 });
    const block = [new Float32Array(RENDER_BLOCK_FRAMES), new Float32Array(RENDER_BLOCK_FRAMES)];
    for (let b = 0; b < 40; b++) processHost(host, block);
    const view = new Float64Array(area);
    // Gaussian noise of unit variance: over 40 blocks the peak is several times its RMS, far above 0.
    expect(view[METER_LAYOUT.sourcePeak + 3]!).toBeGreaterThan(1);
    expect(view[METER_LAYOUT.sourcePeak + 5]!).toBeGreaterThan(1);
    handleHostMessage(host, { type: 'source', sourceId: scene.sources[2]!.id, params: { gainDb: 0, mute: true, solo: false, azimuthDeg: 0, elevationDeg: 0, distanceM: 1, spreadDeg: 0 } });
    handleHostMessage(host, { type: 'removeSource', sourceId: scene.sources[0]!.id });
    expect(() => handleHostMessage(host, { type: 'source', sourceId: 'nobody', params: { gainDb: 0, mute: false, solo: false, azimuthDeg: 0, elevationDeg: 0, distanceM: 1, spreadDeg: 0 } })).toThrow(/no source "nobody"/);
    for (let b = 0; b < 40; b++) processHost(host, block);
    // Both are silent now (one muted, one removed): the output rings out to silence.
    expect(Math.max(...block[0]!.map(Math.abs))).toBe(0);
  });
});
