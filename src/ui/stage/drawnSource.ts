import { createObjectValues, createObjectValuesScratch, writeObjectValuesAt } from '../../core/scene/objectValues';
import type { ObjectValues } from '../../core/scene/objectValues';
import type { SceneSource, SourcePosition } from '../../core/scene/scene';
import { sourceParamsOf } from '../../core/scene/sourceParams';
import type { Seconds } from '../../core/units';
import { cartesianToPolar } from '../../core/coordinates';
import { roomPoint } from './stageMath';

/** Whether a source moves: a timeline of several blocks (one block is a static object). */
export function sourceMoves(source: SceneSource): boolean {
  return source.timeline !== undefined && source.timeline.length > 1;
}

const scratch = createObjectValuesScratch();

/** A source's values at `timeSec` as the renderer evaluates them (core/scene/objectValues.ts), into `out`. */
export function writeDrawnValues(source: SceneSource, timeSec: Seconds, out: ObjectValues): void {
  writeObjectValuesAt(sourceParamsOf(source), timeSec, scratch, out);
}

const values = createObjectValues();

const drawnRoomPositions = new WeakMap<object, SourcePosition>();

/**
 * Where the stage draws a source at `timeSec` (the transport's time): a moving source where
 * its timeline has it then, a static one at its position (the same object, so callers can
 * tell nothing changed). A Cartesian object is drawn at its place in the room box
 * (stageMath roomPoint), as a stage position (the plain direction and distance of that
 * point from the head).
 */
export function drawnPosition(source: SceneSource, timeSec: Seconds): SourcePosition {
  if (!sourceMoves(source)) {
    const cartesian = source.cartesianPosition;
    if (cartesian === undefined) return source.position;
    let drawn = drawnRoomPositions.get(cartesian);
    if (drawn === undefined) {
      drawn = cartesianToPolar(roomPoint(cartesian.X, cartesian.Y, cartesian.Z));
      drawnRoomPositions.set(cartesian, drawn);
    }
    return drawn;
  }
  writeDrawnValues(source, timeSec, values);
  if (values.cartesian) return cartesianToPolar(roomPoint(values.X, values.Y, values.Z));
  return { azimuthDeg: values.azimuthDeg, elevationDeg: values.elevationDeg, distanceM: values.distanceM };
}

/** Whether two positions are the same place. */
export function samePosition(a: SourcePosition, b: SourcePosition): boolean {
  return a === b || (a.azimuthDeg === b.azimuthDeg && a.elevationDeg === b.elevationDeg && a.distanceM === b.distanceM);
}
