/**
 * The analysis frame's window: periodic Hann, w[n] = 0.5 - 0.5 cos(2 pi n / N). With a
 * hop of N/2 every sample is covered by two frames (the squared window overlaps to
 * between 1/2 and 1 of its peak, 3/4 on average, which the energy scaling accounts for).
 */
export function hannWindow(size: number): Float64Array {
  const w = new Float64Array(size);
  for (let n = 0; n < size; n++) w[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / size);
  return w;
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
