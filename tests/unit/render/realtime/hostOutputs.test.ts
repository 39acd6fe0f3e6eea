import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNMIX_LEVELS } from '../../../../src/core/outputs/downmixOutputs';
import { outputById } from '../../../../src/core/outputs/outputCatalog';
import type { OutputDefinition } from '../../../../src/core/outputs/outputDefinition';
import type { HrtfGrid } from '../../../../src/dsp/hrtf/hrtfGrid';
import { createRealtimeHost, handleHostMessage, processHost } from '../../../../src/render/realtime/realtimeHost';
import type { RealtimeHost } from '../../../../src/render/realtime/realtimeHost';
import { RENDER_BLOCK_FRAMES } from '../../../../src/render/renderBlock';
import { gaussianNoise } from '../../../support/prng';
import { testScene } from '../../../support/renderHelpers';

/**
 * The real-time host switching the monitor from stereo to 5.1 while playing, by the
 * 'outputs' message (no 'load'): the playhead runs on, and after the one crossfade block
 * the device's six channels are 5.1 in WAVE order as a host that monitored 5.1 from the
 * start plays them (float32 rounding, 1e-6).
 */

const output = (id: string): OutputDefinition =>
  outputById(id, { monoLaw: '-3dB', hrtfSet: 'none', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS });
/** No binaural output is rendered here: the grid is never read beyond its rate. */
const NO_HRTF = { set: { sampleRateHz: 48000 } } as unknown as HrtfGrid;
const DEVICE_CHANNELS = 6;

function loadedHost(outputs: readonly OutputDefinition[], monitored: OutputDefinition): RealtimeHost {
  const host = createRealtimeHost(48000);
  const scene = testScene([
    { azimuthDeg: 70, elevationDeg: 10, distanceM: 2 },
    { azimuthDeg: -120, elevationDeg: 0, distanceM: 1 },
  ]);
  const frames = 40 * RENDER_BLOCK_FRAMES;
  const stems = [[gaussianNoise(frames, 1)], [gaussianNoise(frames, 2), gaussianNoise(frames, 3)]];
  handleHostMessage(host, { type: 'load', scene, stems, grid: NO_HRTF, meters: null, outputs, wire: 'monitor', startPlaying: false, deviceChannels: DEVICE_CHANNELS });
  handleHostMessage(host, { type: 'monitor', output: monitored, monoLaw: '-3dB' });
  handleHostMessage(host, { type: 'play' });
  return host;
}

function blocks(host: RealtimeHost, count: number): Float32Array[] {
  const device = Array.from({ length: DEVICE_CHANNELS }, () => new Float32Array(count * RENDER_BLOCK_FRAMES));
  const block = Array.from({ length: DEVICE_CHANNELS }, () => new Float32Array(RENDER_BLOCK_FRAMES));
  for (let b = 0; b < count; b++) {
    processHost(host, block);
    block.forEach((channel, c) => device[c]!.set(channel, b * RENDER_BLOCK_FRAMES));
  }
  return device;
}

describe('the real-time host\'s outputs message', () => {
  it('switches stereo -> 5.1 while playing without a load: the playhead runs on, 5.1 on the device as a host that had it from the start', () => {
    const switched = loadedHost([output('stereo')], output('stereo'));
    const reference = loadedHost([output('stereo'), output('5.1')], output('5.1'));
    blocks(switched, 8);
    blocks(reference, 8);
    const before = switched.renderer!;
    handleHostMessage(switched, { type: 'outputs', outputs: [output('stereo'), output('5.1')] });
    handleHostMessage(switched, { type: 'monitor', output: output('5.1'), monoLaw: '-3dB' });
    expect(switched.renderer).toBe(before);
    expect(switched.renderer!.playheadFrame).toBe(8 * RENDER_BLOCK_FRAMES);
    const heard = blocks(switched, 12);
    const expected = blocks(reference, 12);
    // Stereo is heard while the new 5.1 bus fills its delay line (the renderer's latency, two blocks), the next block crossfades, and from then on the 5.1 alone.
    const switchedAt = switched.renderer!.latencyFrames;
    expect(switchedAt).toBe(2 * RENDER_BLOCK_FRAMES);
    // Not a gap: the block before the switch still carries the stereo (a switch at once would fade to the new bus's silence).
    expect(Math.max(...heard[0]!.subarray(RENDER_BLOCK_FRAMES, switchedAt).map(Math.abs))).toBeGreaterThan(0.01);
    for (let c = 0; c < DEVICE_CHANNELS; c++) {
      let worst = 0;
      for (let i = switchedAt + RENDER_BLOCK_FRAMES; i < heard[c]!.length; i++) worst = Math.max(worst, Math.abs(heard[c]![i]! - expected[c]![i]!));
      expect(worst, `device channel ${c}`).toBeLessThan(1e-6);
    }
    expect(Math.max(...heard[4]!.map(Math.abs))).toBeGreaterThan(0.01); // Ls carries the source at 120 degrees
    expect(switched.renderer!.playheadFrame).toBe(20 * RENDER_BLOCK_FRAMES);
  });
});
