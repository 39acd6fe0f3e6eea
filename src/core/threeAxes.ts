import { RADIANS_PER_DEGREE } from './units';
import type { Degrees } from './units';

/**
 * The one place where the scene's axes meet three.js's axes (DESIGN.md section 4).
 *
 * Scene axes: x to the right, y to the front, z up (ITU-R BS.2127 `cart`).
 * three.js axes: x to the right, y up, -z forward (the default camera looks down -z).
 *
 *   scene (x, y, z)  ->  three (x, z, -y)
 *   three (x, y, z)  ->  scene (x, -z, y)
 *
 * Both are rotations (determinant +1), so handedness is kept: a counter-clockwise turn
 * seen from above in the scene (towards the ADM left) is a positive rotation about
 * three's +y axis.
 */
export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Scene (x right, y front, z up) to three.js (x right, y up, -z front). */
export function sceneToThree(scene: Vec3): Vec3 {
  return { x: scene.x, y: scene.z, z: -scene.y };
}

/** three.js (x right, y up, -z front) to scene (x right, y front, z up); inverse of sceneToThree. */
export function threeToScene(three: Vec3): Vec3 {
  return { x: three.x, y: -three.z, z: three.y };
}

/**
 * The listener's yaw (degrees, positive turning to the LEFT, counter-clockwise seen from
 * above) as a three.js rotation about +y in radians. Rotating three's forward (0, 0, -1) by
 * +theta about +y gives (-sin theta, 0, -cos theta): at +90 degrees that is -x, the left.
 */
export function yawDegToThreeRotationY(yawDeg: Degrees): number {
  return yawDeg * RADIANS_PER_DEGREE;
}
