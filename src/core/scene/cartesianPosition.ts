import { RADIANS_PER_DEGREE } from '../units';
import type { AdmCartesianPosition } from './objectMetadata';
import type { SceneSource, SourcePosition } from './scene';
import { SCENE_LIMITS } from './scene';

/** A polar position being written (objectValues.ts fills its own). */
export interface WritablePolar {
  azimuthDeg: number;
  elevationDeg: number;
  distanceM: number;
}

/**
 * Metres per ADM Cartesian unit: the cube's face is where the loudspeakers are, taken as
 * 1 m away. The scene's polar position of a Cartesian object is the plain direction of
 * (X, Y, Z) at |(X, Y, Z)| x this (no closer than the scene's minimum). The renderer does
 * not use it: it renders a Cartesian object by BS.2127's allocentric panner on
 * loudspeakers and places it at section 10's polar equivalent (render/rendererSources.ts;
 * DESIGN.md section 2); the stage draws it in its room box (ui/stage/stageMath.ts) and
 * the inspector shows its X, Y, Z.
 */
export const CARTESIAN_UNIT_M = 1;

/** Writes the scene's polar position of a Cartesian object into `out`. Allocation-free. */
export function writeCartesianAsPolar(X: number, Y: number, Z: number, out: WritablePolar): void {
  const horizontal = Math.hypot(X, Y);
  out.azimuthDeg = horizontal === 0 ? 0 : Math.atan2(-X, Y) / RADIANS_PER_DEGREE;
  if (out.azimuthDeg === -180) out.azimuthDeg = 180;
  out.elevationDeg = horizontal === 0 && Z === 0 ? 0 : Math.atan2(Z, horizontal) / RADIANS_PER_DEGREE;
  out.distanceM = Math.max(SCENE_LIMITS.distanceM.min, Math.hypot(horizontal, Z) * CARTESIAN_UNIT_M);
}

/** The scene's polar position of a Cartesian object (see writeCartesianAsPolar). */
export function cartesianToScenePosition(position: { readonly X: number; readonly Y: number; readonly Z: number }): SourcePosition {
  const out: WritablePolar = { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 };
  writeCartesianAsPolar(position.X, position.Y, position.Z, out);
  return out;
}

/**
 * The Cartesian `source` moved to `position` (X, Y, Z, already within [-1, 1]), its scene
 * polar position following (writeCartesianAsPolar).
 */
export function withCartesianPosition(source: SceneSource, position: AdmCartesianPosition): SceneSource {
  return { ...source, cartesianPosition: position, position: cartesianToScenePosition(position) };
}

/**
 * `source` moved to the polar `position`: the studio edits polar positions, so a Cartesian
 * object moved in it becomes a polar one (its ADM Cartesian position would be stale).
 */
export function withPolarPosition(source: SceneSource, position: SourcePosition): SceneSource {
  if (source.cartesianPosition === undefined) return { ...source, position };
  const { cartesianPosition: _cartesian, ...polar } = source;
  return { ...polar, position };
}
