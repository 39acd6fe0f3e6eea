import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { HeadOrientation } from '../../src/core/orientation';
import type { Scene } from '../../src/core/scene/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import type { HostMessage } from '../../src/render/realtime/protocol';
import { createRealtimeHost, handleHostMessage, processHost } from '../../src/render/realtime/realtimeHost';
import type { RealtimeHost } from '../../src/render/realtime/realtimeHost';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { gaussianNoise } from '../support/prng';
import { studioTestOutputs, testScene } from '../support/renderHelpers';

/**
 * The monitor head in the real-time host: heard live (the 'monitor' wire), on top of the
 * scene rotation, and never in an export (the 'export' wire). The export test compares
 * bit for bit; the live tests compare the stereo monitor's left and right energy, which
 * for a source straight ahead are equal (the 0+2+0 panner is mirror-symmetric) and for a
 * source at +90 degrees all left (BS.2127 puts it between M+030 and M+110, both left).
 */
const RATE = 48000;
/** Balance of a centred source, dB: the brief's bound for "heard centred". */
const CENTRED_TOLERANCE_DB = 0.5;
/** A source at +90 is this much louder on the left at least (measured: no right signal at all). */
const HARD_LEFT_DB = 40;
const STEM_FRAMES = RATE / 2;
const stem = gaussianNoise(STEM_FRAMES, 7);
const HEAD_TURNED_LEFT: HeadOrientation = { yawDeg: 90, pitchDeg: 0, rollDeg: 0 };

let grid: HrtfGrid;
beforeAll(async () => {
  grid = await loadHrtfGrid(undefined, RATE);
});

/** One source at `azimuthDeg`; `listenerYawDeg` is the scene rotation as the file keeps it (yaw = -rotation). */
function sceneWith(azimuthDeg: number, listenerYawDeg = 0): Scene {
  const scene = testScene([{ azimuthDeg, elevationDeg: 0, distanceM: 1 }], RATE);
  return { ...scene, listener: { ...scene.listener, yawDeg: listenerYawDeg } };
}

/** Sends the messages (before and after the load) and renders the whole stem plus its tail on `channels` channels. */
function render(scene: Scene, wire: 'monitor' | 'export', before: readonly HostMessage[], after: readonly HostMessage[]): Float32Array[] {
  const host: RealtimeHost = createRealtimeHost(RATE);
  const outputs = studioTestOutputs(wire === 'export' ? ['binaural', 'stereo', 'mono'] : ['binaural', 'stereo']);
  const channels = wire === 'export' ? 5 : 2;
  for (const message of before) handleHostMessage(host, message);
  handleHostMessage(host, { type: 'load', scene, stems: [[stem]], grid, meters: null, outputs, wire, startPlaying: wire === 'export' });
  for (const message of after) handleHostMessage(host, message);
  if (wire === 'monitor') handleHostMessage(host, { type: 'play' });
  const blocks = Math.ceil(STEM_FRAMES / RENDER_BLOCK_FRAMES) + 4;
  const out = Array.from({ length: channels }, () => new Float32Array(blocks * RENDER_BLOCK_FRAMES));
  const block = Array.from({ length: channels }, () => new Float32Array(RENDER_BLOCK_FRAMES));
  for (let b = 0; b < blocks; b++) {
    processHost(host, block);
    block.forEach((channel, c) => out[c]!.set(channel, b * RENDER_BLOCK_FRAMES));
  }
  return out;
}

const stereoMonitor: HostMessage = { type: 'monitor', output: studioTestOutputs(['stereo'])[0]!, monoLaw: '-3dB' };
const headTurn: HostMessage = { type: 'monitorHead', orientation: HEAD_TURNED_LEFT };

/** Left over right energy in dB, from `fromFrame` on (after the fade-in). */
function leftOverRightDb([left, right]: readonly Float32Array[], fromFrame: number): number {
  let l = 0;
  let r = 0;
  for (let n = fromFrame; n < left!.length; n++) {
    l += left![n]! ** 2;
    r += right![n]! ** 2;
  }
  return 10 * Math.log10(l / Math.max(r, 1e-30));
}

describe('the monitor head in the real-time host', () => {
  it('never reaches an export: every export channel is bit-identical with and without a head turn, sent before or after the load', () => {
    const scene = sceneWith(90, -40);
    const plain = render(scene, 'export', [], []);
    const turned = render(scene, 'export', [headTurn], [headTurn]);
    expect(Math.max(...plain[0]!.map(Math.abs))).toBeGreaterThan(0.01);
    turned.forEach((channel, c) => expect(channel, `wire channel ${c}`).toEqual(plain[c]));
  });

  it('turns what is heard live: a source at +90, all left facing front, is centred after a +90 head yaw (within 0.5 dB)', () => {
    const scene = sceneWith(90);
    const front = leftOverRightDb(render(scene, 'monitor', [stereoMonitor], []), RENDER_BLOCK_FRAMES);
    const turned = leftOverRightDb(render(scene, 'monitor', [stereoMonitor, headTurn], []), RENDER_BLOCK_FRAMES);
    expect(front).toBeGreaterThan(HARD_LEFT_DB);
    expect(Math.abs(turned)).toBeLessThan(CENTRED_TOLERANCE_DB);
  });

  it('is heard on top of the scene rotation: a source ahead in a scene rotated +90 (heard left) is centred by a +90 head yaw (within 0.5 dB)', () => {
    const scene = sceneWith(0, -90);
    const rotated = leftOverRightDb(render(scene, 'monitor', [stereoMonitor], []), RENDER_BLOCK_FRAMES);
    const turned = leftOverRightDb(render(scene, 'monitor', [stereoMonitor], [headTurn]), RENDER_BLOCK_FRAMES);
    expect(rotated).toBeGreaterThan(HARD_LEFT_DB);
    expect(Math.abs(turned)).toBeLessThan(CENTRED_TOLERANCE_DB);
  });

  it('is kept across a reload of the scene (a new renderer hears the head at once)', () => {
    const scene = sceneWith(90);
    const host = createRealtimeHost(RATE);
    handleHostMessage(host, stereoMonitor);
    handleHostMessage(host, headTurn);
    const outputs = studioTestOutputs(['binaural', 'stereo']);
    const load: HostMessage = { type: 'load', scene, stems: [[stem]], grid, meters: null, outputs, wire: 'monitor', startPlaying: false };
    handleHostMessage(host, load);
    handleHostMessage(host, load);
    handleHostMessage(host, { type: 'play' });
    const out = [new Float32Array(40 * RENDER_BLOCK_FRAMES), new Float32Array(40 * RENDER_BLOCK_FRAMES)];
    const block = [new Float32Array(RENDER_BLOCK_FRAMES), new Float32Array(RENDER_BLOCK_FRAMES)];
    for (let b = 0; b < 40; b++) {
      processHost(host, block);
      block.forEach((channel, c) => out[c]!.set(channel, b * RENDER_BLOCK_FRAMES));
    }
    expect(Math.abs(leftOverRightDb(out, RENDER_BLOCK_FRAMES))).toBeLessThan(CENTRED_TOLERANCE_DB);
  });
});
