import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { DEFAULT_MID_SIDE_SETTINGS } from '../../src/core/scene/midSideSettings';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { analyzeStereoMix } from '../../src/render/analysis/mixMonoAnalysis';
import type { MonoAnalysis } from '../../src/core/monoAnalysis/monoAnalysisTypes';
import { analyzeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import { createSceneRenderer } from '../../src/render/sceneRenderer';
import { gaussianNoise } from '../support/prng';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';

/**
 * The mono analysis does not run the renderer's buses: each source's objects are taken
 * through the stereo fold-down's gains or the binaural bus's HRTF taps, and the master's
 * mid/side, in the frequency domain (objectResponses.ts, spectralMatrix.ts). It must agree
 * with an analysis of the output the renderer makes, analysed as a finished mix:
 * - the stereo fold-down with a neutral master: gains are constants, so the frames are
 *   the same up to the bus's float32 rounding (tolerance 1e-6 dB; measured 4e-8 dB);
 * - otherwise, the framing of a filter a few hundred taps long against the frames'
 *   2048-sample tapers. Tolerance 0.01 dB. Measured: 1e-6 dB or less overall and per
 *   source; in the bands 0.002 dB at most for the stereo fold-down through the master's
 *   mid/side, 0.004 dB for the binaural render, in the band holding the master's
 *   bass-mono crossover, whose steep phase rings longest.
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

/** The renderer's output in `format`, analysed as a finished mix. */
function renderedAnalysis(scene: Scene, stems: Float32Array[][], format: 'stereo' | 'binaural'): MonoAnalysis {
  const rendered = renderById(createSceneRenderer(scene, stems, { outputs: studioTestOutputs([format]), hrtf }))[format]!;
  return analyzeStereoMix(rendered[0], rendered[1], RATE);
}

function renderedBinauralLoss(scene: Scene, stems: Float32Array[][]): MonoAnalysis {
  return renderedAnalysis(scene, stems, 'binaural');
}

/** The mix figures of the two analyses agree within `toleranceDb` (and a tenth of it in correlation). */
function expectSameMix(fromObjects: MonoAnalysis, rendered: MonoAnalysis, toleranceDb: number): void {
  expect(Math.abs(fromObjects.overall.monoVsStereoDb - rendered.overall.monoVsStereoDb)).toBeLessThan(toleranceDb);
  expect(Math.abs(fromObjects.overall.correlation - rendered.overall.correlation)).toBeLessThan(toleranceDb / 10);
  fromObjects.overall.bandMonoVsStereoDb.forEach((lossDb, b) => expect(Math.abs(lossDb - rendered.overall.bandMonoVsStereoDb[b]!)).toBeLessThan(toleranceDb));
  fromObjects.timeline.monoVsStereoDb.forEach((lossDb, w) => expect(Math.abs(lossDb - rendered.timeline.monoVsStereoDb[w]!)).toBeLessThan(toleranceDb));
}

describe('the analysis from the objects', () => {
  it('analyses the stereo fold-down as its render does: the same frames with a neutral master (1e-6 dB)', () => {
    const { scene, stems } = lateralScene();
    const neutral = { ...scene, master: {} };
    expectSameMix(analyzeSceneMono(neutral, stems, { format: 'stereo' }), renderedAnalysis(neutral, stems, 'stereo'), 1e-6);
  });

  it('analyses the stereo fold-down through the master\'s mid/side as its render does (0.01 dB)', () => {
    const { scene, stems } = lateralScene();
    expectSameMix(analyzeSceneMono(scene, stems, { format: 'stereo' }), renderedAnalysis(scene, stems, 'stereo'), 0.01);
  });

  it('analyses the binaural render as the renderer makes it (0.01 dB)', () => {
    const { scene, stems } = lateralScene();
    expectSameMix(analyzeSceneMono(scene, stems, { format: 'binaural', hrtf }), renderedAnalysis(scene, stems, 'binaural'), 0.01);
  });

  it('agrees with an analysis of the binaural render, overall, per band and per source (0.01 dB)', () => {
    const { scene, stems } = lateralScene();
    const survival = analyzeSceneMono(scene, stems, { format: 'stereo', hrtf }).binaural!;
    const rendered = renderedBinauralLoss(scene, stems);
    expect(Math.abs(survival.monoVsStereoDb - rendered.overall.monoVsStereoDb)).toBeLessThan(0.01);
    expect(Math.abs(survival.correlation - rendered.overall.correlation)).toBeLessThan(0.001);
    survival.bandMonoVsStereoDb.forEach((lossDb, b) => expect(Math.abs(lossDb - rendered.overall.bandMonoVsStereoDb[b]!)).toBeLessThan(0.01));
    scene.sources.forEach((source, i) => {
      const alone = renderedBinauralLoss({ ...scene, sources: [source] }, [stems[i]!]);
      expect(survival.sources[i]!.sourceId).toBe(source.id);
      expect(Math.abs(survival.sources[i]!.monoVsStereoDb - alone.overall.monoVsStereoDb)).toBeLessThan(0.01);
    });
  });

  it('follows the master\'s mid/side: at width 0 the ears are identical and gain the 3.01 dB of identical channels in mono (0.01 dB)', () => {
    const { scene, stems } = lateralScene();
    const mono = { ...scene, master: { midSide: { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 0 } } };
    const survival = analyzeSceneMono(mono, stems, { format: 'stereo', hrtf }).binaural!;
    const identical = renderedBinauralLoss(mono, stems).overall.monoVsStereoDb;
    expect(Math.abs(survival.monoVsStereoDb - identical)).toBeLessThan(0.01);
    expect(Math.abs(identical - 10 * Math.log10(2))).toBeLessThan(0.01);
  });
});
