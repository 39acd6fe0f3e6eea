import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { loudnessFiguresFromPowers, measureProgrammeLoudness } from '../../src/cli/analyze/analyzeLoudness';
import { measureSceneInParallel } from '../../src/cli/analyze/parallelSceneAnalysis';
import { MONO_WEIGHTS, STEREO_WEIGHTS } from '../../src/dsp/loudness/channelWeights';
import { getLoudnessTarget } from '../../src/core/loudnessTargets';
import { DEFAULT_MID_SIDE_SETTINGS } from '../../src/core/scene/midSideSettings';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import type { MonoAnalysis } from '../../src/core/monoAnalysis/monoAnalysisTypes';
import { sceneAnalysisSetup } from '../../src/render/analysis/sceneAnalysisSetup';
import type { SceneMonoAnalysisOptions } from '../../src/render/analysis/sceneAnalysisSetup';
import { analyzeSceneMono, concludeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import { measureSceneSpans, sceneAnalysisSpans } from '../../src/render/analysis/spans/analysisInSpans';
import { createSceneRenderer } from '../../src/render/sceneRenderer';
import { measureSceneSpan } from '../../src/render/analysis/sceneSpanMoments';
import { gaussianNoise } from '../support/prng';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';

/**
 * The analysis split in time (one span per worker) concludes what the analysis in one go
 * does. Spans overlap by no frame and each later span starts its renderers with a
 * pre-roll, so the only differences are the renderers' state after a seek (faded in over
 * one block, filters settled from silence) a third of a second before the span's audio:
 * far below what a figure reports. Tolerance: 1e-6 dB and 1e-6 in correlation.
 */
const RATE = 48000;
const FRAMES = 6 * RATE;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

/**
 * Three sources with something for every finding and every stateful stage: a Haas pair
 * (right = left delayed 480 samples), a polarity-inverted wide stem with bass mono and
 * shelves (IIR state), a clean mono source, at different distances (air absorption).
 */
function testMix(): { scene: Scene; stems: Float32Array[][] } {
  const base = testScene([
    { azimuthDeg: 20, elevationDeg: 0, distanceM: 2 },
    { azimuthDeg: -40, elevationDeg: 10, distanceM: 1 },
    { azimuthDeg: 0, elevationDeg: 0, distanceM: 4 },
  ]);
  const x = gaussianNoise(FRAMES, 21);
  const delayed = new Float32Array(FRAMES);
  delayed.set(x.subarray(0, FRAMES - 480), 480);
  const wide = gaussianNoise(FRAMES, 22);
  const sources: SceneSource[] = [
    { ...base.sources[0]!, id: 'haas', name: 'Haas', spreadDeg: 60 },
    {
      ...base.sources[1]!,
      id: 'inverted',
      name: 'Inverted',
      spreadDeg: 90,
      midSide: { ...DEFAULT_MID_SIDE_SETTINGS, bassMono: true, bassMonoCutoffHz: 150, sideHighShelfGainDb: 4, midLowShelfGainDb: -3 },
    },
    { ...base.sources[2]!, id: 'clean', name: 'Clean', spreadDeg: 0, gainDb: -6 },
  ];
  return { scene: { ...base, sources }, stems: [[x, delayed], [wide, wide.map((v) => -0.8 * v)], [gaussianNoise(FRAMES, 23)]] };
}

function expectSameAnalysis(split: MonoAnalysis, whole: MonoAnalysis): void {
  const close = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThan(1e-6);
  close(split.overall.monoVsStereoDb, whole.overall.monoVsStereoDb);
  close(split.overall.correlation, whole.overall.correlation);
  split.overall.bandMonoVsStereoDb.forEach((v, b) => close(v, whole.overall.bandMonoVsStereoDb[b]!));
  split.timeline.monoVsStereoDb.forEach((v, w) => close(v, whole.timeline.monoVsStereoDb[w]!));
  split.sources.forEach((s, i) => {
    const w = whole.sources[i]!;
    close(s.monoVsStereoDb, w.monoVsStereoDb);
    close(s.correlation, w.correlation);
    close(s.removalImprovementDb, w.removalImprovementDb);
    close(s.collapseImprovementDb, w.collapseImprovementDb);
  });
  const named = (a: MonoAnalysis): unknown[] => a.findings.map((f) => [f.sourceId, f.kind, f.headline?.of, f.headline?.band?.nominalHz, f.fixes.map((x) => x.kind)]);
  expect(named(split)).toEqual(named(whole));
  split.findings.forEach((f, i) => {
    close(f.severityDb, whole.findings[i]!.severityDb);
    close(f.headline?.monoVsStereoDb ?? 0, whole.findings[i]!.headline?.monoVsStereoDb ?? 0);
  });
  expect(split.binaural === undefined).toBe(whole.binaural === undefined);
  if (split.binaural !== undefined && whole.binaural !== undefined) {
    close(split.binaural.monoVsStereoDb, whole.binaural.monoVsStereoDb);
    split.binaural.sources.forEach((s, i) => close(s.monoVsStereoDb, whole.binaural!.sources[i]!.monoVsStereoDb));
  }
}

describe('the scene analysis split in time', () => {
  it('spans tile the analysis frames, none empty, whatever the count', () => {
    const { scene, stems } = testMix();
    const setup = sceneAnalysisSetup(scene, stems, { format: 'stereo' });
    for (const count of [1, 2, 3, 7]) {
      const spans = sceneAnalysisSpans(setup, count);
      expect(spans).toHaveLength(count);
      expect(spans[0]!.first).toBe(0);
      spans.forEach((span, i) => {
        expect(span.end).toBeGreaterThan(span.first);
        if (i > 0) expect(span.first).toBe(spans[i - 1]!.end);
      });
    }
  });

  for (const options of [
    { format: 'stereo', checkBinaural: true },
    { format: 'binaural', checkBinaural: true },
  ] as const) {
    it(`three spans conclude what one pass does (${options.format}, within 1e-6 dB)`, async () => {
      const { scene, stems } = testMix();
      const full: SceneMonoAnalysisOptions = { ...options, hrtf };
      const whole = analyzeSceneMono(scene, stems, full);
      const setup = sceneAnalysisSetup(scene, stems, full);
      const split = concludeSceneMono(setup, await measureSceneSpans(setup, 3, async (span) => measureSceneSpan(setup, span)));
      expectSameAnalysis(split, whole);
      // The test mix has findings to compare: the Haas source and the inverted one.
      expect(whole.findings.map((f) => f.sourceId)).toEqual(expect.arrayContaining(['haas', 'inverted']));
    });
  }

  it('reports progress over all spans, ending at 1', async () => {
    const { scene, stems } = testMix();
    const setup = sceneAnalysisSetup(scene, stems, { format: 'stereo' });
    const fractions: number[] = [];
    await measureSceneSpans(setup, 2, async (span, onProgress) => measureSceneSpan(setup, span, onProgress), (f) => fractions.push(f));
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(fractions.at(-1)).toBeCloseTo(1, 12);
  });

  it('measures the loudness of the binaural, stereo and mono renders in the same pass as a full render does (1e-6 LU, 1e-5 dB peaks)', async () => {
    // The renders are the sums of the sources' contributions (the mono one the stereo sum folded down); the spans'
    // sub-block powers joined and their peaks' maximum are the programme's. What differs is float rounding.
    const { scene, stems } = testMix();
    const pass = await measureSceneInParallel(scene, stems, { format: 'stereo', hrtf, loudness: true }, 1);
    const split = await measureSceneInParallel(scene, stems, { format: 'binaural', hrtf, loudness: true }, 2);
    const rendered = renderById(createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['binaural', 'stereo', 'mono']), hrtf }));
    const target = getLoudnessTarget('ebu-r128');
    for (const measured of [pass, split]) {
      expect(measured.loudness!.map((l) => l.programme)).toEqual(['binaural', 'stereo', 'mono']);
      for (const sums of measured.loudness!) {
        const channels = sums.programme === 'mono' ? rendered.mono! : sums.programme === 'stereo' ? rendered.stereo! : rendered.binaural!;
        const want = measureProgrammeLoudness(channels, RATE, sums.programme === 'mono' ? MONO_WEIGHTS : STEREO_WEIGHTS, target);
        const got = loudnessFiguresFromPowers(sums.powers, sums, RATE, target);
        expect(Math.abs(got.integratedLufs - want.integratedLufs)).toBeLessThan(1e-6);
        expect(Math.abs(got.loudnessRangeLu - want.loudnessRangeLu)).toBeLessThan(1e-6);
        expect(Math.abs(got.maxMomentaryLufs - want.maxMomentaryLufs)).toBeLessThan(1e-6);
        expect(Math.abs(got.maxShortTermLufs - want.maxShortTermLufs)).toBeLessThan(1e-6);
        expect(Math.abs(got.truePeakDbtp - want.truePeakDbtp)).toBeLessThan(1e-5);
        expect(Math.abs(got.samplePeakDbfs - want.samplePeakDbfs)).toBeLessThan(1e-5);
        expect(got.timeline.momentaryLufs).toHaveLength(want.timeline.momentaryLufs.length);
      }
    }
  });

  it('runs in worker threads from the command line with the same conclusions', async () => {
    const { scene, stems } = testMix();
    const whole = analyzeSceneMono(scene, stems, { format: 'stereo', hrtf });
    const parallel = await measureSceneInParallel(scene, stems, { format: 'stereo', hrtf }, 2);
    expectSameAnalysis(parallel.analysis, whole);
  });
});
