import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { getLayout } from '../../src/core/layouts';
import { DEFAULT_DOWNMIX_LEVELS } from '../../src/core/outputs/downmixOutputs';
import { outputById } from '../../src/core/outputs/outputCatalog';
import type { OutputCatalogSettings } from '../../src/core/outputs/outputCatalog';
import type { LayoutBinauralOutput } from '../../src/core/outputs/outputDefinition';
import { createRealFft } from '../../src/dsp/fft';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { binauralPartitions, buildBinauralFilterTaps, createBinauralFilterBuilder } from '../../src/render/buses/binaural/binauralFilterBuilder';
import { createLayoutBinauralStage } from '../../src/render/downmix/layoutBinauralStage';
import { LOUDSPEAKER_BUS_TAIL_FRAMES } from '../../src/render/buses/loudspeakerBus';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { createSceneRenderer, renderFrames, seekRenderer } from '../../src/render/sceneRenderer';
import { renderWholeScene } from '../../src/render/offlineRender';
import { gaussianNoise } from '../support/prng';
import { testScene } from '../support/renderHelpers';

const RATE = 48000;
const SETTINGS: OutputCatalogSettings = { monoLaw: '-3dB', hrtfSet: 'test', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };
/**
 * The stage convolves by FFT in float32 blocks, the expectation is the filter's taps in
 * float64: they agree to float32 rounding (measured: at most 1.4e-8; HRIR peaks are about 1).
 */
const CONVOLUTION_TOLERANCE = 1e-6;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

function unitDirection(azimuthDeg: number, elevationDeg: number): [number, number, number] {
  const az = (azimuthDeg * Math.PI) / 180;
  const el = (elevationDeg * Math.PI) / 180;
  return [-Math.sin(az) * Math.cos(el), Math.cos(az) * Math.cos(el), Math.sin(el)];
}

/** The stage's ears for `input` (the layout's channels, frames a multiple of the block), run block by block. */
function runStage(output: LayoutBinauralOutput, input: readonly Float32Array[]): [Float32Array, Float32Array] {
  const stage = createLayoutBinauralStage(output, hrtf, RENDER_BLOCK_FRAMES);
  const frames = input[0]!.length;
  const ears: [Float32Array, Float32Array] = [new Float32Array(frames), new Float32Array(frames)];
  for (let at = 0; at < frames; at += RENDER_BLOCK_FRAMES) {
    stage.process(input.map((channel) => channel.subarray(at, at + RENDER_BLOCK_FRAMES)), RENDER_BLOCK_FRAMES);
    ears[0].set(stage.block[0]!.subarray(0, RENDER_BLOCK_FRAMES), at);
    ears[1].set(stage.block[1]!.subarray(0, RENDER_BLOCK_FRAMES), at);
  }
  return ears;
}

describe('a layout heard binaurally (binaural-<layout>)', () => {
  it('gives, for an impulse in one loudspeaker channel alone, exactly the HRIR pair at that loudspeaker (7.1.4, every channel)', () => {
    const output = outputById('binaural-7.1.4', SETTINGS) as LayoutBinauralOutput;
    const layout = getLayout('4+7+0');
    const partitions = binauralPartitions(hrtf, RENDER_BLOCK_FRAMES);
    const builder = createBinauralFilterBuilder(hrtf, createRealFft(2 * RENDER_BLOCK_FRAMES), partitions);
    const frames = (partitions + 2) * RENDER_BLOCK_FRAMES;
    layout.channels.forEach((channel, c) => {
      const input = layout.channels.map(() => new Float32Array(frames));
      input[c]![0] = 1;
      const [left, right] = runStage(output, input);
      if (channel.isLfe) {
        // The LFE is dropped: nothing in either ear.
        expect(left.every((v) => v === 0) && right.every((v) => v === 0)).toBe(true);
        return;
      }
      const expectedLeft = new Float64Array(builder.filterLength);
      const expectedRight = new Float64Array(builder.filterLength);
      buildBinauralFilterTaps(builder, ...unitDirection(channel.azimuthDeg, channel.elevationDeg), 0, expectedLeft, expectedRight);
      let worst = 0;
      for (let n = 0; n < frames; n++) {
        worst = Math.max(worst, Math.abs(left[n]! - (expectedLeft[n] ?? 0)), Math.abs(right[n]! - (expectedRight[n] ?? 0)));
      }
      expect(worst, channel.label).toBeLessThan(CONVOLUTION_TOLERANCE);
    });
  });

  it('is linear: all the channels at once give the sum of each alone (float32 rounding, 1e-5)', () => {
    const output = outputById('binaural-5.1', SETTINGS) as LayoutBinauralOutput;
    const frames = 8 * RENDER_BLOCK_FRAMES;
    const input = output.from.channels.map((_, c) => gaussianNoise(frames, 40 + c));
    const together = runStage(output, input);
    const sum = [new Float32Array(frames), new Float32Array(frames)];
    input.forEach((_, c) => {
      const alone = runStage(output, input.map((channel, k) => (k === c ? channel : new Float32Array(frames))));
      for (let n = 0; n < frames; n++) {
        sum[0]![n] = sum[0]![n]! + alone[0][n]!;
        sum[1]![n] = sum[1]![n]! + alone[1][n]!;
      }
    });
    for (let n = 0; n < frames; n++) {
      expect(Math.abs(together[0][n]! - sum[0]![n]!)).toBeLessThan(1e-5);
      expect(Math.abs(together[1][n]! - sum[1]![n]!)).toBeLessThan(1e-5);
    }
  });

  it('renders on 0+2+0 now: binaural-stereo is the stage run on the stereo render, and the same asked alone (bit for bit)', () => {
    const scene = testScene([{ azimuthDeg: 20, elevationDeg: 0, distanceM: 1 }, { azimuthDeg: -100, elevationDeg: 30, distanceM: 2 }], RATE);
    const stems = [[gaussianNoise(4800, 1)], [gaussianNoise(4800, 2)]];
    const alone = renderWholeScene(createSceneRenderer(scene, stems, { outputs: [outputById('binaural-2.0', SETTINGS)], hrtf }));
    const [stereo, beside] = renderWholeScene(createSceneRenderer(scene, stems, { outputs: [outputById('stereo', SETTINGS), outputById('binaural-2.0', SETTINGS)], hrtf }));
    expect(alone[0]!.output.id).toBe('binaural-stereo');
    expect(alone[0]!.channels).toEqual(beside!.channels);
    // The render lasts the stems, the stereo bus's tail (its decorrelation filters') and the HRIR's partitions.
    const length = beside!.channels[0]!.length;
    expect(length).toBe(4800 + LOUDSPEAKER_BUS_TAIL_FRAMES + binauralPartitions(hrtf, RENDER_BLOCK_FRAMES) * RENDER_BLOCK_FRAMES);
    const padded = stereo!.channels.map((channel) => {
      const longer = new Float32Array(Math.ceil(length / RENDER_BLOCK_FRAMES) * RENDER_BLOCK_FRAMES);
      longer.set(channel);
      return longer;
    });
    const ears = runStage(beside!.output as LayoutBinauralOutput, padded).map((ear) => ear.subarray(0, length));
    expect(ears).toEqual([...beside!.channels]);
  });

  it('starts afresh on a seek: rendering half, seeking to 0 and rendering all gives the fresh render (bit for bit)', () => {
    const scene = testScene([{ azimuthDeg: 40, elevationDeg: 0, distanceM: 1 }], RATE);
    const stems = [[gaussianNoise(4800, 5)]];
    const outputs = [outputById('binaural-2.0', SETTINGS)];
    const fresh = renderWholeScene(createSceneRenderer(scene, stems, { outputs, hrtf }));
    const renderer = createSceneRenderer(scene, stems, { outputs, hrtf });
    const half = [new Float32Array(2400), new Float32Array(2400)];
    renderFrames(renderer, { outputs: [half] }, 2400);
    seekRenderer(renderer, 0);
    expect(renderWholeScene(renderer)[0]!.channels).toEqual(fresh[0]!.channels);
  });

  it('names the layout when its panner is missing (binaural-7.1.4 before the 4+7+0 panner is merged, or never for an unknown one)', () => {
    const scene = testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }], RATE);
    let error: unknown;
    try {
      createSceneRenderer(scene, [[gaussianNoise(256, 3)]], { outputs: [outputById('binaural-7.1.4', SETTINGS)], hrtf });
    } catch (e) {
      error = e;
    }
    // Either the 4+7+0 panner exists (merged) and the renderer is made, or the error names the layout.
    expect(error === undefined || /no object panner for the 4\+7\+0 layout/.test(String(error))).toBe(true);
  });
});
