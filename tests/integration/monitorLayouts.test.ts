import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { monitorOutput } from '../../src/core/outputs/monitorOutputs';
import type { OutputDefinition } from '../../src/core/outputs/outputDefinition';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { METER_LAYOUT, meterSlots } from '../../src/render/realtime/meterLayout';
import type { HostMessage } from '../../src/render/realtime/protocol';
import { createRealtimeHost, handleHostMessage, processHost } from '../../src/render/realtime/realtimeHost';
import type { RealtimeHost } from '../../src/render/realtime/realtimeHost';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { createSceneRenderer } from '../../src/render/sceneRenderer';
import type { SceneRenderer } from '../../src/render/sceneRenderer';
import { studioTestOutputs, testScene } from '../support/renderHelpers';
import { renderWholeScene } from '../../src/render/offlineRender';

/**
 * The real-time host monitoring loudspeaker layouts: a layout on a device with enough
 * channels (one channel per device output, in WAVE file order), a layout on headphones,
 * Lt/Rt with its phase network, the per-loudspeaker meters and the loudspeaker solo.
 */

const RATE = 48000;
const AMPLITUDE = 0.4;
const sine = new Float32Array(RATE).map((_, n) => AMPLITUDE * Math.sin((2 * Math.PI * 300 * n) / RATE));
let grid: HrtfGrid;

beforeAll(async () => {
  grid = await loadHrtfGrid(undefined, RATE);
});

/** The studio's live outputs plus what monitoring `id` needs rendered, as the engine asks for them. */
function liveOutputs(id: string): OutputDefinition[] {
  const monitored = monitorOutput(id, '-3dB');
  const extra = monitored.kind === 'layoutBinaural' ? [monitored.from, monitored] : [monitored];
  return [...studioTestOutputs(['binaural', 'stereo']), ...extra];
}

function playingHost(id: string, azimuthDeg: number, deviceChannels: number, meters: SharedArrayBuffer | null = null): RealtimeHost {
  const host = createRealtimeHost(RATE);
  const scene = testScene([{ azimuthDeg, elevationDeg: 0, distanceM: 1 }], RATE);
  const load: HostMessage = { type: 'load', scene, stems: [[sine]], grid, meters, outputs: liveOutputs(id), wire: 'monitor', startPlaying: false, deviceChannels };
  handleHostMessage(host, load);
  handleHostMessage(host, { type: 'monitor', output: monitorOutput(id, '-3dB'), monoLaw: '-3dB' });
  handleHostMessage(host, { type: 'play' });
  return host;
}

function run(host: RealtimeHost, blocks: number, channels: number): Float32Array[] {
  const out = Array.from({ length: channels }, () => new Float32Array(blocks * RENDER_BLOCK_FRAMES));
  const block = Array.from({ length: channels }, () => new Float32Array(RENDER_BLOCK_FRAMES));
  for (let b = 0; b < blocks; b++) {
    processHost(host, block);
    block.forEach((channel, c) => out[c]!.set(channel, b * RENDER_BLOCK_FRAMES));
  }
  return out;
}

/** The offline renderer's channels of output `id`. */
function renderOf(renderer: SceneRenderer, id: string): readonly Float32Array[] {
  return renderWholeScene(renderer).find((rendered) => rendered.output.id === id)!.channels;
}

/** RMS from the second block on (the first fades in, and crossfades from the monitor the load started with). */
function rms(signal: Float32Array): number {
  let sum = 0;
  for (let n = RENDER_BLOCK_FRAMES; n < signal.length; n++) sum += signal[n]! * signal[n]!;
  return Math.sqrt(sum / (signal.length - RENDER_BLOCK_FRAMES));
}

/** Relative error of an RMS over a window that is not a whole number of the sine's periods: below 1 % over 9 or more periods. */
const RMS_WINDOW = 0.01;

/** A sine of amplitude A has RMS A / sqrt 2. */
const SINE_RMS = AMPLITUDE / Math.SQRT2;
/** A source on a loudspeaker's direction is panned to it alone (BS.2127: gain 1, the others 0); leakage below -120 dB of it. */
const LEAK = 1e-6;

describe('the real-time host monitoring a loudspeaker layout', () => {
  it('plays a source at M+110 only on 5.1 (0+5+0) device channel 5 of 6 (file order L R C LFE Ls Rs)', () => {
    const out = run(playingHost('5.1', 110, 6), 40, 6);
    const levels = out.map(rms);
    expect(levels[4]).toBeGreaterThan(0.1 * SINE_RMS);
    for (const c of [0, 1, 2, 3, 5]) expect(levels[c]).toBeLessThan(LEAK * levels[4]!);
  });

  it('lays 7.1 (0+7+0) in WAVE order: M+135 (back left) on device channel 5, M+090 (side left) on channel 7', () => {
    const back = run(playingHost('7.1', 135, 8), 40, 8).map(rms);
    const side = run(playingHost('7.1', 90, 8), 40, 8).map(rms);
    expect(back[4]).toBeGreaterThan(0.1 * SINE_RMS);
    expect(side[6]).toBeGreaterThan(0.1 * SINE_RMS);
    back.forEach((level, c) => c !== 4 && expect(level).toBeLessThan(LEAK * back[4]!));
    side.forEach((level, c) => c !== 6 && expect(level).toBeLessThan(LEAK * side[6]!));
  });

  it('refuses a layout with more channels than the device, naming both counts', () => {
    expect(() => playingHost('7.1.4', 30, 2)).toThrow(/"7.1.4" has 12 channels; this device plays 2/);
  });

  it('plays 7.1.4 on headphones as the offline renderer renders binaural-7.1.4 (bit for bit after the fade-in)', () => {
    const outputs = liveOutputs('binaural-7.1.4');
    const scene = testScene([{ azimuthDeg: 40, elevationDeg: 0, distanceM: 1 }], RATE);
    const reference = renderOf(createSceneRenderer(scene, [[sine]], { outputs, hrtf: grid }), 'binaural-7.1.4');
    const out = run(playingHost('binaural-7.1.4', 40, 2), 40, 2);
    for (const c of [0, 1]) {
      expect(rms(out[c]!)).toBeGreaterThan(0.05 * SINE_RMS);
      expect(out[c]!.subarray(RENDER_BLOCK_FRAMES, 40 * RENDER_BLOCK_FRAMES)).toEqual(reference[c]!.subarray(RENDER_BLOCK_FRAMES, 40 * RENDER_BLOCK_FRAMES));
    }
  });

  it('plays Lt/Rt with its phase network (the renderer\'s 7.1.4-to-ltrt, bit for bit), a source at M+110 in antiphase-quadrature on both sides', () => {
    const outputs = liveOutputs('7.1.4-to-ltrt');
    const scene = testScene([{ azimuthDeg: 110, elevationDeg: 0, distanceM: 1 }], RATE);
    const reference = renderOf(createSceneRenderer(scene, [[sine]], { outputs, hrtf: grid }), '7.1.4-to-ltrt');
    const out = run(playingHost('7.1.4-to-ltrt', 110, 2), 40, 2);
    for (const c of [0, 1]) expect(out[c]!.subarray(RENDER_BLOCK_FRAMES, 40 * RENDER_BLOCK_FRAMES)).toEqual(reference[c]!.subarray(RENDER_BLOCK_FRAMES, 40 * RENDER_BLOCK_FRAMES));
    // Lt = -s j(Ls + Rs), Rt = +s j(Ls + Rs): equal level, opposite sign.
    expect(rms(out[0]!)).toBeGreaterThan(0.1 * SINE_RMS);
    expect(Math.abs(rms(out[0]!) - rms(out[1]!))).toBeLessThan(1e-6);
  });
});

describe('reloading with other outputs', () => {
  it('keeps the monitored output when the new outputs make it, and falls back to the first output when they do not (the engine then sends the new monitor)', () => {
    const host = playingHost('binaural-7.1.4', 40, 2);
    const scene = testScene([{ azimuthDeg: 40, elevationDeg: 0, distanceM: 1 }], RATE);
    const reload = (outputs: OutputDefinition[]): void =>
      handleHostMessage(host, { type: 'load', scene, stems: [[sine]], grid, meters: null, outputs, wire: 'monitor', startPlaying: true, deviceChannels: 2 });
    reload(liveOutputs('binaural-7.1.4'));
    expect(host.route?.output.id).toBe('binaural-7.1.4');
    reload(liveOutputs('5.1'));
    expect(host.route?.output.id).toBe('binaural');
  });
});

describe('loudspeaker meters and solo', () => {
  it('meters each loudspeaker of the monitored layout: RMS A/sqrt2 on M+110 for a source there, the others silent (1e-4)', () => {
    const area = new SharedArrayBuffer(meterSlots(1) * Float64Array.BYTES_PER_ELEMENT);
    const meters = new Float64Array(area);
    const host = playingHost('binaural-5.1', 110, 2, area);
    run(host, 40, 2);
    expect(meters[METER_LAYOUT.speakerCount]).toBe(6);
    // The 1 m source has the renderer's distance gain 1 (reference distance 1 m); a meter period is 12 blocks (9.6 periods of 300 Hz).
    expect(Math.abs(meters[METER_LAYOUT.speakerRms + 4]! / SINE_RMS - 1)).toBeLessThan(RMS_WINDOW);
    expect(Math.abs(meters[METER_LAYOUT.speakerPeak + 4]! / AMPLITUDE - 1)).toBeLessThan(0.001);
    for (const c of [0, 1, 2, 3, 5]) expect(meters[METER_LAYOUT.speakerRms + c]).toBeLessThan(1e-4);
  });

  it('a loudspeaker solo on 5.1 plays that channel alone on its own device channel; on headphones, on both ears', () => {
    // At 70 degrees the source lies between M+030 and M+110: both play it.
    const speakers = playingHost('5.1', 70, 6);
    const all = run(speakers, 20, 6).map(rms);
    expect(all[0]).toBeGreaterThan(0.05 * SINE_RMS);
    expect(all[4]).toBeGreaterThan(0.05 * SINE_RMS);
    handleHostMessage(speakers, { type: 'speakerSolo', label: 'M+110' });
    const solo = run(speakers, 20, 6);
    const soloLevels = solo.map((channel) => rms(channel.subarray(RENDER_BLOCK_FRAMES)));
    expect(Math.abs(soloLevels[4]! / all[4]! - 1)).toBeLessThan(RMS_WINDOW);
    for (const c of [0, 1, 2, 3, 5]) expect(soloLevels[c]).toBe(0);

    const headphones = playingHost('binaural-5.1', 70, 2);
    run(headphones, 4, 2);
    handleHostMessage(headphones, { type: 'speakerSolo', label: 'M+110' });
    const [left, right] = run(headphones, 20, 2);
    const after = RENDER_BLOCK_FRAMES * 2;
    expect(left!.subarray(after)).toEqual(right!.subarray(after));
    expect(Math.abs(rms(left!.subarray(after)) / all[4]! - 1)).toBeLessThan(RMS_WINDOW);
  });
});
