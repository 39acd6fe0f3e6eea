import { createObjectValues, createObjectValuesScratch, writeObjectValuesAt } from '../../core/scene/objectValues';
import type { ObjectValues } from '../../core/scene/objectValues';
import type { SceneSource, SourcePosition } from '../../core/scene/scene';
import { sourceParamsOf } from '../../core/scene/sourceParams';
import type { Seconds } from '../../core/units';

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

/**
 * Where the stage draws a source at `timeSec` (the transport's time): a moving source where
 * its timeline has it then, a static one at its position (the same object, so callers can
 * tell nothing changed).
 */
export function drawnPosition(source: SceneSource, timeSec: Seconds): SourcePosition {
  if (!sourceMoves(source)) return source.position;
  writeDrawnValues(source, timeSec, values);
  return { azimuthDeg: values.azimuthDeg, elevationDeg: values.elevationDeg, distanceM: values.distanceM };
}

/** Whether two positions are the same place. */
export function samePosition(a: SourcePosition, b: SourcePosition): boolean {
  return a === b || (a.azimuthDeg === b.azimuthDeg && a.elevationDeg === b.elevationDeg && a.distanceM === b.distanceM);
}
