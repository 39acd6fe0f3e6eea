import { describe, expect, it } from 'vitest';
import type { MonoFinding } from '../../../../src/core/monoAnalysis/findingTypes';
import { findingHeading } from '../../../../src/core/monoAnalysis/phrasing/findingHeadline';
import { largestLossPhrase, monoVsStereoPhrase, worstBandLosses, worstBandsPhrase } from '../../../../src/core/monoAnalysis/phrasing/summaryPhrases';

const band = (nominalHz: number) => ({ nominalHz, lowerHz: nominalHz / 1.122, upperHz: nominalHz * 1.122 });

/**
 * The case of issue 12: a mix that gains level in mono (+2.7 dB), a stem whose channels are
 * inverted losing 11.7 dB of itself at 3.15 kHz, a band where the mix loses only 0.04 dB,
 * and a band masked by the mix (not heard, so not a worst band).
 */
const invertedStem: MonoFinding = {
  kind: 'polarity',
  sourceId: 'stem',
  sourceName: 'Stem',
  severityDb: 11.7,
  headline: { of: 'source', monoVsStereoDb: -11.7, band: band(3150), audible: true, levelToMixDb: -6 },
  ownMonoVsStereoDb: -9.8,
  mixLossDb: 0.04,
  mixLossReported: false,
  worstTimeSec: 16,
  timeRanges: [],
  bands: [
    { ...band(3150), lossDb: 0.04, ownMonoVsStereoDb: -11.7, levelToMixDb: -6, audible: true },
    { ...band(1000), lossDb: 0.01, ownMonoVsStereoDb: -4.2, levelToMixDb: -8, audible: true },
    { ...band(100), lossDb: 0.2, ownMonoVsStereoDb: -20, levelToMixDb: -30, audible: false },
  ],
  fixes: [{ kind: 'flip-polarity' }],
};
const smallLoss: MonoFinding = {
  ...invertedStem,
  sourceId: 'pad',
  sourceName: 'Pad',
  severityDb: 5,
  headline: { of: 'source', monoVsStereoDb: -5, band: band(1000), audible: true, levelToMixDb: -9 },
  bands: [
    { ...band(1000), lossDb: 0.02, ownMonoVsStereoDb: -5, levelToMixDb: -9, audible: true },
    { ...band(8000), lossDb: 0.001, ownMonoVsStereoDb: -0.001, levelToMixDb: -9, audible: true },
  ],
};

describe('the summary above the findings (studio header and reports)', () => {
  it('writes the mix figure as a signed mono sum vs stereo, saying which way it goes (a gain is no "loss")', () => {
    expect(monoVsStereoPhrase(2.74)).toBe('+2.7 dB (louder in mono)');
    expect(monoVsStereoPhrase(-9.8)).toBe('-9.8 dB (9.8 dB lost in mono)');
    expect(monoVsStereoPhrase(0.001)).toBe('0.00 dB (same level in mono)');
    // L = -R: the fold-down is silence (the meters floor it at -150 dB).
    expect(monoVsStereoPhrase(-150)).toBe('cancels in mono (-60 dB or less)');
  });

  it('states the largest loss exactly as the first finding heads it, with the same number', () => {
    expect(largestLossPhrase([invertedStem, smallLoss])).toBe('Stem loses 11.7 dB at 3.15 kHz in mono');
    expect(findingHeading(invertedStem)).toContain(largestLossPhrase([invertedStem]).replace('Stem ', ''));
    expect(largestLossPhrase([])).toBe('nothing loses level beyond the reporting threshold');
  });

  it('ranks the worst bands by positive dB lost as the findings state them, each band once, heard ones only, none at 0.00 dB', () => {
    const worst = worstBandLosses([invertedStem, smallLoss]);
    expect(worst.map((w) => [w.band.nominalHz, w.lossDb, w.subject])).toEqual([
      [3150, 11.7, 'Stem'],
      [1000, 5, 'Pad'],
    ]);
    expect(worst.every((w) => w.lossDb > 0)).toBe(true);
    expect(worstBandsPhrase([invertedStem, smallLoss])).toBe('3.15 kHz: Stem loses 11.7 dB, 1 kHz: Pad loses 5.0 dB');
    expect(worstBandsPhrase([])).toBe('no band loses level');
  });

  it('takes a band of a finding without a source (a mix file, the binaural render) at its stated loss', () => {
    const mixFinding: MonoFinding = { ...invertedStem, sourceId: undefined, sourceName: undefined, bands: [{ ...band(125), lossDb: 3.5 }, { ...band(250), lossDb: 0 }] } as unknown as MonoFinding;
    expect(worstBandsPhrase([mixFinding])).toBe('125 Hz: The mix loses 3.5 dB');
  });
});
