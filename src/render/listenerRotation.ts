import { headRotationMatrix } from '../core/orientation';
import type { HeadOrientation } from '../core/orientation';

/**
 * The rotation a renderer hears the scene through, and the one place its two parts meet:
 * - the scene rotation S (the scene's `listener`, a mix parameter: every render has it);
 * - the monitor head H (where the engineer's head points: the real-time host sets it for
 *   live monitoring only, so exports and the command line never have it; identity here).
 * Scene rotation first, then the head: a world direction w is heard from head-relative
 * direction H^T (S^T w) = (S H)^T w, so `composed` = S H, the matrix worldToHead takes
 * (row-major, core/orientation.ts). The head turns within the rotated scene.
 *
 * Changing either part recomposes at once; the objects glide to their new directions
 * (the renderer smooths movement). Allocation-free after creation.
 */
export interface ListenerRotation {
  readonly scene: Float64Array;
  readonly head: Float64Array;
  /** S H, what the renderer uses. */
  readonly composed: Float64Array;
}

const FACING_FRONT: HeadOrientation = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

export function createListenerRotation(scene: HeadOrientation): ListenerRotation {
  const rotation: ListenerRotation = { scene: new Float64Array(9), head: new Float64Array(9), composed: new Float64Array(9) };
  headRotationMatrix(scene, rotation.scene);
  headRotationMatrix(FACING_FRONT, rotation.head);
  compose(rotation);
  return rotation;
}

export function setSceneRotation(rotation: ListenerRotation, orientation: HeadOrientation): void {
  headRotationMatrix(orientation, rotation.scene);
  compose(rotation);
}

export function setHeadRotation(rotation: ListenerRotation, orientation: HeadOrientation): void {
  headRotationMatrix(orientation, rotation.head);
  compose(rotation);
}

/** composed = scene * head (3 x 3, row-major). */
function compose(rotation: ListenerRotation): void {
  const { scene: s, head: h, composed: out } = rotation;
  for (let row = 0; row < 3; row++) {
    for (let column = 0; column < 3; column++) {
      out[row * 3 + column] = s[row * 3]! * h[column]! + s[row * 3 + 1]! * h[3 + column]! + s[row * 3 + 2]! * h[6 + column]!;
    }
  }
}
