import layoutData from './data/bs2051-layouts.json';
import { childPath } from './fieldError';
import { numberIn, readJsonObject } from './jsonFields';
import type { JsonObjectReader } from './jsonFields';
import type { Degrees } from './units';

/**
 * ITU-R BS.2051 loudspeaker layouts as frozen value objects, loaded from
 * `data/bs2051-layouts.json` (provenance in `data/README.md`). Channels are in the
 * Recommendation's order; files carry them in mask-bit order (outputs/speakerMask.ts,
 * DESIGN.md section 4).
 */

const DATA_FILE = 'src/core/data/bs2051-layouts.json';

export const LAYOUT_NAMES = ['0+2+0', '0+5+0', '2+5+0', '4+5+0', '0+7+0', '4+7+0'] as const;

/** BS.2051 name: loudspeakers in the upper + middle + bottom layers. */
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** A loudspeaker at its BS.2051 nominal position (BS.2076 angles). */
export interface LoudspeakerChannel {
  /** BS.2051 label, e.g. "M+030" (Middle layer, 30 degrees to the left). */
  readonly label: string;
  readonly isLfe: false;
  readonly azimuthDeg: Degrees;
  readonly elevationDeg: Degrees;
}

/** A low-frequency effects channel; BS.2051 gives it no position. */
export interface LfeChannel {
  readonly label: string;
  readonly isLfe: true;
}

export type LayoutChannel = LoudspeakerChannel | LfeChannel;

export interface LoudspeakerLayout {
  readonly name: LayoutName;
  /** BS.2051 sound system letter, e.g. "B" for 0+5+0. */
  readonly system: string;
  /** Name in the trade, e.g. "5.1" or "7.1.4". */
  readonly commonName: string;
  /** In the Recommendation's order. */
  readonly channels: readonly LayoutChannel[];
  /** WAVE_FORMAT_EXTENSIBLE dwChannelMask of the channels. */
  readonly channelMask: number;
}

/** The layout called `name`. */
export function getLayout(name: LayoutName): LoudspeakerLayout {
  const layout = LAYOUTS.get(name);
  if (layout === undefined) throw new Error(`no loudspeaker layout "${name}" in ${DATA_FILE}`);
  return layout;
}

function isLayoutName(name: string): name is LayoutName {
  return (LAYOUT_NAMES as readonly string[]).includes(name);
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
  });
}

const HEXADECIMAL = { expected: 'a hexadecimal string such as "0x60F"', accept: (v: string) => /^0x[0-9a-f]+$/i.test(v) };

function readLayout(record: JsonObjectReader): LoudspeakerLayout {
  const name = record.string('name');
  if (!isLayoutName(name)) record.fail('name', `expected one of ${LAYOUT_NAMES.join(', ')}, got "${name}"`);
  const channelMask = Number(record.string('channelMask', HEXADECIMAL));
  const channelsPath = childPath(record.path, 'channels');
  const channels = record.array('channels').map((value, i) => readChannel(value, childPath(channelsPath, i)));
  return Object.freeze({
    name,
    system: record.string('system'),
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
