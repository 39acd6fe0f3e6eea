/**
 * An ADM BWF model in the shape of the Dolby Atmos Master ADM Profile (v1.0), as far as
 * its public summaries state it: 48 kHz, 24-bit PCM, at most 128 channels of which at
 * most 118 objects; one audioProgramme; every audioContent with a `dialogue` element; the bed as DirectSpeakers on a common-definition
 * pack (ITU-R BS.2094, e.g. AP_00010016 for 7.1.2); each object one Objects pack with
 * Cartesian positions (cartesian 1, X, Y, Z); every audioTrackUID referencing its track
 * and pack format; IDs numbered from 1001 (APR_1001, ACO_1001, AO_1001) and 0x1001 for
 * the formats (AP_00031001, AC_00031001, AS_00031001, AT_00031001_01, AB_00031001_00000001).
 * Each audioContent carries its `dialogue` kind (MediaArea's profile checks list it). Not
 * verified against the profile's full text (not public): the element order, the fmt
 * chunk tag (EXTENSIBLE with mask 0 above two channels), the audioContent grouping (one
 * per object here), the object naming, and anything beyond the constraints above.
 * HOA stems, which the profile does not have, are written after the objects as BS.2076-2
 * HOA packs (hoaPackWrite.ts), their gain as the audioObject's; such a file is for a
 * BS.2127 renderer, and checkAtmosMasterProfile reports them.
 */
import type { AdmChannelFormat, AdmContent, AdmObject, AdmObjectsBlock, AdmPackFormat, AdmStreamFormat, AdmTrackFormat, AdmTrackUid, ChnaEntry } from '../../core/adm/admModel';
import type { AdmBwfContent } from './admBwfWrite';
import { admLookup } from './admLookup';
import { bs2094CommonDefinitions } from './commonDefinitions';
import { commonHoaPack, ownHoaPack } from './hoaPackWrite';

export const ATMOS_MASTER_SAMPLE_RATE_HZ = 48000;
export const ATMOS_MASTER_MAX_CHANNELS = 128;
export const ATMOS_MASTER_MAX_OBJECTS = 118;

/** A bed: the channels of a common-definition DirectSpeakers pack, in the pack's order. */
export interface AtmosBedInput {
  readonly name: string;
  /** The content's BS.2076 dialogue kind: 0 none (default), 1 dialogue, 2 mixed. */
  readonly dialogue?: 0 | 1 | 2;
  readonly packFormatId: string;
  readonly channels: readonly Float32Array[];
}

/** An object's blocks: timing and the Objects fields, with a Cartesian position. */
export type AtmosObjectBlock = Omit<AdmObjectsBlock, 'type' | 'id' | 'position'> & { readonly position: { readonly x: number; readonly y: number; readonly z: number } };

export interface AtmosObjectInput {
  readonly name: string;
  /** As for the bed; default 0. */
  readonly dialogue?: 0 | 1 | 2;
  readonly samples: Float32Array;
  readonly blocks: readonly AtmosObjectBlock[];
}

/**
 * An HOA (scene-based) stem: its components in ACN order with one normalisation, and its
 * gain as the audioObject's. Beyond the Atmos profile (it has no HOA): a master with one is
 * a BS.2076-2 file the profile check reports (checkAtmosMasterProfile).
 */
export interface AdmHoaInput {
  readonly name: string;
  readonly order: number;
  readonly normalization: string;
  /** Linear; absent: 1 (no gain element). */
  readonly gain?: number;
  readonly channels: readonly Float32Array[];
}

export interface AtmosMasterInput {
  readonly programmeName: string;
  readonly bed?: AtmosBedInput;
  /** More beds, after `bed`, each its own audioObject. */
  readonly beds?: readonly AtmosBedInput[];
  readonly objects: readonly AtmosObjectInput[];
  /** HOA stems, after the objects, each its own audioObject on an HOA pack (hoaPackWrite.ts). */
  readonly hoa?: readonly AdmHoaInput[];
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** The model of a master file holding `input`. Throws a RangeError naming what breaks the profile. */
export function buildAtmosMasterAdm(input: AtmosMasterInput): AdmBwfContent {
  const common = admLookup({ programmes: [], contents: [], objects: [], packFormats: [], channelFormats: [], streamFormats: [], trackFormats: [], trackUids: [] });
  const contents: AdmContent[] = [];
  const objects: AdmObject[] = [];
  const packFormats: AdmPackFormat[] = [];
  const channelFormats: AdmChannelFormat[] = [];
  const streamFormats: AdmStreamFormat[] = [];
  const trackFormats: AdmTrackFormat[] = [];
  const trackUids: AdmTrackUid[] = [];
  const chna: ChnaEntry[] = [];
  const channels: Float32Array[] = [];
  const addTrack = (trackFormatId: string, packFormatId: string, samples: Float32Array): string => {
    const id = `ATU_${hex8(channels.length + 1)}`;
    channels.push(samples);
    trackUids.push({ id, sampleRateHz: ATMOS_MASTER_SAMPLE_RATE_HZ, bitDepth: 24, trackFormatId, packFormatId });
    chna.push({ trackIndex: channels.length, trackUid: id, trackFormatId, packFormatId });
    return id;
  };
  const addObject = (name: string, packFormatId: string, uids: string[], dialogue: 0 | 1 | 2, gain?: number): void => {
    const number = 1001 + objects.length;
    objects.push({ id: `AO_${number}`, name, ...(gain === undefined ? {} : { gain }), packFormatIds: [packFormatId], objectIds: [], trackUidIds: uids });
    contents.push({ id: `ACO_${number}`, name, objectIds: [`AO_${number}`], dialogue });
  };

  for (const bed of [...(input.bed === undefined ? [] : [input.bed]), ...(input.beds ?? [])]) {
    const pack = common.packFormat(bed.packFormatId);
    if (pack === undefined || pack.type !== 'DirectSpeakers' || !common.isCommonDefinition(pack.id)) {
      throw new RangeError(`Atmos master: bed pack ${bed.packFormatId} (expected a DirectSpeakers pack of the ITU-R BS.2094 common definitions, e.g. AP_00010016 for 7.1.2)`);
    }
    if (bed.channels.length !== pack.channelFormatIds.length) throw new RangeError(`Atmos master: bed of ${bed.channels.length} channels for pack ${pack.id} of ${pack.channelFormatIds.length}`);
    const trackOfChannel = new Map(bs2094CommonDefinitions().streamFormats.filter((s) => s.channelFormatId !== undefined).map((s) => [s.channelFormatId!, s.trackFormatIds[0]!]));
    const uids = pack.channelFormatIds.map((channelId, k) => addTrack(trackOfChannel.get(channelId)!, pack.id, bed.channels[k]!));
    addObject(bed.name, pack.id, uids, bed.dialogue ?? 0);
  }
  input.objects.forEach((object, k) => {
    const n = 0x1001 + k;
    const packId = `AP_0003${hex4(n)}`;
    const channelId = `AC_0003${hex4(n)}`;
    const streamId = `AS_0003${hex4(n)}`;
    const trackId = `AT_0003${hex4(n)}_01`;
    packFormats.push({ id: packId, name: object.name, type: 'Objects', channelFormatIds: [channelId], packFormatIds: [] });
    channelFormats.push({
      id: channelId,
      name: object.name,
      type: 'Objects',
      blocks: object.blocks.map((block, b) => ({ ...block, type: 'Objects', id: `AB_0003${hex4(n)}_${hex8(b + 1)}`, position: { coordinates: 'cartesian', ...block.position } })),
    });
    streamFormats.push({ id: streamId, name: object.name, formatDefinition: 'PCM', channelFormatId: channelId, trackFormatIds: [trackId] });
    trackFormats.push({ id: trackId, name: object.name, formatDefinition: 'PCM', streamFormatId: streamId });
    addObject(object.name, packId, [addTrack(trackId, packId, object.samples)], object.dialogue ?? 0);
  });
  const ownHoa = { packs: 0, channels: 0 };
  for (const hoa of input.hoa ?? []) {
    const count = (hoa.order + 1) * (hoa.order + 1);
    if (hoa.channels.length !== count) throw new RangeError(`ADM master: HOA stem "${hoa.name}" of order ${hoa.order} has ${hoa.channels.length} channels (expected (order + 1)^2 = ${count})`);
    const own = { packFormats, channelFormats, streamFormats, trackFormats };
    let pack = commonHoaPack(hoa.order, hoa.normalization);
    if (pack === undefined) {
      pack = ownHoaPack(hoa.name, hoa.order, hoa.normalization, 0x1001 + ownHoa.packs, 0x1001 + ownHoa.channels, own);
      ownHoa.packs += 1;
      ownHoa.channels += count;
    }
    const { packFormatId } = pack;
    const uids = pack.trackFormatIds.map((trackFormatId, acn) => addTrack(trackFormatId, packFormatId, hoa.channels[acn]!));
    addObject(hoa.name, packFormatId, uids, 0, hoa.gain);
  }

  const content: AdmBwfContent = {
    document: {
      programmes: [{ id: 'APR_1001', name: input.programmeName, contentIds: contents.map((c) => c.id) }],
      contents,
      objects,
      packFormats,
      channelFormats,
      streamFormats,
      trackFormats,
      trackUids,
    },
    chna,
    audio: { sampleRateHz: ATMOS_MASTER_SAMPLE_RATE_HZ, channels },
  };
  const problems = checkAtmosMasterProfile(content, { allowHoa: true });
  if (problems.length > 0) throw new RangeError(`Atmos master: ${problems.join('; ')}`);
  return content;
}

/**
 * What in `content` breaks the profile's stated constraints (empty when nothing does).
 * `allowHoa`: HOA packs pass (the builder's own check: a scene's HOA stems are written as
 * BS.2076 HOA packs, which the profile does not have and a delivery check reports).
 */
export function checkAtmosMasterProfile(content: AdmBwfContent, { allowHoa = false }: { readonly allowHoa?: boolean } = {}): string[] {
  const { document, audio } = content;
  const problems: string[] = [];
  const lookup = admLookup(document);
  if (audio.sampleRateHz !== ATMOS_MASTER_SAMPLE_RATE_HZ) problems.push(`sample rate ${audio.sampleRateHz} Hz (expected ${ATMOS_MASTER_SAMPLE_RATE_HZ})`);
  if (audio.channels.length > ATMOS_MASTER_MAX_CHANNELS) problems.push(`${audio.channels.length} channels (expected at most ${ATMOS_MASTER_MAX_CHANNELS})`);
  const objectCount = document.objects.filter((o) => o.packFormatIds.some((id) => lookup.packFormat(id)?.type === 'Objects')).length;
  if (objectCount > ATMOS_MASTER_MAX_OBJECTS) problems.push(`${objectCount} objects (expected at most ${ATMOS_MASTER_MAX_OBJECTS})`);
  if (document.programmes.length !== 1) problems.push(`${document.programmes.length} audioProgrammes (expected one)`);
  for (const content of document.contents) if (content.dialogue === undefined) problems.push(`audioContent ${content.id} has no dialogue element (expected 0, 1 or 2)`);
  for (const object of document.objects) {
    if (object.packFormatIds.length !== 1) problems.push(`audioObject ${object.id} has ${object.packFormatIds.length} audioPackFormatIDRefs (expected one)`);
    const pack = lookup.packFormat(object.packFormatIds[0] ?? '');
    if (pack !== undefined && pack.type !== 'Objects' && !(pack.type === 'DirectSpeakers' && lookup.isCommonDefinition(pack.id)) && !(allowHoa && pack.type === 'HOA')) {
      problems.push(`audioObject ${object.id} uses ${pack.type} pack ${pack.id} (expected Objects, or a DirectSpeakers bed of the common definitions)`);
    }
  }
  for (const channel of document.channelFormats) {
    for (const block of channel.blocks) {
      if (block.type === 'Objects' && block.position.coordinates !== 'cartesian') problems.push(`audioBlockFormat ${block.id} has a polar position (expected Cartesian X, Y, Z)`);
    }
  }
  for (const uid of document.trackUids) {
    if (uid.trackFormatId === undefined || uid.packFormatId === undefined) problems.push(`audioTrackUID ${uid.id} lacks its audioTrackFormatIDRef or audioPackFormatIDRef (expected both)`);
  }
  return problems;
}
