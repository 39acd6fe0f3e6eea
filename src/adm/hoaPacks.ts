import type { AdmChannelFormat, AdmHoaBlock, AdmPackFormat } from '../core/adm/admModel';
import { FieldError } from '../core/fieldError';
import { AMBISONIC_LIMITS, AMBISONIC_NORMALIZATIONS, ambisonicChannelCount } from '../core/scene/ambisonicStem';
import type { AmbisonicNormalization } from '../core/scene/ambisonicStem';

/** One file channel of an HOA pack: its channel format and its samples. */
export interface AdmHoaTrack {
  readonly channelFormat: AdmChannelFormat;
  readonly samples: Float32Array;
}

/** An HOA pack as a scene's HOA stem: its order and normalisation, the stem's channels in ACN order. */
export interface AdmHoaStem {
  readonly order: number;
  readonly normalization: AmbisonicNormalization;
  readonly channels: readonly Float32Array[];
  readonly warnings: readonly string[];
}

/** ITU-R BS.2076-2: an HOA block without <normalization> (and a pack without one) is SN3D. */
const ADM_DEFAULT_NORMALIZATION = 'SN3D';

/**
 * An HOA pack's channels (BS.2076 typeDefinition HOA, such as BS.2094's common definitions
 * AP_0004xxxx) as an HOA stem: each channel's order and degree from its first
 * audioBlockFormat, the normalisation from the blocks (else the pack's, else SN3D), the
 * same for every channel. The channels must hold every component of orders 0 to N once,
 * (N + 1)^2 of them (BS.2127 renders any set, but the scene's stems are full orders); the
 * stem has them in ACN order (n^2 + n + m). Throws a FieldError naming the file, the pack
 * or channel format and the field otherwise. nfcRefDist and screenRef are not rendered
 * (nor are they by the EBU ADM Renderer's decoder), nor blocks after a channel's first:
 * a warning says so.
 */
export function admHoaStem(fileName: string, objectId: string, pack: AdmPackFormat, tracks: readonly AdmHoaTrack[]): AdmHoaStem {
  const warnings: string[] = [];
  const components = tracks.map(({ channelFormat }) => {
    const block = channelFormat.blocks.find((b): b is AdmHoaBlock => b.type === 'HOA');
    if (block === undefined) throw new FieldError(fileName, `audioChannelFormat ${channelFormat.id}`, 'an HOA channel without an audioBlockFormat (expected one with <order> and <degree>)');
    return { channelFormat, block, normalization: block.normalization ?? pack.normalization ?? ADM_DEFAULT_NORMALIZATION };
  });
  const normalization = components[0]!.normalization;
  for (const { channelFormat, normalization: own } of components) {
    const at = `audioChannelFormat ${channelFormat.id} normalization`;
    if (!(AMBISONIC_NORMALIZATIONS as readonly string[]).includes(own)) throw new FieldError(fileName, at, `expected one of ${AMBISONIC_NORMALIZATIONS.join(', ')}, got ${JSON.stringify(own)}`);
    if (own !== normalization) throw new FieldError(fileName, at, `expected the pack's channels to share one normalisation (${normalization}, as ${components[0]!.channelFormat.id}), got ${own}`);
  }
  const order = Math.max(...components.map((c) => c.block.order));
  const packPath = `audioPackFormat ${pack.id} (audioObject ${objectId})`;
  const { maxOrder, fuMaMaxOrder } = AMBISONIC_LIMITS;
  if (order > maxOrder) throw new FieldError(fileName, packPath, `HOA order ${order} (expected at most ${maxOrder})`);
  if (normalization === 'FuMa' && order > fuMaMaxOrder) throw new FieldError(fileName, packPath, `FuMa normalisation at order ${order} (FuMa is defined up to order ${fuMaMaxOrder})`);
  const expected = ambisonicChannelCount(order);
  const byAcn = new Map<number, AdmHoaTrack>();
  components.forEach(({ block, channelFormat }, k) => {
    const acn = block.order * block.order + block.order + block.degree;
    const first = byAcn.get(acn);
    if (first !== undefined) throw new FieldError(fileName, packPath, `order ${block.order} degree ${block.degree} twice (audioChannelFormat ${first.channelFormat.id} and ${channelFormat.id}; expected each component once)`);
    byAcn.set(acn, tracks[k]!);
  });
  if (byAcn.size !== expected) {
    const missing = Array.from({ length: expected }, (_, acn) => acn).filter((acn) => !byAcn.has(acn)).map(describeAcn);
    throw new FieldError(fileName, packPath, `${byAcn.size} HOA channels for order ${order} (expected (order + 1)^2 = ${expected}, every component of orders 0 to ${order}; missing ${missing.join(', ')})`);
  }
  const nfc = components.find((c) => c.block.nfcRefDist !== undefined && c.block.nfcRefDist > 0);
  if (nfc !== undefined) warnings.push(`${fileName}: ${packPath}: nfcRefDist ${nfc.block.nfcRefDist} m is not rendered (no near-field compensation)`);
  const timed = components.find((c) => c.channelFormat.blocks.filter((b) => b.type === 'HOA').length > 1);
  if (timed !== undefined) warnings.push(`${fileName}: audioChannelFormat ${timed.channelFormat.id}: ${timed.channelFormat.blocks.length} HOA blocks; the first one's metadata is used for the whole file`);
  if (components.some((c) => c.block.screenRef === true)) warnings.push(`${fileName}: ${packPath}: screenRef is not rendered (HOA is not screen-scaled)`);
  return { order, normalization: normalization as AmbisonicNormalization, channels: Array.from({ length: expected }, (_, acn) => byAcn.get(acn)!.samples), warnings };
}

function describeAcn(acn: number): string {
  const n = Math.floor(Math.sqrt(acn));
  return `order ${n} degree ${acn - n * n - n}`;
}
