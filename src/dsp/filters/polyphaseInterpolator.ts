import { besselI0 } from '../besselI0';

/**
 * Design of an L-times polyphase interpolator: a Kaiser-windowed sinc low-pass at the
 * input Nyquist frequency, split into its L phases (Crochiere and Rabiner, "Multirate
 * Digital Signal Processing", 1983, ch. 3; Kaiser window as in J. F. Kaiser, "Nonrecursive
 * digital filter design using the I0-sinh window function", ISCAS 1974).
 *
 * Prototype at the output rate L fs, of odd length N = L T + 1 centred on c = L T / 2:
 *   h[n] = sinc((n - c) / L) w((n - c) / (c + 1)),   w(x) = I0(beta sqrt(1 - x^2)) / I0(beta).
 * The cutoff is exactly the input Nyquist frequency, so h is an L-th band ("Nyquist")
 * filter: h[c + kL] = 0 for k != 0. Phase 0 is therefore the input itself (delayed by T/2
 * samples) and only phases 1 .. L-1 need arithmetic: phase p has the T taps
 *   g_p[j] = h[p + jL],  j = 0 .. T-1,   y[mL + p] = sum_j g_p[j] x[m - j],
 * each phase normalised to unit DC gain so constant signals interpolate exactly.
 * T must be even (so c is a multiple of L).
 */
export interface PolyphaseInterpolatorDesign {
  readonly factor: number;
  /** Taps per phase (input samples spanned). */
  readonly tapsPerPhase: number;
  /**
   * Phases 1 .. factor-1, each `tapsPerPhase` taps, stored newest-last for an ascending
   * dot product with the history oldest-first: coefficients[(p - 1) T + k] = g_p[T - 1 - k].
   */
  readonly coefficients: Float64Array;
}

export function designPolyphaseInterpolator(factor: number, tapsPerPhase: number, kaiserBeta: number): PolyphaseInterpolatorDesign {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`interpolation factor must be a positive integer, got ${factor}`);
  if (!Number.isInteger(tapsPerPhase) || tapsPerPhase < 2 || tapsPerPhase % 2 !== 0) {
    throw new RangeError(`taps per phase must be an even integer >= 2, got ${tapsPerPhase}`);
  }
  const centre = (factor * tapsPerPhase) / 2;
  const coefficients = new Float64Array((factor - 1) * tapsPerPhase);
  const i0Beta = besselI0(kaiserBeta);
  for (let p = 1; p < factor; p++) {
    let sum = 0;
    const row = (p - 1) * tapsPerPhase;
    for (let j = 0; j < tapsPerPhase; j++) {
      const n = p + j * factor;
      const t = (n - centre) / factor;
      const x = (n - centre) / (centre + 1);
      const window = besselI0(kaiserBeta * Math.sqrt(Math.max(0, 1 - x * x))) / i0Beta;
      const value = (Math.sin(Math.PI * t) / (Math.PI * t)) * window;
      coefficients[row + tapsPerPhase - 1 - j] = value;
      sum += value;
    }
    for (let k = 0; k < tapsPerPhase; k++) coefficients[row + k] = coefficients[row + k]! / sum;
  }
  return { factor, tapsPerPhase, coefficients };
}
