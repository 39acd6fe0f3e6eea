import { describe, expect, it } from 'vitest';
import { headRotationMatrix } from '../../../../src/core/orientation';
import type { HeadOrientation } from '../../../../src/core/orientation';
import { createShRotation, MAX_ROTATION_ORDER, rotationBlockOffset, setShRotation } from '../../../../src/dsp/ambisonics/shRotation';
import type { ShRotation } from '../../../../src/dsp/ambisonics/shRotation';
import { writeSphericalHarmonicsN3D } from '../../../../src/dsp/ambisonics/sphericalHarmonics';

/** A seeded generator (xorshift), so a failure is reproducible. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function randomOrientation(next: () => number): HeadOrientation {
  return { yawDeg: 360 * next() - 180, pitchDeg: 180 * next() - 90, rollDeg: 360 * next() - 180 };
}

function matrixOf(orientation: HeadOrientation): Float64Array {
  const q = new Float64Array(9);
  headRotationMatrix(orientation, q);
  return q;
}

/** SN3D harmonics of unit direction d, orders 0 to `order` (N3D / sqrt(2n + 1)). */
function harmonics(order: number, d: readonly number[]): Float64Array {
  const count = (order + 1) ** 2;
  const out = new Float64Array(count);
  writeSphericalHarmonicsN3D(order, d[0]!, d[1]!, d[2]!, out, new Float64Array(count));
  for (let n = 0; n <= order; n++) for (let acn = n * n; acn < (n + 1) * (n + 1); acn++) out[acn] = out[acn]! / Math.sqrt(2 * n + 1);
  return out;
}

/** Entry (row, column) of order n's block, rows and columns by degree m = -n..n. */
function entry(r: ShRotation, n: number, row: number, column: number): number {
  return r.blocks[rotationBlockOffset(n) + (row + n) * (2 * n + 1) + (column + n)]!;
}

/** R applied to an ACN vector. */
function apply(r: ShRotation, y: Float64Array): Float64Array {
  const out = new Float64Array(y.length);
  for (let n = 0; n <= r.order; n++) {
    for (let m = -n; m <= n; m++) {
      let sum = 0;
      for (let k = -n; k <= n; k++) sum += entry(r, n, m, k) * y[n * n + n + k]!;
      out[n * n + n + m] = sum;
    }
  }
  return out;
}

function rotationOf(q: Float64Array, order = MAX_ROTATION_ORDER): ShRotation {
  const r = createShRotation(order);
  setShRotation(r, q);
  return r;
}

const next = random(20261206);
const orientations = Array.from({ length: 20 }, () => randomOrientation(next));

describe('spherical-harmonic rotation (Ivanic and Ruedenberg recursion), orders 0 to 7', () => {
  it('is orthogonal: R R^T = I per order within 1e-12, for 20 random rotations', () => {
    let worst = 0;
    for (const orientation of orientations) {
      const r = rotationOf(matrixOf(orientation));
      for (let n = 0; n <= MAX_ROTATION_ORDER; n++) {
        for (let a = -n; a <= n; a++) {
          for (let b = -n; b <= n; b++) {
            let sum = 0;
            for (let k = -n; k <= n; k++) sum += entry(r, n, a, k) * entry(r, n, b, k);
            worst = Math.max(worst, Math.abs(sum - (a === b ? 1 : 0)));
          }
        }
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('turns the harmonics of a direction d into those of Q d (every order to 7, within 1e-10)', () => {
    let worst = 0;
    for (const orientation of orientations) {
      const q = matrixOf(orientation);
      const r = rotationOf(q);
      for (let t = 0; t < 10; t++) {
        const z = 2 * next() - 1;
        const phi = 2 * Math.PI * next();
        const s = Math.sqrt(1 - z * z);
        const d = [s * Math.cos(phi), s * Math.sin(phi), z];
        const turned = [0, 1, 2].map((i) => q[3 * i]! * d[0]! + q[3 * i + 1]! * d[1]! + q[3 * i + 2]! * d[2]!);
        const expected = harmonics(MAX_ROTATION_ORDER, turned);
        apply(r, harmonics(MAX_ROTATION_ORDER, d)).forEach((v, acn) => (worst = Math.max(worst, Math.abs(v - expected[acn]!))));
      }
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it('composes: R(Qa) R(Qb) = R(Qa Qb) within 1e-12', () => {
    let worst = 0;
    for (let t = 0; t + 1 < orientations.length; t += 2) {
      const qa = matrixOf(orientations[t]!);
      const qb = matrixOf(orientations[t + 1]!);
      const qab = new Float64Array(9);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) qab[3 * i + j] = qab[3 * i + j]! + qa[3 * i + k]! * qb[3 * k + j]!;
      const [ra, rb, rab] = [rotationOf(qa), rotationOf(qb), rotationOf(qab)];
      for (let n = 0; n <= MAX_ROTATION_ORDER; n++) {
        for (let a = -n; a <= n; a++) {
          for (let b = -n; b <= n; b++) {
            let sum = 0;
            for (let k = -n; k <= n; k++) sum += entry(ra, n, a, k) * entry(rb, n, k, b);
            worst = Math.max(worst, Math.abs(sum - entry(rab, n, a, b)));
          }
        }
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('a yaw of 60 degrees to the left moves a wave from azimuth 30 to azimuth 90 (order 3, 1e-12), and the identity is exactly I (zeros of either sign)', () => {
    const r = rotationOf(matrixOf({ yawDeg: 60, pitchDeg: 0, rollDeg: 0 }), 3);
    const from = harmonics(3, [-Math.sin(Math.PI / 6), Math.cos(Math.PI / 6), 0]);
    const to = harmonics(3, [-1, 0, 0]);
    apply(r, from).forEach((v, acn) => expect(Math.abs(v - to[acn]!)).toBeLessThan(1e-12));
    const identity = rotationOf(matrixOf({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 }));
    for (let n = 0; n <= MAX_ROTATION_ORDER; n++) for (let a = -n; a <= n; a++) for (let b = -n; b <= n; b++) expect(entry(identity, n, a, b) === (a === b ? 1 : 0)).toBe(true);
  });

  it('refuses an order beyond 7', () => {
    expect(() => createShRotation(8)).toThrow(/order from 0 to 7, not 8/);
  });
});
