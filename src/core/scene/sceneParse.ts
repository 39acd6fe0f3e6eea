import { FieldError } from '../fieldError';
import { numberIn, readJsonObject } from '../jsonFields';
import type { JsonObjectReader } from '../jsonFields';
import { DEFAULT_MID_SIDE_SETTINGS, MID_SIDE_LIMITS, MID_SIDE_NUMBER_FIELDS, isDefaultMidSide } from './midSideSettings';
import type { MidSideNumberField, MidSideSettings } from './midSideSettings';
import {
  DEFAULT_SPREAD_DEG,
  SCENE_FORMAT,
  SCENE_FORMAT_VERSION,
  SCENE_LIMITS,
  SUPPORTED_SAMPLE_RATES_HZ,
} from './scene';
import type {
  ExtraFields,
  ListenerOrientation,
  MasterSettings,
  Scene,
  SceneSource,
  SourcePosition,
  StemReference,
} from './scene';

export interface ParsedScene {
  readonly scene: Scene;
  /** Unknown fields, one line each ("sources[1].reverb: unknown field, kept as is"). */
  readonly warnings: readonly string[];
}

const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/**
 * Parses scene JSON text. Throws a FieldError naming the file, the JSON path, what was
 * expected and what was found; unknown fields are kept and listed in `warnings`.
 */
export function parseSceneJson(text: string, fileName: string): ParsedScene {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FieldError(fileName, '', `not valid JSON (${(error as Error).message})`);
  }
  return parseSceneValue(json, fileName);
}

/** Validates an already-parsed JSON value as a scene (see parseSceneJson). */
export function parseSceneValue(json: unknown, fileName: string): ParsedScene {
  const warnings: string[] = [];
  const extras = (reader: JsonObjectReader): { extraFields?: ExtraFields } => {
    const rest = reader.remainingFields();
    const keys = Object.keys(rest);
    for (const key of keys) {
      warnings.push(`${fileName}: ${reader.path === '' ? key : `${reader.path}.${key}`}: unknown field, kept as is`);
    }
    return keys.length > 0 ? { extraFields: rest } : {};
  };

  const root = readJsonObject(json, fileName, '');
  root.string('format', {
    expected: `"${SCENE_FORMAT}"`,
    accept: (v) => v === SCENE_FORMAT,
  });
  const version = root.number('version', {
    expected: `${SCENE_FORMAT_VERSION} (this studio reads scene format version ${SCENE_FORMAT_VERSION})`,
    accept: (v) => v === SCENE_FORMAT_VERSION,
  }) as typeof SCENE_FORMAT_VERSION;
  const sampleRateHz = root.number('sampleRateHz', {
    expected: `one of ${SUPPORTED_SAMPLE_RATES_HZ.join(', ')}`,
    accept: (v) => SUPPORTED_SAMPLE_RATES_HZ.includes(v),
  });
  const listener = parseListener(root.object('listener'), extras);
  const sourceValues = root.array('sources');
  const sources = sourceValues.map((value, index) =>
    parseSource(readJsonObject(value, fileName, `sources[${index}]`), extras),
  );
  const seen = new Map<string, number>();
  sources.forEach((source, index) => {
    const first = seen.get(source.id);
    if (first !== undefined) {
      throw new FieldError(fileName, `sources[${index}].id`, `expected a unique id, got "${source.id}" (also sources[${first}].id)`);
    }
    seen.set(source.id, index);
  });
  const master = parseMaster(root.optionalObject('master'), extras);
  const scene: Scene = {
    version,
    sampleRateHz,
    listener,
    sources,
    ...(master === undefined ? {} : { master }),
    ...extras(root),
  };
  return { scene, warnings };
}

type ExtrasOf = (reader: JsonObjectReader) => { extraFields?: ExtraFields };

function parseListener(r: JsonObjectReader, extras: ExtrasOf): ListenerOrientation {
  const { min, max } = SCENE_LIMITS.orientationDeg;
  const yawDeg = r.number('yawDeg', numberIn(min, max, { min: true }));
  const pitchDeg = r.number('pitchDeg', numberIn(-90, 90));
  const rollDeg = r.number('rollDeg', numberIn(min, max, { min: true }));
  return { yawDeg, pitchDeg, rollDeg, ...extras(r) };
}

function parseSource(r: JsonObjectReader, extras: ExtrasOf): SceneSource {
  const nonEmpty = { expected: 'a non-empty string', accept: (v: string) => v.trim() !== '' };
  const id = r.string('id', nonEmpty);
  const name = r.string('name', nonEmpty);
  const stem = parseStem(r.object('stem'), extras);
  const gainDb = r.number('gainDb', numberIn(SCENE_LIMITS.gainDb.min, SCENE_LIMITS.gainDb.max));
  const mute = r.boolean('mute');
  const solo = r.boolean('solo');
  const position = parsePosition(r.object('position'), extras);
  const spread = SCENE_LIMITS.spreadDeg;
  const spreadDeg = r.optionalNumber('spreadDeg', numberIn(spread.min, spread.max)) ?? DEFAULT_SPREAD_DEG;
  const color = r.optionalString('color', { expected: 'a colour "#rrggbb"', accept: (v) => COLOR_PATTERN.test(v) });
  const midSide = parseMidSide(r.optionalObject('midSide'), extras);
  return {
    id,
    name,
    stem,
    gainDb,
    mute,
    solo,
    position,
    spreadDeg,
    ...(color === undefined ? {} : { color }),
    ...(midSide === undefined ? {} : { midSide }),
    ...extras(r),
  };
}

function parseStem(r: JsonObjectReader, extras: ExtrasOf): StemReference {
  const hasFile = r.has('file');
  const hasGenerator = r.has('generator');
  if (hasFile === hasGenerator) {
    r.fail(hasFile ? 'generator' : 'file', `expected exactly one of "file" (an audio file path) or "generator", got ${hasFile ? 'both' : 'neither'}`);
  }
  const nonEmpty = { expected: 'a non-empty string', accept: (v: string) => v.trim() !== '' };
  if (hasFile) {
    const file = r.string('file', nonEmpty);
    return { kind: 'file', file, ...extras(r) };
  }
  const generator = r.string('generator', nonEmpty);
  return { kind: 'generator', generator, ...extras(r) };
}

function parsePosition(r: JsonObjectReader, extras: ExtrasOf): SourcePosition {
  const azimuthDeg = r.number('azimuthDeg', numberIn(-180, 180, { min: true }));
  const elevationDeg = r.number('elevationDeg', numberIn(SCENE_LIMITS.elevationDeg.min, SCENE_LIMITS.elevationDeg.max));
  const distanceM = r.number('distanceM', numberIn(SCENE_LIMITS.distanceM.min, SCENE_LIMITS.distanceM.max));
  return { azimuthDeg, elevationDeg, distanceM, ...extras(r) };
}

/** Mid/side settings: every field optional (default when absent); undefined when all are at their defaults. */
function parseMidSide(r: JsonObjectReader | undefined, extras: ExtrasOf): MidSideSettings | undefined {
  if (r === undefined) return undefined;
  const numbers = {} as Record<MidSideNumberField, number>;
  for (const field of MID_SIDE_NUMBER_FIELDS) {
    const { min, max } = MID_SIDE_LIMITS[field];
    numbers[field] = r.optionalNumber(field, numberIn(min, max)) ?? DEFAULT_MID_SIDE_SETTINGS[field];
  }
  const bassMono = r.optionalBoolean('bassMono') ?? DEFAULT_MID_SIDE_SETTINGS.bassMono;
  const settings: MidSideSettings = { ...numbers, bassMono, ...extras(r) };
  return isDefaultMidSide(settings) ? undefined : settings;
}

/** The master bus; undefined when it holds nothing but defaults. */
function parseMaster(r: JsonObjectReader | undefined, extras: ExtrasOf): MasterSettings | undefined {
  if (r === undefined) return undefined;
  const midSide = parseMidSide(r.optionalObject('midSide'), extras);
  const master: MasterSettings = { ...(midSide === undefined ? {} : { midSide }), ...extras(r) };
  return master.midSide === undefined && master.extraFields === undefined ? undefined : master;
}
