import type { JsonObjectReader } from '../jsonFields';
import type { StemReference } from './scene';
import {
  AMBISONIC_CHANNEL_ORDERS,
  AMBISONIC_LIMITS,
  AMBISONIC_NORMALIZATIONS,
  DEFAULT_AMBISONIC_CHANNEL_ORDER,
  DEFAULT_AMBISONIC_NORMALIZATION,
} from './ambisonicStem';
import type { AmbisonicChannelOrder, AmbisonicNormalization, SceneAmbisonics } from './ambisonicStem';
import type { SceneReading } from './sceneReading';
import { parseStemList, parseStripHead, parseStripLevels } from './stemStripParse';

/**
 * The scene's HOA stems (`ambisonics`, version 2): each a stem with its order, its
 * normalisation and channel order (absent: SN3D and ACN, AmbiX), gain, mute and solo. The
 * stem's channel count, (order + 1)^2, is checked when the stem is loaded
 * (checkAmbisonicStemChannels).
 */
export function parseAmbisonics(root: JsonObjectReader, reading: SceneReading, parseStem: (r: JsonObjectReader) => StemReference): SceneAmbisonics[] | undefined {
  return parseStemList(root, reading, { key: 'ambisonics', max: AMBISONIC_LIMITS.stems, noun: 'HOA stems' }, (r) => parseOne(r, reading, parseStem));
}

function parseOne(r: JsonObjectReader, reading: SceneReading, parseStem: (r: JsonObjectReader) => StemReference): SceneAmbisonics {
  const { field, extras } = reading;
  const { id, name, stem } = parseStripHead(r, reading, parseStem);
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
  const { gainDb, mute, solo, color } = parseStripLevels(r, reading);
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
