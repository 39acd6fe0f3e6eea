import type { PolarPosition } from '../../core/coordinates';
import type { PositionPatch } from '../../state/sceneEdits';

/** Steps of the keys on a focused stage object; Shift makes the angle steps ten times larger. */
export const KEY_AZIMUTH_STEP_DEG = 1;
export const KEY_ELEVATION_STEP_DEG = 1;
export const KEY_DISTANCE_STEP_M = 0.1;
const SHIFT_FACTOR = 10;

/** What a key on a focused stage object does: a change of its position, or null (the key is not ours). */
export interface StageObjectKey {
  readonly key: string;
  readonly shiftKey: boolean;
}

/**
 * Keys on a focused source of the stage: Left and Right turn it in azimuth (Left is +, the
 * ADM left), Up and Down in elevation, 1 degree a press (10 with Shift); PageUp and PageDown
 * move it 0.1 m out and in.
 */
export function stageObjectKeyDelta({ key, shiftKey }: StageObjectKey): PositionPatch | null {
  const angle = shiftKey ? SHIFT_FACTOR : 1;
  switch (key) {
    case 'ArrowLeft':
      return { azimuthDeg: KEY_AZIMUTH_STEP_DEG * angle };
    case 'ArrowRight':
      return { azimuthDeg: -KEY_AZIMUTH_STEP_DEG * angle };
    case 'ArrowUp':
      return { elevationDeg: KEY_ELEVATION_STEP_DEG * angle };
    case 'ArrowDown':
      return { elevationDeg: -KEY_ELEVATION_STEP_DEG * angle };
    case 'PageUp':
      return { distanceM: KEY_DISTANCE_STEP_M };
    case 'PageDown':
      return { distanceM: -KEY_DISTANCE_STEP_M };
    default:
      return null;
  }
}

/** What a screen reader says of a source on the stage: "Drums: azimuth +10°, elevation 0°, distance 2.50 m". */
export function describeStagePosition(name: string, position: PolarPosition): string {
  const signed = (value: number): string => {
    const text = value.toFixed(1).replace(/\.0$/, '');
    return value > 0 && text !== '0' ? `+${text}` : text === '-0' ? '0' : text;
  };
  return `${name}: azimuth ${signed(position.azimuthDeg)}°, elevation ${signed(position.elevationDeg)}°, distance ${position.distanceM.toFixed(2)} m`;
}
