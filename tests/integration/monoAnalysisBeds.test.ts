import { describe, expect, it } from 'vitest';
import { measureSceneInParallel } from '../../src/cli/analyze/parallelSceneAnalysis';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { getLayout } from '../../src/core/layouts';
import type { SceneAmbisonics } from '../../src/core/scene/ambisonicStem';
import type { Scene, SceneBed } from '../../src/core/scene/scene';
import { findingSentence } from '../../src/core/monoAnalysis/phrasing/findingSentence';
import { findingHeading } from '../../src/core/monoAnalysis/phrasing/findingHeadline';
import { fixSentence } from '../../src/core/monoAnalysis/phrasing/fixPhrases';
import { directSpeakersMatrix } from '../../src/dsp/panners/directSpeakers/directSpeakersGains';
import { OWN_LOSS_FLOOR_DB } from '../../src/render/analysis/findingFigures';
import { analyzeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import { createLayoutPanner } from '../../src/render/buses/layoutPanners';
import { gaussianNoise } from '../support/prng';
import { testScene } from '../support/renderHelpers';

/**
 * The mono check of a scene analyses its beds and HOA stems as it does its objects: each
 * rendered alone, a contributor with its own figures and findings.
 *
 * Theory for an object O in front and a bed B whose M+090 and M-090 carry a noise n and
 * -n: the 0+2+0 gains of M+090 are (a, b) and of M-090 (b, a) (the panner is mirror
 * symmetric), so B's stereo contribution is ((a - b) n, (b - a) n), which cancels in mono
 * whatever a and b are; O's is (g s, g s). With P_o = g^2 E[s^2] and P_b = (a - b)^2 E[n^2]
 * (independent noises), the mix's mono power (L + R)^2 is 4 P_o and the bed's share of
 * the cross moment is -P_b, so the mix loses 10 log10(1 + P_b / (2 P_o)) dB of mono level
 * to the bed (sourceMoments.ts cancellationDb), and the mix's mono sum vs stereo (-3 dB
 * law) is 10 log10(2 P_o / (P_o + P_b)). Tolerance 0.5 dB (the gains come from the
 * panner, the powers from the stems); measured: both within 1e-9 dB of theory.
 */
const RATE = 48000;
const FRAMES = 3 * RATE;
const LABELS = getLayout('2+7+0').channels.map((c) => c.label);

function sceneWithBed(sign: 1 | -1): { scene: Scene; stems: Float32Array[][]; theory: { mixLossDb: number; mixMonoVsStereoDb: number } } {
  const base = testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }]);
  const object = { ...base.sources[0]!, id: 'voice', name: 'Voice', spreadDeg: 0 };
  const bed: SceneBed = { id: 'music', name: 'Music 7.1.2', stem: { kind: 'file', file: 'music.wav' }, layout: '2+7+0', channels: LABELS, gainDb: 0, mute: false, solo: false };
  const s = gaussianNoise(FRAMES, 1).map((v) => 0.1 * v);
  const n = gaussianNoise(FRAMES, 2).map((v) => 0.1 * v);
  const silence = new Float32Array(FRAMES);
  const bedStem = LABELS.map((label) => (label === 'M+090' ? n : label === 'M-090' ? n.map((v) => sign * v) : silence));
  const stereo = getLayout('0+2+0');
  const gains = new Float64Array(2);
  createLayoutPanner(stereo).gains(0, 1, 0, gains);
  const matrix = directSpeakersMatrix(getLayout('2+7+0'), stereo, createLayoutPanner(stereo));
  const left = LABELS.indexOf('M+090');
  const [a, b] = [matrix[0]![left]!, matrix[1]![left]!];
  const power = (x: Float32Array): number => x.reduce((sum, v) => sum + v * v, 0) / x.length;
  const pO = gains[0]! ** 2 * power(s);
  const pB = (a - b) ** 2 * power(n);
  return {
    scene: { ...base, sources: [object], beds: [bed] },
    stems: [[s], bedStem],
    theory: { mixLossDb: 10 * Math.log10(1 + pB / (2 * pO)), mixMonoVsStereoDb: 10 * Math.log10((2 * pO) / (pO + pB)) },
  };
}

describe('the mono check of a scene with a bed', () => {
  it("names a 7.1.2 bed whose M+090/M-090 are inverted as the first culprit, the pair and the mix's loss to it within 0.5 dB of theory", () => {
    const { scene, stems, theory } = sceneWithBed(-1);
    const analysis = analyzeSceneMono(scene, stems, { format: 'stereo' });
    const first = analysis.findings[0]!;
    expect(first.sourceId).toBe('music');
    expect(first.sourceKind).toBe('bed');
    expect(first.channelPair).toEqual({ left: 'M+090', right: 'M-090', correlation: expect.closeTo(-1, 6) as number });
    expect(first.mixLossDb!).toBeGreaterThan(1);
    expect(Math.abs(first.mixLossDb! - theory.mixLossDb)).toBeLessThan(0.5);
    // Its own contribution cancels in mono: at the findings' floor.
    expect(first.ownMonoVsStereoDb!).toBeLessThanOrEqual(OWN_LOSS_FLOOR_DB + 0.5);
    expect(Math.abs(analysis.overall.monoVsStereoDb - theory.mixMonoVsStereoDb)).toBeLessThan(0.5);
    expect(analysis.sources.map((s) => [s.sourceId, s.sourceKind])).toEqual([
      ['voice', undefined],
      ['music', 'bed'],
    ]);
    expect(analysis.findings.some((f) => f.sourceId === 'voice')).toBe(false);
    expect(findingHeading(first)).toMatch(/^Bed 'Music 7\.1\.2': /);
    expect(findingSentence(first, 'stereo')).toContain('Its M+090 and M-090 channels cancel each other (correlation -1.00 in its stem)');
    expect(first.fixes.map((fix) => fixSentence(fix, first))).toEqual(["Flip the polarity of the M-090 channel of bed 'Music 7.1.2'."]);
  });

  it('finds nothing in the same bed in phase, and its mix figures add the bed (louder in mono than the object alone would be)', () => {
    const { scene, stems } = sceneWithBed(1);
    const analysis = analyzeSceneMono(scene, stems, { format: 'stereo' });
    expect(analysis.findings.filter((f) => f.sourceId === 'music')).toEqual([]);
    // In phase the bed's pair is ((a + b) n, (a + b) n): the whole mix is centred, +3.01 dB in mono (-3 dB law).
    expect(Math.abs(analysis.overall.monoVsStereoDb - 10 * Math.log10(2))).toBeLessThan(0.01);
  });

  it('names an HOA stem whose W is silent and whose Y carries noise (a left/right dipole), which cancels in the stereo fold-down', () => {
    const base = testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }]);
    const object = { ...base.sources[0]!, id: 'voice', name: 'Voice', spreadDeg: 0 };
    const room: SceneAmbisonics = { id: 'room', name: 'Room', stem: { kind: 'file', file: 'room.wav' }, order: 1, normalization: 'SN3D', channelOrder: 'ACN', gainDb: 0, mute: false, solo: false };
    const silence = new Float32Array(FRAMES);
    const y = gaussianNoise(FRAMES, 4).map((v) => 0.1 * v);
    const scene: Scene = { ...base, sources: [object], ambisonics: [room] };
    // ACN order: W, Y, Z, X.
    const analysis = analyzeSceneMono(scene, [[gaussianNoise(FRAMES, 3).map((v) => 0.1 * v)], [silence, y, silence, silence]], { format: 'stereo' });
    const first = analysis.findings[0]!;
    expect(first.sourceId).toBe('room');
    expect(first.sourceKind).toBe('hoa');
    expect(first.correlation!).toBeLessThan(-0.99);
    expect(first.fixes).toEqual([]);
    expect(findingHeading(first)).toMatch(/^HOA 'Room': /);
  });

  it('follows the solos of objects, beds and HOA stems alike: a soloed bed leaves the objects out', () => {
    const { scene, stems } = sceneWithBed(-1);
    const soloed = { ...scene, beds: scene.beds!.map((bed) => ({ ...bed, solo: true })) };
    const analysis = analyzeSceneMono(soloed, stems, { format: 'stereo' });
    expect(analysis.sources.map((s) => s.sourceId)).toEqual(['music']);
  });

  it('concludes the same in two worker threads as in one go, binaural survival included (1e-6 dB): the stem pairs\' sums add up across spans', async () => {
    const { scene, stems } = sceneWithBed(-1);
    const hrtf = await loadHrtfGrid(undefined, RATE);
    const whole = analyzeSceneMono(scene, stems, { format: 'stereo', hrtf });
    const split = (await measureSceneInParallel(scene, stems, { format: 'stereo', hrtf }, 2)).analysis;
    expect(Math.abs(split.overall.monoVsStereoDb - whole.overall.monoVsStereoDb)).toBeLessThan(1e-6);
    expect(split.findings.map((f) => [f.sourceId, f.kind, f.channelPair?.left])).toEqual(whole.findings.map((f) => [f.sourceId, f.kind, f.channelPair?.left]));
    expect(Math.abs(split.findings[0]!.channelPair!.correlation - whole.findings[0]!.channelPair!.correlation)).toBeLessThan(1e-6);
    expect(split.binaural!.sources.map((s) => [s.sourceId, s.sourceKind])).toEqual([
      ['voice', undefined],
      ['music', 'bed'],
    ]);
    split.binaural!.sources.forEach((s, i) => expect(Math.abs(s.monoVsStereoDb - whole.binaural!.sources[i]!.monoVsStereoDb)).toBeLessThan(1e-6));
  }, 120_000);
});
