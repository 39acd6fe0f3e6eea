/**
 * Whether one channel is a scaled copy of the other, b = k a, so that its spectrum is k
 * times the other's and needs no transform of its own. A static mono object panned to
 * stereo is exactly that (both channels are the object's signal times a pan gain), and
 * so is a mono stem in both channels of a file; anything filtered, delayed or mixed
 * differently per channel is not.
 *
 * The renderer's Float32 output rounds each channel separately (relative 2^-24 per
 * rounding), so the residual b - k a of a true copy is near 2^-24 of the signal, about
 * -144 dB. b counts as k a, k the least-squares factor, when the residual's energy is
 * below SCALED_COPY_TOLERANCE^2 of b's:
 *   sum_n (b[n] - k a[n])^2 <= SCALED_COPY_TOLERANCE^2 sum_n b[n]^2.
 * Taking b as k a then changes the channel's broadband moments by at most about twice
 * SCALED_COPY_TOLERANCE, relatively (below 1e-4 dB), far under what the analysis reports.
 */
export const SCALED_COPY_TOLERANCE = 1e-6;

/**
 * Samples compared first, so that a non-copy is rejected without a pass over the frame:
 * with k read at the largest of them, each must agree within SPOT_TOLERANCE of that
 * sample's size (a copy agrees within a few Float32 roundings, 1e-7).
 */
const SPOT_CHECKS = 16;
const SPOT_TOLERANCE = 1e-4;

/**
 * k with b = k a (within SCALED_COPY_TOLERANCE), or NaN when b is not a scaled copy of a
 * (or a is all zeros). Allocation-free.
 */
export function scaledCopyFactor(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const step = Math.max(1, Math.floor(n / SPOT_CHECKS));
  let reference = -1;
  let peak = 0;
  for (let i = step >> 1; i < n; i += step) {
    const magnitude = Math.abs(a[i]!);
    if (magnitude > peak) {
      peak = magnitude;
      reference = i;
    }
  }
  if (reference < 0) reference = firstNonZero(a);
  if (reference < 0) return NaN;
  const spotK = b[reference]! / a[reference]!;
  const spotLimit = SPOT_TOLERANCE * Math.abs(b[reference]!);
  for (let i = step >> 1; i < n; i += step) {
    if (Math.abs(b[i]! - spotK * a[i]!) > spotLimit) return NaN;
  }
  let ab = 0;
  let aa = 0;
  for (let i = 0; i < n; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
  }
  const k = ab / aa;
  let residualEnergy = 0;
  let energy = 0;
  for (let i = 0; i < n; i++) {
    const y = b[i]!;
    const residual = y - k * a[i]!;
    residualEnergy += residual * residual;
    energy += y * y;
  }
  return residualEnergy <= SCALED_COPY_TOLERANCE * SCALED_COPY_TOLERANCE * energy ? k : NaN;
}

function firstNonZero(a: Float64Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return i;
  return -1;
}
