import { FieldError, FieldErrors, MAX_LISTED_PROBLEMS, childPath } from '../fieldError';
import { pathNestedBeyond } from '../jsonDepth';
import { numberIn, readJsonObject } from '../jsonFields';
import type { JsonObjectReader } from '../jsonFields';
import { parseAmbisonics } from './ambisonicsParse';
import { parseBeds } from './bedParse';
import { cartesianToScenePosition } from './cartesianPosition';
import { DEFAULT_MID_SIDE_SETTINGS, MID_SIDE_LIMITS, MID_SIDE_NUMBER_FIELDS, isDefaultMidSide } from './midSideSettings';
import type { MidSideNumberField, MidSideSettings } from './midSideSettings';
import { parseAdmParameters, parseBinauralRenderMode, parseCartesianPosition, parsePolarPosition, parseTimeline } from './objectParse';
import {
  DEFAULT_SPREAD_DEG,
  READABLE_SCENE_FORMAT_VERSIONS,
  SCENE_FILE_LIMITS,
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
  StemReference,
} from './scene';
import { COLOR_CHECK, shortText } from './sceneReading';
import type { SceneReading } from './sceneReading';

export interface ParsedScene {
  readonly scene: Scene;
  /**
   * One line each, naming the file and the field: unknown fields ("sources[1].reverb:
   * unknown field, kept as is") and dropped ones ("__proto__"). At most
   * MAX_LISTED_PROBLEMS, then one line "and N more fields ...".
   */
  readonly warnings: readonly string[];
  /** The listed warnings as data, in the same order: each field's JSON path and what was done with it. */
  readonly fieldWarnings: readonly FieldWarning[];
  /** Where the file holds its objects (`sources` in version 1), for messages that name their fields later. */
  readonly objectsKey: ObjectsKey;
}

export type ObjectsKey = 'sources' | 'objects';

export interface FieldWarning {
  /** JSON path of the field, e.g. `sources[1].reverb`. */
  readonly path: string;
  /** What was found and done, e.g. "unknown field, kept as is". */
  readonly problem: string;
}

/** The one key that assigning would turn into a prototype: never kept. */
const PROTOTYPE_KEY = '__proto__';

/**
 * Parses scene JSON text, format version 1 or 2; a version 1 scene is converted (its
 * sources become objects without timelines), so the result is always version 2. Throws a
 * FieldError naming the file, the JSON path, what was expected and what was found; with
 * several problems, one FieldErrors listing them all.
 * Unknown fields are kept and listed in `warnings`.
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

/**
 * Validates an already-parsed JSON value as a scene (see parseSceneJson). Nesting deeper
 * than SCENE_FILE_LIMITS.nestingDepth is refused first, before anything recursive sees it.
 */
export function parseSceneValue(json: unknown, fileName: string): ParsedScene {
  const { nestingDepth } = SCENE_FILE_LIMITS;
  const tooDeep = pathNestedBeyond(json, nestingDepth);
  if (tooDeep !== undefined) {
    throw new FieldError(fileName, tooDeep, `nested more than ${nestingDepth} levels deep (expected at most ${nestingDepth}; a scene needs 7)`);
  }
  const problems: FieldError[] = [];
  const fieldWarnings: FieldWarning[] = [];
  let unlistedWarnings = 0;
  const warn = (path: string, problem: string): void => {
    if (fieldWarnings.length < MAX_LISTED_PROBLEMS) fieldWarnings.push({ path, problem });
    else unlistedWarnings++;
  };
  const reading: SceneReading = {
    fileName,
    field(read) {
      try {
        return read();
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        problems.push(error);
        return undefined;
      }
    },
    extras(reader) {
      const rest = reader.remainingFields();
      if (Object.prototype.hasOwnProperty.call(rest, PROTOTYPE_KEY)) {
        warn(childPath(reader.path, PROTOTYPE_KEY), 'a name JavaScript reserves for prototypes: dropped, not kept');
        delete rest[PROTOTYPE_KEY];
      }
      const keys = Object.keys(rest);
      for (const key of keys) warn(childPath(reader.path, key), 'unknown field, kept as is');
      return keys.length > 0 ? { extraFields: rest } : {};
    },
  };

  const read = readScene(json, reading);
  const scene = read?.scene;
  if (problems.length === 1) throw problems[0]!;
  if (problems.length > 1) throw new FieldErrors(fileName, problems);
  const warnings = fieldWarnings.map((w) => `${fileName}: ${w.path}: ${w.problem}`);
  if (unlistedWarnings > 0) warnings.push(`${fileName}: and ${unlistedWarnings} more fields not known or not kept`);
  return { scene: scene!, warnings, fieldWarnings, objectsKey: read!.objectsKey };
}

function readScene(json: unknown, reading: SceneReading): { scene: Scene; objectsKey: ObjectsKey } | undefined {
  const { fileName, field } = reading;
  const root = field(() => readJsonObject(json, fileName, ''));
  if (root === undefined) return undefined;
  const format = field(() => root.string('format', { expected: `"${SCENE_FORMAT}"`, accept: (v) => v === SCENE_FORMAT }));
  // A file of another format or version is that one problem, not a list of fields it lacks.
  if (format === undefined) return undefined;
  const readable = READABLE_SCENE_FORMAT_VERSIONS.join(' or ');
  const version = field(() =>
    root.number('version', {
      expected: `${readable} (this studio reads scene format versions ${readable})`,
      accept: (v) => READABLE_SCENE_FORMAT_VERSIONS.includes(v),
    }),
  );
  if (version === undefined) return undefined;
  const objectsKey: ObjectsKey = version === 1 ? 'sources' : 'objects';
  const sampleRateHz = field(() =>
    root.number('sampleRateHz', { expected: `one of ${SUPPORTED_SAMPLE_RATES_HZ.join(', ')}`, accept: (v) => SUPPORTED_SAMPLE_RATES_HZ.includes(v) }),
  );
  const listener = field(() => parseListener(root.object('listener'), reading));
  const sources = field(() => parseSources(root, objectsKey, version, reading)) ?? [];
  const beds = version === 1 ? undefined : field(() => parseBeds(root, reading, (r) => parseStem(r, reading)));
  const ambisonics = version === 1 ? undefined : field(() => parseAmbisonics(root, reading, (r) => parseStem(r, reading)));
  const others = [
    ...(beds ?? []).map((bed, index) => ({ id: bed?.id, path: `beds[${index}].id` })),
    ...(ambisonics ?? []).map((a, index) => ({ id: a?.id, path: `ambisonics[${index}].id` })),
  ];
  checkUniqueIds(sources, objectsKey, others, reading);
  const master = field(() => parseMaster(root.optionalObject('master'), reading));
  const scene: Scene = {
    version: SCENE_FORMAT_VERSION,
    sampleRateHz: sampleRateHz!,
    listener: listener!,
    sources,
    ...(beds === undefined ? {} : { beds }),
    ...(ambisonics === undefined ? {} : { ambisonics }),
    ...(master === undefined ? {} : { master }),
    ...reading.extras(root),
  };
  return { scene, objectsKey };
}

/** The objects (`sources` in version 1), at most SCENE_FILE_LIMITS.sources of them. */
function parseSources(root: JsonObjectReader, key: string, version: number, reading: SceneReading): SceneSource[] {
  const values = root.array(key);
  const maxSources = SCENE_FILE_LIMITS.sources;
  if (values.length > maxSources) {
    root.fail(key, `expected at most ${maxSources} ${key} (more than the renderer can play in real time), got ${values.length}`);
  }
  return values.map((value, index) => reading.field(() => parseSource(readJsonObject(value, reading.fileName, `${key}[${index}]`), version, reading))) as SceneSource[];
}

/** Ids unique among the objects, beds and HOA stems together (`others`: the beds' and HOA stems' ids with their paths): each repeat named with the first use. */
function checkUniqueIds(sources: readonly (SceneSource | undefined)[], key: string, others: readonly { id: string | undefined; path: string }[], reading: SceneReading): void {
  const seen = new Map<string, string>();
  const owners = [...sources.map((source, index) => ({ id: source?.id, path: `${key}[${index}].id` })), ...others];
  for (const { id, path } of owners) {
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, path);
      continue;
    }
    reading.field(() => {
      throw new FieldError(reading.fileName, path, `expected a unique id, got "${id}" (also ${first})`);
    });
  }
}

function parseListener(r: JsonObjectReader, { field, extras }: SceneReading): ListenerOrientation {
  const { min, max } = SCENE_LIMITS.orientationDeg;
  const yawDeg = field(() => r.number('yawDeg', numberIn(min, max, { min: true })));
  const pitchDeg = field(() => r.number('pitchDeg', numberIn(-90, 90)));
  const rollDeg = field(() => r.number('rollDeg', numberIn(min, max, { min: true })));
  return { yawDeg: yawDeg!, pitchDeg: pitchDeg!, rollDeg: rollDeg!, ...extras(r) };
}

/** An object; version 2 adds the Cartesian position, the ADM parameters, the binaural render mode and the timeline. */
function parseSource(r: JsonObjectReader, version: number, reading: SceneReading): SceneSource {
  const { field, extras } = reading;
  const text = shortText(SCENE_FILE_LIMITS.textChars);
  const id = field(() => r.string('id', text));
  const name = field(() => r.string('name', text));
  const stem = field(() => parseStem(r.object('stem'), reading));
  const gainDb = field(() => r.number('gainDb', numberIn(SCENE_LIMITS.gainDb.min, SCENE_LIMITS.gainDb.max)));
  const mute = field(() => r.boolean('mute'));
  const solo = field(() => r.boolean('solo'));
  const cartesian = version === 2 ? field(() => r.optionalBoolean('cartesian')) === true : false;
  const cartesianPosition = cartesian ? field(() => parseCartesianPosition(r.object('position'), reading)) : undefined;
  const position = cartesian
    ? cartesianPosition && cartesianToScenePosition(cartesianPosition)
    : field(() => parsePolarPosition(r.object('position'), reading));
  const spread = SCENE_LIMITS.spreadDeg;
  const spreadDeg = field(() => r.optionalNumber('spreadDeg', numberIn(spread.min, spread.max))) ?? DEFAULT_SPREAD_DEG;
  const color = field(() => r.optionalString('color', COLOR_CHECK));
  const midSide = field(() => parseMidSide(r.optionalObject('midSide'), reading));
  const objectFields =
    version === 2
      ? {
          ...parseAdmParameters(r, reading),
          ...parseBinauralRenderMode(r, reading),
          ...optionalField('timeline', field(() => (r.has('timeline') ? parseTimeline(r, cartesian, reading) : undefined))),
        }
      : {};
  return {
    id: id!,
    name: name!,
    stem: stem!,
    gainDb: gainDb!,
    mute: mute!,
    solo: solo!,
    position: position!,
    ...(cartesianPosition === undefined ? {} : { cartesianPosition }),
    spreadDeg,
    ...(color === undefined ? {} : { color }),
    ...(midSide === undefined ? {} : { midSide }),
    ...objectFields,
    ...extras(r),
  };
}

function optionalField<K extends string, T>(key: K, value: T | undefined): Partial<Record<K, T>> {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, T>>;
}

function parseStem(r: JsonObjectReader, { extras }: Pick<SceneReading, 'extras'>): StemReference {
  const hasFile = r.has('file');
  const hasGenerator = r.has('generator');
  if (hasFile === hasGenerator) {
    r.fail(hasFile ? 'generator' : 'file', `expected exactly one of "file" (an audio file path) or "generator", got ${hasFile ? 'both' : 'neither'}`);
  }
  if (hasFile) {
    const file = r.string('file', shortText(SCENE_FILE_LIMITS.stemPathChars));
    return { kind: 'file', file, ...extras(r) };
  }
  const generator = r.string('generator', shortText(SCENE_FILE_LIMITS.textChars));
  return { kind: 'generator', generator, ...extras(r) };
}

/** Mid/side settings: every field optional (default when absent); undefined when all are at their defaults. */
function parseMidSide(r: JsonObjectReader | undefined, { field, extras }: SceneReading): MidSideSettings | undefined {
  if (r === undefined) return undefined;
  const numbers = {} as Record<MidSideNumberField, number>;
  for (const name of MID_SIDE_NUMBER_FIELDS) {
    const { min, max } = MID_SIDE_LIMITS[name];
    numbers[name] = field(() => r.optionalNumber(name, numberIn(min, max))) ?? DEFAULT_MID_SIDE_SETTINGS[name];
  }
  const bassMono = field(() => r.optionalBoolean('bassMono')) ?? DEFAULT_MID_SIDE_SETTINGS.bassMono;
  const settings: MidSideSettings = { ...numbers, bassMono, ...extras(r) };
  return isDefaultMidSide(settings) ? undefined : settings;
}

/** The master bus; undefined when it holds nothing but defaults. */
function parseMaster(r: JsonObjectReader | undefined, reading: SceneReading): MasterSettings | undefined {
  if (r === undefined) return undefined;
  const midSide = reading.field(() => parseMidSide(r.optionalObject('midSide'), reading));
  const master: MasterSettings = { ...(midSide === undefined ? {} : { midSide }), ...reading.extras(r) };
  return master.midSide === undefined && master.extraFields === undefined ? undefined : master;
}
