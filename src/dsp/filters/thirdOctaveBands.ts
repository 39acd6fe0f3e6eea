import { setBandPassPolePair } from './bandPassPolePair';
import { biquadMagnitude } from './biquad';
import type { BiquadCoefficients } from './biquad';

/**
 * One-third-octave bands and their band-pass filters.
 *
 * Bands (IEC 61260-1:2014, base-10 design): exact mid-band frequencies
 *   fm = 1000 * 10^(k/10) Hz,   band edges f1,2 = fm * 10^(-+1/20),
 * so each band is 1/3 octave wide (10^(1/10) = 2^(0.3322)) and fm = sqrt(f1 f2). From
 * 20 Hz to 20 kHz that is k = -17 .. 13, the 31 bands labelled 20, 25, 31.5, ... 16k, 20k.
 * Bands whose mid-band frequency is not below 0.95 x Nyquist are left out (none at 44.1 kHz
 * and above); an upper edge beyond 0.95 x Nyquist is clamped there.
 *
 * Filter: a fourth-order Butterworth band-pass, the band-pass transform of the
 * second-order Butterworth low-pass 1 / (p^2 + sqrt2 p + 1) with p = (s^2 + W0^2) / (s B),
 * digitised by the bilinear transform s = (z - 1)/(z + 1) with both edges prewarped,
 *   Wi = tan(pi fi / fs),  W0^2 = W1 W2,  B = W2 - W1,
 * so the -3.01 dB points fall exactly on f1 and f2 and the gain is 1 at fm (warped centre).
 * Each prototype pole p = e^(+-j 3pi/4) gives two s-plane poles, the roots of
 * s^2 - p B s + W0^2 = 0, mapped by z = (1 + s)/(1 - s); the zeros are two at z = 1 and
 * two at z = -1. The four poles make two sections with numerators g (1 - z^-2).
 * Magnitude: |H|^2 = 1 / (1 + x^4), x = (W^2 - W0^2) / (W B): -12.3 dB at the next band's
 * centre, -24.4 dB two bands away, about -33 dB three bands away (IEC 61260 class filters
 * are steeper; for correlation and mono-loss readings this selectivity is enough and costs
 * two sections per band and channel).
 */
export interface ThirdOctaveBand {
  /** Exact mid-band frequency, Hz. */
  readonly centreHz: number;
  /** Nominal label frequency (IEC 61260-1 Annex E), Hz. */
  readonly nominalHz: number;
  readonly lowerHz: number;
  readonly upperHz: number;
}

const NOMINAL_HZ = [
  20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000,
  5000, 6300, 8000, 10000, 12500, 16000, 20000,
] as const;
const FIRST_INDEX = -17;
const HALF_BAND_RATIO = Math.pow(10, 1 / 20);
const NYQUIST_MARGIN = 0.95;

/** The bands from 20 Hz to 20 kHz that fit below 0.95 x Nyquist at `sampleRateHz`. */
export function thirdOctaveBands(sampleRateHz: number): ThirdOctaveBand[] {
  const limitHz = (NYQUIST_MARGIN * sampleRateHz) / 2;
  const bands: ThirdOctaveBand[] = [];
  NOMINAL_HZ.forEach((nominalHz, i) => {
    const centreHz = 1000 * Math.pow(10, (FIRST_INDEX + i) / 10);
    if (centreHz >= limitHz) return;
    bands.push({ centreHz, nominalHz, lowerHz: centreHz / HALF_BAND_RATIO, upperHz: Math.min(centreHz * HALF_BAND_RATIO, limitHz) });
  });
  return bands;
}

/**
 * Writes the two sections of the fourth-order Butterworth band-pass from `lowerHz` to
 * `upperHz` (0 < lowerHz < upperHz < fs/2) into `first` and `second`. Allocation-free.
 */
export function setButterworthBandPass4(
  first: BiquadCoefficients,
  second: BiquadCoefficients,
  lowerHz: number,
  upperHz: number,
  sampleRateHz: number,
): void {
  const w1 = Math.tan((Math.PI * lowerHz) / sampleRateHz);
  const w2 = Math.tan((Math.PI * upperHz) / sampleRateHz);
  const w0Squared = w1 * w2;
  const bandwidth = w2 - w1;
  // Prototype pole p = (-1 + j)/sqrt2.
  setBandPassPolePair(first, second, -Math.SQRT1_2 * bandwidth, Math.SQRT1_2 * bandwidth, w0Squared);
  // Gain: unity at the warped centre, shared equally by the two sections.
  const centreHz = (sampleRateHz / Math.PI) * Math.atan(Math.sqrt(w0Squared));
  const gain = 1 / Math.sqrt(biquadMagnitude(first, centreHz, sampleRateHz) * biquadMagnitude(second, centreHz, sampleRateHz));
  scaleNumerator(first, gain);
  scaleNumerator(second, gain);
}

function scaleNumerator(c: BiquadCoefficients, gain: number): void {
  c.b0 *= gain;
  c.b1 *= gain;
  c.b2 *= gain;
}
