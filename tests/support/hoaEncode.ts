import { ambisonicChannelAcns } from '../../src/core/scene/ambisonicStem';
import type { AmbisonicChannelOrder, AmbisonicNormalization } from '../../src/core/scene/ambisonicStem';
import { acnOrderDegree, normalizationFactor, writeSphericalHarmonicsN3D } from '../../src/dsp/ambisonics/sphericalHarmonics';

const RADIANS = Math.PI / 180;

/**
 * A plane wave's encoding gains from (azimuth, elevation), one per stem channel of an HOA
 * stem of `order` in `normalization` and `channelOrder` (BS.2076 axes: azimuth to the left).
 */
export function planeWaveGains(order: number, azimuthDeg: number, elevationDeg: number, normalization: AmbisonicNormalization = 'SN3D', channelOrder: AmbisonicChannelOrder = 'ACN'): Float64Array {
  const count = (order + 1) ** 2;
  const n3d = new Float64Array(count);
  const a = azimuthDeg * RADIANS;
  const e = elevationDeg * RADIANS;
  writeSphericalHarmonicsN3D(order, -Math.sin(a) * Math.cos(e), Math.cos(a) * Math.cos(e), Math.sin(e), n3d, new Float64Array(count));
  return Float64Array.from(ambisonicChannelAcns(order, channelOrder), (acn) => {
    const { n, m } = acnOrderDegree(acn);
    return (n3d[acn]! * normalizationFactor(n, Math.abs(m), normalization)) / normalizationFactor(n, Math.abs(m), 'N3D');
  });
}

/** A stem carrying `signal` as a plane wave: channel c is signal times gains[c]. */
export function encodeStem(gains: Float64Array, signal: Float32Array): Float32Array[] {
  return Array.from(gains, (g) => signal.map((s) => s * g));
}
