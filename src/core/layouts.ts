import layoutData from './data/bs2051-layouts.json';
import { childPath } from './fieldError';
import { numberIn, readJsonObject } from './jsonFields';
import type { JsonObjectReader } from './jsonFields';
import type { Degrees } from './units';

/**
 * ITU-R BS.2051 loudspeaker layouts as frozen value objects, loaded from
 * `data/bs2051-layouts.json` (provenance in `data/README.md`), and 2+7+0 (7.1.2), which
 * the data README defines. Channels are in the Recommendation's order; files carry them
 * in the order `outputs/speakerMask.ts` gives (DESIGN.md section 4).
 */

const DATA_FILE = 'src/core/data/bs2051-layouts.json';

export const LAYOUT_NAMES = [
  '0+2+0',
  '0+5+0',
  '2+5+0',
  '4+5+0',
  '4+5+1',
  '3+7+0',
  '4+9+0',
  '9+10+3',
  '0+7+0',
  '4+7+0',
  '2+7+0',
] as const;

/** BS.2051 name: loudspeakers in the upper + middle + bottom layers. */
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** An angle range [min, max] in degrees; an azimuth range runs anticlockwise (to the left) from min to max. */
export type AngleRangeDeg = readonly [min: Degrees, max: Degrees];

/** A loudspeaker: where it is (BS.2076 angles) and where BS.2051 allows it to be. */
export interface LoudspeakerChannel {
  /** BS.2051 label, e.g. "M+030" (Middle layer, 30 degrees to the left). */
  readonly label: string;
  readonly isLfe: false;
  /** Where it is: BS.2051's nominal position, or the room's in a user layout (core/userLayout.ts). */
  readonly azimuthDeg: Degrees;
  readonly elevationDeg: Degrees;
  /** BS.2051's allowed range; [a, a] where the Recommendation allows only the nominal angle. */
  readonly azimuthRangeDeg: AngleRangeDeg;
  readonly elevationRangeDeg: AngleRangeDeg;
}

/** A low-frequency effects channel; BS.2051 gives it no position. */
export interface LfeChannel {
  readonly label: string;
  readonly isLfe: true;
}

export type LayoutChannel = LoudspeakerChannel | LfeChannel;

export interface LoudspeakerLayout {
  readonly name: LayoutName;
  /** BS.2051 sound system letter, e.g. "B" for 0+5+0; none for 2+7+0, which BS.2051 does not define. */
  readonly system?: string;
  /** Name in the trade, e.g. "5.1" or "7.1.4". */
  readonly commonName: string;
  /** In the Recommendation's order. */
  readonly channels: readonly LayoutChannel[];
  /** WAVE_FORMAT_EXTENSIBLE dwChannelMask of the channels; 0 for a layout WAVE has no bits for (data/README.md). */
  readonly channelMask: number;
  /** A user layout's name (core/userLayout.ts): its loudspeakers are where that room has them. */
  readonly roomName?: string;
}

/** The layout called `name`. */
export function getLayout(name: LayoutName): LoudspeakerLayout {
  const layout = LAYOUTS.get(name);
  if (layout === undefined) throw new Error(`no loudspeaker layout "${name}" in ${DATA_FILE}`);
  return layout;
}

export function isLayoutName(name: string): name is LayoutName {
  return (LAYOUT_NAMES as readonly string[]).includes(name);
}

/** Whether `azimuthDeg` lies in `range`, going anticlockwise from its min to its max (so [170, -170] spans the back). */
export function azimuthInRange(azimuthDeg: Degrees, range: AngleRangeDeg, toleranceDeg = 1e-9): boolean {
  const [min, max] = range;
  const span = (((max - min) % 360) + 360) % 360;
  const offset = (((azimuthDeg - min + toleranceDeg) % 360) + 360) % 360;
  return offset <= span + 2 * toleranceDeg;
}

/** Whether `elevationDeg` lies in `range`. */
export function elevationInRange(elevationDeg: Degrees, range: AngleRangeDeg, toleranceDeg = 1e-9): boolean {
  return elevationDeg >= range[0] - toleranceDeg && elevationDeg <= range[1] + toleranceDeg;
}

function readRange(record: JsonObjectReader, key: string, min: number, max: number): AngleRangeDeg {
  const values = record.array(key);
  const inRange = numberIn(min, max);
  if (values.length !== 2 || !values.every((v) => typeof v === 'number' && inRange.accept(v))) {
    record.fail(key, `expected two numbers in [${min}, ${max}]`);
  }
  return Object.freeze([values[0] as number, values[1] as number] as const);
}

function readChannel(value: unknown, path: string): LayoutChannel {
  const record = readJsonObject(value, DATA_FILE, path);
  const label = record.string('label');
  if (record.optionalBoolean('isLfe') === true) return Object.freeze({ label, isLfe: true });
  return Object.freeze({
    label,
    isLfe: false,
    azimuthDeg: record.number('azimuthDeg', numberIn(-180, 180, { min: true })),
    elevationDeg: record.number('elevationDeg', numberIn(-90, 90)),
    azimuthRangeDeg: readRange(record, 'azimuthRangeDeg', -180, 180),
    elevationRangeDeg: readRange(record, 'elevationRangeDeg', -90, 90),
  });
}

const HEXADECIMAL = { expected: 'a hexadecimal string such as "0x60F"', accept: (v: string) => /^0x[0-9a-f]+$/i.test(v) };

function readLayout(record: JsonObjectReader): LoudspeakerLayout {
  const name = record.string('name');
  if (!isLayoutName(name)) record.fail('name', `expected one of ${LAYOUT_NAMES.join(', ')}, got "${name}"`);
  const channelMask = Number(record.string('channelMask', HEXADECIMAL));
  const channelsPath = childPath(record.path, 'channels');
  const channels = record.array('channels').map((value, i) => readChannel(value, childPath(channelsPath, i)));
  const system = record.optionalString('system');
  return Object.freeze({
    name,
    ...(system === undefined ? {} : { system }),
    commonName: record.string('commonName'),
    channels: Object.freeze(channels),
    channelMask,
  });
}

const LAYOUTS: ReadonlyMap<LayoutName, LoudspeakerLayout> = new Map(
  readJsonObject(layoutData, DATA_FILE, '')
    .array('layouts')
    .map((value, i) => readLayout(readJsonObject(value, DATA_FILE, childPath('layouts', i))))
    .map((layout) => [layout.name, layout] as const),
);
