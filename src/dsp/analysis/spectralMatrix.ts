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

/** spectrum <- matrix spectrum, bin by bin (a scaled-copy right channel is expanded). Allocation-free. */
export function applySpectralMatrix(spectrum: FrameSpectrum, matrix: Float64Array): void {
  if (spectrum.silent) return;
  const { lr, li, rr, ri } = spectrum;
  const scale = spectrum.rightScale;
  const copy = !Number.isNaN(scale);
  for (let k = 0, m = 0; k < lr.length; k++, m += MATRIX_STRIDE) {
    const xr = lr[k]!, xi = li[k]!;
    // R = scale L when the right channel is a scaled copy (its arrays are then unfilled).
    const yr = copy ? scale * xr : rr[k]!;
    const yi = copy ? scale * xi : ri[k]!;
    const ar = matrix[m]!, ai = matrix[m + 1]!, br = matrix[m + 2]!, bi = matrix[m + 3]!;
    const cr = matrix[m + 4]!, ci = matrix[m + 5]!, dr = matrix[m + 6]!, di = matrix[m + 7]!;
    lr[k] = ar * xr - ai * xi + br * yr - bi * yi;
    li[k] = ar * xi + ai * xr + br * yi + bi * yr;
    rr[k] = cr * xr - ci * xi + dr * yr - di * yi;
    ri[k] = cr * xi + ci * xr + dr * yi + di * yr;
  }
  spectrum.rightScale = NaN;
}
