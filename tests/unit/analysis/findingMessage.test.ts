import { describe, expect, it } from 'vitest';
import { findingMessage, headlinePhrase } from '../../../src/render/analysis/findingMessage';
import type { FindingMessageParts } from '../../../src/render/analysis/findingMessage';

const band125 = { nominalHz: 125, lowerHz: 111.4, upperHz: 140.3 };

/** A guitar that loses 8.4 dB of itself at 125 Hz and keeps its level overall (hand-made figures). */
const guitar: FindingMessageParts = {
  name: 'guitar',
  headline: { of: 'source', lossDb: -8.4, band: band125, audible: true, levelToMixDb: -10 },
  ownLossDb: 0.3,
  stemLossDb: undefined,
  what: 'one channel is a copy of the other delayed by 12.0 ms',
  mixLossDb: 0.02,
  worstBand: { ...band125, lossDb: 0.2 },
  worstTimeSec: 23.5,
};

describe('the message of a finding (exact texts)', () => {
  it('says what the source loses, what is wrong, what it costs the mix and when, the time as m:ss.s', () => {
    expect(findingMessage(guitar)).toBe(
      'Guitar loses 8.4 dB at 125 Hz in mono, though it keeps its level overall. One channel is a copy of the other delayed by 12.0 ms; it costs the mix little level overall, 0.2 dB at 125 Hz, around 0:23.5.',
    );
    expect(findingMessage({ ...guitar, worstTimeSec: 65.34 })).toMatch(/, around 1:05\.3\.$/);
  });

  it('states the headline of a masked loss and of the mix\'s loss', () => {
    expect(headlinePhrase({ of: 'source', lossDb: -7.5, band: { ...band125 }, audible: false, levelToMixDb: -26 })).toBe(
      'loses 7.5 dB at 125 Hz in mono, where it is 26.0 dB below the mix (masked)',
    );
    expect(headlinePhrase({ of: 'source', lossDb: 0.4, audible: true })).toBe('keeps its level in mono');
    expect(headlinePhrase({ of: 'mix', lossDb: -1.5, audible: true })).toBe('costs the mix 1.5 dB of mono level');
  });
});
