import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { createSceneRenderer, renderFrames, updateSource } from '../../src/render/sceneRenderer';
import { gaussianNoise } from '../support/prng';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';
import { rms } from '../support/signalAnalysis';

const RATE = 48000;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

describe('HRTF interpolation', () => {
  // Neighbouring KEMAR measurements are 5 to 10 degrees apart (up to 60 near the top);
  // interpolated, one degree moves the level by a fraction of a dB. 1 dB is far below
  // the several-dB jumps of nearest-neighbour switching.
  const MAX_STEP_DB = 1;
  const noise = gaussianNoise(4096, 3);

  function earLevelsDb(azimuthDeg: number, elevationDeg: number): [number, number] {
    const scene = testScene([{ azimuthDeg, elevationDeg, distanceM: 1 }], RATE);
    const renderer = createSceneRenderer(scene, [[noise]], { outputs: studioTestOutputs(['binaural']), hrtf });
    const [left, right] = renderById(renderer).binaural!;
    return [20 * Math.log10(rms(left)), 20 * Math.log10(rms(right))];
  }

  for (const elevationDeg of [-70, -40, 0, 35, 75]) {
    it(`sweeping azimuth in 1-degree steps at elevation ${elevationDeg} changes neither ear's level by more than ${MAX_STEP_DB} dB per step`, () => {
      let previous = earLevelsDb(-179, elevationDeg);
      let largest = 0;
      for (let azimuthDeg = -178; azimuthDeg <= 180; azimuthDeg++) {
        const levels = earLevelsDb(azimuthDeg, elevationDeg);
        largest = Math.max(largest, Math.abs(levels[0] - previous[0]), Math.abs(levels[1] - previous[1]));
        previous = levels;
      }
      expect(largest).toBeLessThan(MAX_STEP_DB);
    });
  }

  it('sweeping elevation from -90 to +90 in 1-degree steps (covering the unmeasured cap below -40) moves levels smoothly', () => {
    for (const azimuthDeg of [0, 90, 180]) {
      let previous = earLevelsDb(azimuthDeg, -90);
      let largest = 0;
      for (let elevationDeg = -89; elevationDeg <= 90; elevationDeg++) {
        const levels = earLevelsDb(azimuthDeg, elevationDeg);
        largest = Math.max(largest, Math.abs(levels[0] - previous[0]), Math.abs(levels[1] - previous[1]));
        previous = levels;
      }
      expect(largest).toBeLessThan(MAX_STEP_DB);
    }
  });

  it('a source moving continuously during playback makes no discontinuity larger than the signal itself would', () => {
    // A 1 kHz sine: its largest second difference is A w^2 (w = 2 pi f / fs). A click or
    // a filter jump shows up as a second difference far above that bound.
    const frequencyHz = 1000;
    const frames = RATE * 2;
    const sine = new Float32Array(frames).map((_, n) => 0.5 * Math.sin((2 * Math.PI * frequencyHz * n) / RATE));
    const scene = testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }], RATE);
    const renderer = createSceneRenderer(scene, [[sine]], { outputs: studioTestOutputs(['binaural', 'stereo']), hrtf });
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    const stereoLeft = new Float32Array(frames);
    const stereoRight = new Float32Array(frames);
    const params = { gainDb: 0, mute: false, solo: false, azimuthDeg: 0, elevationDeg: 0, distanceM: 1, spreadDeg: 0 };
    for (let start = 0; start < frames; start += RENDER_BLOCK_FRAMES) {
      const t = start / RATE;
      // Two turns per second around the head while rising and falling through +/-60 degrees.
      params.azimuthDeg = ((720 * t + 180) % 360) - 180;
      params.elevationDeg = 60 * Math.sin(2 * Math.PI * 0.7 * t);
      updateSource(renderer, scene.sources[0]!.id, params);
      const end = start + RENDER_BLOCK_FRAMES;
      renderFrames(
        renderer,
        {
          outputs: [
            [left.subarray(start, end), right.subarray(start, end)],
            [stereoLeft.subarray(start, end), stereoRight.subarray(start, end)],
          ],
        },
        RENDER_BLOCK_FRAMES,
      );
    }
    const omega = (2 * Math.PI * frequencyHz) / RATE;
    for (const signal of [left, right, stereoLeft, stereoRight]) {
      const settled = signal.subarray(RATE / 10);
      let peak = 0;
      let largestSecondDifference = 0;
      for (let n = 2; n < settled.length; n++) {
        peak = Math.max(peak, Math.abs(settled[n]!));
        largestSecondDifference = Math.max(
          largestSecondDifference,
          Math.abs(settled[n]! - 2 * settled[n - 1]! + settled[n - 2]!),
        );
      }
      // 25 % above the pure sine's bound allows for the slow amplitude and phase modulation
      // of the movement itself.
      expect(largestSecondDifference).toBeLessThan(1.25 * peak * omega * omega);
    }
  });
});
