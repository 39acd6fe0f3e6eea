/**
 * HOA packs for a written ADM document (ITU-R BS.2076-2 typeDefinition HOA): the ITU-R
 * BS.2094 common definition of an order and normalisation where there is one (3D, ACN:
 * SN3D AP_00040001-06, N3D AP_00040011-16, FuMa AP_00040021-23; each order's pack nests
 * the lower order's), else the document's own pack with one audioChannelFormat per
 * component (order, degree, normalization), numbered from 0x1001 like the objects'.
 */
import type { AdmChannelFormat, AdmHoaBlock, AdmPackFormat, AdmStreamFormat, AdmTrackFormat } from '../../core/adm/admModel';
import { bs2094CommonDefinitions } from './commonDefinitions';

/** Where each component of an HOA pack goes: its channel format and track format, in ACN order. */
export interface HoaPackChannels {
  readonly packFormatId: string;
  /** trackFormatIds[acn]: the track format of component acn (n^2 + n + m). */
  readonly trackFormatIds: readonly string[];
}

/** The document's own formats an HOA pack needs (none for a common definition). */
export interface HoaOwnFormats {
  readonly packFormats: AdmPackFormat[];
  readonly channelFormats: AdmChannelFormat[];
  readonly streamFormats: AdmStreamFormat[];
  readonly trackFormats: AdmTrackFormat[];
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** The first pack number of each normalisation's 3D ACN series in BS.2094 (order N is base + N). */
const COMMON_PACK_BASE: Readonly<Record<string, number>> = { SN3D: 0x0, N3D: 0x10, FuMa: 0x20 };

/**
 * The common-definition pack of `order` and `normalization`, its components resolved
 * through the nested packs; undefined when BS.2094 has none (order 0, SN3D/N3D above 6,
 * FuMa above 3).
 */
export function commonHoaPack(order: number, normalization: string): HoaPackChannels | undefined {
  const base = COMMON_PACK_BASE[normalization];
  if (base === undefined || order < 1) return undefined;
  const common = bs2094CommonDefinitions();
  const packFormatId = `AP_0004${hex4(base + order)}`;
  const pack = common.packFormats.find((p) => p.id === packFormatId);
  if (pack === undefined || pack.type !== 'HOA') return undefined;
  const trackFormatIds: string[] = [];
  const queue = [pack];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!;
    for (const channelId of current.channelFormatIds) {
      const block = common.channelFormats.find((c) => c.id === channelId)?.blocks[0];
      const stream = common.streamFormats.find((s) => s.channelFormatId === channelId);
      if (block?.type !== 'HOA' || stream === undefined || (block.normalization ?? 'SN3D') !== normalization) return undefined;
      trackFormatIds[block.order * block.order + block.order + block.degree] = stream.trackFormatIds[0]!;
    }
    for (const nestedId of current.packFormatIds) {
      const nested = common.packFormats.find((p) => p.id === nestedId);
      if (nested !== undefined) queue.push(nested);
    }
  }
  const count = (order + 1) * (order + 1);
  if (trackFormatIds.length !== count || trackFormatIds.some((id) => id === undefined)) return undefined;
  return { packFormatId, trackFormatIds };
}

/**
 * An HOA pack of the document's own, named `name`: pack AP_0004<packNumber>, and per
 * component (ACN order) channel, stream and track formats numbered from `firstChannelNumber`.
 */
export function ownHoaPack(name: string, order: number, normalization: string, packNumber: number, firstChannelNumber: number, into: HoaOwnFormats): HoaPackChannels {
  const packFormatId = `AP_0004${hex4(packNumber)}`;
  const count = (order + 1) * (order + 1);
  const channelFormatIds: string[] = [];
  const trackFormatIds: string[] = [];
  for (let acn = 0; acn < count; acn++) {
    const n = Math.floor(Math.sqrt(acn));
    const number = hex4(firstChannelNumber + acn);
    const channelId = `AC_0004${number}`;
    const streamId = `AS_0004${number}`;
    const trackId = `AT_0004${number}_01`;
    const channelName = `${name} ${normalization}_ACN_${acn}`;
    const block: AdmHoaBlock = { type: 'HOA', id: `AB_0004${number}_00000001`, order: n, degree: acn - n * n - n, normalization };
    into.channelFormats.push({ id: channelId, name: channelName, type: 'HOA', blocks: [block] });
    into.streamFormats.push({ id: streamId, name: channelName, formatDefinition: 'PCM', channelFormatId: channelId, packFormatId, trackFormatIds: [trackId] });
    into.trackFormats.push({ id: trackId, name: channelName, formatDefinition: 'PCM', streamFormatId: streamId });
    channelFormatIds.push(channelId);
    trackFormatIds.push(trackId);
  }
  into.packFormats.push({ id: packFormatId, name, type: 'HOA', channelFormatIds, packFormatIds: [], normalization });
  return { packFormatId, trackFormatIds };
}
