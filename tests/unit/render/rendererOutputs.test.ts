import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNMIX_LEVELS } from '../../../src/core/outputs/downmixOutputs';
import { outputById } from '../../../src/core/outputs/outputCatalog';
import type { OutputDefinition } from '../../../src/core/outputs/outputDefinition';
import type { Scene, SceneBed } from '../../../src/core/scene/scene';
import { RENDER_BLOCK_FRAMES } from '../../../src/render/renderBlock';
import { MAX_BUS_LATENCY_FRAMES, createSceneRenderer, renderFrames, setRendererOutputs } from '../../../src/render/sceneRenderer';
import type { SceneRenderer } from '../../../src/render/sceneRenderer';
import { gaussianNoise } from '../../support/prng';
import { testScene } from '../../support/renderHelpers';

const output = (id: string): OutputDefinition =>
  outputById(id, { monoLaw: '-3dB', hrtfSet: 'none', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS });

const scene = testScene([
  { azimuthDeg: 70, elevationDeg: 10, distanceM: 2 },
  { azimuthDeg: -20, elevationDeg: 0, distanceM: 1 },
]);
const FRAMES = 20 * RENDER_BLOCK_FRAMES;
const stems = () => [[gaussianNoise(FRAMES, 1)], [gaussianNoise(FRAMES, 2), gaussianNoise(FRAMES, 3)]];

/** Renders `blocks` blocks into fresh arrays, one per output channel. */
function renderBlocks(renderer: SceneRenderer, blocks: number): Float32Array[][] {
  const out = renderer.outputs.map((o) => o.channels.map(() => new Float32Array(blocks * RENDER_BLOCK_FRAMES)));
  renderFrames(renderer, { outputs: out }, blocks * RENDER_BLOCK_FRAMES);
  return out;
}

describe('setRendererOutputs (monitor switching without a reload)', () => {
  it('keeps the stereo bus running bit for bit while 7.1.4 and its Lo/Ro are added, and renders 7.1.4, after the renderer\'s latency of silence, as a renderer that had it from the start (float32 rounding, 1e-6)', () => {
    const switched = createSceneRenderer(scene, stems(), { outputs: [output('stereo')] });
    const steady = createSceneRenderer(scene, stems(), { outputs: [output('stereo')] });
    const fromStart = createSceneRenderer(scene, stems(), { outputs: [output('stereo'), output('7.1.4'), output('7.1.4-to-loro')] });
    renderBlocks(switched, 5);
    renderBlocks(steady, 5);
    renderBlocks(fromStart, 5);
    setRendererOutputs(switched, [output('stereo'), output('7.1.4'), output('7.1.4-to-loro')], undefined);
    expect(switched.outputs.map((o) => o.id)).toEqual(['stereo', '7.1.4', '7.1.4-to-loro']);
    const after = renderBlocks(switched, 10);
    const steadyAfter = renderBlocks(steady, 10);
    const reference = renderBlocks(fromStart, 10);
    after[0]!.forEach((channel, c) => expect(channel, `stereo channel ${c}`).toEqual(steadyAfter[0]![c]));
    // A bus added while rendering is silent for the renderer's latency (its delay line holds nothing from before), then as one that was there from the start.
    expect(switched.latencyFrames).toBe(MAX_BUS_LATENCY_FRAMES);
    for (const k of [1, 2]) {
      after[k]!.forEach((channel, c) => {
        expect(Math.max(...channel.subarray(0, MAX_BUS_LATENCY_FRAMES).map(Math.abs)), `${switched.outputs[k]!.id} channel ${c} while it warms up`).toBe(0);
        let worst = 0;
        for (let i = MAX_BUS_LATENCY_FRAMES; i < channel.length; i++) worst = Math.max(worst, Math.abs(channel[i]! - reference[k]![c]![i]!));
        expect(worst, `${switched.outputs[k]!.id} channel ${c}`).toBeLessThan(1e-6);
      });
    }
    // Not silence: the new output carries the sources.
    expect(Math.max(...after[1]![0]!.map(Math.abs))).toBeGreaterThan(0.01);
  });

  it('drops a layout again: stereo still bit for bit, the renderer\'s outputs back to stereo alone', () => {
    const switched = createSceneRenderer(scene, stems(), { outputs: [output('stereo'), output('5.1')] });
    const steady = createSceneRenderer(scene, stems(), { outputs: [output('stereo')] });
    renderBlocks(switched, 3);
    renderBlocks(steady, 3);
    setRendererOutputs(switched, [output('stereo')], undefined);
    expect(switched.outputs.map((o) => o.id)).toEqual(['stereo']);
    const after = renderBlocks(switched, 6);
    const steadyAfter = renderBlocks(steady, 6);
    after[0]!.forEach((channel, c) => expect(channel).toEqual(steadyAfter[0]![c]));
  });

  it('gives a bed\'s channels their bed routing on a bus added later: a 5.1 bed on 7.1.4, after the renderer\'s latency, as a renderer that had 7.1.4 from the start (1e-6)', () => {
    const bed: SceneBed = { id: 'bed', name: 'Bed', stem: { kind: 'generator', generator: 'pad' }, layout: '0+5+0', channels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'], gainDb: 0, mute: false, solo: false };
    const bedScene: Scene = { ...scene, beds: [bed] };
    const bedStems = () => [...stems(), Array.from({ length: 6 }, (_, c) => gaussianNoise(FRAMES, 10 + c))];
    const switched = createSceneRenderer(bedScene, bedStems(), { outputs: [output('stereo')] });
    const fromStart = createSceneRenderer(bedScene, bedStems(), { outputs: [output('stereo'), output('7.1.4')] });
    renderBlocks(switched, 4);
    renderBlocks(fromStart, 4);
    setRendererOutputs(switched, [output('stereo'), output('7.1.4')], undefined);
    const after = renderBlocks(switched, 8);
    const reference = renderBlocks(fromStart, 8);
    after[1]!.forEach((channel, c) => {
      let worst = 0;
      for (let i = MAX_BUS_LATENCY_FRAMES; i < channel.length; i++) worst = Math.max(worst, Math.abs(channel[i]! - reference[1]![c]![i]!));
      expect(worst, `7.1.4 channel ${c}`).toBeLessThan(1e-6);
    });
    // The bed's LFE goes to LFE1 (channel 3) alone: the objects are not panned there.
    expect(Math.max(...after[1]![3]!.map(Math.abs))).toBeGreaterThan(0.01);
  });
});
