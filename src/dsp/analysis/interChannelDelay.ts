import { realFftInverse } from '../fft';
import type { RealFft } from '../fft';

/**
 * The inter-channel delay of a stereo signal from its cross-spectrum accumulated over
 * windowed frames: the inverse FFT of sum conj(L_k) R_k is the circular
 * cross-correlation r(tau) = sum_n l[n] r[n + tau] of the windowed frames, summed over
 * the frames. For R a copy of L delayed by d samples, r peaks at tau = d with the
 * signal's power times the window's autocorrelation at d; so
 *   rho(tau) = r(tau) / sqrt(El Er) / rho_w(|tau|)
 * (El, Er the windowed energies, rho_w from analysisWindow.ts) is the normalised
 * correlation at that lag: 1 for a pure delay, whatever the lag, 0 for independent
 * channels. Lags up to a quarter of the frame keep rho_w above 0.75 (analysisWindow.ts),
 * so the correction amplifies the estimator's noise by at most 1.33. The circular wrap
 * pairs lag tau with tau - N, where rho_w is at most 0.11 for |tau| <= N/4: a correlation
 * three quarters of a frame the other way (some 130 ms) shows at a tenth of its strength
 * at most, far below what a delay finding needs (HAAS_MIN_CORRELATION, findingFigures.ts).
 */
export interface InterChannelDelay {
  /** Lag with the largest |rho|, samples; positive: the right channel lags. */
  readonly lagSamples: number;
  /** rho at that lag, in [-1, 1] (negative: a delayed, polarity-inverted copy). */
  readonly correlation: number;
  /** rho at lag 0: the plain correlation of the channels. */
  readonly zeroLagCorrelation: number;
}

export function findInterChannelDelay(
  fft: RealFft,
  crossRe: Float64Array,
  crossIm: Float64Array,
  energyLeft: number,
  energyRight: number,
  windowCorrelation: Float64Array,
  minLag: number,
  maxLag: number,
  scratch: Float64Array,
): InterChannelDelay {
  const n = fft.size;
  const norm = Math.sqrt(energyLeft * energyRight);
  if (!(norm > 0)) return { lagSamples: 0, correlation: 0, zeroLagCorrelation: 0 };
  realFftInverse(fft, crossRe, crossIm, scratch);
  const last = Math.min(maxLag, windowCorrelation.length - 1, n / 2 - 1);
  const rho = (lag: number): number => {
    const r = scratch[lag >= 0 ? lag : n + lag]! / norm / windowCorrelation[Math.abs(lag)]!;
    return r > 1 ? 1 : r < -1 ? -1 : r;
  };
  let bestLag = 0;
  let best = 0;
  for (let lag = Math.max(1, minLag); lag <= last; lag++) {
    for (const signed of [lag, -lag]) {
      const value = rho(signed);
      if (Math.abs(value) > Math.abs(best)) {
        best = value;
        bestLag = signed;
      }
    }
  }
  return { lagSamples: bestLag, correlation: best, zeroLagCorrelation: rho(0) };
}

/**
 * The first `count` notches of the mono sum of a channel and its copy delayed by
 * `delaySec` (and scaled by `sign`), below `maxHz`: L + R = L (1 + sign e^(-i 2 pi f tau))
 * vanishes at f = (2k + 1) / (2 tau) for an in-phase copy and at f = k / tau for an
 * inverted one.
 */
export function combNotchFrequenciesHz(delaySec: number, sign: 1 | -1, count: number, maxHz: number): number[] {
  const tau = Math.abs(delaySec);
  if (!(tau > 0)) return [];
  const notches: number[] = [];
  for (let k = 0; notches.length < count; k++) {
    const hz = sign > 0 ? (2 * k + 1) / (2 * tau) : (k + 1) / tau;
    if (hz > maxHz) break;
    notches.push(hz);
  }
  return notches;
}
