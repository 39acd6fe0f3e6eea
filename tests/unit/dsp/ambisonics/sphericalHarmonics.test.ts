import { describe, expect, it } from 'vitest';
import { fibonacciSphere } from '../../../../src/dsp/ambisonics/sphereGrid';
import { acnOrderDegree, normalizationFactor, writeSphericalHarmonicsN3D } from '../../../../src/dsp/ambisonics/sphericalHarmonics';

const RAD = Math.PI / 180;

/** The SN3D harmonics of orders 0 to 3 at (azimuth, elevation), from N3D. */
function sn3d(azimuthDeg: number, elevationDeg: number, order = 2): number[] {
  const count = (order + 1) ** 2;
  const out = new Float64Array(count);
  const az = azimuthDeg * RAD;
  const el = elevationDeg * RAD;
  writeSphericalHarmonicsN3D(order, -Math.sin(az) * Math.cos(el), Math.cos(az) * Math.cos(el), Math.sin(el), out, new Float64Array(count));
  return Array.from(out, (v, acn) => {
    const { n } = acnOrderDegree(acn);
    return v / Math.sqrt(2 * n + 1);
  });
}

describe('real spherical harmonics (BS.2127 / AmbiX conventions)', () => {
  it('orders 1 and 2 in SN3D equal their closed forms (AmbiX: W, Y left, Z up, X front; 1e-12)', () => {
    for (const [azimuthDeg, elevationDeg] of [[0, 0], [90, 0], [-30, 20], [135, -40], [10, 80]] as const) {
      const a = azimuthDeg * RAD;
      const e = elevationDeg * RAD;
      const r3 = Math.sqrt(3) / 2;
      const expected = [
        1,
        Math.sin(a) * Math.cos(e),
        Math.sin(e),
        Math.cos(a) * Math.cos(e),
        r3 * Math.cos(e) ** 2 * Math.sin(2 * a),
        r3 * Math.sin(2 * e) * Math.sin(a),
        (3 * Math.sin(e) ** 2 - 1) / 2,
        r3 * Math.sin(2 * e) * Math.cos(a),
        r3 * Math.cos(e) ** 2 * Math.cos(2 * a),
      ];
      sn3d(azimuthDeg, elevationDeg).forEach((v, acn) => expect(Math.abs(v - expected[acn]!)).toBeLessThan(1e-12));
    }
  });

  it('N3D harmonics of orders 0 to 4 are orthonormal: the mean of Y_i Y_j over 5200 even points is the identity within 2e-3', () => {
    const order = 4;
    const count = (order + 1) ** 2;
    const points = fibonacciSphere(5200);
    const y = new Float64Array(count);
    const scratch = new Float64Array(count);
    const gram = new Float64Array(count * count);
    for (let k = 0; k < 5200; k++) {
      writeSphericalHarmonicsN3D(order, points[3 * k]!, points[3 * k + 1]!, points[3 * k + 2]!, y, scratch);
      for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) gram[i * count + j] = gram[i * count + j]! + (y[i]! * y[j]!) / 5200;
    }
    let worst = 0;
    for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) worst = Math.max(worst, Math.abs(gram[i * count + j]! - (i === j ? 1 : 0)));
    expect(worst).toBeLessThan(2e-3);
  });

  it('FuMa: W at 1/sqrt2 of SN3D, first order as SN3D, order 3 (m = 3) at sqrt(8/5); nothing beyond order 3', () => {
    expect(normalizationFactor(0, 0, 'FuMa')).toBeCloseTo(Math.SQRT1_2, 15);
    expect(normalizationFactor(1, 1, 'FuMa')).toBeCloseTo(normalizationFactor(1, 1, 'SN3D'), 15);
    expect(normalizationFactor(3, 3, 'FuMa') / normalizationFactor(3, 3, 'SN3D')).toBeCloseTo(Math.sqrt(8 / 5), 14);
    expect(() => normalizationFactor(4, 0, 'FuMa')).toThrow('FuMa normalisation is defined up to order 3, not 4');
  });
});
