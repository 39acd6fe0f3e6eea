import { numberIn, readJsonObject } from '../jsonFields';
import type { JsonObjectReader } from '../jsonFields';
import { SCENE_FILE_LIMITS, SCENE_LIMITS } from './scene';
import type { StemReference } from './scene';
import {
  AMBISONIC_CHANNEL_ORDERS,
  AMBISONIC_LIMITS,
  AMBISONIC_NORMALIZATIONS,
  DEFAULT_AMBISONIC_CHANNEL_ORDER,
  DEFAULT_AMBISONIC_NORMALIZATION,
} from './ambisonicStem';
import type { AmbisonicChannelOrder, AmbisonicNormalization, SceneAmbisonics } from './ambisonicStem';
import { COLOR_CHECK, shortText } from './sceneReading';
import type { SceneReading } from './sceneReading';

/**
 * The scene's HOA stems (`ambisonics`, version 2): each a stem with its order, its
 * normalisation and channel order (absent: SN3D and ACN, AmbiX), gain, mute and solo. The
 * stem's channel count, (order + 1)^2, is checked when the stem is loaded
 * (checkAmbisonicStemChannels).
 */
export function parseAmbisonics(root: JsonObjectReader, reading: SceneReading, parseStem: (r: JsonObjectReader) => StemReference): SceneAmbisonics[] | undefined {
  if (!root.has('ambisonics')) return undefined;
  const values = root.array('ambisonics');
  const max = AMBISONIC_LIMITS.stems;
  if (values.length > max) root.fail('ambisonics', `expected at most ${max} HOA stems, got ${values.length}`);
  return values.map((value, i) => reading.field(() => parseOne(readJsonObject(value, reading.fileName, `ambisonics[${i}]`), reading, parseStem))) as SceneAmbisonics[];
}

function parseOne(r: JsonObjectReader, reading: SceneReading, parseStem: (r: JsonObjectReader) => StemReference): SceneAmbisonics {
  const { field, extras } = reading;
  const text = shortText(SCENE_FILE_LIMITS.textChars);
  const id = field(() => r.string('id', text));
  const name = field(() => r.string('name', text));
  const stem = field(() => parseStem(r.object('stem')));
  const { maxOrder, fuMaMaxOrder } = AMBISONIC_LIMITS;
  const order = field(() =>
    r.number('order', { expected: `an HOA order, an integer in [0, ${maxOrder}] (the stem has (order + 1)^2 channels)`, accept: (v) => Number.isInteger(v) && v >= 0 && v <= maxOrder }),
  );
  const normalization = field(() => optionalChoice(r, 'normalization', AMBISONIC_NORMALIZATIONS)) ?? DEFAULT_AMBISONIC_NORMALIZATION;
  const channelOrder = field(() => optionalChoice(r, 'channelOrder', AMBISONIC_CHANNEL_ORDERS)) ?? DEFAULT_AMBISONIC_CHANNEL_ORDER;
  if (order !== undefined && order > fuMaMaxOrder) {
    if (normalization === 'FuMa') field(() => r.fail('normalization', `expected SN3D or N3D for order ${order} (FuMa is defined up to order ${fuMaMaxOrder}), got "FuMa"`));
    if (channelOrder === 'FuMa') field(() => r.fail('channelOrder', `expected ACN for order ${order} (FuMa's channel letters go up to order ${fuMaMaxOrder}), got "FuMa"`));
  }
  const gainDb = field(() => r.number('gainDb', numberIn(SCENE_LIMITS.gainDb.min, SCENE_LIMITS.gainDb.max)));
  const mute = field(() => r.boolean('mute'));
  const solo = field(() => r.boolean('solo'));
  const color = field(() => r.optionalString('color', COLOR_CHECK));
  return {
    id: id!,
    name: name!,
    stem: stem!,
    order: order!,
    normalization: normalization as AmbisonicNormalization,
    channelOrder: channelOrder as AmbisonicChannelOrder,
    gainDb: gainDb!,
    mute: mute!,
    solo: solo!,
    ...(color === undefined ? {} : { color }),
    ...extras(r),
  };
}

function optionalChoice<T extends string>(r: JsonObjectReader, key: string, choices: readonly T[]): T | undefined {
  return r.optionalString(key, { expected: `one of ${choices.map((c) => `"${c}"`).join(', ')}`, accept: (v) => (choices as readonly string[]).includes(v) }) as T | undefined;
}
