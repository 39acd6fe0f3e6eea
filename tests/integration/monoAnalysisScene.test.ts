import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { analysisWindow, windowAutocorrelation } from '../../src/dsp/analysis/analysisWindow';
import { analysisFrameSize } from '../../src/dsp/analysis/monoMomentAnalyser';
import { OWN_LOSS_FLOOR_DB } from '../../src/render/analysis/findingFigures';
import type { SuggestedFix } from '../../src/core/monoAnalysis/findingTypes';
import type { MonoAnalysis } from '../../src/core/monoAnalysis/monoAnalysisTypes';
import { findingSentence } from '../../src/core/monoAnalysis/phrasing/findingSentence';
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

/** Delay of the Haas source's right channel, samples: the comb's notches at (2k + 1) fs / (2 D) = 533, 1600, 2667 Hz. */
const D = 45;

/**
 * A Haas-widened source "haas" at `gainDb` (white noise x in its left object, x delayed by D samples in its right one;
 * spread 60: one object on each loudspeaker, equal gains) beside an independent centred mono noise "clean", 10 s.
 */
function haasAndClean(gainDb: number): MonoAnalysis {
  const frames = 10 * RATE;
  const base = testScene([
    { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
    { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
  ]);
  const x = gaussianNoise(frames, 11);
  const delayed = new Float32Array(frames);
  delayed.set(x.subarray(0, frames - D), D);
  const scene: Scene = {
    ...base,
    sources: [
      { ...base.sources[0]!, id: 'clean', name: 'Clean', spreadDeg: 0 },
      { ...base.sources[1]!, id: 'haas', name: 'Haas', spreadDeg: 60, gainDb },
    ],
  };
  return analyzeSceneMono(scene, [[gaussianNoise(frames, 12)], [x, delayed]], { format: 'stereo' });
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
    expect(Math.abs(result.overall.monoVsStereoDb - 10 * Math.log10(2 / 3))).toBeLessThan(0.15);
    expect(Math.abs(inverted.removalImprovementDb - 10 * Math.log10(3))).toBeLessThan(0.15);
    expect(inverted.correlation).toBeLessThan(-0.99);
    // Flipping a channel makes it identical in both: the fix is the largest improvement offered.
    expect(top!.fixes[0]!.kind).toBe('flip-polarity');
    expect(top!.fixes[0]!.improvementDb!).toBeGreaterThan(2);
  });

  it('says the inverted source cancels itself completely (own loss at the -60 dB floor, severity 60) and costs the mix 3.01 dB', () => {
    const { scene, stems } = cleanAndInverted();
    const top = analyzeSceneMono(scene, stems, { format: 'stereo' }).findings[0]!;
    // Its contribution is (x, -x) exactly: the mono fold-down is silent, below any floor; the figures stop at OWN_LOSS_FLOOR_DB.
    expect(top.ownMonoVsStereoDb).toBe(OWN_LOSS_FLOOR_DB);
    expect(top.stemMonoVsStereoDb).toBe(OWN_LOSS_FLOOR_DB);
    expect(top.headline).toEqual({ of: 'source', monoVsStereoDb: OWN_LOSS_FLOOR_DB, audible: true, levelToMixDb: top.headline!.levelToMixDb });
    expect(top.severityDb).toBe(-OWN_LOSS_FLOOR_DB);
    // The mix (PL = PR = 3/2, C = -1/2, mono power PL + PR + 2C = 2) loses the source's share of C, -1:
    // 10 log10((2 + 2) / 2) = 3.01 dB (0.15 dB, the estimate's scatter over 4 s).
    expect(Math.abs(top.mixLossDb! - 10 * Math.log10(2))).toBeLessThan(0.15);
    // Each channel holds half of the source's power against 3/2 in the mix: 10 log10(2/3) = -1.76 dB (0.15 dB).
    expect(Math.abs(top.headline!.levelToMixDb! - 10 * Math.log10(2 / 3))).toBeLessThan(0.15);
    expect(findingSentence(top, 'stereo')).toMatch(/^Inverted loses 60\.0 dB in mono; its stem loses 60\.0 dB summed to mono\. /);
  });

  it('measures a Haas-widened source by what it loses itself: about 0 dB broadband, the comb average in the band of a notch', () => {
    const result = haasAndClean(0);
    expect(result.findings.map((f) => f.sourceId)).toEqual(['haas']);
    const haas = result.findings[0]!;
    expect(haas.kind).toBe('haas');
    expect(haas.delaySamples).toBe(D);
    // White noise does not correlate with itself D samples later: C = 0, own loss 0 dB (the estimate's scatter
    // over 10 s, 1/sqrt(B T) with B = 24 kHz, is 0.002 in correlation, 0.01 dB; tolerance 0.05 dB).
    expect(Math.abs(haas.ownMonoVsStereoDb!)).toBeLessThan(0.05);
    // Per frequency the mono sum is |1 + e^(-j w D)|^2 / 2 = 1 + cos(w D) times the power sum, seen through the
    // analysis frames as 1 + rho cos(w D) (rho: the analysis window's own correlation at lag D). The notch
    // (2k + 1) fs / (2 D) = 1600 Hz (k = 1) lies in the 1.6 kHz band; averaged over the band (flat spectrum):
    //   10 log10(1 + rho (sin(w2 D) - sin(w1 D)) / ((w2 - w1) D)), about -7.4 dB.
    const rho = windowAutocorrelation(analysisWindow(analysisFrameSize(RATE)), D)[D]!;
    const band = haas.bands.find((b) => b.nominalHz === 1600);
    expect(band).toBeDefined();
    const [a, b] = [band!.lowerHz, band!.upperHz].map((hz) => (2 * Math.PI * hz * D) / RATE) as [number, number];
    const theoryDb = 10 * Math.log10(1 + (rho * (Math.sin(b) - Math.sin(a))) / (b - a));
    expect(theoryDb).toBeLessThan(-7);
    // Tolerance 0.5 dB: the window's main lobe (a few bins, some 10 Hz) mixes in the band's edges, where the comb is at
    // about 0.5 against 0.18 on average (at most 0.4 dB), and the estimate's scatter (B T = 3650: 0.07 dB).
    expect(Math.abs(band!.ownMonoVsStereoDb! - theoryDb)).toBeLessThan(0.5);
    // The headline and the severity are the band that holds the notch; the source is 1.8 dB below the mix there, heard.
    expect(haas.headline).toMatchObject({ of: 'source', monoVsStereoDb: band!.ownMonoVsStereoDb, audible: true, band: { nominalHz: 1600 } });
    expect(haas.severityDb).toBe(-band!.ownMonoVsStereoDb!);
    expect(findingSentence(haas, 'stereo')).toMatch(/^Haas loses 7\.\d dB at 1\.6 kHz in mono, though it keeps its level overall\. /);
  });

  it('offers fixes by what they bring back of the source\'s own loss at 1.6 kHz: removing the delay all of it, narrowing part of it', () => {
    const haas = haasAndClean(0).findings[0]!;
    const lossDb = -haas.headline!.monoVsStereoDb;
    expect(haas.fixes.map((f) => f.kind)).toEqual(['remove-delay', 'narrow']);
    const [removeDelay, narrow] = haas.fixes as [SuggestedFix, SuggestedFix];
    // Without the delay the channels are copies, L = R: +3.01 dB of its own, nothing lost (exact by construction, 1e-9 dB).
    expect(Math.abs(removeDelay.ownImprovementDb! - lossDb)).toBeLessThan(1e-9);
    // Narrowed to width w (L' = M + w D, R' = M - w D; M, D = (L +- R)/2), with r = 2c / (pl + pr) in the band from its
    // own loss 10 log10(1 + r): the own loss becomes 10 log10(2 (1 + r) / ((1 + r) + w^2 (1 - r))); the formula is
    // exact in the band's moments (tolerance 1e-9 dB, rounding); w is the one the fix names (50 % or 90 %).
    if (narrow.kind !== 'narrow') throw new Error(`expected the narrowing fix second, got ${narrow.kind}`);
    const w = narrow.widthPercent / 100;
    const r = Math.pow(10, -lossDb / 10) - 1;
    const afterDb = 10 * Math.log10((2 * (1 + r)) / (1 + r + w * w * (1 - r)));
    expect(Math.abs(narrow.ownImprovementDb! - (lossDb - Math.max(0, -afterDb)))).toBeLessThan(1e-9);
    expect(narrow.ownImprovementDb!).toBeGreaterThan(0);
    expect(narrow.ownImprovementDb!).toBeLessThan(lossDb);
  });

  it('calls the same comb masked 30 dB below the mix: severity only what the mix loses, under 0.1 dB', () => {
    const haas = haasAndClean(-30).findings.find((f) => f.sourceId === 'haas')!;
    // Per unit of white-noise power the Haas source puts 10^-3 in each channel (2 x 10^-3 in all) and the clean one 1/2
    // in each (1 in all): the source is 10 log10(2 x 10^-3 / 1.002) = -27.0 dB against the mix in every band (0.2 dB,
    // the estimate's scatter), past the 20 dB at which a band counts as masked; the comb is as deep as before.
    expect(haas.headline).toMatchObject({ of: 'source', band: { nominalHz: 1600 }, audible: false });
    expect(Math.abs(haas.headline!.levelToMixDb! - 10 * Math.log10(2e-3 / 1.002))).toBeLessThan(0.2);
    expect(haas.headline!.monoVsStereoDb).toBeLessThan(-7);
    expect(haas.severityDb).toBe(haas.mixLossDb);
    expect(haas.severityDb).toBeLessThan(0.1);
    expect(findingSentence(haas, 'stereo')).toMatch(/^Haas loses 7\.\d dB at 1\.6 kHz in mono, where it is 2[67]\.\d dB below the mix \(masked\)/);
  });

  it('finds nothing once the inverted source is removed (or muted)', () => {
    const { scene, stems } = cleanAndInverted();
    const removed = analyzeSceneMono({ ...scene, sources: [scene.sources[0]!] }, [stems[0]!], { format: 'stereo' });
    expect(removed.findings).toEqual([]);
    expect(Math.abs(removed.overall.monoVsStereoDb - 10 * Math.log10(2))).toBeLessThan(0.01);
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
    expect(front!.monoVsStereoDb).toBeGreaterThan(2);
    // At the side the far ear is shadowed and delayed by about 0.65 ms: the ears decorrelate, so much less is gained in mono.
    expect(side!.monoVsStereoDb).toBeLessThan(front!.monoVsStereoDb - 1);
    expect(survival.bandMonoVsStereoDb.length).toBe(result.bands.length);
    // The binaural format analyses the same contributions directly and agrees on the per-source figures (0.05 dB).
    const direct = analyzeSceneMono(base, stems, { format: 'binaural', hrtf });
    direct.sources.forEach((s, i) => expect(Math.abs(s.monoVsStereoDb - survival.sources[i]!.monoVsStereoDb)).toBeLessThan(0.05));
  });

  it('refuses the binaural format without an HRTF set, and stems that do not match the sources', () => {
    const { scene, stems } = cleanAndInverted();
    expect(() => analyzeSceneMono(scene, stems, { format: 'binaural' })).toThrow(/needs an HRTF set/);
    expect(() => analyzeSceneMono(scene, [stems[0]!], { format: 'stereo' })).toThrow(/expected stems for 2 sources, 0 beds and 0 HOA stems, got 1/);
  });
});
