import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { Scene, SceneSource } from '../../src/core/scene';
import type { MomentFrameRange } from '../../src/dsp/analysis/monoMomentAnalyser';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { analysisSetupOf, analyzeInSpans } from '../../src/engine/analysisInSpans';
import type { AnalysisJob, AnalysisSpanRequest } from '../../src/engine/analysisProtocol';
import type { MonoAnalysis } from '../../src/core/monoAnalysis/monoAnalysisTypes';
import { analyzeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import type { SceneSpanMeasurer } from '../../src/render/analysis/sceneMonoAnalysis';
import { measureSceneSpan } from '../../src/render/analysis/sceneSpanMoments';
import { gaussianNoise } from '../support/prng';
import { testScene } from '../support/renderHelpers';

/**
 * The studio's mono check (src/engine/analysisInSpans.ts): one pass over the programme in
 * spans, each measured as a worker measures it (from a structured clone of its request,
 * as postMessage delivers it), concluded on the calling thread. It equals the analysis in
 * one go with the binaural survival checked, for both formats: spans differ from one pass
 * only by the renderers' state after a seek, a pre-roll before the span's audio
 * (monoAnalysisSpans.test.ts). Tolerance 1e-6 dB and 1e-6 in correlation.
 */
const RATE = 48000;
const FRAMES = 4 * RATE;
const SPANS = 3;
const DB_TOLERANCE = 1e-6;
const CORRELATION_TOLERANCE = 1e-6;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

/** A source hard left (its binaural contribution cancels partly when the ears are summed) and a polarity-inverted wide one. */
function job(format: 'stereo' | 'binaural'): AnalysisJob {
  const base = testScene([
    { azimuthDeg: 90, elevationDeg: 0, distanceM: 1 },
    { azimuthDeg: 0, elevationDeg: 0, distanceM: 2 },
  ]);
  const wide = gaussianNoise(FRAMES, 32);
  const sources: SceneSource[] = [
    { ...base.sources[0]!, id: 'side', name: 'Side', spreadDeg: 0 },
    { ...base.sources[1]!, id: 'inverted', name: 'Inverted', spreadDeg: 60 },
  ];
  const scene: Scene = { ...base, sources };
  return { scene, stems: [[gaussianNoise(FRAMES, 31)], [wide, wide.map((v) => -v)]], grid: hrtf, format, monoLaw: '-3dB' };
}

/** Measures each span in this thread as analysisWorker.ts does, recording the spans asked for. */
function asTheWorkersDo(analysed: AnalysisJob, measured: MomentFrameRange[]): SceneSpanMeasurer {
  return async (span, onProgress) => {
    measured.push(span);
    const request = structuredClone<AnalysisSpanRequest>({ ...analysed, id: 1, span });
    return measureSceneSpan(analysisSetupOf(request), request.span, onProgress);
  };
}

function expectSameAnalysis(result: MonoAnalysis, onePass: MonoAnalysis): void {
  expect(result.format).toBe(onePass.format);
  expect(result.durationSec).toBe(onePass.durationSec);
  expect(Math.abs(result.overall.monoLossDb - onePass.overall.monoLossDb)).toBeLessThan(DB_TOLERANCE);
  expect(Math.abs(result.overall.correlation - onePass.overall.correlation)).toBeLessThan(CORRELATION_TOLERANCE);
  result.overall.bandMonoLossDb.forEach((loss, i) => expect(Math.abs(loss - onePass.overall.bandMonoLossDb[i]!)).toBeLessThan(DB_TOLERANCE));
  expect(result.findings.map((f) => [f.sourceId, f.kind])).toEqual(onePass.findings.map((f) => [f.sourceId, f.kind]));
  result.findings.forEach((f, i) => expect(Math.abs(f.severityDb - onePass.findings[i]!.severityDb)).toBeLessThan(DB_TOLERANCE));
  const survival = result.binaural!;
  const reference = onePass.binaural!;
  expect(Math.abs(survival.monoLossDb - reference.monoLossDb)).toBeLessThan(DB_TOLERANCE);
  expect(Math.abs(survival.correlation - reference.correlation)).toBeLessThan(CORRELATION_TOLERANCE);
  survival.bandMonoLossDb.forEach((loss, i) => expect(Math.abs(loss - reference.bandMonoLossDb[i]!)).toBeLessThan(DB_TOLERANCE));
  expect(survival.sources.map((s) => s.sourceId)).toEqual(['side', 'inverted']);
  survival.sources.forEach((s, i) => expect(Math.abs(s.monoLossDb - reference.sources[i]!.monoLossDb)).toBeLessThan(DB_TOLERANCE));
}

describe('the studio\'s mono check in spans', () => {
  it.each(['stereo', 'binaural'] as const)(
    'a %s check over 3 spans equals the one-pass analysis with the binaural survival (1e-6 dB, 1e-6 in correlation)',
    async (format) => {
      const analysed = job(format);
      const measured: MomentFrameRange[] = [];
      const progress: number[] = [];
      const result = await analyzeInSpans(analysed, SPANS, asTheWorkersDo(analysed, measured), (f) => progress.push(f));
      const onePass = analyzeSceneMono(analysed.scene, analysed.stems, { format, hrtf, checkBinaural: true, monoLaw: '-3dB' });

      expect(measured).toHaveLength(SPANS);
      expect(onePass.binaural).toBeDefined();
      expectSameAnalysis(result, onePass);
      // The inverted wide source is named, in both formats.
      expect(result.findings.map((f) => f.sourceId)).toContain('inverted');
      // Progress over the whole programme: it never goes back and ends at 1 (to 1e-12).
      expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
      expect(progress.at(-1)).toBeCloseTo(1, 12);
    },
  );

  it('concludes a scene in which no source is heard without measuring a span, as the one-pass analysis does', async () => {
    const analysed = job('stereo');
    const muted: AnalysisJob = { ...analysed, scene: { ...analysed.scene, sources: analysed.scene.sources.map((s) => ({ ...s, mute: true })) } };
    const measured: MomentFrameRange[] = [];
    const result = await analyzeInSpans(muted, SPANS, asTheWorkersDo(muted, measured));
    expect(measured).toHaveLength(0);
    expect(result).toEqual(analyzeSceneMono(muted.scene, muted.stems, { format: 'stereo', hrtf, checkBinaural: true, monoLaw: '-3dB' }));
    expect(result.findings).toEqual([]);
  });
});
