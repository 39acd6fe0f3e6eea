/**
 * The analysis frame's window: flat, with quarter-sine tapers over the first and last
 * quarter of the frame,
 *   w[n] = sin(pi/2 (n + 1/2) / T) for n < T,  1 in the middle,  mirrored at the end,
 * T = N/4. At the analyser's hop of 3N/4 the taper of one frame overlaps the other's
 * exactly, where sin^2 + cos^2 = 1: the squared windows add up to exactly 1 at every
 * sample, so each sample counts once in the energy sums (sum_frames |X|^2 / N = sum x^2,
 * Parseval) with one transform per 3/4 frame. Its spectral leakage falls off at 12 dB
 * per octave (about -50 dB ten bins away, -97 dB 160 bins away), far below what a
 * third-octave band's figures resolve.
 */
export function analysisWindow(size: number): Float64Array {
  const taper = size / 4;
  const w = new Float64Array(size).fill(1);
  for (let n = 0; n < taper; n++) {
    const rise = Math.sin((Math.PI / 2) * ((n + 0.5) / taper));
    w[n] = rise;
    w[size - 1 - n] = rise;
  }
  return w;
}

/** Samples between frames for analysisWindow: 3/4 of the frame. */
export function analysisWindowHop(size: number): number {
  return (3 * size) / 4;
}

export function sumOfSquares(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  return sum;
}

/**
 * The window's own autocorrelation against lag 0, rho_w(tau) = sum_n w[n] w[n + tau] /
 * sum_n w[n]^2, for tau = 0 .. maxLag: a cross-correlation measured through windowed
 * frames is the signals' correlation times this, so dividing by it undoes the window.
 */
export function windowAutocorrelation(window: Float64Array, maxLag: number): Float64Array {
  const n = window.length;
  const out = new Float64Array(maxLag + 1);
  const zero = sumOfSquares(window);
  for (let lag = 0; lag <= maxLag && lag < n; lag++) {
    let sum = 0;
    for (let i = 0; i + lag < n; i++) sum += window[i]! * window[i + lag]!;
    out[lag] = sum / zero;
  }
  return out;
}
