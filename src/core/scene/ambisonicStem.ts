import type { Decibels } from '../units';
import type { ExtraFields, StemReference } from './scene';

/**
 * An HOA (scene-based, ITU-R BS.2076 typeDefinition HOA) stem: a multichannel stem holding
 * every spherical-harmonic component of orders 0 to `order`, (order + 1)^2 channels, in
 * `channelOrder` with `normalization`. Rendered as BS.2127 renders HOA: a decode matrix
 * per loudspeaker layout (dsp/ambisonics/allradDecoder.ts); the scene rotation turns the
 * field as it turns the objects (render/ambisonics/ambisonicRotation.ts).
 */
export interface SceneAmbisonics {
  /** Unique among the scene's objects, beds and HOA stems. */
  readonly id: string;
  readonly name: string;
  readonly stem: StemReference;
  readonly order: number;
  readonly normalization: AmbisonicNormalization;
  readonly channelOrder: AmbisonicChannelOrder;
  readonly gainDb: Decibels;
  readonly mute: boolean;
  readonly solo: boolean;
  readonly color?: string;
  readonly extraFields?: ExtraFields;
}

/** BS.2076's HOA normalisations: SN3D (AmbiX), N3D, and FuMa (Furse-Malham, orders up to 3). */
export const AMBISONIC_NORMALIZATIONS = ['SN3D', 'N3D', 'FuMa'] as const;
export type AmbisonicNormalization = (typeof AMBISONIC_NORMALIZATIONS)[number];

/** Stem channel orders: ACN (AmbiX), and FuMa's W X Y Z R S T U V K L M N O P Q (orders up to 3). */
export const AMBISONIC_CHANNEL_ORDERS = ['ACN', 'FuMa'] as const;
export type AmbisonicChannelOrder = (typeof AMBISONIC_CHANNEL_ORDERS)[number];

/** Absent from a file: AmbiX. */
export const DEFAULT_AMBISONIC_NORMALIZATION: AmbisonicNormalization = 'SN3D';
export const DEFAULT_AMBISONIC_CHANNEL_ORDER: AmbisonicChannelOrder = 'ACN';

/**
 * Limits the loader enforces. Order 7 is 64 channels, each a voice on every bus; FuMa
 * defines its weights and its channel letters up to order 3 only.
 */
export const AMBISONIC_LIMITS = { maxOrder: 7, fuMaMaxOrder: 3, stems: 64 } as const;

/** The stem's format as engineers name it: "AmbiX" (SN3D, ACN), "FuMa", else normalisation and channel order ("N3D, ACN"). */
export function ambisonicFormatName({ normalization, channelOrder }: Pick<SceneAmbisonics, 'normalization' | 'channelOrder'>): string {
  if (normalization === 'SN3D' && channelOrder === 'ACN') return 'AmbiX';
  if (normalization === 'FuMa' && channelOrder === 'FuMa') return 'FuMa';
  return `${normalization}, ${channelOrder}`;
}

/** The order N of a full HOA stem of `channelCount` = (N + 1)^2 channels with 1 <= N <= maxOrder; undefined for any other count. */
export function ambisonicOrderOfChannels(channelCount: number): number | undefined {
  const order = Math.round(Math.sqrt(channelCount)) - 1;
  return order >= 1 && order <= AMBISONIC_LIMITS.maxOrder && ambisonicChannelCount(order) === channelCount ? order : undefined;
}

/** Channels of a full HOA stem of `order`: (order + 1)^2. */
export function ambisonicChannelCount(order: number): number {
  return (order + 1) * (order + 1);
}

/** The ACN (n^2 + n + m) of each FuMa channel W X Y Z R S T U V K L M N O P Q, by its order n and degree m. */
const FUMA_CHANNEL_ACN: readonly number[] = [0, 3, 1, 2, 6, 7, 5, 8, 4, 12, 13, 11, 14, 10, 15, 9];

/** Per stem channel, the ACN of the component it holds. */
export function ambisonicChannelAcns(order: number, channelOrder: AmbisonicChannelOrder): number[] {
  const count = ambisonicChannelCount(order);
  return channelOrder === 'ACN' ? Array.from({ length: count }, (_, c) => c) : FUMA_CHANNEL_ACN.slice(0, count);
}

/** Throws, naming the HOA stem, when its stem's channel count is not (order + 1)^2. */
export function checkAmbisonicStemChannels(ambisonics: SceneAmbisonics, stemChannels: number, describe: string): void {
  const expected = ambisonicChannelCount(ambisonics.order);
  if (stemChannels !== expected) {
    throw new Error(`${describe}: HOA stem "${ambisonics.name}" of order ${ambisonics.order} needs ${expected} channels ((order + 1)^2) but its stem has ${stemChannels}`);
  }
}
