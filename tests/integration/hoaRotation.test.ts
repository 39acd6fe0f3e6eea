import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { DEFAULT_DOWNMIX_LEVELS } from '../../src/core/outputs/downmixOutputs';
import { outputById } from '../../src/core/outputs/outputCatalog';
import type { OutputDefinition } from '../../src/core/outputs/outputDefinition';
import type { HeadOrientation } from '../../src/core/orientation';
import type { Scene } from '../../src/core/scene/scene';
import type { SceneAmbisonics } from '../../src/core/scene/ambisonicStem';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { renderWholeScene } from '../../src/render/offlineRender';
import { createRealtimeHost, handleHostMessage, processHost } from '../../src/render/realtime/realtimeHost';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { createSceneRenderer, renderFrames, seekRenderer, setListenerOrientation, setMonitorHead } from '../../src/render/sceneRenderer';
import type { SceneRenderer } from '../../src/render/sceneRenderer';
import { encodeStem, planeWaveGains } from '../support/hoaEncode';

/**
 * HOA stems turn with the scene rotation and the monitor head, on every bus: the renderer
 * turns the stem's channels (render/ambisonics/ambisonicRotation.ts) before the buses'
 * decoders. Oracle: a wave encoded from azimuth a, the scene turned by t, must render as
 * the same wave encoded from a + t, unturned.
 */
const RATE = 48000;
const B = RENDER_BLOCK_FRAMES;
const FRONT: HeadOrientation = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
const sine = new Float32Array(RATE / 4).map((_, n) => 0.5 * Math.sin((2 * Math.PI * 500 * n) / RATE));
let grid: HrtfGrid;

beforeAll(async () => {
  grid = await loadHrtfGrid(undefined, RATE);
}, 60_000);

function hoaScene(order: number, listener: HeadOrientation): Scene {
  const ambisonics: SceneAmbisonics = { id: 'hoa', name: 'Field', stem: { kind: 'file', file: 'field.wav' }, order, normalization: 'SN3D', channelOrder: 'ACN', gainDb: 0, mute: false, solo: false };
  return { version: 2, sampleRateHz: RATE, listener, sources: [], ambisonics: [ambisonics] };
}

function output(id: string): OutputDefinition {
  return outputById(id, { monoLaw: '-3dB', hrtfSet: 'test', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS });
}

function renderer(order: number, azimuthDeg: number, listener: HeadOrientation, outputId: string, signal = sine): SceneRenderer {
  return createSceneRenderer(hoaScene(order, listener), [encodeStem(planeWaveGains(order, azimuthDeg, 0), signal)], { outputs: [output(outputId)], hrtf: grid });
}

function render(order: number, azimuthDeg: number, listener: HeadOrientation, outputId: string): readonly Float32Array[] {
  return renderWholeScene(renderer(order, azimuthDeg, listener, outputId))[0]!.channels;
}

function peakOf(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) for (const v of channel) peak = Math.max(peak, Math.abs(v));
  return peak;
}

function largestDifference(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let worst = 0;
  a.forEach((channel, c) => channel.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - b[c]![i]!)))));
  return worst;
}

// The scene turned +60 degrees to the left: the listener's yaw is -60 (core/scene/sceneRotation.ts).
const TURNED_60: HeadOrientation = { yawDeg: -60, pitchDeg: 0, rollDeg: 0 };

describe('HOA stems turn with the scene rotation and the monitor head', () => {
  it.each(['7.1.4', 'stereo', 'binaural'])('%s: a wave from azimuth 30 (order 3) with the scene turned +60 degrees renders as one from azimuth 90 (within 1e-6 of the peak; float32 stems)', (id) => {
    const turned = render(3, 30, TURNED_60, id);
    const expected = render(3, 90, FRONT, id);
    const peak = peakOf(expected);
    expect(peak).toBeGreaterThan(0.05);
    expect(largestDifference(turned, expected) / peak).toBeLessThan(1e-6);
    // It did turn: the unturned wave from 30 differs.
    expect(largestDifference(render(3, 30, FRONT, id), expected) / peak).toBeGreaterThan(0.1);
  }, 60_000);

  it('the monitor head turns it where it turns the objects (the renderer the real-time host monitors with): head yaw -60 from the start renders azimuth 30 as azimuth 90 on binaural-7.1.4 (within 1e-6 of the peak)', () => {
    const monitored = renderer(2, 30, FRONT, 'binaural-7.1.4');
    setMonitorHead(monitored, TURNED_60);
    const expected = render(2, 90, FRONT, 'binaural-7.1.4');
    expect(largestDifference(renderWholeScene(monitored)[0]!.channels, expected) / peakOf(expected)).toBeLessThan(1e-6);
  }, 60_000);

  it.each([
    ['monitor', 90],
    ['export', 30],
  ] as const)('the real-time host on the %s wire, the monitor head at yaw -60: a wave from azimuth 30 plays on binaural as one from azimuth %i (within 1e-6 of the peak)', (wire, heardDeg) => {
    const host = createRealtimeHost(RATE);
    handleHostMessage(host, { type: 'monitorHead', orientation: TURNED_60 });
    const stems = [encodeStem(planeWaveGains(1, 30, 0), sine)];
    handleHostMessage(host, { type: 'load', scene: hoaScene(1, FRONT), stems, grid, meters: null, outputs: [output('binaural')], wire, startPlaying: true });
    const blocks = 40;
    const played = [new Float32Array(blocks * B), new Float32Array(blocks * B)];
    const block = [new Float32Array(B), new Float32Array(B)];
    for (let k = 0; k < blocks; k++) {
      processHost(host, block);
      played.forEach((channel, c) => channel.set(block[c]!, k * B));
    }
    const expected = render(1, heardDeg, FRONT, 'binaural').map((channel) => channel.subarray(0, blocks * B));
    expect(largestDifference(played, expected) / peakOf(expected)).toBeLessThan(1e-6);
  }, 60_000);

  it('a turning head makes no step: on 7.1.4, a still field (order 3, constant) under a head turning 3 degrees per block changes by the same amount at every sample of a block, 1/128 of the block\'s change (within 1e-6)', () => {
    const r = renderer(3, 20, FRONT, '7.1.4', new Float32Array(40 * B).fill(0.5));
    const channels = r.outputs[0]!.channels.length;
    const blocks = 36;
    const out = Array.from({ length: channels }, () => new Float32Array(blocks * B));
    for (let k = 0; k < blocks; k++) {
      if (k >= 4) setMonitorHead(r, { yawDeg: 3 * (k - 4), pitchDeg: 0, rollDeg: 0 });
      renderFrames(r, { outputs: [out.map((channel) => channel.subarray(k * B, (k + 1) * B))] }, B);
    }
    let worstStep = 0;
    let largestBlockChange = 0;
    // From block 3 on (the first is the stem's start, the head starts turning at block 4, heard 2 blocks later after the bus latency).
    for (const channel of out) {
      for (let k = 3; k < blocks; k++) {
        const perSample = (channel[k * B + B - 1]! - channel[k * B - 1]!) / B;
        largestBlockChange = Math.max(largestBlockChange, Math.abs(perSample * B));
        for (let i = 0; i < B; i++) worstStep = Math.max(worstStep, Math.abs(channel[k * B + i]! - channel[k * B + i - 1]! - perSample));
      }
    }
    expect(worstStep).toBeLessThan(1e-6);
    // The field does turn (a loudspeaker's level moves by more than 0.01 in a block).
    expect(largestBlockChange).toBeGreaterThan(0.01);
  });

  it('identity rotation leaves the stem as it is: the buses get its samples bit for bit, and again once a scene rotation is taken back and the glide has settled (the one-pole of 20 ms reaches 1e-5 within 90 blocks)', () => {
    const blocks = 120;
    const signal = new Float32Array(blocks * B).map((_, n) => 0.5 * Math.sin((2 * Math.PI * 500 * n) / RATE));
    const stem = encodeStem(planeWaveGains(2, 45, 10), signal);
    const r = createSceneRenderer(hoaScene(2, FRONT), [stem], { outputs: [] });
    const objects = stem.map(() => new Float32Array(blocks * B));
    const run = (from: number, to: number): void => renderFrames(r, { objects: objects.map((o) => o.subarray(from * B, to * B)) }, (to - from) * B);
    run(0, 10);
    for (let c = 0; c < stem.length; c++) expect(objects[c]!.subarray(0, 10 * B)).toEqual(stem[c]!.subarray(0, 10 * B));
    setListenerOrientation(r, { yawDeg: 90, pitchDeg: 0, rollDeg: 0 });
    run(10, 12);
    // Turned meanwhile: the front-back component (ACN 3) differs.
    expect(largestDifference([objects[3]!.subarray(11 * B, 12 * B)], [stem[3]!.subarray(11 * B, 12 * B)])).toBeGreaterThan(0.01);
    setListenerOrientation(r, FRONT);
    run(12, blocks);
    for (let c = 0; c < stem.length; c++) expect(objects[c]!.subarray(110 * B)).toEqual(stem[c]!.subarray(110 * B));
  });

  it('a seek turns the field afresh for the rotation of the moment, even back to the block last rendered (the buses get what a renderer started there gets, bit for bit)', () => {
    const stem = encodeStem(planeWaveGains(2, 30, 0), sine);
    const head: HeadOrientation = { yawDeg: -30, pitchDeg: 10, rollDeg: 0 };
    const played = createSceneRenderer(hoaScene(2, TURNED_60), [stem], { outputs: [] });
    const scratch = stem.map(() => new Float32Array(10 * B));
    renderFrames(played, { objects: scratch }, 10 * B);
    setMonitorHead(played, head);
    seekRenderer(played, 9 * B);
    const fresh = createSceneRenderer(hoaScene(2, TURNED_60), [stem], { outputs: [] });
    setMonitorHead(fresh, head);
    seekRenderer(fresh, 9 * B);
    const [a, b] = [stem.map(() => new Float32Array(B)), stem.map(() => new Float32Array(B))];
    renderFrames(played, { objects: a }, B);
    renderFrames(fresh, { objects: b }, B);
    a.forEach((channel, c) => expect(channel).toEqual(b[c]));
    expect(largestDifference(a, [stem.map((channel) => channel.subarray(9 * B, 10 * B))].flat())).toBeGreaterThan(0.01);
  });
});
