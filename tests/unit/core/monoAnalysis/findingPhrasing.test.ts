import { describe, expect, it } from 'vitest';
import type { MonoFinding, SuggestedFix } from '../../../../src/core/monoAnalysis/findingTypes';
import { bandLossPhrase, findingFacts, whenPhrase } from '../../../../src/core/monoAnalysis/phrasing/findingFacts';
import { findingHeading, headlinePhrase, stripName } from '../../../../src/core/monoAnalysis/phrasing/findingHeadline';
import { unanalysedPhrase } from '../../../../src/core/monoAnalysis/phrasing/summaryPhrases';
import { dbAmount, dbChange } from '../../../../src/core/monoAnalysis/phrasing/findingNumbers';
import { findingSentence } from '../../../../src/core/monoAnalysis/phrasing/findingSentence';
import { fixGains, fixPhrase, fixSentence } from '../../../../src/core/monoAnalysis/phrasing/fixPhrases';

const band125 = { nominalHz: 125, lowerHz: 111.4, upperHz: 140.3 };
const DELAY_SEC = 0.012;

/**
 * A guitar widened by a 12 ms Haas delay (576 samples at 48 kHz): in mono the comb's notches
 * fall at (2k + 1) / (2 x 12 ms) = 41.7, 125, 208.3, ... Hz. It loses 8.4 dB of itself in the
 * 125 Hz band (hand-made figure), keeps its level overall, and costs the mix 0.2 dB there.
 */
const guitar: MonoFinding = {
  kind: 'haas',
  sourceId: 'guitar',
  sourceName: 'guitar',
  severityDb: 8.4,
  headline: { of: 'source', monoVsStereoDb: -8.4, band: band125, audible: true, levelToMixDb: -10 },
  ownMonoVsStereoDb: 0.3,
  mixLossDb: 0.02,
  mixLossReported: false,
  worstTimeSec: 23.5,
  timeRanges: [{ startSec: 16, endSec: 32 }],
  bands: [{ ...band125, lossDb: 0.2, ownMonoVsStereoDb: -8.4, levelToMixDb: -10.3, audible: true }],
  delayMs: 1000 * DELAY_SEC,
  delaySamples: 576,
  notchFrequenciesHz: [0, 1, 2, 3, 4].map((k) => (2 * k + 1) / (2 * DELAY_SEC)),
  correlation: 0.11,
  stemCorrelation: 0.11,
  fixes: [
    { kind: 'remove-delay', improvementDb: 0.02, ownImprovementDb: 8.4 },
    { kind: 'narrow', widthPercent: 50, improvementDb: 0.004, ownImprovementDb: 5.3 },
  ],
};

/** A stereo pad whose stem's channels correlate at -0.20, folded by its placement to +0.25 in the fold-down. */
const pad: MonoFinding = {
  kind: 'fold-down-cancellation',
  sourceId: 'pad',
  sourceName: 'pad',
  severityDb: 4.7,
  headline: { of: 'source', monoVsStereoDb: -4.7, band: { nominalHz: 2000, lowerHz: 1782, upperHz: 2245 }, audible: true, levelToMixDb: -13.9 },
  ownMonoVsStereoDb: 0.98,
  // 10 log10(1 + r) for r = -0.2: the stem summed to mono loses 0.97 dB.
  stemMonoVsStereoDb: 10 * Math.log10(0.8),
  mixLossDb: 0.004,
  mixLossReported: false,
  worstTimeSec: 2,
  timeRanges: [],
  bands: [],
  correlation: 0.25,
  stemCorrelation: -0.2,
  cancelsIn: 'stem',
  fixes: [{ kind: 'move', towards: 'front' }],
};

describe('the sentence of a finding (exact texts)', () => {
  it('says what the source loses, what is wrong (delay, samples, first three notches), what it costs the mix and when, the time as m:ss.s', () => {
    expect(findingSentence(guitar, 'stereo')).toBe(
      'Guitar loses 8.4 dB at 125 Hz in mono, though it keeps its level overall. One channel is a copy of the other delayed by 12.0 ms (576 samples, the right lags): in mono it combs, with notches at 41.7 Hz, 125 Hz, 208 Hz; it costs the mix little level overall, 0.20 dB at 125 Hz, around 0:23.5.',
    );
    expect(findingSentence({ ...guitar, worstTimeSec: 65.34 }, 'stereo')).toMatch(/, around 1:05\.3\.$/);
    // A left channel that lags, by as many samples.
    expect(findingSentence({ ...guitar, delayMs: -12, delaySamples: -576 }, 'stereo')).toContain('delayed by 12.0 ms (576 samples, the left lags)');
    // A mix loss at the reporting threshold is stated as such.
    expect(findingSentence({ ...guitar, mixLossDb: 1.5, mixLossReported: true }, 'stereo')).toContain('; it costs the mix 1.5 dB of mono level, around 0:23.5.');
  });

  it('gives a stem that cancels its correlation and its loss summed to mono, and names the analysed render', () => {
    expect(findingSentence(pad, 'stereo')).toBe(
      "Pad loses 4.7 dB at 2 kHz in mono, though it keeps its level overall; its stem loses 0.97 dB summed to mono. Its stem's channels cancel (correlation -0.20): its placement folds much of the out-of-phase part away in the fold-down (correlation +0.25 there), and a mono sum of the stem loses it wherever it is placed; it costs the mix little level overall, around 0:02.0.",
    );
    expect(findingSentence({ ...pad, cancelsIn: 'render', correlation: -0.4 }, 'binaural')).toContain(
      'Its placement folds it onto itself out of phase (correlation -0.40 in the binaural render, -0.20 in its stem)',
    );
    expect(findingSentence({ ...pad, kind: 'wide-source' }, 'stereo')).toContain('Its side outweighs its mid (correlation -0.20 in its stem)');
    expect(findingSentence({ ...pad, kind: 'wide-source', cancelsIn: 'render' }, 'stereo')).toContain('Its side outweighs its mid (correlation +0.25)');
    expect(findingSentence({ ...pad, kind: 'wide-low-end', cancelsIn: 'render', lowEndHz: 150 }, 'stereo')).toContain('Its low end below 150 Hz is wide and out of phase');
  });

  it('calls inverted channels by their correlation, or by the share of the energy in inverted bands', () => {
    const polarity: MonoFinding = { ...pad, kind: 'polarity', cancelsIn: 'render', correlation: -0.93 };
    expect(findingSentence(polarity, 'stereo')).toContain('Its channels are polarity-inverted against each other (correlation -0.93)');
    expect(findingSentence({ ...polarity, correlation: 0.22, invertedBands: { correlationAtMost: -0.7, energyShare: 0.2754 } }, 'stereo')).toContain(
      '(correlation at or below -0.7 in bands holding 28 % of its energy)',
    );
  });

  it('names a mix file "the mix", and the binaural render with the sources that lose most, each with its loss or gain in words', () => {
    const { sourceId: _id, sourceName: _name, mixLossDb: _loss, mixLossReported: _reported, ...file } = guitar;
    expect(findingSentence(file, 'stereo')).toMatch(/^The mix loses 8\.4 dB at 125 Hz in mono, though it keeps its level overall\. One channel/);
    const binaural: MonoFinding = {
      kind: 'binaural-mono',
      severityDb: 1.74,
      worstTimeSec: 2,
      timeRanges: [],
      bands: [],
      losingSources: [
        { sourceId: 'inverted', sourceName: 'Inverted', monoVsStereoDb: -150 },
        { sourceId: 'clean', sourceName: 'Clean', monoVsStereoDb: 3.01 },
      ],
      fixes: [{ kind: 'move', towards: 'front-or-back', sourceId: 'inverted', sourceName: 'Inverted' }],
    };
    expect(findingSentence(binaural, 'stereo')).toBe(
      'The binaural render loses 1.7 dB when its ears are summed to mono (worst around 0:02.0); the sources that lose most: Inverted (cancels), Clean (gains 3.0 dB).',
    );
    expect(findingHeading(binaural)).toBe('The binaural render: binaural in mono, loses 1.7 dB in mono');
    expect(fixSentence(binaural.fixes[0]!, binaural)).toBe('Move Inverted towards the front or back, where the ears hear it alike.');
  });
});

describe('the headline, times, bands and figures of a finding (exact texts)', () => {
  it('states the headline of a loss, a masked loss, a kept level and the mix\'s loss', () => {
    expect(findingHeading(guitar)).toBe('Guitar: Haas delay, loses 8.4 dB at 125 Hz in mono');
    expect(headlinePhrase({ severityDb: 0, headline: { of: 'source', monoVsStereoDb: -7.5, band: band125, audible: false, levelToMixDb: -26 } })).toBe(
      'loses 7.5 dB at 125 Hz in mono, where it is 26.0 dB below the mix (masked)',
    );
    expect(headlinePhrase({ severityDb: 0.2, headline: { of: 'source', monoVsStereoDb: 0.4, audible: true } })).toBe('keeps its level in mono');
    expect(headlinePhrase({ severityDb: 1.5, headline: { of: 'mix', monoVsStereoDb: -1.5, audible: true } })).toBe('costs the mix 1.5 dB of mono level');
    // The binaural render's finding has no headline: its severity, two decimals below 1 dB.
    expect(headlinePhrase({ severityDb: 0.354 })).toBe('loses 0.35 dB in mono');
  });

  it('writes every time of a finding as m:ss.s, ranges joined by "-", at most `limit` of them', () => {
    expect(whenPhrase(guitar)).toBe('0:16.0-0:32.0 (worst at 0:23.5)');
    const ranges = [0, 10, 20, 70].map((startSec) => ({ startSec, endSec: startSec + 5.25 }));
    expect(whenPhrase({ timeRanges: ranges, worstTimeSec: 72.5 }, 3)).toBe('0:00.0-0:05.3, 0:10.0-0:15.3, 0:20.0-0:25.3 +1 more (worst at 1:12.5)');
    expect(whenPhrase({ timeRanges: [], worstTimeSec: 0.75 })).toBe('throughout (worst at 0:00.8)');
  });

  it('gives a band\'s own loss and its level against the mix, masked beyond it', () => {
    expect(bandLossPhrase(guitar.bands[0]!)).toBe('125 Hz loses 8.4 dB (10.3 dB below the mix)');
    expect(bandLossPhrase({ ...band125, lossDb: 0.5, ownMonoVsStereoDb: -7.5, levelToMixDb: -26, audible: false })).toBe('125 Hz loses 7.5 dB (masked: 26.0 dB below the mix)');
    expect(bandLossPhrase({ ...band125, lossDb: 0.1, ownMonoVsStereoDb: 0.4, levelToMixDb: 1.2, audible: true })).toBe('125 Hz keeps its level (+0.40 dB) (1.2 dB above the mix)');
    // A binaural finding's band: what the render loses there.
    expect(bandLossPhrase({ ...band125, lossDb: 2.5 })).toBe('125 Hz loses 2.5 dB');
  });

  it('lists the measured figures, the notches as the sentence writes them', () => {
    expect(findingFacts(guitar)).toEqual([
      'correlation +0.11',
      'delay 12.0 ms (576 samples, the right lags)',
      'mono notches at 41.7 Hz, 125 Hz, 208 Hz, 292 Hz, 375 Hz',
      'own mono sum vs stereo +0.30 dB',
      'the mix loses 0.02 dB to it',
    ]);
    expect(findingFacts(pad)).toContain('its stem summed to mono -0.97 dB');
  });

  it('writes dB to one decimal, two below 1 dB, with a sign for changes', () => {
    expect([dbAmount(-8.44), dbAmount(0.354), dbAmount(-0.004), dbAmount(12)]).toEqual(['8.4 dB', '0.35 dB', '0.00 dB', '12.0 dB']);
    expect([dbChange(-4.24), dbChange(0.354), dbChange(-0.004), dbChange(12)]).toEqual(['-4.2 dB', '+0.35 dB', '0.00 dB', '+12.0 dB']);
  });
});

describe('the fixes of a finding (exact texts)', () => {
  it('says each fix as one sentence, with the settings it was measured at', () => {
    const say = (fix: SuggestedFix): string => fixSentence(fix, guitar);
    expect(say({ kind: 'remove-delay' })).toBe('Remove the 12.0 ms delay between the channels of guitar and widen it with the mid/side width instead.');
    expect(say({ kind: 'narrow', widthPercent: 60 })).toBe('Narrow guitar to 60 % width (mid/side width).');
    expect(say({ kind: 'collapse-lows', belowHz: 120 })).toBe('Make guitar mono below 120 Hz (bass mono).');
    expect(say({ kind: 'flip-polarity' })).toBe('Flip the polarity of the right channel of guitar.');
    expect(say({ kind: 'move', towards: 'front' })).toBe('Move guitar (towards the front) or reduce its spread.');
  });

  it('puts first what a fix brings back of the source\'s own loss in its headline band, then the mix\'s', () => {
    const [removeDelay, narrow] = guitar.fixes as [SuggestedFix, SuggestedFix];
    expect(fixGains(narrow, guitar)).toBe('own +5.3 dB at 125 Hz; mix 0.00 dB');
    expect(fixPhrase(removeDelay, guitar)).toBe(
      'Remove the 12.0 ms delay between the channels of guitar and widen it with the mid/side width instead. (own +8.4 dB at 125 Hz; mix +0.02 dB)',
    );
    // A broadband headline names no band; a mix file has no "own"; a fix without figures has no brackets.
    expect(fixGains(removeDelay, { headline: { of: 'source', monoVsStereoDb: -8.4, audible: true } })).toBe('+8.4 dB; mix +0.02 dB');
    expect(fixPhrase({ kind: 'move', towards: 'front' }, pad)).toBe('Move pad (towards the front) or reduce its spread.');
  });
});

describe('findings about a bed or an HOA stem (exact texts)', () => {
  /** A 7.1.2 bed whose side pair cancels in its stem (hand-made figures). */
  const bed: MonoFinding = {
    kind: 'polarity',
    sourceId: 'music',
    sourceName: 'Music 7.1.2',
    sourceKind: 'bed',
    channelPair: { left: 'M+090', right: 'M-090', correlation: -1 },
    severityDb: 60,
    headline: { of: 'source', monoVsStereoDb: -60, audible: true, levelToMixDb: -3 },
    ownMonoVsStereoDb: -60,
    mixLossDb: 2.1,
    mixLossReported: true,
    worstTimeSec: 0.5,
    timeRanges: [],
    bands: [],
    correlation: -1,
    stemCorrelation: -1,
    fixes: [{ kind: 'flip-polarity', channel: 'M-090' }],
  };

  it('names a bed and an HOA stem by what they are and their names, in the heading, the sentence and the fix', () => {
    expect(findingHeading(bed)).toBe("Bed 'Music 7.1.2': polarity, loses 60.0 dB in mono");
    expect(findingSentence(bed, 'stereo')).toBe(
      "Bed 'Music 7.1.2' loses 60.0 dB in mono. Its M+090 and M-090 channels cancel each other (correlation -1.00 in its stem); in the fold-down its channels are polarity-inverted against each other (correlation -1.00); it costs the mix 2.1 dB of mono level, around 0:00.5.",
    );
    expect(fixSentence(bed.fixes[0]!, bed)).toBe("Flip the polarity of the M-090 channel of bed 'Music 7.1.2'.");
    expect(stripName('Room', 'hoa')).toBe("HOA 'Room'");
    expect(stripName('Pad', undefined)).toBe('Pad');
  });

  it('names the beds and HOA stems an analysis left out', () => {
    expect(unanalysedPhrase([{ id: 'gone', name: 'Gone', kind: 'bed' }])).toBe("Not analysed, its stem is not loaded: bed 'Gone'");
    expect(
      unanalysedPhrase([
        { id: 'gone', name: 'Gone', kind: 'bed' },
        { id: 'room', name: 'Room', kind: 'hoa' },
      ]),
    ).toBe("Not analysed, their stems are not loaded: bed 'Gone', HOA 'Room'");
  });
});
