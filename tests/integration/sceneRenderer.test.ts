import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { Scene } from '../../src/core/scene/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { createSceneRenderer, renderFrames, updateSource } from '../../src/render/sceneRenderer';
import { airAttenuationDbPerM } from '../../src/render/objects/airAbsorption';
import { gaussianNoise } from '../support/prng';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';
import { rms } from '../support/signalAnalysis';

const RATE = 48000;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

/** A small scene: a mono and a stereo source, one above, one behind. */
function mixedScene(): { scene: Scene; stems: Float32Array[][] } {
  const base = testScene(
    [
      { azimuthDeg: 35, elevationDeg: 10, distanceM: 2 },
      { azimuthDeg: 160, elevationDeg: -50, distanceM: 7 },
    ],
    RATE,
  );
  const scene: Scene = { ...base, sources: base.sources.map((s, i) => ({ ...s, gainDb: i === 0 ? -3 : 2 })) };
  const length = 10_000;
  return { scene, stems: [[gaussianNoise(length, 1)], [gaussianNoise(length - 333, 2), gaussianNoise(length - 333, 3)]] };
}

describe('scene renderer', () => {
  it('gives the same samples whatever the host block size (1, 127, 128, 129, 512 frames), bit for bit', () => {
    const { scene, stems } = mixedScene();
    const reference = renderById(createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['binaural', 'stereo', 'mono']), hrtf }));
    for (const chunk of [1, 127, 128, 129, 512]) {
      const renderer = createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['binaural', 'stereo', 'mono']), hrtf });
      const length = renderer.lengthFrames;
      const out = {
        binaural: [new Float32Array(length), new Float32Array(length)] as const,
        stereo: [new Float32Array(length), new Float32Array(length)] as const,
        mono: [new Float32Array(length)] as const,
      };
      for (let start = 0; start < length; start += chunk) {
        const end = Math.min(length, start + chunk);
        renderFrames(
          renderer,
          { outputs: [out.binaural, out.stereo, out.mono].map((channels) => channels.map((channel) => channel.subarray(start, end))) },
          end - start,
        );
      }
      expect(out.binaural[0]).toEqual(reference.binaural![0]);
      expect(out.binaural[1]).toEqual(reference.binaural![1]);
      expect(out.stereo[0]).toEqual(reference.stereo![0]);
      expect(out.stereo[1]).toEqual(reference.stereo![1]);
      expect(out.mono[0]).toEqual(reference.mono![0]);
      expect(renderer.playheadFrame).toBe(length);
    }
  });

  it('pans a source at +30 degrees and 1 m fully to the left of the stereo fold-down (gain 1, right 0, within 1e-6)', () => {
    const scene = testScene([{ azimuthDeg: 30, elevationDeg: 0, distanceM: 1 }], RATE);
    const input = gaussianNoise(4096, 9);
    const { stereo } = renderById(createSceneRenderer(scene, [[input]], { outputs: studioTestOutputs(['stereo']) }));
    let maxLeftError = 0;
    let maxRight = 0;
    for (let i = 0; i < input.length; i++) {
      maxLeftError = Math.max(maxLeftError, Math.abs(stereo![0][i]! - input[i]!));
      maxRight = Math.max(maxRight, Math.abs(stereo![1][i]!));
    }
    expect(maxLeftError).toBeLessThan(1e-6);
    expect(maxRight).toBeLessThan(1e-6);
  });

  it('folds stereo down to mono with the -3 dB law ((L+R)/sqrt 2) and the -6 dB law ((L+R)/2), within 1e-7', () => {
    const { scene, stems } = mixedScene();
    for (const [law, gain] of [['-3dB', Math.SQRT1_2], ['-6dB', 0.5]] as const) {
      const { stereo, mono } = renderById(createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['stereo', 'mono'], law) }));
      let largestError = 0;
      for (let i = 0; i < mono![0].length; i++) {
        largestError = Math.max(largestError, Math.abs(mono![0][i]! - (stereo![0][i]! + stereo![1][i]!) * gain));
      }
      expect(largestError).toBeLessThan(1e-7);
    }
  });

  it('follows the inverse distance law beyond 1 m with no filtering inside it', () => {
    const input = gaussianNoise(96000, 4);
    const levelAt = (distanceM: number): number => {
      const scene = testScene([{ azimuthDeg: 30, elevationDeg: 0, distanceM }], RATE);
      return 20 * Math.log10(rms(renderById(createSceneRenderer(scene, [[input]], { outputs: studioTestOutputs(['stereo']) })).stereo![0]));
    };
    // Inside the reference distance: no gain change and no filtering at all.
    expect(levelAt(0.3) - levelAt(1)).toBeCloseTo(0, 6);
  });

  it('a 440 Hz and a 4 kHz tone at 1,000 m against 10 m: the inverse distance law (-40 dB) plus ISO 9613-1 air absorption over the 990 m between (within 0.3 dB)', () => {
    const frames = 2 * RATE;
    const toneLevelDb = (frequencyHz: number, distanceM: number): number => {
      const tone = Float32Array.from({ length: frames }, (_, n) => 0.5 * Math.sin((2 * Math.PI * frequencyHz * n) / RATE));
      const scene = testScene([{ azimuthDeg: 30, elevationDeg: 0, distanceM }], RATE);
      const left = renderById(createSceneRenderer(scene, [[tone]], { outputs: studioTestOutputs(['stereo']) })).stereo![0];
      // Steady state: the second half (the filter's poles, radius under 0.98, have long decayed).
      return 20 * Math.log10(rms(left.subarray(frames / 2, frames)));
    };
    for (const frequencyHz of [440, 4000]) {
      // 20 C, 50 % RH, 101.325 kPa: alpha(440 Hz) = 2.45 dB/km, alpha(4 kHz) = 29.7 dB/km.
      const expectedDb = 20 * Math.log10(10 / 1000) - airAttenuationDbPerM(frequencyHz) * 990;
      const measuredDb = toneLevelDb(frequencyHz, 1000) - toneLevelDb(frequencyHz, 10);
      // 0.3 dB: the IIR follows alpha(f) d within 1 dB up to 30 dB of loss (airAbsorptionDesign.test.ts); at 4 kHz, 999 m (29.6 dB) it is 0.21 dB off at 48 kHz.
      expect(Math.abs(measuredDb - expectedDb), `${frequencyHz} Hz: ${measuredDb.toFixed(2)} dB, expected ${expectedDb.toFixed(2)} dB`).toBeLessThan(0.3);
    }
    // Not the old one-pole's 75 dB at 440 Hz: about 2.4 dB.
    expect(airAttenuationDbPerM(440) * 990).toBeLessThan(3);
  });

  it('mutes and solos: a muted source is silent after its fade, a solo silences the others', () => {
    const { scene, stems } = mixedScene();
    const muted: Scene = { ...scene, sources: scene.sources.map((s, i) => ({ ...s, mute: i === 1 })) };
    const onlyFirst = renderById(createSceneRenderer(muted, [stems[0]!, stems[1]!], { outputs: studioTestOutputs(['stereo']) })).stereo!;
    const soloFirst: Scene = { ...scene, sources: scene.sources.map((s, i) => ({ ...s, solo: i === 0 })) };
    const soloed = renderById(createSceneRenderer(soloFirst, stems, { outputs: studioTestOutputs(['stereo']) })).stereo!;
    expect(soloed[0]).toEqual(onlyFirst[0]);
    expect(soloed[1]).toEqual(onlyFirst[1]);
    const allMuted: Scene = { ...scene, sources: scene.sources.map((s) => ({ ...s, mute: true })) };
    const silent = renderById(createSceneRenderer(allMuted, stems, { outputs: studioTestOutputs(['binaural', 'stereo']), hrtf }));
    expect(rms(silent.binaural![0]) + rms(silent.stereo![0])).toBe(0);
  });

  it('fades a source out within one block when it is muted while playing, heard the renderer latency later (no step larger than the signal)', () => {
    const frames = 4800;
    const sine = new Float32Array(frames).map((_, n) => 0.5 * Math.sin((2 * Math.PI * 440 * n) / RATE));
    const scene = testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }], RATE);
    const renderer = createSceneRenderer(scene, [[sine]], { outputs: studioTestOutputs(['stereo']) });
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    renderFrames(renderer, { outputs: [[left.subarray(0, 2048), right.subarray(0, 2048)]] }, 2048);
    updateSource(renderer, scene.sources[0]!.id, { gainDb: 0, mute: true, solo: false, azimuthDeg: 0, elevationDeg: 0, distanceM: 1, spreadDeg: 0 });
    renderFrames(renderer, { outputs: [[left.subarray(2048), right.subarray(2048)]] }, frames - 2048);
    const omega = (2 * Math.PI * 440) / RATE;
    let largestStep = 0;
    for (let n = 1; n < frames; n++) largestStep = Math.max(largestStep, Math.abs(left[n]! - left[n - 1]!));
    // The sine's own largest step is A w; a one-block fade adds at most A / 128 per sample.
    const amplitude = 0.5 * Math.SQRT1_2;
    expect(largestStep).toBeLessThan(amplitude * (omega + 1 / 128) * 1.01);
    // Heard the renderer's latency after the change (its stereo bus is a loudspeaker bus), then over one block.
    expect(renderer.latencyFrames).toBe(256);
    expect(rms(left.subarray(2048 + renderer.latencyFrames, 2048 + renderer.latencyFrames + 128))).toBeGreaterThan(0);
    expect(rms(left.subarray(2048 + renderer.latencyFrames + 128))).toBe(0);
  });
});
