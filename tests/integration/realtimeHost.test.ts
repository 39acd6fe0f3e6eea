import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { METER_LAYOUT, meterSlots } from '../../src/render/realtime/meterLayout';
import type { HostMessage } from '../../src/render/realtime/protocol';
import { createRealtimeHost, handleHostMessage, processHost } from '../../src/render/realtime/realtimeHost';
import type { RealtimeHost } from '../../src/render/realtime/realtimeHost';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { createSceneRenderer } from '../../src/render/sceneRenderer';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';

const RATE = 48000;
let grid: HrtfGrid;

beforeAll(async () => {
  grid = await loadHrtfGrid(undefined, RATE);
});

const frequencyHz = 300;
const sine = new Float32Array(RATE).map((_, n) => 0.4 * Math.sin((2 * Math.PI * frequencyHz * n) / RATE));
const scene = testScene([{ azimuthDeg: 50, elevationDeg: 10, distanceM: 1 }], RATE);

/** A host loaded as the studio loads it (binaural and stereo, monitored), or as an export loads it (all three on the wire). */
function loadedHost(wire: 'monitor' | 'export', meters: SharedArrayBuffer | null = null): RealtimeHost {
  const host = createRealtimeHost(RATE);
  const outputs = studioTestOutputs(wire === 'export' ? ['binaural', 'stereo', 'mono'] : ['binaural', 'stereo']);
  const load: HostMessage = { type: 'load', scene, stems: [[sine]], grid, meters, outputs, wire, startPlaying: wire === 'export' };
  handleHostMessage(host, load);
  return host;
}

function run(host: RealtimeHost, blocks: number, channels = 2, onBlock?: (block: number) => void): Float32Array[] {
  const out = Array.from({ length: channels }, () => new Float32Array(blocks * RENDER_BLOCK_FRAMES));
  const block = Array.from({ length: channels }, () => new Float32Array(RENDER_BLOCK_FRAMES));
  for (let b = 0; b < blocks; b++) {
    onBlock?.(b);
    processHost(host, block);
    block.forEach((channel, c) => out[c]!.set(channel, b * RENDER_BLOCK_FRAMES));
  }
  return out;
}

/** Largest |second difference|: a pure sine of amplitude A has A w^2; a click is far above it. */
function largestSecondDifference(signal: Float32Array, from: number, to: number): number {
  let largest = 0;
  for (let n = Math.max(2, from); n < to; n++) largest = Math.max(largest, Math.abs(signal[n]! - 2 * signal[n - 1]! + signal[n - 2]!));
  return largest;
}

describe('realtime host (the AudioWorklet adapter, run in Node)', () => {
  it('exports exactly what the offline renderer renders (binaural, stereo, mono bit for bit)', () => {
    const host = loadedHost('export');
    const reference = renderById(createSceneRenderer(scene, [[sine]], { outputs: studioTestOutputs(['binaural', 'stereo', 'mono']), hrtf: grid }));
    const blocks = Math.ceil(reference.mono![0].length / RENDER_BLOCK_FRAMES);
    const out = run(host, blocks, 5);
    const length = reference.mono![0].length;
    expect(out[0]!.subarray(0, length)).toEqual(reference.binaural![0]);
    expect(out[1]!.subarray(0, length)).toEqual(reference.binaural![1]);
    expect(out[2]!.subarray(0, length)).toEqual(reference.stereo![0]);
    expect(out[3]!.subarray(0, length)).toEqual(reference.stereo![1]);
    expect(out[4]!.subarray(0, length)).toEqual(reference.mono![0]);
  });

  it('is silent until play, and switching the monitor while playing makes no step larger than the signal (binaural -> stereo -> mono -> binaural)', () => {
    const host = loadedHost('monitor');
    const switches = new Map<number, HostMessage>([
      [60, { type: 'monitor', output: studioTestOutputs(['stereo'])[0]!, monoLaw: '-3dB' }],
      [120, { type: 'monitor', output: studioTestOutputs(['mono'])[0]!, monoLaw: '-3dB' }],
      [180, { type: 'monitor', output: studioTestOutputs(['mono'], '-6dB')[0]!, monoLaw: '-6dB' }],
      [240, { type: 'monitor', output: studioTestOutputs(['binaural'])[0]!, monoLaw: '-6dB' }],
    ]);
    const [silentLeft] = run(host, 4);
    expect(Math.max(...silentLeft!.map(Math.abs))).toBe(0);
    handleHostMessage(host, { type: 'play' });
    const [left, right] = run(host, 300, 2, (block) => {
      const message = switches.get(block);
      if (message !== undefined) handleHostMessage(host, message);
    });
    const omega = (2 * Math.PI * frequencyHz) / RATE;
    for (const signal of [left!, right!]) {
      const peak = Math.max(...signal.map(Math.abs));
      // A one-block linear crossfade between two sines adds at most 2A/128 per sample
      // to the slope, so the second difference can grow by 2 * 2A/128 at the ramp's ends.
      const bound = peak * omega * omega + (4 * peak) / RENDER_BLOCK_FRAMES;
      expect(largestSecondDifference(signal, 2 * RENDER_BLOCK_FRAMES, signal.length)).toBeLessThan(bound);
    }
  });

  it('loops sample-accurately: after the loop end, playback continues from the loop start', () => {
    const host = loadedHost('monitor');
    const startFrame = 1000;
    const endFrame = 5000;
    handleHostMessage(host, { type: 'loop', startFrame, endFrame });
    handleHostMessage(host, { type: 'play' });
    const [left] = run(host, 110);
    // The second pass through the loop sounds like the first (the restart fades in over
    // one block, then the signal is identical).
    const loopLength = endFrame - startFrame;
    const firstPass = left!.subarray(endFrame + 2 * RENDER_BLOCK_FRAMES, endFrame + loopLength - 10);
    const secondPass = left!.subarray(endFrame + loopLength + 2 * RENDER_BLOCK_FRAMES, endFrame + 2 * loopLength - 10);
    expect(secondPass.length).toBeGreaterThan(3000);
    let largest = 0;
    for (let i = 0; i < secondPass.length; i++) largest = Math.max(largest, Math.abs(secondPass[i]! - firstPass[i]!));
    expect(largest).toBeLessThan(1e-6);
  });

  it('publishes the playhead and meters in the shared area about 30 times a second', () => {
    const meters = new SharedArrayBuffer(meterSlots(1) * 8);
    const host = loadedHost('monitor', meters);
    handleHostMessage(host, { type: 'play' });
    run(host, 375);
    const view = new Float64Array(meters);
    // 375 blocks = 1 s at 48 kHz; the playhead is published with each meter update.
    expect(view[METER_LAYOUT.playheadFrame]! / RATE).toBeGreaterThan(0.95);
    expect(view[METER_LAYOUT.playheadFrame]! / RATE).toBeLessThanOrEqual(1);
    expect(view[METER_LAYOUT.sequence]).toBeGreaterThanOrEqual(28);
    expect(view[METER_LAYOUT.sequence]).toBeLessThanOrEqual(32);
    expect(view[METER_LAYOUT.playing]).toBe(1);
    // The source peak is the sine's amplitude (distance 1 m, 0 dB gain), within 1e-6.
    expect(view[METER_LAYOUT.sourcePeak]).toBeCloseTo(0.4, 5);
    expect(view[METER_LAYOUT.outputPeak]!).toBeGreaterThan(0);
  });

  it('pauses with a one-block fade and resumes where it stopped', () => {
    const host = loadedHost('monitor');
    handleHostMessage(host, { type: 'play' });
    run(host, 20);
    handleHostMessage(host, { type: 'pause' });
    const [fadeBlock] = run(host, 1);
    expect(Math.abs(fadeBlock![RENDER_BLOCK_FRAMES - 1]!)).toBeLessThan(0.4 / RENDER_BLOCK_FRAMES + 1e-6);
    const [silence] = run(host, 5);
    expect(Math.max(...silence!.map(Math.abs))).toBe(0);
    expect(host.renderer!.playheadFrame).toBe(21 * RENDER_BLOCK_FRAMES);
  });
});
