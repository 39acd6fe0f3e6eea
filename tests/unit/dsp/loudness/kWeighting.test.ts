import { describe, expect, it } from 'vitest';
import { biquadMagnitude } from '../../../../src/dsp/filters/biquad';
import {
  K_WEIGHTING_48K,
  K_WEIGHTING_HIGH_PASS_PROTOTYPE,
  K_WEIGHTING_SHELF_PROTOTYPE,
  digitise,
  kWeightingCoefficients,
} from '../../../../src/dsp/loudness/kWeighting';

function responseDb(sampleRateHz: number, frequencyHz: number): number {
  const { shelf, highPass } = kWeightingCoefficients(sampleRateHz);
  return 20 * Math.log10(biquadMagnitude(shelf, frequencyHz, sampleRateHz) * biquadMagnitude(highPass, frequencyHz, sampleRateHz));
}

describe('K-weighting (ITU-R BS.1770-4 Annex 1)', () => {
  it('re-digitising the recovered analogue prototypes at 48 kHz gives the Recommendation\'s coefficients back (1e-13)', () => {
    const blank = { b0: 0, b1: 0, b2: 0, a1: 0, a2: 0 };
    const shelf = digitise(K_WEIGHTING_SHELF_PROTOTYPE, 48_000, { ...blank });
    const highPass = digitise(K_WEIGHTING_HIGH_PASS_PROTOTYPE, 48_000, { ...blank });
    for (const key of ['b0', 'b1', 'b2', 'a1', 'a2'] as const) {
      expect(Math.abs(shelf[key] - K_WEIGHTING_48K.shelf[key])).toBeLessThan(1e-13);
      expect(Math.abs(highPass[key] - K_WEIGHTING_48K.highPass[key])).toBeLessThan(1e-13);
    }
  });

  it('recovers the published analogue parameters: shelf 1681.97 Hz, Q 0.70718, +4.0 dB; high-pass 38.1355 Hz, Q 0.50033 (1e-4 relative)', () => {
    // Values of the unofficial "ITU-R BS.1770-1 filter specifications" note (2011), fitted to the same table.
    expect(Math.abs(K_WEIGHTING_SHELF_PROTOTYPE.cornerHz / 1681.974450955533 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(K_WEIGHTING_SHELF_PROTOTYPE.q / 0.7071752369554196 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(K_WEIGHTING_SHELF_PROTOTYPE.v2 / 1.584864701130855 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(K_WEIGHTING_SHELF_PROTOTYPE.v0 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(K_WEIGHTING_HIGH_PASS_PROTOTYPE.cornerHz / 38.13547087602444 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(K_WEIGHTING_HIGH_PASS_PROTOTYPE.q / 0.5003270373238773 - 1)).toBeLessThan(1e-4);
  });

  it('gains +0.691 dB at 997 Hz at 48 kHz, the offset the loudness formula removes (0.001 dB)', () => {
    expect(Math.abs(responseDb(48_000, 997) - 0.691)).toBeLessThan(0.001);
  });

  it.each([32_000, 44_100, 88_200, 96_000, 192_000])('at %i Hz stays within 0.011 dB of the 48 kHz response from 10 Hz to 15 kHz', (fs) => {
    for (let f = 10; f <= 15_000; f *= 1.02) expect(Math.abs(responseDb(fs, f) - responseDb(48_000, f))).toBeLessThan(0.011);
  });
});
