import { FieldError, FieldErrors, MAX_LISTED_PROBLEMS, childPath } from '../fieldError';
import { pathNestedBeyond } from '../jsonDepth';
import { numberIn, readJsonObject } from '../jsonFields';
import type { JsonObjectReader, StringCheck } from '../jsonFields';
import { DEFAULT_MID_SIDE_SETTINGS, MID_SIDE_LIMITS, MID_SIDE_NUMBER_FIELDS, isDefaultMidSide } from './midSideSettings';
import type { MidSideNumberField, MidSideSettings } from './midSideSettings';
import {
  DEFAULT_SPREAD_DEG,
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
  SourcePosition,
  StemReference,
} from './scene';

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
}

export interface FieldWarning {
  /** JSON path of the field, e.g. `sources[1].reverb`. */
  readonly path: string;
  /** What was found and done, e.g. "unknown field, kept as is". */
  readonly problem: string;
}

const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** The one key that assigning would turn into a prototype: never kept. */
const PROTOTYPE_KEY = '__proto__';

/**
 * Parses scene JSON text. Throws a FieldError naming the file, the JSON path, what was
 * expected and what was found; with several problems, one FieldErrors listing them all.
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

/** What the field readers share: the file, the problems found so far and the warnings. */
interface SceneReading {
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

/**
 * Validates an already-parsed JSON value as a scene (see parseSceneJson). Nesting deeper
 * than SCENE_FILE_LIMITS.nestingDepth is refused first, before anything recursive sees it.
 */
export function parseSceneValue(json: unknown, fileName: string): ParsedScene {
  const { nestingDepth } = SCENE_FILE_LIMITS;
  const tooDeep = pathNestedBeyond(json, nestingDepth);
  if (tooDeep !== undefined) {
    throw new FieldError(fileName, tooDeep, `nested more than ${nestingDepth} levels deep (expected at most ${nestingDepth}; a scene needs 4)`);
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

  const scene = readScene(json, reading);
  if (problems.length === 1) throw problems[0]!;
  if (problems.length > 1) throw new FieldErrors(fileName, problems);
  const warnings = fieldWarnings.map((w) => `${fileName}: ${w.path}: ${w.problem}`);
  if (unlistedWarnings > 0) warnings.push(`${fileName}: and ${unlistedWarnings} more fields not known or not kept`);
  return { scene: scene!, warnings, fieldWarnings };
}

function readScene(json: unknown, reading: SceneReading): Scene | undefined {
  const { fileName, field } = reading;
  const root = field(() => readJsonObject(json, fileName, ''));
  if (root === undefined) return undefined;
  const format = field(() => root.string('format', { expected: `"${SCENE_FORMAT}"`, accept: (v) => v === SCENE_FORMAT }));
  // A file of another format or version is that one problem, not a list of fields it lacks.
  if (format === undefined) return undefined;
  const version = field(() =>
    root.number('version', {
      expected: `${SCENE_FORMAT_VERSION} (this studio reads scene format version ${SCENE_FORMAT_VERSION})`,
      accept: (v) => v === SCENE_FORMAT_VERSION,
    }),
  ) as typeof SCENE_FORMAT_VERSION | undefined;
  if (version === undefined) return undefined;
  const sampleRateHz = field(() =>
    root.number('sampleRateHz', { expected: `one of ${SUPPORTED_SAMPLE_RATES_HZ.join(', ')}`, accept: (v) => SUPPORTED_SAMPLE_RATES_HZ.includes(v) }),
  );
  const listener = field(() => parseListener(root.object('listener'), reading));
  const sources = field(() => parseSources(root, reading)) ?? [];
  const master = field(() => parseMaster(root.optionalObject('master'), reading));
  return {
    version,
    sampleRateHz: sampleRateHz!,
    listener: listener!,
    sources,
    ...(master === undefined ? {} : { master }),
    ...reading.extras(root),
  };
}

/** The sources, at most SCENE_FILE_LIMITS.sources of them, with unique ids. */
function parseSources(root: JsonObjectReader, reading: SceneReading): SceneSource[] {
  const values = root.array('sources');
  const maxSources = SCENE_FILE_LIMITS.sources;
  if (values.length > maxSources) {
    root.fail('sources', `expected at most ${maxSources} sources (more than the renderer can play in real time), got ${values.length}`);
  }
  const sources = values.map((value, index) => reading.field(() => parseSource(readJsonObject(value, reading.fileName, `sources[${index}]`), reading)));
  const seen = new Map<string, number>();
  sources.forEach((source, index) => {
    if (source?.id === undefined) return;
    const first = seen.get(source.id);
    if (first !== undefined) {
      reading.field(() => {
        throw new FieldError(reading.fileName, `sources[${index}].id`, `expected a unique id, got "${source.id}" (also sources[${first}].id)`);
      });
    }
    seen.set(source.id, index);
  });
  return sources as SceneSource[];
}

function parseListener(r: JsonObjectReader, { field, extras }: SceneReading): ListenerOrientation {
  const { min, max } = SCENE_LIMITS.orientationDeg;
  const yawDeg = field(() => r.number('yawDeg', numberIn(min, max, { min: true })));
  const pitchDeg = field(() => r.number('pitchDeg', numberIn(-90, 90)));
  const rollDeg = field(() => r.number('rollDeg', numberIn(min, max, { min: true })));
  return { yawDeg: yawDeg!, pitchDeg: pitchDeg!, rollDeg: rollDeg!, ...extras(r) };
}

/** A non-empty string of at most `maxChars` characters. */
function shortText(maxChars: number): StringCheck {
  return { expected: `a non-empty string of at most ${maxChars} characters`, accept: (v) => v.trim() !== '' && v.length <= maxChars };
}

function parseSource(r: JsonObjectReader, reading: SceneReading): SceneSource {
  const { field, extras } = reading;
  const text = shortText(SCENE_FILE_LIMITS.textChars);
  const id = field(() => r.string('id', text));
  const name = field(() => r.string('name', text));
  const stem = field(() => parseStem(r.object('stem'), reading));
  const gainDb = field(() => r.number('gainDb', numberIn(SCENE_LIMITS.gainDb.min, SCENE_LIMITS.gainDb.max)));
  const mute = field(() => r.boolean('mute'));
  const solo = field(() => r.boolean('solo'));
  const position = field(() => parsePosition(r.object('position'), reading));
  const spread = SCENE_LIMITS.spreadDeg;
  const spreadDeg = field(() => r.optionalNumber('spreadDeg', numberIn(spread.min, spread.max))) ?? DEFAULT_SPREAD_DEG;
  const color = field(() => r.optionalString('color', { expected: 'a colour "#rrggbb"', accept: (v) => COLOR_PATTERN.test(v) }));
  const midSide = field(() => parseMidSide(r.optionalObject('midSide'), reading));
  return {
    id: id!,
    name: name!,
    stem: stem!,
    gainDb: gainDb!,
    mute: mute!,
    solo: solo!,
    position: position!,
    spreadDeg,
    ...(color === undefined ? {} : { color }),
    ...(midSide === undefined ? {} : { midSide }),
    ...extras(r),
  };
}

function parseStem(r: JsonObjectReader, { extras }: SceneReading): StemReference {
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

function parsePosition(r: JsonObjectReader, { field, extras }: SceneReading): SourcePosition {
  const azimuthDeg = field(() => r.number('azimuthDeg', numberIn(-180, 180, { min: true })));
  const elevationDeg = field(() => r.number('elevationDeg', numberIn(SCENE_LIMITS.elevationDeg.min, SCENE_LIMITS.elevationDeg.max)));
  const distanceM = field(() => r.number('distanceM', numberIn(SCENE_LIMITS.distanceM.min, SCENE_LIMITS.distanceM.max)));
  return { azimuthDeg: azimuthDeg!, elevationDeg: elevationDeg!, distanceM: distanceM!, ...extras(r) };
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
