import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { loudnessFiguresFromPowers, measureProgrammeLoudness } from '../../src/cli/analyze/analyzeLoudness';
import { measureSceneInParallel } from '../../src/cli/analyze/parallelSceneAnalysis';
import { getLoudnessTarget } from '../../src/core/loudnessTargets';
import { MONO_WEIGHTS, STEREO_WEIGHTS } from '../../src/dsp/loudness/channelWeights';
import type { MonoAnalysis } from '../../src/core/monoAnalysis/monoAnalysisTypes';
import type { Scene } from '../../src/core/scene/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { analyzeStereoMix } from '../../src/render/analysis/mixMonoAnalysis';
import { analyzeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import { createSceneRenderer } from '../../src/render/sceneRenderer';
import { gaussianNoise } from '../support/prng';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';

/**
 * A scene whose objects move is not time-invariant, so the mono analysis reads each
 * source's rendered outputs instead of taking its objects through the buses' responses.
 * It must equal the analysis of the scene's render, analysed as a finished mix: the same
 * frames but for the float32 rounding of summing the sources' renders (tolerance 1e-4 dB
 * and 1e-5 in correlation; measured: see the log). Before timelines, the analysis placed
 * each object where it stood and missed the movement (here the correlation by 0.09).
 */
const RATE = 48000;
const SECONDS = 5;
const TOLERANCE_DB = 1e-4;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

/** A mono object sweeping from the left through the front to the right and up (0.5-4.5 s), and a static stereo pair. */
function movingScene(): { scene: Scene; stems: Float32Array[][] } {
  const base = testScene([
    { azimuthDeg: 90, elevationDeg: 0, distanceM: 2 },
    { azimuthDeg: -20, elevationDeg: 0, distanceM: 1.5 },
  ]);
  const sweep = {
    ...base.sources[0]!,
    id: 'sweep',
    timeline: [
      { rtimeSec: 0, durationSec: 0.5 },
      { rtimeSec: 0.5, durationSec: 4, position: { azimuthDeg: -80, elevationDeg: 40, distanceM: 3 }, gainDb: -6 },
    ],
  };
  const pair = { ...base.sources[1]!, id: 'pair', spreadDeg: 50 };
  const frames = SECONDS * RATE;
  const shared = gaussianNoise(frames, 7);
  return { scene: { ...base, sources: [sweep, pair] }, stems: [[gaussianNoise(frames, 5)], [shared, shared.map((v, n) => 0.5 * v + 0.3 * Math.sin(n / 9))]] };
}

function renderedAnalysis(scene: Scene, stems: Float32Array[][], format: 'stereo' | 'binaural'): MonoAnalysis {
  const rendered = renderById(createSceneRenderer(scene, stems, { outputs: studioTestOutputs([format]), hrtf }))[format]!;
  return analyzeStereoMix(rendered[0], rendered[1], RATE);
}

/** The largest difference of the mix figures (overall, per band, per timeline window), dB. */
function largestDifferenceDb(a: MonoAnalysis, b: MonoAnalysis): number {
  expect(Math.abs(a.overall.correlation - b.overall.correlation)).toBeLessThan(TOLERANCE_DB / 10);
  let largest = Math.abs(a.overall.monoVsStereoDb - b.overall.monoVsStereoDb);
  a.overall.bandMonoVsStereoDb.forEach((db, i) => (largest = Math.max(largest, Math.abs(db - b.overall.bandMonoVsStereoDb[i]!))));
  a.timeline.monoVsStereoDb.forEach((db, i) => (largest = Math.max(largest, Math.abs(db - b.timeline.monoVsStereoDb[i]!))));
  return largest;
}

describe('the mono analysis of a moving scene', () => {
  it.each(['stereo', 'binaural'] as const)('analyses the %s render as the renderer makes it, movement included', (format) => {
    const { scene, stems } = movingScene();
    const fromScene = analyzeSceneMono(scene, stems, { format, hrtf, checkBinaural: false });
    const rendered = renderedAnalysis(scene, stems, format);
    const difference = largestDifferenceDb(fromScene, rendered);
    console.log(`moving scene, ${format}: largest difference ${difference.toExponential(2)} dB`);
    expect(difference).toBeLessThan(TOLERANCE_DB);
    // The sweep changes the mix's mono figure over time: the timeline is not flat.
    const timeline = rendered.timeline.monoVsStereoDb.filter(Number.isFinite);
    expect(Math.max(...timeline) - Math.min(...timeline)).toBeGreaterThan(0.5);
  });

  it('analyses the stereo render of a still object with an extent and diffuseness as the loudspeaker bus makes it', () => {
    const base = testScene([{ azimuthDeg: 70, elevationDeg: 0, distanceM: 1 }]);
    const scene: Scene = { ...base, sources: [{ ...base.sources[0]!, width: 90, height: 20, diffuse: 0.4 }] };
    const stems = [[gaussianNoise(SECONDS * RATE, 9)]];
    const fromScene = analyzeSceneMono(scene, stems, { format: 'stereo', hrtf, checkBinaural: false });
    const rendered = renderedAnalysis(scene, stems, 'stereo');
    const difference = largestDifferenceDb(fromScene, rendered);
    console.log(`still object with extent and diffuseness, stereo: largest difference ${difference.toExponential(2)} dB`);
    expect(difference).toBeLessThan(TOLERANCE_DB);
  });

  it('checks the binaural survival of a moving scene beside its stereo analysis, as the binaural render gives it', () => {
    const { scene, stems } = movingScene();
    const survival = analyzeSceneMono(scene, stems, { format: 'stereo', hrtf }).binaural!;
    const rendered = renderedAnalysis(scene, stems, 'binaural');
    expect(Math.abs(survival.monoVsStereoDb - rendered.overall.monoVsStereoDb)).toBeLessThan(TOLERANCE_DB);
  });

  it('measures the loudness of a moving scene in worker spans as its full render measures (1e-6 LU, 1e-5 dB peaks), with the same analysis', async () => {
    // Each span seeks its renderers to its start: the timelines are evaluated at the spans' own times.
    const { scene, stems } = movingScene();
    const split = await measureSceneInParallel(scene, stems, { format: 'stereo', hrtf, loudness: true }, 3);
    const rendered = renderById(createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['binaural', 'stereo', 'mono']), hrtf }));
    const target = getLoudnessTarget('ebu-r128');
    for (const sums of split.loudness!) {
      const channels = sums.programme === 'mono' ? rendered.mono! : sums.programme === 'stereo' ? rendered.stereo! : rendered.binaural!;
      const want = measureProgrammeLoudness(channels, RATE, sums.programme === 'mono' ? MONO_WEIGHTS : STEREO_WEIGHTS, target);
      const got = loudnessFiguresFromPowers(sums.powers, sums, RATE, target);
      expect(Math.abs(got.integratedLufs - want.integratedLufs)).toBeLessThan(1e-6);
      expect(Math.abs(got.maxMomentaryLufs - want.maxMomentaryLufs)).toBeLessThan(1e-6);
      expect(Math.abs(got.truePeakDbtp - want.truePeakDbtp)).toBeLessThan(1e-5);
    }
    expect(largestDifferenceDb(split.analysis, renderedAnalysis(scene, stems, 'stereo'))).toBeLessThan(TOLERANCE_DB);
  });
});
