import { describe, expect, it } from 'vitest';
import { createSceneRenderer, objectHeadDirection, renderFrames } from '../../src/render/sceneRenderer';
import { stereoOutput } from '../../src/core/outputs/studioOutputs';
import { createLayoutPanner } from '../../src/render/buses/layoutPanners';
import { gaussianNoise } from '../support/prng';
import { studioTestOutputs, testScene } from '../support/renderHelpers';

/**
 * The renderer hands out its objects' signals (what feeds every bus), which the mono
 * analysis takes through the buses' responses. For a scene that does not move, the
 * stereo fold-down is each object times its fold-down gains for where it stands
 * (objectHeadDirection, the 0+2+0 layout's panner): checked against the bus, to float32 rounding
 * (1e-6 of the peak).
 */
const RATE = 48000;
const FRAMES = RATE / 2;

describe('the objects a renderer hands out', () => {
  it('make the stereo fold-down through their gains for where they stand (1e-6 of the peak)', () => {
    const base = testScene([
      { azimuthDeg: 35, elevationDeg: 10, distanceM: 2 },
      { azimuthDeg: -100, elevationDeg: 0, distanceM: 1 },
    ]);
    const scene = { ...base, listener: { yawDeg: 20, pitchDeg: 0, rollDeg: 0 } };
    const stems = [[gaussianNoise(FRAMES, 1), gaussianNoise(FRAMES, 2)], [gaussianNoise(FRAMES, 3)]];
    const renderer = createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['stereo']) });
    const objects = [new Float32Array(FRAMES), new Float32Array(FRAMES), new Float32Array(FRAMES)];
    const stereo = [new Float32Array(FRAMES), new Float32Array(FRAMES)] as const;
    renderFrames(renderer, { outputs: [stereo], objects }, FRAMES);
    const panner = createLayoutPanner(stereoOutput().layout);
    const direction = new Float64Array(3);
    const gains = objects.map((_, o) => {
      objectHeadDirection(renderer, o, direction);
      const g = new Float64Array(2);
      panner.gains(direction[0]!, direction[1]!, direction[2]!, g);
      return g;
    });
    let peak = 0;
    let largestError = 0;
    for (let n = 0; n < FRAMES; n++) {
      for (let channel = 0; channel < 2; channel++) {
        const expected = objects.reduce((sum, object, o) => sum + gains[o]![channel]! * object[n]!, 0);
        peak = Math.max(peak, Math.abs(expected));
        largestError = Math.max(largestError, Math.abs(stereo[channel]![n]! - expected));
      }
    }
    expect(peak).toBeGreaterThan(0.1);
    expect(largestError).toBeLessThan(1e-6 * peak);
  });

  it('are the same beside a loudspeaker output (latency compensated) as alone, bit for bit, however the host slices time', () => {
    const scene = testScene([{ azimuthDeg: 35, elevationDeg: 10, distanceM: 2 }]);
    const stems = [[gaussianNoise(4000, 5), gaussianNoise(4000, 6)]];
    const alone = createSceneRenderer(scene, stems, { outputs: studioTestOutputs([]) });
    const beside = createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['stereo']) });
    expect(alone.latencyFrames).toBe(0);
    expect(beside.latencyFrames).toBe(256);
    const expected = [new Float32Array(4000), new Float32Array(4000)];
    renderFrames(alone, { objects: expected }, 4000);
    const objects = [new Float32Array(4000), new Float32Array(4000)];
    const stereo = [new Float32Array(4000), new Float32Array(4000)];
    // 100 frames a call: the handed-out frames straddle the renderer's blocks.
    for (let at = 0; at < 4000; at += 100) renderFrames(beside, { outputs: [stereo], objects }, 100, at);
    expect(objects).toEqual(expected);
  });

  it('are checked for non-finite samples when no bus runs: the block is silenced and counted', () => {
    const scene = testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }]);
    const stem = gaussianNoise(1024, 4);
    stem[300] = Number.NaN;
    const renderer = createSceneRenderer(scene, [[stem]], { outputs: studioTestOutputs([]) });
    const object = new Float32Array(1024);
    renderFrames(renderer, { objects: [object] }, 1024);
    expect(object.every((v) => Number.isFinite(v))).toBe(true);
    // The block holding the NaN (frames 256..383) is silent, the objects restart after it.
    expect(object.subarray(256, 384).every((v) => v === 0)).toBe(true);
    expect(renderer.nonFiniteBlocks).toBe(1);
    expect(object.subarray(0, 256).some((v) => v !== 0)).toBe(true);
  });
});
