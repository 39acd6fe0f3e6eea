import { setBandPassPolePair, setBandPassSection } from './bandPassPolePair';
import { biquadMagnitude } from './biquad';
import type { BiquadCoefficients } from './biquad';

/**
 * The sixth-order Butterworth band-pass from `lowerHz` to `upperHz`: three second-order
 * sections, the filter IEC 61260-1 class 1 fractional-octave filters are usually built from
 * (ANSI S1.11 Annex; the class 1 limits it meets for a one-third-octave band are checked in
 * tests/unit/dsp/filters/butterworthBandPass6.test.ts).
 *
 * Design: the band-pass transform p = (s^2 + W0^2) / (s B) of the third-order Butterworth
 * low-pass 1 / ((p + 1)(p^2 + p + 1)), its poles p = -1 and p = e^(+-j 2pi/3), digitised by
 * the bilinear transform s = (z - 1)/(z + 1) with both edges prewarped,
 *   Wi = tan(pi fi / fs),  W0^2 = W1 W2,  B = W2 - W1,
 * so the -3.01 dB points fall exactly on the edges. Each prototype pole p gives the s-plane
 * poles that solve s^2 - p B s + W0^2 = 0; each such pole with its conjugate makes one
 * section (s^2 + a s + b in the denominator, s in the numerator), which the bilinear
 * transform turns into
 *   H(z) = g (1 - z^-2) / ((1 + a + b) + 2 (b - 1) z^-1 + (1 - a + b) z^-2).
 * Magnitude: |H|^2 = 1 / (1 + x^6), x = (W^2 - W0^2) / (W B); the three gains g are equal
 * and make |H| = 1 at the warped centre. Allocation-free, so it may run on the audio thread.
 */
export function setButterworthBandPass6(
  sections: readonly [BiquadCoefficients, BiquadCoefficients, BiquadCoefficients],
  lowerHz: number,
  upperHz: number,
  sampleRateHz: number,
): void {
  const w1 = Math.tan((Math.PI * lowerHz) / sampleRateHz);
  const w2 = Math.tan((Math.PI * upperHz) / sampleRateHz);
  const w0Squared = w1 * w2;
  const bandwidth = w2 - w1;
  // p = -1: s^2 + B s + W0^2 directly.
  setBandPassSection(sections[0], bandwidth, w0Squared);
  // p = (-1 + j sqrt3)/2.
  setBandPassPolePair(sections[1], sections[2], -0.5 * bandwidth, (Math.sqrt(3) / 2) * bandwidth, w0Squared);
  const centreHz = (sampleRateHz / Math.PI) * Math.atan(Math.sqrt(w0Squared));
  let product = 1;
  for (let k = 0; k < 3; k++) product *= biquadMagnitude(sections[k]!, centreHz, sampleRateHz);
  const gain = Math.cbrt(1 / product);
  for (let k = 0; k < 3; k++) {
    sections[k]!.b0 *= gain;
    sections[k]!.b2 *= gain;
  }
}
