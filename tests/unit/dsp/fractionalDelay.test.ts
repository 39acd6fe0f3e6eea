import { describe, expect, it } from 'vitest';
import {
  MIN_FRACTIONAL_DELAY_SAMPLES,
  applyFractionalDelay,
  createFractionalDelayKernel,
  setFractionalDelay,
} from '../../../src/dsp/fractionalDelay';

/** Delays a sampled sine and compares with the sine evaluated at the delayed times. */
function sineError(delaySamples: number, frequency: number): number {
  const length = 400;
  const input = Float64Array.from({ length }, (_, n) => Math.sin(frequency * n));
  const output = new Float64Array(length);
  const kernel = createFractionalDelayKernel();
  setFractionalDelay(kernel, delaySamples);
  applyFractionalDelay(kernel, input, length, output);
  let largest = 0;
  // Away from both ends, where the kernel sees a whole sine.
  for (let n = 60; n < length - 60; n++) largest = Math.max(largest, Math.abs(output[n]! - Math.sin(frequency * (n - delaySamples))));
  return largest;
}

describe('fractional delay (Kaiser-windowed sinc, 16 taps)', () => {
  it('delays by whole samples exactly', () => {
    expect(sineError(MIN_FRACTIONAL_DELAY_SAMPLES, 0.3)).toBe(0);
    expect(sineError(MIN_FRACTIONAL_DELAY_SAMPLES + 25, 1.1)).toBe(0);
  });

  it('delays by fractions with an error below -60 dB up to 0.7 of Nyquist (16.8 kHz at 48 kHz) and below -30 dB at 0.8', () => {
    for (const fraction of [0.1, 0.25, 0.5, 0.77]) {
      const delay = MIN_FRACTIONAL_DELAY_SAMPLES + 12 + fraction;
      for (const share of [0.1, 0.4, 0.7]) expect(20 * Math.log10(sineError(delay, share * Math.PI))).toBeLessThan(-60);
      expect(20 * Math.log10(sineError(delay, 0.8 * Math.PI))).toBeLessThan(-30);
    }
  });
});
