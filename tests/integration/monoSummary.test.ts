import { describe, expect, it } from 'vitest';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import { findingHeading } from '../../src/core/monoAnalysis/phrasing/findingHeadline';
import { largestLossPhrase, monoVsStereoPhrase, worstBandLosses } from '../../src/core/monoAnalysis/phrasing/summaryPhrases';
import { METER_FLOOR_DB } from '../../src/dsp/meters/stereoMoments';
import { analyzeStereoMix } from '../../src/render/analysis/mixMonoAnalysis';
import { analyzeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import { gaussianNoise } from '../support/prng';
import { testScene } from '../support/renderHelpers';

const RATE = 48000;
const FRAMES = 10 * RATE;

/**
 * The mono sum vs stereo of an analysis, against theory: mono = (L + R) g, and
 *   monoVsStereoDb = 10 log10( g^2 E[(L + R)^2] / ((E[L^2] + E[R^2]) / 2) ) = 10 log10( 2 g^2 (1 + r) )
 * for channels of equal level with correlation r. The -3 dB law (g^2 = 1/2) gives 10 log10(1 + r):
 * +3.01 dB for r = +1, 0 dB for r = 0, minus infinity (floored) for r = -1; the -6 dB law
 * (g^2 = 1/4) gives 3.01 dB less: 0 dB for r = +1.
 */
describe('mono sum vs stereo of a mix, against theory', () => {
  const x = gaussianNoise(FRAMES, 1);
  const y = gaussianNoise(FRAMES, 2);

  it('identical channels (r = +1): +3.01 dB at the -3 dB law, 0 dB at the -6 dB law (1e-6 dB), and nothing lost', () => {
    const threeLaw = analyzeStereoMix(x, x, RATE);
    expect(Math.abs(threeLaw.overall.monoVsStereoDb - 10 * Math.log10(2))).toBeLessThan(1e-6);
    expect(Math.abs(analyzeStereoMix(x, x, RATE, { monoLaw: '-6dB' }).overall.monoVsStereoDb)).toBeLessThan(1e-6);
    expect(threeLaw.findings).toEqual([]);
    expect(monoVsStereoPhrase(threeLaw.overall.monoVsStereoDb)).toBe('+3.0 dB (louder in mono)');
    expect(worstBandLosses(threeLaw.findings)).toEqual([]);
  });

  it('inverted channels (L = -R): total cancellation, at the meters floor, and the first finding says so', () => {
    const minusX = x.map((v) => -v);
    const inverted = analyzeStereoMix(x, minusX, RATE);
    expect(inverted.overall.monoVsStereoDb).toBe(METER_FLOOR_DB);
    expect(monoVsStereoPhrase(inverted.overall.monoVsStereoDb)).toBe('cancels in mono (-60 dB or less)');
    expect(inverted.findings[0]?.kind).toBe('polarity');
    expect(largestLossPhrase(inverted.findings)).toMatch(/^The mix loses \d+\.\d dB/);
  });

  it('independent noise (r = 0): 0 dB at the -3 dB law within 0.05 dB (r scatters by 1/sqrt(N) = 0.0014 over 10 s: 0.006 dB per sigma)', () => {
    expect(Math.abs(analyzeStereoMix(x, y, RATE).overall.monoVsStereoDb)).toBeLessThan(0.05);
  });
});

describe('the summary agrees with the findings: a loud centred source and a quiet inverted stem', () => {
  function cleanAndQuietInverted(): { scene: Scene; stems: Float32Array[][] } {
    const base = testScene([
      { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
      { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
    ]);
    const sources: SceneSource[] = [
      { ...base.sources[0]!, id: 'clean', name: 'Clean' },
      { ...base.sources[1]!, id: 'inverted', name: 'Inverted', spreadDeg: 60, gainDb: -10 },
    ];
    const wide = gaussianNoise(4 * RATE, 4);
    return { scene: { ...base, sources }, stems: [[gaussianNoise(4 * RATE, 3)], [wide, wide.map((v) => -v)]] };
  }

  it('the mix gains level in mono while the stem cancels: the header says both, with the finding\'s own number', () => {
    const { scene, stems } = cleanAndQuietInverted();
    const analysis = analyzeSceneMono(scene, stems, { format: 'stereo' });
    // The clean source is centred (L = R, +3.01 dB) and 10 dB louder than the inverted one: the mix gains level in mono.
    expect(analysis.overall.monoVsStereoDb).toBeGreaterThan(1);
    expect(monoVsStereoPhrase(analysis.overall.monoVsStereoDb)).toMatch(/^\+\d\.\d dB \(louder in mono\)$/);
    const top = analysis.findings[0]!;
    expect(top.sourceId).toBe('inverted');
    // The header's largest loss is the first finding's headline, word for word and number for number.
    expect(findingHeading(top)).toBe(`Inverted: polarity, ${largestLossPhrase(analysis.findings).replace(/^Inverted /, '')}`);
    expect(largestLossPhrase(analysis.findings)).toContain(`loses ${top.severityDb.toFixed(1)} dB`);
    // Every worst band loses a positive number of dB, as some finding states it.
    for (const w of worstBandLosses(analysis.findings)) {
      expect(w.lossDb).toBeGreaterThan(0.005);
      const stated = analysis.findings.flatMap((f) => f.bands).filter((b) => b.nominalHz === w.band.nominalHz).map((b) => -(b.ownMonoVsStereoDb ?? -b.lossDb));
      expect(stated).toContain(w.lossDb);
    }
  });
});
