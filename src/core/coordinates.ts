import { RADIANS_PER_DEGREE, wrapAzimuthDeg } from './units';
import type { Degrees, Metres } from './units';

/**
 * A position in ITU-R BS.2076 (ADM) polar form: azimuth 0 = front, positive towards the
 * listener's LEFT, in (-180, 180]; elevation 0 = ear height, +90 = overhead.
 */
export interface PolarPosition {
  readonly azimuthDeg: Degrees;
  readonly elevationDeg: Degrees;
  readonly distanceM: Metres;
}

/** A position on the scene's Cartesian axes: x to the right, y to the front, z up. */
export interface CartesianPosition {
  readonly x: Metres;
  readonly y: Metres;
  readonly z: Metres;
}

/** polarToCartesian's working space (its result is copied out at once). */
const scratch = new Float64Array(3);

/**
 * Polar to Cartesian, as ITU-R BS.2127 converts ADM positions (`cart` in the EBU ADM
 * Renderer, ear/common.py):
 *   x = -sin(az) cos(el) d,   y = cos(az) cos(el) d,   z = sin(el) d.
 * The minus sign makes positive azimuths (the left) point to negative x.
 */
export function polarToCartesian(position: PolarPosition): CartesianPosition {
  writePolarToCartesian(position.azimuthDeg, position.elevationDeg, position.distanceM, scratch);
  return { x: scratch[0]!, y: scratch[1]!, z: scratch[2]! };
}

/** `polarToCartesian` into out[0..2] (x, y, z), without allocating (for the renderer). */
export function writePolarToCartesian(azimuthDeg: Degrees, elevationDeg: Degrees, distanceM: Metres, out: Float64Array): void {
  const azimuthRad = azimuthDeg * RADIANS_PER_DEGREE;
  const elevationRad = elevationDeg * RADIANS_PER_DEGREE;
  const horizontalM = Math.cos(elevationRad) * distanceM;
  out[0] = -Math.sin(azimuthRad) * horizontalM;
  out[1] = Math.cos(azimuthRad) * horizontalM;
  out[2] = Math.sin(elevationRad) * distanceM;
}

/**
 * Cartesian to polar, the inverse of `polarToCartesian`:
 *   d = |(x, y, z)|,   az = atan2(-x, y) wrapped into (-180, 180],   el = atan2(z, hypot(x, y)).
 * At the origin the direction is undefined and (0, 0, 0) is returned; on the vertical
 * axis the azimuth is undefined and 0 is returned.
 */
export function cartesianToPolar(position: CartesianPosition): PolarPosition {
  const { x, y, z } = position;
  const horizontalM = Math.hypot(x, y);
  const azimuthDeg = horizontalM === 0 ? 0 : wrapAzimuthDeg(Math.atan2(-x, y) / RADIANS_PER_DEGREE);
  return {
    azimuthDeg,
    elevationDeg: Math.atan2(z, horizontalM) / RADIANS_PER_DEGREE,
    distanceM: Math.hypot(horizontalM, z),
  };
}
