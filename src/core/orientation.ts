import { RADIANS_PER_DEGREE } from './units';
import type { Degrees } from './units';

/**
 * The listener's head orientation as a rotation of the scene axes (x right, y front,
 * z up): R = Rz(yaw) Rx(pitch) Ry(roll), applied in that order of nesting, with
 *   yaw   about z, positive turning to the LEFT (the ADM azimuth direction),
 *   pitch about x, positive raising the nose,
 *   roll  about y, positive lowering the right ear.
 * A world direction w is heard from head-relative direction R^T w.
 */
export interface HeadOrientation {
  readonly yawDeg: Degrees;
  readonly pitchDeg: Degrees;
  readonly rollDeg: Degrees;
}

/** Writes R (row-major, 9 values) for `orientation` into `out`. */
export function headRotationMatrix(orientation: HeadOrientation, out: Float64Array): void {
  const cy = Math.cos(orientation.yawDeg * RADIANS_PER_DEGREE);
  const sy = Math.sin(orientation.yawDeg * RADIANS_PER_DEGREE);
  const cp = Math.cos(orientation.pitchDeg * RADIANS_PER_DEGREE);
  const sp = Math.sin(orientation.pitchDeg * RADIANS_PER_DEGREE);
  const cr = Math.cos(orientation.rollDeg * RADIANS_PER_DEGREE);
  const sr = Math.sin(orientation.rollDeg * RADIANS_PER_DEGREE);
  // Rz(yaw) * Rx(pitch) * Ry(roll), multiplied out.
  out[0] = cy * cr - sy * sp * sr;
  out[1] = -sy * cp;
  out[2] = cy * sr + sy * sp * cr;
  out[3] = sy * cr + cy * sp * sr;
  out[4] = cy * cp;
  out[5] = sy * sr - cy * sp * cr;
  out[6] = -cp * sr;
  out[7] = sp;
  out[8] = cp * cr;
}

/** Head-relative vector R^T (x, y, z) written into out[0..2]. Allocation-free. */
export function worldToHead(rotation: Float64Array, x: number, y: number, z: number, out: Float64Array): void {
  out[0] = rotation[0]! * x + rotation[3]! * y + rotation[6]! * z;
  out[1] = rotation[1]! * x + rotation[4]! * y + rotation[7]! * z;
  out[2] = rotation[2]! * x + rotation[5]! * y + rotation[8]! * z;
}
