import { numberIn, readJsonObject } from '../jsonFields';
import type { JsonObjectReader } from '../jsonFields';
import { SCENE_FILE_LIMITS, SCENE_LIMITS } from './scene';
import type { StemReference } from './scene';
import { COLOR_CHECK, shortText } from './sceneReading';
import type { SceneReading } from './sceneReading';

/**
 * One of the scene's lists of multichannel stems (`beds`, `ambisonics`), absent when the
 * file has none: at most `max` elements, each read by `parseOne` at `key[i]`, every
 * element's problems reported (reading.field).
 */
export function parseStemList<T>(
  root: JsonObjectReader,
  reading: SceneReading,
  list: { readonly key: string; readonly max: number; readonly noun: string },
  parseOne: (r: JsonObjectReader) => T,
): T[] | undefined {
  if (!root.has(list.key)) return undefined;
  const values = root.array(list.key);
  if (values.length > list.max) root.fail(list.key, `expected at most ${list.max} ${list.noun}, got ${values.length}`);
  return values.map((value, i) => reading.field(() => parseOne(readJsonObject(value, reading.fileName, `${list.key}[${i}]`)))) as T[];
}

/** The fields a bed or an HOA stem starts with: id, name and stem (undefined where reported). */
export function parseStripHead(r: JsonObjectReader, { field }: SceneReading, parseStem: (r: JsonObjectReader) => StemReference) {
  const text = shortText(SCENE_FILE_LIMITS.textChars);
  return {
    id: field(() => r.string('id', text)),
    name: field(() => r.string('name', text)),
    stem: field(() => parseStem(r.object('stem'))),
  };
}

/** The fields a bed or an HOA stem ends with: gain, mute, solo and the optional colour (undefined where reported). */
export function parseStripLevels(r: JsonObjectReader, { field }: SceneReading) {
  return {
    gainDb: field(() => r.number('gainDb', numberIn(SCENE_LIMITS.gainDb.min, SCENE_LIMITS.gainDb.max))),
    mute: field(() => r.boolean('mute')),
    solo: field(() => r.boolean('solo')),
    color: field(() => r.optionalString('color', COLOR_CHECK)),
  };
}
