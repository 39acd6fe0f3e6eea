import type { BiquadCoefficients } from '../filters/biquad';

/**
 * K-weighting of ITU-R BS.1770-4 (Annex 1): a high-shelf "pre-filter" (the acoustic effect
 * of the head, about +4 dB above 2 kHz) followed by the "RLB" high-pass (revised
 * low-frequency B-curve, about 38 Hz), both given in the Recommendation as biquads at
 * 48 kHz (Tables 1 and 2), reproduced here as K_WEIGHTING_48K.
 *
 * Other sample rates. The Recommendation gives no analogue prototype, but each 48 kHz
 * section is, to the precision of its printed coefficients, the bilinear transform with
 * prewarping of a second-order analogue section in normalised frequency s' = s / W:
 *   H(s') = (V2 s'^2 + V1 s' + V0) / (s'^2 + s'/Q + 1),
 * digitised by s' = (1/K) (z - 1)/(z + 1), K = tan(pi f0 / fs):
 *   a0 = 1 + K/Q + K^2,
 *   b0 = (V2 + V1 K + V0 K^2)/a0,  b1 = 2 (V0 K^2 - V2)/a0,  b2 = (V2 - V1 K + V0 K^2)/a0,
 *   a1 = 2 (K^2 - 1)/a0,           a2 = (1 - K/Q + K^2)/a0.
 * (The same parameterisation as the unofficial note "ITU-R BS.1770-1 filter
 * specifications", 2011, and B. De Man, "Evaluation of implementations of the EBU R128
 * loudness measurement", AES 145th Convention, 2018: a shelf with f0 ~ 1681.97 Hz,
 * Q ~ 0.7072, high-frequency gain ~ +4.0 dB, and a high-pass with f0 ~ 38.135 Hz,
 * Q ~ 0.5003.) Rather than printing those fitted numbers, this module recovers the
 * prototype from the Recommendation's own coefficients by inverting the transform
 * exactly, with A = 1 + a1 + a2 = 4K^2/a0 and B = 1 - a1 + a2 = 4/a0:
 *   K = sqrt(A/B),  K/Q = 2 (1 - a2)/B,
 *   V0 = (b0 + b1 + b2)/A  (gain at DC),  V2 = (b0 - b1 + b2)/B  (gain at Nyquist / infinity),
 *   V1 K = 2 (b0 - b2)/B,
 * and f0 = (48000/pi) atan(K). Re-digitising (V0, V1, V2, Q, f0) at 48 kHz gives the table
 * back to rounding (1e-15), and at any rate fs it keeps the analogue section's corner
 * frequency, Q and asymptotic gains; its magnitude response stays within 0.01 dB of the
 * 48 kHz filter's from 10 Hz to 16 kHz at 44.1, 88.2 and 96 kHz (0.0015 dB at 44.1 kHz;
 * tested). The RLB numerator 1 - 2 z^-1 + z^-2 is kept exactly (V0 = V1 = 0, V2 =
 * 4/B48: a passband gain of +0.043 dB, as in the Recommendation, which the -0.691 dB
 * constant of the loudness formula assumes).
 */
interface KWeightingPrototype {
  readonly cornerHz: number;
  readonly q: number;
  /** Numerator of the normalised analogue section: V2 s'^2 + V1 s' + V0. */
  readonly v0: number;
  readonly v1: number;
  readonly v2: number;
}

/** ITU-R BS.1770-4 Annex 1, Tables 1 (pre-filter) and 2 (RLB filter), fs = 48 kHz. */
export const K_WEIGHTING_48K: { readonly shelf: Readonly<BiquadCoefficients>; readonly highPass: Readonly<BiquadCoefficients> } = {
  shelf: { b0: 1.53512485958697, b1: -2.69169618940638, b2: 1.19839281085285, a1: -1.69065929318241, a2: 0.73248077421585 },
  highPass: { b0: 1, b1: -2, b2: 1, a1: -1.99004745483398, a2: 0.99007225036621 },
};
const TABLE_RATE_HZ = 48_000;

/** The analogue section behind a biquad designed at `sampleRateHz` by the prewarped bilinear transform. */
function analoguePrototype(c: Readonly<BiquadCoefficients>, sampleRateHz: number): KWeightingPrototype {
  const a = 1 + c.a1 + c.a2;
  const b = 1 - c.a1 + c.a2;
  const k = Math.sqrt(a / b);
  const kOverQ = (2 * (1 - c.a2)) / b;
  return {
    cornerHz: (sampleRateHz / Math.PI) * Math.atan(k),
    q: k / kOverQ,
    v0: (c.b0 + c.b1 + c.b2) / a,
    v1: (2 * (c.b0 - c.b2)) / b / k,
    v2: (c.b0 - c.b1 + c.b2) / b,
  };
}

/** Digitises an analogue prototype at `sampleRateHz` (prewarped at its corner) into `out`. */
export function digitise(p: KWeightingPrototype, sampleRateHz: number, out: BiquadCoefficients): BiquadCoefficients {
  const k = Math.tan((Math.PI * p.cornerHz) / sampleRateHz);
  const k2 = k * k;
  const a0 = 1 + k / p.q + k2;
  out.b0 = (p.v2 + p.v1 * k + p.v0 * k2) / a0;
  out.b1 = (2 * (p.v0 * k2 - p.v2)) / a0;
  out.b2 = (p.v2 - p.v1 * k + p.v0 * k2) / a0;
  out.a1 = (2 * (k2 - 1)) / a0;
  out.a2 = (1 - k / p.q + k2) / a0;
  return out;
}

export const K_WEIGHTING_SHELF_PROTOTYPE = analoguePrototype(K_WEIGHTING_48K.shelf, TABLE_RATE_HZ);
export const K_WEIGHTING_HIGH_PASS_PROTOTYPE = analoguePrototype(K_WEIGHTING_48K.highPass, TABLE_RATE_HZ);

/** The two K-weighting sections at `sampleRateHz`: the table itself at 48 kHz. */
export function kWeightingCoefficients(sampleRateHz: number): { shelf: BiquadCoefficients; highPass: BiquadCoefficients } {
  if (sampleRateHz === TABLE_RATE_HZ) return { shelf: { ...K_WEIGHTING_48K.shelf }, highPass: { ...K_WEIGHTING_48K.highPass } };
  const blank = (): BiquadCoefficients => ({ b0: 1, b1: 0, b2: 0, a1: 0, a2: 0 });
  return {
    shelf: digitise(K_WEIGHTING_SHELF_PROTOTYPE, sampleRateHz, blank()),
    highPass: digitise(K_WEIGHTING_HIGH_PASS_PROTOTYPE, sampleRateHz, blank()),
  };
}
