/**
 * The rotation of real spherical harmonics (ACN order, orders 0 to 7; SN3D and N3D alike,
 * which differ by one factor per order): for a 3 x 3 rotation Q of directions, the matrix
 * R(Q) with R(Q) Y(d) = Y(Q d) for every unit direction d, so a sound field encoded with
 * Y is turned by Q when its channels are multiplied by R(Q). R is block diagonal, one
 * (2n + 1) x (2n + 1) block per order n; rotations compose as R(Q1 Q2) = R(Q1) R(Q2).
 *
 * Computed by the recursion of Ivanic and Ruedenberg ("Rotation matrices for real
 * spherical harmonics. Direct determination by recursion", J. Phys. Chem. 100 (1996)
 * 6342-6347, with the corrections of J. Phys. Chem. A 102 (1998) 9099-9100): order n's
 * block from order 1's and order n - 1's, each entry
 *   R^n_{m m'} = u U + v V + w W,
 * with u, v, w the paper's coefficients of (n, m, m') and U, V, W sums of products of an
 * order-1 entry and an order n - 1 entry. The paper's real harmonics of order 1 are
 * (y', z', x') for m = -1, 0, 1 in a right-handed frame; ours (sphericalHarmonics.ts:
 * ACN 1, 2, 3 = left, up, front) are that basis with x' = front, y' = left, z' = up, so
 * order 1's block is Q written in that frame, and the recursion gives the rest in ACN.
 */

/** The highest order the scene takes (BS.2076 HOA stems of order 0 to 7). */
export const MAX_ROTATION_ORDER = 7;

/** Where order n's block starts in ShRotation.blocks: the sum of (2k + 1)^2 for k < n. */
export function rotationBlockOffset(n: number): number {
  return (n * (2 * n - 1) * (2 * n + 1)) / 3;
}

export interface ShRotation {
  readonly order: number;
  /**
   * The blocks, order 0 to `order`: order n's (2n + 1)^2 entries at rotationBlockOffset(n),
   * row-major, rows and columns by degree m = -n..n (the order's ACN channels in order).
   */
  readonly blocks: Float64Array;
  /** The recursion's coefficients u, v, w of every entry (three per entry of `blocks`), computed at set-up. */
  readonly coefficients: Float64Array;
}

/** Storage for rotations up to `order` (set-up: allocates); set it with setShRotation. */
export function createShRotation(order: number): ShRotation {
  if (!Number.isInteger(order) || order < 0 || order > MAX_ROTATION_ORDER) {
    throw new RangeError(`a spherical-harmonic rotation takes an order from 0 to ${MAX_ROTATION_ORDER}, not ${order}`);
  }
  const blocks = new Float64Array(rotationBlockOffset(order + 1));
  blocks[0] = 1;
  const coefficients = new Float64Array(3 * blocks.length);
  for (let n = 2; n <= order; n++) writeOrderCoefficients(coefficients, n);
  return { order, blocks, coefficients };
}

/** The paper's u, v, w for every entry (m, m') of order n's block. */
function writeOrderCoefficients(coefficients: Float64Array, n: number): void {
  const size = 2 * n + 1;
  const offset = rotationBlockOffset(n);
  for (let m = -n; m <= n; m++) {
    const absM = Math.abs(m);
    const centre = m === 0 ? 1 : 0;
    for (let mp = -n; mp <= n; mp++) {
      const denominator = Math.abs(mp) < n ? (n + mp) * (n - mp) : 2 * n * (2 * n - 1);
      const at = 3 * (offset + (m + n) * size + (mp + n));
      coefficients[at] = Math.sqrt(((n + m) * (n - m)) / denominator);
      coefficients[at + 1] = 0.5 * Math.sqrt(((1 + centre) * (n + absM - 1) * (n + absM)) / denominator) * (1 - 2 * centre);
      coefficients[at + 2] = -0.5 * Math.sqrt(((n - absM - 1) * (n - absM)) / denominator) * (1 - centre);
    }
  }
}

/** Project axis (x right 0, y front 1, z up 2) and sign of the direction component each order-1 channel (ACN 1, 2, 3) holds. */
const ORDER_ONE_AXIS: readonly number[] = [0, 2, 1];
const ORDER_ONE_SIGN: readonly number[] = [-1, 1, 1];

/**
 * Writes R(Q) into `rotation`, Q a rotation of directions (row-major 3 x 3, in the
 * project's axes: d turns to Q d; orthogonal with determinant 1). Allocation-free.
 */
export function setShRotation(rotation: ShRotation, q: Float64Array): void {
  const blocks = rotation.blocks;
  blocks[0] = 1;
  if (rotation.order === 0) return;
  // Order 1: Q in the harmonics' frame, entry (a, b) = s_a s_b Q[axis_a][axis_b].
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      blocks[1 + 3 * a + b] = ORDER_ONE_SIGN[a]! * ORDER_ONE_SIGN[b]! * q[3 * ORDER_ONE_AXIS[a]! + ORDER_ONE_AXIS[b]!]!;
    }
  }
  for (let n = 2; n <= rotation.order; n++) writeOrderBlock(blocks, rotation.coefficients, n);
}

/** Order n's block from order 1's and order n - 1's (Ivanic and Ruedenberg's recursion, with the 1998 corrections). */
function writeOrderBlock(blocks: Float64Array, coefficients: Float64Array, n: number): void {
  const size = 2 * n + 1;
  const offset = rotationBlockOffset(n);
  for (let m = -n; m <= n; m++) {
    for (let mp = -n; mp <= n; mp++) {
      const index = offset + (m + n) * size + (mp + n);
      const u = coefficients[3 * index]!;
      const v = coefficients[3 * index + 1]!;
      const w = coefficients[3 * index + 2]!;
      let entry = 0;
      if (u !== 0) entry += u * termP(blocks, 0, n, m, mp);
      if (v !== 0) entry += v * termV(blocks, n, m, mp);
      if (w !== 0) entry += w * termW(blocks, n, m, mp);
      blocks[index] = entry;
    }
  }
}

/** Order 1's entry (i, j), i and j in -1..1. */
function orderOne(blocks: Float64Array, i: number, j: number): number {
  return blocks[1 + 3 * (i + 1) + (j + 1)]!;
}

/** Order n - 1's entry (a, b). */
function previous(blocks: Float64Array, n: number, a: number, b: number): number {
  const p = n - 1;
  return blocks[rotationBlockOffset(p) + (a + p) * (2 * p + 1) + (b + p)]!;
}

/** The paper's function P(i, n, a, b): an order-1 entry of row i times order n - 1's row a, the column b taken to the edge for |b| = n. */
function termP(blocks: Float64Array, i: number, n: number, a: number, b: number): number {
  if (b === n) return orderOne(blocks, i, 1) * previous(blocks, n, a, n - 1) - orderOne(blocks, i, -1) * previous(blocks, n, a, 1 - n);
  if (b === -n) return orderOne(blocks, i, 1) * previous(blocks, n, a, 1 - n) + orderOne(blocks, i, -1) * previous(blocks, n, a, n - 1);
  return orderOne(blocks, i, 0) * previous(blocks, n, a, b);
}

function termV(blocks: Float64Array, n: number, m: number, mp: number): number {
  if (m === 0) return termP(blocks, 1, n, 1, mp) + termP(blocks, -1, n, -1, mp);
  if (m > 0) {
    const edge = m === 1 ? 1 : 0;
    return termP(blocks, 1, n, m - 1, mp) * Math.sqrt(1 + edge) - termP(blocks, -1, n, 1 - m, mp) * (1 - edge);
  }
  const edge = m === -1 ? 1 : 0;
  return termP(blocks, 1, n, m + 1, mp) * (1 - edge) + termP(blocks, -1, n, -m - 1, mp) * Math.sqrt(1 + edge);
}

function termW(blocks: Float64Array, n: number, m: number, mp: number): number {
  if (m > 0) return termP(blocks, 1, n, m + 1, mp) + termP(blocks, -1, n, -m - 1, mp);
  return termP(blocks, 1, n, m - 1, mp) - termP(blocks, -1, n, 1 - m, mp);
}
