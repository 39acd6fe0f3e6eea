import type { AmbisonicNormalization } from '../../core/scene/ambisonicStem';

/**
 * Real spherical harmonics as ITU-R BS.2127 (section 8, HOA) and BS.2076 define them for
 * HOA: for order n and degree m (|m| <= n), at azimuth az (BS.2076: positive to the left)
 * and elevation el,
 *   Y_nm = N_n|m| P_n|m|(sin el) * { sqrt2 cos(m az), m > 0;  1, m = 0;  sqrt2 sin(|m| az), m < 0 }
 * with P the associated Legendre function without the Condon-Shortley phase and N the
 * normalisation: N3D sqrt((2n + 1)(n - |m|)! / (n + |m|)!), SN3D the same without (2n + 1),
 * FuMa SN3D times Furse-Malham's weights (W at 1/sqrt2; orders up to 3). Channels are in
 * ACN order, acn = n^2 + n + m. So the first order's ACN 1, 2, 3 are the left (-x), up (z)
 * and front (y) components of the unit direction (SN3D).
 */

/** n! for the small n of HOA orders (2n <= 2 * 7). */
function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

/** Furse-Malham's weight over SN3D per (order n, |m|), orders 0 to 3. */
const FUMA_OVER_SN3D: readonly (readonly number[])[] = [
  [Math.SQRT1_2],
  [1, 1],
  [1, 2 / Math.sqrt(3), 2 / Math.sqrt(3)],
  [1, Math.sqrt(45 / 32), 3 / Math.sqrt(5), Math.sqrt(8 / 5)],
];

/** N_n|m| of `normalization`; throws for FuMa beyond order 3. */
export function normalizationFactor(n: number, absM: number, normalization: AmbisonicNormalization): number {
  const sn3d = Math.sqrt(factorial(n - absM) / factorial(n + absM));
  if (normalization === 'SN3D') return sn3d;
  if (normalization === 'N3D') return Math.sqrt(2 * n + 1) * sn3d;
  const weight = FUMA_OVER_SN3D[n]?.[absM];
  if (weight === undefined) throw new RangeError(`FuMa normalisation is defined up to order 3, not ${n}`);
  return sn3d * weight;
}

/** The order n and degree m of ACN channel `acn`. */
export function acnOrderDegree(acn: number): { readonly n: number; readonly m: number } {
  const n = Math.floor(Math.sqrt(acn));
  return { n, m: acn - n * n - n };
}

/**
 * Writes the (order + 1)^2 N3D spherical harmonics of unit direction (x, y, z) into `out`
 * in ACN order; `legendre` is scratch of at least (order + 1)^2. Allocation-free.
 */
export function writeSphericalHarmonicsN3D(order: number, x: number, y: number, z: number, out: Float64Array, legendre: Float64Array): void {
  const azimuth = Math.atan2(-x, y);
  const t = Math.max(-1, Math.min(1, z));
  const c = Math.sqrt(Math.max(0, 1 - t * t));
  // P_n^m(t) stored at n^2 + n + m for m >= 0: P_m^m = (2m - 1)!! c^m, P_{m+1}^m = t (2m + 1) P_m^m,
  // then (n - m) P_n^m = (2n - 1) t P_{n-1}^m - (n + m - 1) P_{n-2}^m.
  let diagonal = 1;
  for (let m = 0; m <= order; m++) {
    if (m > 0) diagonal *= (2 * m - 1) * c;
    legendre[m * m + 2 * m] = diagonal;
    if (m + 1 <= order) legendre[(m + 1) * (m + 1) + (m + 1) + m] = t * (2 * m + 1) * diagonal;
    for (let n = m + 2; n <= order; n++) {
      const previous = legendre[(n - 1) * (n - 1) + (n - 1) + m]!;
      const before = legendre[(n - 2) * (n - 2) + (n - 2) + m]!;
      legendre[n * n + n + m] = ((2 * n - 1) * t * previous - (n + m - 1) * before) / (n - m);
    }
  }
  for (let n = 0; n <= order; n++) {
    const centre = n * n + n;
    out[centre] = normalizationFactor(n, 0, 'N3D') * legendre[centre]!;
    for (let m = 1; m <= n; m++) {
      const scale = normalizationFactor(n, m, 'N3D') * legendre[centre + m]! * Math.SQRT2;
      out[centre + m] = scale * Math.cos(m * azimuth);
      out[centre - m] = scale * Math.sin(m * azimuth);
    }
  }
}
