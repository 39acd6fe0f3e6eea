import type { ObjectDivergence } from './objectBlock';
import { azimuthOf, clamp, copy3, elevationOf, writeDirection, writeFacingBasis } from './vector3';

/**
 * Object divergence (ITU-R BS.2127): the object becomes three, left, centre and right,
 * with power shares g_l = g_r = v / (v + 1) and g_c = (1 - v) / (v + 1) for the value v
 * (one source at 0, three equal at 0.5, the outer two at 1). Polar: the outer two at
 * azimuthRange either side of the position, turned with it (same distance); Cartesian:
 * at X -/+ positionRange, clipped to the cube.
 */

const basis = new Float64Array(9);
const offset = new Float64Array(3);

/**
 * Writes the sources' power shares into shares[0..] and positions into positions[3k..];
 * returns how many (1 or 3). Allocation-free.
 */
export function writeDivergedSources(
  position: Float64Array,
  divergence: ObjectDivergence,
  cartesian: boolean,
  shares: Float64Array,
  positions: Float64Array,
): number {
  const v = divergence.value;
  if (v === 0) {
    shares[0] = 1;
    copy3(position, 0, positions, 0);
    return 1;
  }
  shares[0] = v / (v + 1);
  shares[1] = (1 - v) / (v + 1);
  shares[2] = v / (v + 1);
  copy3(position, 0, positions, 3);
  if (cartesian) {
    const range = divergence.positionRange;
    for (let k = 0; k < 3; k++) {
      positions[k] = clamp(position[k]! + (k === 0 ? range : 0), -1, 1);
      positions[6 + k] = clamp(position[k]! - (k === 0 ? range : 0), -1, 1);
      positions[3 + k] = clamp(position[k]!, -1, 1);
    }
    return 3;
  }
  const x = position[0]!;
  const y = position[1]!;
  const z = position[2]!;
  const distance = Math.sqrt(x * x + y * y + z * z);
  writeFacingBasis(azimuthOf(x, y), elevationOf(x, y, z), basis);
  writeTurned(divergence.azimuthRange, distance, positions, 0);
  writeTurned(-divergence.azimuthRange, distance, positions, 6);
  return 3;
}

/** positions[o..o+2] = the point at (azimuthDeg, 0, distance) relative to the facing basis. */
function writeTurned(azimuthDeg: number, distance: number, positions: Float64Array, o: number): void {
  writeDirection(azimuthDeg, 0, distance, offset);
  for (let k = 0; k < 3; k++) {
    positions[o + k] = offset[0]! * basis[k]! + offset[1]! * basis[3 + k]! + offset[2]! * basis[6 + k]!;
  }
}
