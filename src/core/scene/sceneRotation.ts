import type { ListenerOrientation } from './scene';
import { wrapAzimuthDeg } from '../units';
import type { Degrees } from '../units';

/**
 * "Scene rotation", a mix parameter: how far the whole scene is turned, in degrees,
 * positive to the LEFT (counter-clockwise seen from above, the ADM azimuth direction), so
 * a source at azimuth 0 is heard at +rotation. It is in the scene, the undo history, every
 * export and the command line's renders.
 *
 * The scene file (format version 1) keeps it as it always has, as the listener's
 * orientation (`listener`, core/orientation.ts): a head turned the other way, so
 * `listener.yawDeg` = -rotation. Pitch and roll stay as the file has them. These two
 * functions are the one place the sign changes.
 *
 * Not to be confused with the monitor head (the state's monitorHead): where the engineer's
 * own head points while listening, heard on top of the scene rotation, never exported.
 */
export function sceneRotationDeg(listener: ListenerOrientation): Degrees {
  return opposite(listener.yawDeg);
}

/** The listener yaw that the file stores for a scene rotation of `rotationDeg`, wrapped into (-180, 180]. */
export function listenerYawForSceneRotation(rotationDeg: Degrees): Degrees {
  return opposite(rotationDeg);
}

/** The angle turned the other way, wrapped into (-180, 180]; `0 - x` keeps -0 out of the scene. */
function opposite(angleDeg: Degrees): Degrees {
  return wrapAzimuthDeg(0 - angleDeg);
}

