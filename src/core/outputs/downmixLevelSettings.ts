import { FieldError, childPath, describeValue } from '../fieldError';
import { DEFAULT_DOWNMIX_LEVELS, DOWNMIX_LEVELS_DB, isDownmixLevel } from './downmixOutputs';
import type { StereoDownmixLevels } from './downmixOutputs';

/**
 * The centre and surround levels of the Lo/Ro and Lt/Rt downmixes a session monitors and
 * exports (the command line's --loro-centre, --loro-surround, --ltrt-centre, --ltrt-surround).
 */
export interface DownmixLevelSettings {
  readonly loRo: StereoDownmixLevels;
  readonly ltRt: StereoDownmixLevels;
}

export const DEFAULT_DOWNMIX_LEVEL_SETTINGS: DownmixLevelSettings = { loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };

/** Each of the four levels: where it is in the settings, its name, and the command line flag that sets it. */
export const DOWNMIX_LEVEL_FIELDS = [
  { matrix: 'loRo', level: 'centreDb', label: 'Lo/Ro centre', flag: '--loro-centre' },
  { matrix: 'loRo', level: 'surroundDb', label: 'Lo/Ro surround', flag: '--loro-surround' },
  { matrix: 'ltRt', level: 'centreDb', label: 'Lt/Rt centre', flag: '--ltrt-centre' },
  { matrix: 'ltRt', level: 'surroundDb', label: 'Lt/Rt surround', flag: '--ltrt-surround' },
] as const;

export type DownmixLevelField = (typeof DOWNMIX_LEVEL_FIELDS)[number];

/** `settings` with one level changed; throws a RangeError for a level that is not one of DOWNMIX_LEVELS_DB. */
export function withDownmixLevel(settings: DownmixLevelSettings, field: DownmixLevelField, levelDb: number): DownmixLevelSettings {
  if (!isDownmixLevel(levelDb)) throw new RangeError(`${field.label}: ${levelDb} dB is not a downmix level; expected one of ${DOWNMIX_LEVELS_DB.join(', ')} dB`);
  return { ...settings, [field.matrix]: { ...settings[field.matrix], [field.level]: levelDb } };
}

export function sameDownmixLevels(a: DownmixLevelSettings, b: DownmixLevelSettings): boolean {
  return DOWNMIX_LEVEL_FIELDS.every((field) => a[field.matrix][field.level] === b[field.matrix][field.level]);
}

/**
 * Stored downmix levels (a saved session's), checked field by field. Throws a FieldError
 * naming `fileName`, the field's path and what was expected for anything else.
 */
export function readDownmixLevelSettings(value: unknown, fileName: string, path: string): DownmixLevelSettings {
  const objectAt = (found: unknown, at: string): Record<string, unknown> => {
    if (typeof found !== 'object' || found === null || Array.isArray(found)) throw new FieldError(fileName, at, `expected an object, got ${describeValue(found)}`);
    return found as Record<string, unknown>;
  };
  const settings = objectAt(value, path);
  const read = (matrix: DownmixLevelField['matrix']): StereoDownmixLevels => {
    const matrixPath = childPath(path, matrix);
    const levels = objectAt(settings[matrix], matrixPath);
    const level = (key: DownmixLevelField['level']): number => {
      const found = levels[key];
      if (typeof found !== 'number' || !isDownmixLevel(found)) {
        throw new FieldError(fileName, childPath(matrixPath, key), `expected one of ${DOWNMIX_LEVELS_DB.join(', ')} (dB), got ${describeValue(found)}`);
      }
      return found;
    };
    return { centreDb: level('centreDb'), surroundDb: level('surroundDb') };
  };
  return { loRo: read('loRo'), ltRt: read('ltRt') };
}

/** Whether the output `id` (outputCatalog.ts's names) is made with these levels: a layout's Lo/Ro, Lt/Rt, or its mono (of Lo/Ro). */
export function outputUsesDownmixLevels(id: string): boolean {
  return /-to-(loro|ltrt|mono)$/.test(id);
}
