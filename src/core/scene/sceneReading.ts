import type { JsonObjectReader, StringCheck } from '../jsonFields';
import type { ExtraFields } from './scene';

/** What the scene's field readers share: the file, the problems found so far and the warnings (sceneParse.ts). */
export interface SceneReading {
  readonly fileName: string;
  /**
   * Runs one field's read. A FieldError is recorded and gives undefined, so the reading
   * goes on and every problem is reported at once; the scene is returned only when none
   * was recorded, so a value read through `field` is defined wherever it ends up.
   */
  field<T>(read: () => T): T | undefined;
  /** The fields of `reader` nobody read: warned about, and kept (except `__proto__`, dropped). */
  extras(reader: JsonObjectReader): { extraFields?: ExtraFields };
}

/** A non-empty string of at most `maxChars` characters. */
export function shortText(maxChars: number): StringCheck {
  return { expected: `a non-empty string of at most ${maxChars} characters`, accept: (v) => v.trim() !== '' && v.length <= maxChars };
}

export const COLOR_CHECK: StringCheck = { expected: 'a colour "#rrggbb"', accept: (v) => /^#[0-9a-fA-F]{6}$/.test(v) };
