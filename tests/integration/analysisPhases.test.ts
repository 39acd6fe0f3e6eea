import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { Scene, SceneSource } from '../../src/core/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { runAnalysisPhases } from '../../src/engine/analysisPhases';
import type { PhaseMeasurer } from '../../src/engine/analysisPhases';
import type { AnalysisJob } from '../../src/engine/analysisProtocol';
import type { MonoAnalysis } from '../../src/render/analysis/monoAnalysisTypes';
import { analyzeSceneMono, measureSceneSpans } from '../../src/render/analysis/sceneMonoAnalysis';
import { measureSceneSpan } from '../../src/render/analysis/sceneSpanMoments';
import { gaussianNoise } from '../support/prng';
import { testScene } from '../support/renderHelpers';

/**
 * The studio's mono check in phases (src/engine/analysisPhases.ts): a stereo check gives
 * its fold-down findings first, then adds the binaural render's survival; the result is
 * the one-pass analysis's (the phases render the same contributions; the first phase's
 * programme ends at the stereo render's shorter tail, which holds silence). Tolerance
 * 1e-6 dB. Spans are measured in this thread, as the workers would.
 */
const RATE = 48000;
const FRAMES = 4 * RATE;
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

/** Measures each phase's spans in this thread. */
function inThisThread(): PhaseMeasurer {
  return (_phase, setup, spanCount, onProgress) => measureSceneSpans(setup, spanCount, async (span, onSpan) => measureSceneSpan(setup, span, onSpan), onProgress);
}

describe('the mono check in phases', () => {
  it('gives a stereo check\'s findings first, then the same analysis as one pass with the binaural survival (1e-6 dB)', async () => {
    const j = job('stereo');
    const partials: MonoAnalysis[] = [];
    const progress: number[] = [];
    const result = await runAnalysisPhases(j, inThisThread(), 2, (f) => progress.push(f), (a) => partials.push(a));
    const onePass = analyzeSceneMono(j.scene, j.stems, { format: 'stereo', hrtf, checkBinaural: true, monoLaw: '-3dB' });

    expect(partials).toHaveLength(1);
    expect(partials[0]!.binaural).toBeUndefined();
    expect(partials[0]!.findings.map((f) => f.sourceId)).toContain('inverted');
    expect(result.binaural).toBeDefined();
    expect(Math.abs(result.binaural!.monoLossDb - onePass.binaural!.monoLossDb)).toBeLessThan(1e-6);
    result.binaural!.sources.forEach((s, i) => expect(Math.abs(s.monoLossDb - onePass.binaural!.sources[i]!.monoLossDb)).toBeLessThan(1e-6));
    expect(Math.abs(result.overall.monoLossDb - onePass.overall.monoLossDb)).toBeLessThan(1e-6);
    expect(result.findings.map((f) => [f.sourceId, f.kind])).toEqual(onePass.findings.map((f) => [f.sourceId, f.kind]));
    result.findings.forEach((f, i) => expect(Math.abs(f.severityDb - onePass.findings[i]!.severityDb)).toBeLessThan(1e-6));
    // Progress rises through both phases to 1.
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBeCloseTo(1, 12);
  });

  it('runs a binaural check as one phase, its own survival check', async () => {
    const j = job('binaural');
    const partials: MonoAnalysis[] = [];
    const result = await runAnalysisPhases(j, inThisThread(), 2, undefined, (a) => partials.push(a));
    const onePass = analyzeSceneMono(j.scene, j.stems, { format: 'binaural', hrtf, checkBinaural: true, monoLaw: '-3dB' });
    expect(partials).toHaveLength(0);
    expect(Math.abs(result.binaural!.monoLossDb - onePass.binaural!.monoLossDb)).toBeLessThan(1e-6);
    expect(result.findings.map((f) => [f.sourceId, f.kind])).toEqual(onePass.findings.map((f) => [f.sourceId, f.kind]));
  });
});
