/**
 * Look-up of ADM elements by ID in a file's document, falling back on the ITU-R BS.2094
 * common definitions for the IDs the file references without defining them.
 */
import type { AdmChannelFormat, AdmDocument, AdmObject, AdmPackFormat, AdmStreamFormat, AdmTrackFormat, AdmTrackUid } from '../../core/adm/admModel';
import { bs2094CommonDefinitions } from './commonDefinitions';

export interface AdmLookup {
  readonly document: AdmDocument;
  object(id: string): AdmObject | undefined;
  packFormat(id: string): AdmPackFormat | undefined;
  channelFormat(id: string): AdmChannelFormat | undefined;
  streamFormat(id: string): AdmStreamFormat | undefined;
  /** The stream format a track format belongs to: its own reference, else the stream that lists it. */
  streamFormatOfTrack(trackFormatId: string): AdmStreamFormat | undefined;
  trackFormat(id: string): AdmTrackFormat | undefined;
  trackUid(id: string): AdmTrackUid | undefined;
  /** Whether `id` was found in the common definitions rather than the file. */
  isCommonDefinition(id: string): boolean;
}

function byId<T extends { readonly id: string }>(...lists: (readonly T[])[]): Map<string, T> {
  const map = new Map<string, T>();
  // Later lists first, so the file's own definitions (the first list) win.
  for (const list of [...lists].reverse()) for (const item of list) map.set(item.id, item);
  return map;
}

export function admLookup(document: AdmDocument): AdmLookup {
  const common = bs2094CommonDefinitions();
  const objects = byId(document.objects);
  const packs = byId(document.packFormats, common.packFormats);
  const channels = byId(document.channelFormats, common.channelFormats);
  const streams = byId(document.streamFormats, common.streamFormats);
  const tracks = byId(document.trackFormats, common.trackFormats);
  const uids = byId(document.trackUids);
  const streamListing = new Map<string, AdmStreamFormat>();
  for (const stream of [...common.streamFormats, ...document.streamFormats]) for (const track of stream.trackFormatIds) streamListing.set(track, stream);
  const ownIds = new Set([document.packFormats, document.channelFormats, document.streamFormats, document.trackFormats].flatMap((list) => list.map((item) => item.id)));
  return {
    document,
    object: (id) => objects.get(id),
    packFormat: (id) => packs.get(id),
    channelFormat: (id) => channels.get(id),
    streamFormat: (id) => streams.get(id),
    streamFormatOfTrack: (id) => {
      const own = tracks.get(id)?.streamFormatId;
      return own !== undefined ? streams.get(own) : streamListing.get(id);
    },
    trackFormat: (id) => tracks.get(id),
    trackUid: (id) => uids.get(id),
    isCommonDefinition: (id) => !ownIds.has(id) && (packs.has(id) || channels.has(id) || streams.has(id) || tracks.has(id)),
  };
}
