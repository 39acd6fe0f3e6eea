import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { DEFAULT_MID_SIDE_SETTINGS } from '../../src/core/midSideSettings';
import type { Scene, SceneSource } from '../../src/core/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { analyzeStereoMix } from '../../src/render/analysis/mixMonoAnalysis';
import { analyzeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import { renderWholeScene } from '../../src/render/offlineRender';
import { createSceneRenderer } from '../../src/render/sceneRenderer';
import { gaussianNoise } from '../support/prng';
import { testScene } from '../support/renderHelpers';

/**
 * The binaural survival beside a stereo analysis is measured without the binaural bus:
 * each source's objects are taken through their HRTF pairs and the master's mid/side in
 * the frequency domain (binauralResponses.ts, spectralMatrix.ts). It must agree with an
 * analysis of the binaural render itself, made by the renderer and analysed as a finished
 * mix: the only difference is the framing of a few-hundred-tap filter against the frames'
 * 2048-sample tapers. Tolerance 0.01 dB (measured: 3e-6 dB or less for the mix and each
 * source; in the bands 0.004 dB at most, in the one holding the master's bass-mono
 * crossover, whose steep phase rings longest).
 */
const RATE = 48000;
const FRAMES = 5 * RATE;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

/** A wide stereo stem to the left, a mono source to the right and behind, a partly inverted pair above; the master's mid/side active. */
function lateralScene(): { scene: Scene; stems: Float32Array[][] } {
  const base = testScene([
    { azimuthDeg: 70, elevationDeg: 0, distanceM: 2 },
    { azimuthDeg: -120, elevationDeg: -10, distanceM: 1 },
    { azimuthDeg: 10, elevationDeg: 40, distanceM: 3 },
  ]);
  const sources: SceneSource[] = [
    { ...base.sources[0]!, id: 'wide', name: 'Wide', spreadDeg: 80 },
    { ...base.sources[1]!, id: 'mono', name: 'Mono', spreadDeg: 0 },
    { ...base.sources[2]!, id: 'inverted', name: 'Inverted', spreadDeg: 40, gainDb: -4 },
  ];
  const master = { midSide: { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 140, bassMono: true, bassMonoCutoffHz: 200, sideHighShelfGainDb: 5, midLowShelfGainDb: -2 } };
  const pair = gaussianNoise(FRAMES, 33);
  return {
    scene: { ...base, sources, master },
    stems: [[gaussianNoise(FRAMES, 31), gaussianNoise(FRAMES, 32)], [gaussianNoise(FRAMES, 34)], [pair, pair.map((v) => -0.7 * v)]],
  };
}

function renderedBinauralLoss(scene: Scene, stems: Float32Array[][]): ReturnType<typeof analyzeStereoMix> {
  const rendered = renderWholeScene(createSceneRenderer(scene, stems, { formats: ['binaural'], hrtf }));
  return analyzeStereoMix(rendered.binaural![0], rendered.binaural![1], RATE);
}

describe('the binaural survival from the objects', () => {
  it('agrees with an analysis of the binaural render, overall, per band and per source (0.01 dB)', () => {
    const { scene, stems } = lateralScene();
    const survival = analyzeSceneMono(scene, stems, { format: 'stereo', hrtf }).binaural!;
    const rendered = renderedBinauralLoss(scene, stems);
    expect(Math.abs(survival.monoLossDb - rendered.overall.monoLossDb)).toBeLessThan(0.01);
    expect(Math.abs(survival.correlation - rendered.overall.correlation)).toBeLessThan(0.001);
    survival.bandMonoLossDb.forEach((lossDb, b) => expect(Math.abs(lossDb - rendered.overall.bandMonoLossDb[b]!)).toBeLessThan(0.01));
    scene.sources.forEach((source, i) => {
      const alone = renderedBinauralLoss({ ...scene, sources: [source] }, [stems[i]!]);
      expect(survival.sources[i]!.sourceId).toBe(source.id);
      expect(Math.abs(survival.sources[i]!.monoLossDb - alone.overall.monoLossDb)).toBeLessThan(0.01);
    });
  });

  it('follows the master\'s mid/side: at width 0 the ears are identical and gain the 3.01 dB of identical channels in mono (0.01 dB)', () => {
    const { scene, stems } = lateralScene();
    const mono = { ...scene, master: { midSide: { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 0 } } };
    const survival = analyzeSceneMono(mono, stems, { format: 'stereo', hrtf }).binaural!;
    const identical = renderedBinauralLoss(mono, stems).overall.monoLossDb;
    expect(Math.abs(survival.monoLossDb - identical)).toBeLessThan(0.01);
    expect(Math.abs(identical - 10 * Math.log10(2))).toBeLessThan(0.01);
  });
});
