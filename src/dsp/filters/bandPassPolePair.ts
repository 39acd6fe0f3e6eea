import type { BiquadCoefficients } from './biquad';

/**
 * The step the Butterworth band-pass designs share (thirdOctaveBands.ts, fourth order;
 * butterworthBandPass6.ts, sixth order): the band-pass transform p = (s^2 + W0^2) / (s B)
 * of a low-pass prototype pole p = pr + j pi (already scaled by the bandwidth B, so pr + j
 * pi = p B) gives the two s-plane poles s = (pB +- sqrt(p^2 B^2 - 4 W0^2)) / 2; each, with its
 * conjugate, makes one section s / (s^2 + a s + b), digitised by the bilinear transform
 * s = (z - 1)/(z + 1) (edges prewarped by the caller) with numerator 1 - z^-2, its gain set
 * by the caller. Allocation-free.
 */
export function setBandPassPolePair(first: BiquadCoefficients, second: BiquadCoefficients, pr: number, pi: number, w0Squared: number): void {
  // d = (pB)^2 - 4 W0^2, and its principal square root sr + j si.
  const dr = pr * pr - pi * pi - 4 * w0Squared;
  const di = 2 * pr * pi;
  const modulus = Math.hypot(dr, di);
  const sr = Math.sqrt(Math.max(0, (modulus + dr) / 2));
  const si = (di < 0 ? -1 : 1) * Math.sqrt(Math.max(0, (modulus - dr) / 2));
  setPoleSection(first, (pr + sr) / 2, (pi + si) / 2);
  setPoleSection(second, (pr - sr) / 2, (pi - si) / 2);
}

/** The section of the s-plane pole pair sr +- j si: denominator (s - sr)^2 + si^2. */
function setPoleSection(c: BiquadCoefficients, sr: number, si: number): void {
  setBandPassSection(c, -2 * sr, sr * sr + si * si);
}

/** The section s / (s^2 + a s + b), bilinear-transformed: numerator 1 - z^-2 over a0 = 1 + a + b. */
export function setBandPassSection(c: BiquadCoefficients, a: number, b: number): void {
  const a0 = 1 + a + b;
  c.b0 = 1 / a0;
  c.b1 = 0;
  c.b2 = -1 / a0;
  c.a1 = (2 * (b - 1)) / a0;
  c.a2 = (1 - a + b) / a0;
}
