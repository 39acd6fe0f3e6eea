import type { FrameSpectrum } from './frameSpectrum';

/**
 * A linear time-invariant stereo filter applied to an analysis frame's spectrum: per bin
 * k a 2x2 complex matrix, L' = a L + b R and R' = c L + d R, stored as MATRIX_STRIDE
 * numbers per bin (a, b, c, d, each real then imaginary part).
 *
 * Multiplying a windowed frame's spectrum by a filter's response stands for the frame of
 * the filtered signal. The two differ only where the window changes within the filter's
 * length (the frame's tapers) and by the part of the filter's ringing that wraps past the
 * frame's end; for filters a few hundred samples long (HRIRs, the mid/side stage's
 * biquads well above 20 Hz) against the analysis frame's 2048-sample tapers, that is a
 * small fraction of a frame's energy, and it averages out over the programme.
 */
export const MATRIX_STRIDE = 8;

/**
 * into <- matrix from, bin by bin (a scaled-copy right channel is expanded); `into` may be
 * `from`. Allocation-free.
 */
export function applySpectralMatrix(from: FrameSpectrum, matrix: Float64Array, into: FrameSpectrum): void {
  const scale = from.rightScale;
  into.silent = from.silent;
  into.rightScale = NaN;
  if (from.silent) return;
  const { lr, li, rr, ri } = from;
  const copy = !Number.isNaN(scale);
  const { lr: olr, li: oli, rr: orr, ri: ori } = into;
  for (let k = 0, m = 0; k < lr.length; k++, m += MATRIX_STRIDE) {
    const xr = lr[k]!, xi = li[k]!;
    // R = scale L when the right channel is a scaled copy (its arrays are then unfilled).
    const yr = copy ? scale * xr : rr[k]!;
    const yi = copy ? scale * xi : ri[k]!;
    const ar = matrix[m]!, ai = matrix[m + 1]!, br = matrix[m + 2]!, bi = matrix[m + 3]!;
    const cr = matrix[m + 4]!, ci = matrix[m + 5]!, dr = matrix[m + 6]!, di = matrix[m + 7]!;
    olr[k] = ar * xr - ai * xi + br * yr - bi * yi;
    oli[k] = ar * xi + ai * xr + br * yi + bi * yr;
    orr[k] = cr * xr - ci * xi + dr * yr - di * yi;
    ori[k] = cr * xi + ci * xr + dr * yi + di * yr;
  }
}

/**
 * The matrix's (a, b, c, d) when they are the same real numbers at every bin (plain
 * gains, as the stereo fold-down's), else null: such a filter takes the cheaper
 * applyRealGains.
 */
export function constantRealGains(matrix: Float64Array): Float64Array | null {
  for (let m = 0; m < matrix.length; m += MATRIX_STRIDE) {
    for (let j = 0; j < MATRIX_STRIDE; j += 2) {
      if (matrix[m + j + 1] !== 0 || matrix[m + j] !== matrix[j]) return null;
    }
  }
  return Float64Array.of(matrix[0]!, matrix[2]!, matrix[4]!, matrix[6]!);
}

/**
 * into <- gains from, for real gains (a, b, c, d) at every bin (constantRealGains): the
 * same as applySpectralMatrix, but a scaled-copy right channel stays one (R' = k' L'),
 * so the input keeps costing one channel's sums. `into` may be `from`. Allocation-free.
 */
export function applyRealGains(from: FrameSpectrum, gains: Float64Array, into: FrameSpectrum): void {
  const a = gains[0]!, b = gains[1]!, c = gains[2]!, d = gains[3]!;
  const scale = from.rightScale;
  into.silent = from.silent;
  into.rightScale = NaN;
  if (from.silent) return;
  const { lr, li, rr, ri } = from;
  const { lr: olr, li: oli, rr: orr, ri: ori } = into;
  if (!Number.isNaN(scale)) {
    // L' = (a + b k) L and R' = (c + d k) L: a scaled copy again, unless L' is silent.
    const left = a + b * scale;
    const right = c + d * scale;
    if (left !== 0) {
      for (let k = 0; k < lr.length; k++) {
        olr[k] = left * lr[k]!;
        oli[k] = left * li[k]!;
      }
      into.rightScale = right / left;
      return;
    }
    for (let k = 0; k < lr.length; k++) {
      orr[k] = right * lr[k]!;
      ori[k] = right * li[k]!;
      olr[k] = 0;
      oli[k] = 0;
    }
    into.silent = right === 0;
    return;
  }
  for (let k = 0; k < lr.length; k++) {
    const xr = lr[k]!, xi = li[k]!, yr = rr[k]!, yi = ri[k]!;
    olr[k] = a * xr + b * yr;
    oli[k] = a * xi + b * yi;
    orr[k] = c * xr + d * yr;
    ori[k] = c * xi + d * yi;
  }
}
