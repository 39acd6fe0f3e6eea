import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { Scene, SceneSource } from '../../src/core/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { analyzeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import { gaussianNoise } from '../support/prng';
import { testScene } from '../support/renderHelpers';

const RATE = 48000;
const FRAMES = 4 * RATE;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

/** A clean mono source in front, and a stereo source whose right channel is minus its left, spread 60 (objects at +-30 degrees). */
function cleanAndInverted(): { scene: Scene; stems: Float32Array[][] } {
  const base = testScene([
    { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
    { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
  ]);
  const sources: SceneSource[] = [
    { ...base.sources[0]!, id: 'clean', name: 'Clean' },
    { ...base.sources[1]!, id: 'inverted', name: 'Inverted', spreadDeg: 60 },
  ];
  const wide = gaussianNoise(FRAMES, 2);
  return { scene: { ...base, sources }, stems: [[gaussianNoise(FRAMES, 1)], [wide, wide.map((v) => -v)]] };
}

describe('mono analysis of a scene: the culprit is named', () => {
  it('puts a polarity finding on the inverted source first, with the removal improvement of theory (4.77 dB)', () => {
    const { scene, stems } = cleanAndInverted();
    const result = analyzeSceneMono(scene, stems, { format: 'stereo' });
    const top = result.findings[0];
    expect(top?.kind).toBe('polarity');
    expect(top?.sourceId).toBe('inverted');
    expect(result.findings.every((f) => f.sourceId !== 'clean')).toBe(true);
    // Theory (unit-variance noises, distance 1 m: gain 1): at +-30 degrees BS.2127 puts each object of the
    // inverted source on one loudspeaker (L = x, R = -x), and the centred mono source in both with its power
    // split (L = R = y / sqrt2). So PL = PR = 1/2 + 1 = 3/2 and C = 1/2 - 1 = -1/2, and the -3 dB law reads
    // 10 log10(1 + 2C / (PL + PR)) = 10 log10(2/3) = -1.76 dB; without the inverted source L = R: +3.01 dB.
    // Removal improves it by 10 log10(3) = 4.77 dB (tolerance 0.15 dB: the estimate's scatter over 4 s).
    const inverted = result.sources.find((s) => s.sourceId === 'inverted')!;
    expect(Math.abs(result.overall.monoLossDb - 10 * Math.log10(2 / 3))).toBeLessThan(0.15);
    expect(Math.abs(inverted.removalImprovementDb - 10 * Math.log10(3))).toBeLessThan(0.15);
    expect(inverted.correlation).toBeLessThan(-0.99);
    // Flipping a channel makes it identical in both: the fix is the largest improvement offered.
    expect(top!.fixes[0]!.kind).toBe('flip-polarity');
    expect(top!.fixes[0]!.improvementDb!).toBeGreaterThan(2);
  });

  it('finds nothing once the inverted source is removed (or muted)', () => {
    const { scene, stems } = cleanAndInverted();
    const removed = analyzeSceneMono({ ...scene, sources: [scene.sources[0]!] }, [stems[0]!], { format: 'stereo' });
    expect(removed.findings).toEqual([]);
    expect(Math.abs(removed.overall.monoLossDb - 10 * Math.log10(2))).toBeLessThan(0.01);
    const muted = analyzeSceneMono({ ...scene, sources: [scene.sources[0]!, { ...scene.sources[1]!, mute: true }] }, stems, { format: 'stereo' });
    expect(muted.findings).toEqual([]);
    expect(muted.sources.map((s) => s.sourceId)).toEqual(['clean']);
  });

  it('the contributions add up to the full render: the mix figures equal those of the scene as one', () => {
    const { scene, stems } = cleanAndInverted();
    const result = analyzeSceneMono(scene, stems, { format: 'stereo' });
    // Independent noises: the per-source mean squares add (to 0.1 dB, the estimate's scatter over 4 s being far smaller).
    const sumDb = 10 * Math.log10(result.sources.reduce((sum, s) => sum + 10 ** (s.levelDb / 10), 0));
    // PM + PS = PL + PR, twice the per-channel mean that levelDb reads.
    const mixDb = 10 * Math.log10((10 ** (result.overall.midDb / 10) + 10 ** (result.overall.sideDb / 10)) / 2);
    expect(Math.abs(sumDb - mixDb)).toBeLessThan(0.1);
  });

  it('checks the binaural render: a source at the side loses level when the ears are summed, a centred one does not', () => {
    const base = testScene([
      { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
      { azimuthDeg: 90, elevationDeg: 0, distanceM: 1 },
    ]);
    const stems = [[gaussianNoise(FRAMES, 5)], [gaussianNoise(FRAMES, 6)]];
    const result = analyzeSceneMono(base, stems, { format: 'stereo', hrtf });
    const survival = result.binaural!;
    expect(survival).toBeDefined();
    const [front, side] = survival.sources;
    // In front the ears hear nearly the same signal: close to the +3.01 dB of identical channels.
    expect(front!.monoLossDb).toBeGreaterThan(2);
    // At the side the far ear is shadowed and delayed by about 0.65 ms: the ears decorrelate, so much less is gained in mono.
    expect(side!.monoLossDb).toBeLessThan(front!.monoLossDb - 1);
    expect(survival.bandMonoLossDb.length).toBe(result.bands.length);
    // The binaural format analyses the same contributions directly and agrees on the per-source figures (0.05 dB).
    const direct = analyzeSceneMono(base, stems, { format: 'binaural', hrtf });
    direct.sources.forEach((s, i) => expect(Math.abs(s.monoLossDb - survival.sources[i]!.monoLossDb)).toBeLessThan(0.05));
  });

  it('refuses the binaural format without an HRTF set, and stems that do not match the sources', () => {
    const { scene, stems } = cleanAndInverted();
    expect(() => analyzeSceneMono(scene, stems, { format: 'binaural' })).toThrow(/needs an HRTF set/);
    expect(() => analyzeSceneMono(scene, [stems[0]!], { format: 'stereo' })).toThrow(/expected stems for 2 sources, got 1/);
  });
});
