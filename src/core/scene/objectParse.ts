import { FieldError, childPath } from '../fieldError';
import { numberIn, readJsonObject } from '../jsonFields';
import type { JsonObjectReader } from '../jsonFields';
import { ADM_NUMBER_LIMITS, ADM_NUMBER_PARAMETERS, BINAURAL_RENDER_MODES } from './objectMetadata';
import type {
  AdmCartesianPosition,
  AdmNumberParameter,
  BinauralRenderMode,
  ChannelLock,
  ExclusionZone,
  ObjectAdmParameters,
  ObjectDivergence,
} from './objectMetadata';
import type { JumpPosition, ObjectBlock } from './objectTimeline';
import { SCENE_FILE_LIMITS, SCENE_LIMITS } from './scene';
import type { SourcePosition } from './scene';
import type { SceneReading } from './sceneReading';

/** The longest programme a timeline covers: a day. */
const MAX_TIME_SEC = 86_400;
/** Rounding a file's times may carry (microseconds are far below a sample). */
const TIME_TOLERANCE_SEC = 1e-9;

export function parsePolarPosition(r: JsonObjectReader, { field, extras }: SceneReading): SourcePosition {
  const azimuthDeg = field(() => r.number('azimuthDeg', numberIn(-180, 180, { min: true })));
  const elevationDeg = field(() => r.number('elevationDeg', numberIn(SCENE_LIMITS.elevationDeg.min, SCENE_LIMITS.elevationDeg.max)));
  const distanceM = field(() => r.number('distanceM', numberIn(SCENE_LIMITS.distanceM.min, SCENE_LIMITS.distanceM.max)));
  return { azimuthDeg: azimuthDeg!, elevationDeg: elevationDeg!, distanceM: distanceM!, ...extras(r) };
}

/** An ADM Cartesian position: X, Y, Z each in [-1, 1]. */
export function parseCartesianPosition(r: JsonObjectReader, { field, extras }: SceneReading): AdmCartesianPosition {
  const X = field(() => r.number('X', numberIn(-1, 1)));
  const Y = field(() => r.number('Y', numberIn(-1, 1)));
  const Z = field(() => r.number('Z', numberIn(-1, 1)));
  return { X: X!, Y: Y!, Z: Z!, ...extras(r) };
}

export function parseBinauralRenderMode(r: JsonObjectReader, { field }: SceneReading): { binauralRenderMode?: BinauralRenderMode } {
  const mode = field(() =>
    r.optionalString('binauralRenderMode', {
      expected: `one of ${BINAURAL_RENDER_MODES.map((m) => `"${m}"`).join(', ')}`,
      accept: (v) => (BINAURAL_RENDER_MODES as readonly string[]).includes(v),
    }),
  ) as BinauralRenderMode | undefined;
  return mode === undefined ? {} : { binauralRenderMode: mode };
}

/** The ADM parameters an object or a block gives (ADM names: objectMetadata.ts); only those present. */
export function parseAdmParameters(r: JsonObjectReader, reading: SceneReading): ObjectAdmParameters {
  const { field } = reading;
  const numbers: Partial<Record<AdmNumberParameter, number>> = {};
  for (const name of ADM_NUMBER_PARAMETERS) {
    const { min, max } = ADM_NUMBER_LIMITS[name];
    const value = field(() => r.optionalNumber(name, numberIn(min, max)));
    if (value !== undefined) numbers[name] = value;
  }
  const channelLock = field(() => optional(r.optionalObject('channelLock'), (o) => parseChannelLock(o, reading)));
  const objectDivergence = field(() => optional(r.optionalObject('objectDivergence'), (o) => parseDivergence(o, reading)));
  const zoneExclusion = field(() => (r.has('zoneExclusion') ? parseZones(r, reading) : undefined));
  return {
    ...numbers,
    ...(channelLock === undefined ? {} : { channelLock }),
    ...(objectDivergence === undefined ? {} : { objectDivergence }),
    ...(zoneExclusion === undefined ? {} : { zoneExclusion }),
  };
}

function optional<T>(r: JsonObjectReader | undefined, read: (r: JsonObjectReader) => T): T | undefined {
  return r === undefined ? undefined : read(r);
}

function parseChannelLock(r: JsonObjectReader, { field, extras }: SceneReading): ChannelLock {
  const maxDistance = field(() => r.optionalNumber('maxDistance', numberIn(0, 2)));
  return { ...(maxDistance === undefined ? {} : { maxDistance }), ...extras(r) };
}

function parseDivergence(r: JsonObjectReader, { field, extras }: SceneReading): ObjectDivergence {
  const value = field(() => r.number('value', numberIn(0, 1)));
  const azimuthRange = field(() => r.optionalNumber('azimuthRange', numberIn(0, 180)));
  const positionRange = field(() => r.optionalNumber('positionRange', numberIn(0, 1)));
  if (azimuthRange !== undefined && positionRange !== undefined) {
    field(() => r.fail('positionRange', 'expected azimuthRange (a polar object) or positionRange (a Cartesian one), got both'));
  }
  return {
    value: value!,
    ...(azimuthRange === undefined ? {} : { azimuthRange }),
    ...(positionRange === undefined ? {} : { positionRange }),
    ...extras(r),
  };
}

const POLAR_ZONE_FIELDS = ['minAzimuth', 'maxAzimuth', 'minElevation', 'maxElevation'] as const;
const CARTESIAN_ZONE_FIELDS = ['minX', 'maxX', 'minY', 'maxY', 'minZ', 'maxZ'] as const;

function parseZones(r: JsonObjectReader, reading: SceneReading): ExclusionZone[] {
  const values = r.array('zoneExclusion');
  const max = SCENE_FILE_LIMITS.exclusionZones;
  if (values.length > max) r.fail('zoneExclusion', `expected at most ${max} zones, got ${values.length}`);
  const path = childPath(r.path, 'zoneExclusion');
  return values.map((value, i) => reading.field(() => parseZone(readJsonObject(value, reading.fileName, childPath(path, i)), reading))) as ExclusionZone[];
}

/** A polar zone (minAzimuth ... maxElevation, degrees) or a Cartesian one (minX ... maxZ, -1 to 1), each min at most its max. */
function parseZone(r: JsonObjectReader, { field, extras }: SceneReading): ExclusionZone {
  const polar = r.has('minAzimuth') || r.has('maxAzimuth') || r.has('minElevation') || r.has('maxElevation');
  const names = polar ? POLAR_ZONE_FIELDS : CARTESIAN_ZONE_FIELDS;
  const zone: Record<string, number> = {};
  for (const name of names) {
    const check = !polar ? numberIn(-1, 1) : name.endsWith('Azimuth') ? numberIn(-180, 180) : numberIn(-90, 90);
    const value = field(() => r.number(name, check));
    if (value !== undefined) zone[name] = value;
  }
  for (let i = 0; i < names.length; i += 2) {
    const [min, max] = [zone[names[i]!], zone[names[i + 1]!]];
    if (min !== undefined && max !== undefined && min > max && (!polar || !names[i]!.endsWith('Azimuth'))) {
      field(() => r.fail(names[i + 1]!, `expected at least ${names[i]} (${min}), got ${max}`));
    }
  }
  return { ...zone, ...extras(r) } as unknown as ExclusionZone;
}

/**
 * An object's timeline: 1 to SCENE_FILE_LIMITS.timelineBlocks blocks in time order, none
 * starting before the previous one ends, each interpolation no longer than its block.
 */
export function parseTimeline(r: JsonObjectReader, cartesian: boolean, reading: SceneReading): ObjectBlock[] {
  const values = r.array('timeline');
  const max = SCENE_FILE_LIMITS.timelineBlocks;
  if (values.length === 0) r.fail('timeline', 'expected at least one block (leave the timeline out for a static object)');
  if (values.length > max) r.fail('timeline', `expected at most ${max} blocks, got ${values.length}`);
  const path = childPath(r.path, 'timeline');
  const blocks = values.map((value, i) => reading.field(() => parseBlock(readJsonObject(value, reading.fileName, childPath(path, i)), cartesian, reading)));
  for (let i = 1; i < blocks.length; i++) {
    const previous = blocks[i - 1];
    const block = blocks[i];
    if (previous === undefined || block === undefined) continue;
    const previousEndSec = previous.rtimeSec + previous.durationSec;
    if (block.rtimeSec < previousEndSec - TIME_TOLERANCE_SEC) {
      reading.field(() => {
        throw new FieldError(
          reading.fileName,
          childPath(childPath(path, i), 'rtimeSec'),
          `expected blocks in time order without overlap: at least ${previousEndSec} (the end of timeline[${i - 1}]), got ${block.rtimeSec}`,
        );
      });
    }
  }
  return blocks as ObjectBlock[];
}

function parseBlock(r: JsonObjectReader, cartesian: boolean, reading: SceneReading): ObjectBlock {
  const { field, extras } = reading;
  const rtimeSec = field(() => r.number('rtimeSec', numberIn(0, MAX_TIME_SEC)));
  const durationSec = field(() => r.number('durationSec', numberIn(0, MAX_TIME_SEC)));
  const jumpPosition = field(() => optional(r.optionalObject('jumpPosition'), (o) => parseJump(o, durationSec, reading)));
  const position = field(() =>
    optional(r.optionalObject('position'), (o) => (cartesian ? { cartesianPosition: parseCartesianPosition(o, reading) } : { position: parsePolarPosition(o, reading) })),
  );
  const gainDb = field(() => r.optionalNumber('gainDb', numberIn(SCENE_LIMITS.gainDb.min, SCENE_LIMITS.gainDb.max)));
  const adm = parseAdmParameters(r, reading);
  return {
    rtimeSec: rtimeSec!,
    durationSec: durationSec!,
    ...(jumpPosition === undefined ? {} : { jumpPosition }),
    ...position,
    ...(gainDb === undefined ? {} : { gainDb }),
    ...adm,
    ...extras(r),
  };
}

function parseJump(r: JsonObjectReader, durationSec: number | undefined, { field, extras }: SceneReading): JumpPosition {
  const flag = field(() => r.boolean('flag'));
  const limit = durationSec ?? MAX_TIME_SEC;
  const interpolationLengthSec = field(() =>
    r.optionalNumber('interpolationLengthSec', { expected: `a number in [0, ${limit}] (at most the block's duration)`, accept: (v) => Number.isFinite(v) && v >= 0 && v <= limit }),
  );
  return { flag: flag!, interpolationLengthSec: interpolationLengthSec ?? 0, ...extras(r) };
}
