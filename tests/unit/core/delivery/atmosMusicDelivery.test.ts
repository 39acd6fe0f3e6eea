import { describe, expect, it } from 'vitest';
import { checkAtmosMusicDelivery } from '../../../../src/core/delivery/atmosMusicDelivery';
import type { DeliveryFacts, DeliveryVerdict } from '../../../../src/core/delivery/atmosMusicDelivery';

const compliant: DeliveryFacts = {
  sampleRateHz: 48000,
  bitsPerSample: 24,
  channelCount: 128,
  objectCount: 118,
  admProfileProblems: [],
  fullRender: { render: '7.1.4', integratedLkfs: -18, truePeakDbtp: -1 },
  downmix51: { render: '5.1 downmix', integratedLkfs: -19.2, truePeakDbtp: -1.5 },
  lfe: { marginDb: 20, requiredMarginDb: 16, loudestStopBandHz: 315 },
  emptyObjects: [],
  renderModes: ['mid', 'near', 'far', 'off'],
};

function verdicts(facts: DeliveryFacts): Record<string, DeliveryVerdict> {
  return Object.fromEntries(checkAtmosMusicDelivery(facts).map((r) => [r.id, r.verdict]));
}

describe('checkAtmosMusicDelivery (Dolby Atmos music delivery rules)', () => {
  it('passes every rule of a master exactly at the limits (48 kHz, 24-bit, 128 channels, 118 objects, -18.0 LKFS, -1.0 dBTP)', () => {
    const results = checkAtmosMusicDelivery(compliant);
    expect(results.map((r) => r.id)).toEqual([
      'adm-profile', 'sample-rate', 'bit-depth', 'channels', 'objects',
      'loudness 7.1.4', 'true-peak 7.1.4', 'loudness 5.1 downmix', 'true-peak 5.1 downmix',
      'downmix-loudness-floor', 'lfe-band-limit', 'no-empty-objects', 'binaural-render-modes',
    ]);
    expect(results.filter((r) => r.verdict !== 'pass')).toEqual([]);
  });

  it.each<[string, Partial<DeliveryFacts>, string, DeliveryVerdict]>([
    ['96 kHz', { sampleRateHz: 96000 }, 'sample-rate', 'fail'],
    ['16-bit', { bitsPerSample: 16 }, 'bit-depth', 'fail'],
    ['129 channels', { channelCount: 129 }, 'channels', 'fail'],
    ['119 objects', { objectCount: 119 }, 'objects', 'fail'],
    ['-17.9 LKFS', { fullRender: { render: '7.1.4', integratedLkfs: -17.9, truePeakDbtp: -3 } }, 'loudness 7.1.4', 'fail'],
    ['-0.9 dBTP on the downmix', { downmix51: { render: '5.1 downmix', integratedLkfs: -20, truePeakDbtp: -0.9 } }, 'true-peak 5.1 downmix', 'fail'],
    ['a downmix at -31.1 LKFS', { downmix51: { render: '5.1 downmix', integratedLkfs: -31.1, truePeakDbtp: -9 } }, 'downmix-loudness-floor', 'flag'],
    ['an LFE 15.9 dB down where 16 are needed', { lfe: { marginDb: 15.9, requiredMarginDb: 16, loudestStopBandHz: 400 } }, 'lfe-band-limit', 'fail'],
    ['an empty object', { emptyObjects: ['Object 12'] }, 'no-empty-objects', 'flag'],
    ['render modes all Mid', { renderModes: ['mid', 'mid'] }, 'binaural-render-modes', 'flag'],
    ['render modes all Off', { renderModes: ['off', 'off', 'off'] }, 'binaural-render-modes', 'fail'],
    ['an ADM profile problem', { admProfileProblems: ['audioObject AO_1001 has no audioTrackUID'] }, 'adm-profile', 'fail'],
  ])('judges %s: rule %s', (_, change, id, verdict) => {
    const all = verdicts({ ...compliant, ...change });
    expect(all[id]).toBe(verdict);
    expect(Object.entries(all).filter(([other, v]) => other !== id && v !== 'pass')).toEqual([]);
  });

  it('says what it found: the figures, the empty objects by name (five, then a count) and the render modes counted', () => {
    const results = checkAtmosMusicDelivery({
      ...compliant,
      emptyObjects: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
      renderModes: ['mid', 'mid', 'near'],
    });
    const found = Object.fromEntries(results.map((r) => [r.id, r.found]));
    expect(found['loudness 7.1.4']).toBe('-18.0 LKFS');
    expect(found['no-empty-objects']).toBe('empty: A, B, C, D, E and 2 more');
    expect(found['binaural-render-modes']).toBe('1 near, 2 mid');
    expect(found['lfe-band-limit']).toBe('LFE 20.0 dB below its pass band at 315 Hz (needs 16 dB)');
  });

  it('passes a master with no LFE signal on the band-limit rule, and a scene (no bit depth yet: its export writes 24-bit)', () => {
    const all = verdicts({ ...compliant, lfe: undefined, bitsPerSample: undefined, admProfileProblems: undefined });
    expect(all['lfe-band-limit']).toBe('pass');
    expect(all['bit-depth']).toBe('pass');
    expect(all['adm-profile']).toBe('pass');
  });
});
