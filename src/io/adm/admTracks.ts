/**
 * Which file channel carries what: each `chna` entry's track UID resolved to its pack
 * format and channel format (through its track format and stream format, or the UID's
 * own channel format reference), and the objects that use it. The format references
 * must agree, as BS.2076 requires and the EBU ADM Renderer checks: a track UID of an
 * object must carry a pack format the object references (directly or nested) and a
 * channel format that pack references (directly or through nested packs). Every
 * disagreement is named in one FieldErrors.
 */
import { FieldError, FieldErrors } from '../../core/fieldError';
import type { AdmPackFormat, AdmTypeDefinition, ChnaEntry } from '../../core/adm/admModel';
import type { AdmLookup } from './admLookup';

export interface AdmTrackAssignment {
  /** 0-based channel of the file. */
  readonly channel: number;
  readonly trackUid: string;
  readonly packFormatId: string;
  readonly channelFormatId: string;
  readonly type: AdmTypeDefinition;
  /** The objects whose audioTrackUIDRef names this track UID. */
  readonly objectIds: readonly string[];
}

interface ResolvedUid {
  readonly packFormatId: string;
  readonly channelFormatId: string;
  /** How the channel format was reached, for messages: "audioTrackFormat AT_... and audioStreamFormat AS_...". */
  readonly via: string;
}

export function resolveTracks(chna: readonly ChnaEntry[], channelCount: number, lookup: AdmLookup, source: string): AdmTrackAssignment[] {
  const problems: FieldError[] = [];
  const problem = (path: string, text: string): void => {
    problems.push(new FieldError(source, path, text));
  };
  const resolved = new Map<string, ResolvedUid>();
  const channelOf = new Map<string, number>();
  for (const entry of chna) {
    const path = `chna track ${entry.trackIndex} ${entry.trackUid}`;
    if (channelOf.has(entry.trackUid)) problem(path, `audioTrackUID ${entry.trackUid} is listed twice in chna`);
    channelOf.set(entry.trackUid, entry.trackIndex - 1);
    if (entry.trackIndex > channelCount) {
      problem(path, `track index ${entry.trackIndex} but the file has ${channelCount} channels`);
      continue;
    }
    const uid = lookup.trackUid(entry.trackUid);
    const trackFormatId = uid?.trackFormatId ?? entry.trackFormatId;
    const packFormatId = uid?.packFormatId ?? entry.packFormatId;
    if (uid?.trackFormatId !== undefined && entry.trackFormatId !== '' && uid.trackFormatId !== entry.trackFormatId) {
      problem(path, `chna gives audioTrackFormat ${entry.trackFormatId} but the axml audioTrackUID gives ${uid.trackFormatId}`);
    }
    if (uid?.packFormatId !== undefined && entry.packFormatId !== '' && uid.packFormatId !== entry.packFormatId) {
      problem(path, `chna gives audioPackFormat ${entry.packFormatId} but the axml audioTrackUID gives ${uid.packFormatId}`);
    }
    if (lookup.packFormat(packFormatId) === undefined) {
      problem(path, `audioPackFormat ${JSON.stringify(packFormatId)} is neither in the file nor in the ITU-R BS.2094 common definitions`);
      continue;
    }
    if (uid?.channelFormatId !== undefined) {
      resolved.set(entry.trackUid, { packFormatId, channelFormatId: uid.channelFormatId, via: 'its audioChannelFormatIDRef' });
      continue;
    }
    const stream = lookup.streamFormatOfTrack(trackFormatId);
    if (lookup.trackFormat(trackFormatId) === undefined || stream === undefined || stream.channelFormatId === undefined) {
      problem(path, `audioTrackFormat ${JSON.stringify(trackFormatId)} leads to no audioChannelFormat (expected a track format whose audioStreamFormat references one)`);
      continue;
    }
    if (lookup.channelFormat(stream.channelFormatId) === undefined) {
      problem(path, `audioChannelFormat ${stream.channelFormatId} (of audioStreamFormat ${stream.id}) is not defined`);
      continue;
    }
    resolved.set(entry.trackUid, { packFormatId, channelFormatId: stream.channelFormatId, via: `audioTrackFormat ${trackFormatId} and audioStreamFormat ${stream.id}` });
  }

  const objectsOfUid = new Map<string, string[]>();
  for (const object of lookup.document.objects) {
    const packs = object.packFormatIds.map((id) => lookup.packFormat(id));
    object.packFormatIds.forEach((id, i) => {
      if (packs[i] === undefined) problem(`audioObject ${object.id}`, `audioPackFormat ${id} is neither in the file nor in the ITU-R BS.2094 common definitions`);
    });
    for (const uidId of object.trackUidIds) {
      if (uidId === 'ATU_00000000') continue; // BS.2076: a silent track.
      objectsOfUid.set(uidId, [...(objectsOfUid.get(uidId) ?? []), object.id]);
      const uid = resolved.get(uidId);
      if (uid === undefined) {
        if (!channelOf.has(uidId)) problem(`audioObject ${object.id}`, `audioTrackUID ${uidId} has no chna entry (expected every track UID of an object in chna)`);
        continue;
      }
      const trackPack = packs.find((pack) => pack !== undefined && packContainsPack(pack, uid.packFormatId, lookup));
      if (trackPack === undefined) {
        problem(`audioObject ${object.id}`, `audioTrackUID ${uidId} carries audioPackFormat ${uid.packFormatId}, which the object's audioPackFormat ${object.packFormatIds.join(', ')} does not contain (conflicting format references)`);
        continue;
      }
      const uidPack = lookup.packFormat(uid.packFormatId)!;
      if (!packContainsChannel(uidPack, uid.channelFormatId, lookup)) {
        problem(
          `audioObject ${object.id}`,
          `audioPackFormat ${uidPack.id} does not reference audioChannelFormat ${uid.channelFormatId}, which audioTrackUID ${uidId} (file track ${channelOf.get(uidId)! + 1}) reaches through ${uid.via} (conflicting format references)`,
        );
      }
    }
  }
  if (problems.length > 0) throw problems.length === 1 ? problems[0]! : new FieldErrors(source, problems);

  return [...resolved].map(([trackUid, uid]) => ({
    channel: channelOf.get(trackUid)!,
    trackUid,
    packFormatId: uid.packFormatId,
    channelFormatId: uid.channelFormatId,
    type: lookup.channelFormat(uid.channelFormatId)!.type,
    objectIds: objectsOfUid.get(trackUid) ?? [],
  }));
}

/** Whether `pack` is `packId` or nests it, at any depth (cycles stop). */
function packContainsPack(pack: AdmPackFormat, packId: string, lookup: AdmLookup): boolean {
  return packsWithin(pack, lookup).some((p) => p.id === packId);
}

function packContainsChannel(pack: AdmPackFormat, channelId: string, lookup: AdmLookup): boolean {
  return packsWithin(pack, lookup).some((p) => p.channelFormatIds.includes(channelId));
}

/** `pack` and every pack nested in it, each once. */
function packsWithin(pack: AdmPackFormat, lookup: AdmLookup): AdmPackFormat[] {
  const seen = new Map<string, AdmPackFormat>([[pack.id, pack]]);
  const queue = [pack];
  for (let i = 0; i < queue.length; i++) {
    for (const id of queue[i]!.packFormatIds) {
      const nested = lookup.packFormat(id);
      if (nested !== undefined && !seen.has(id)) {
        seen.set(id, nested);
        queue.push(nested);
      }
    }
  }
  return [...seen.values()];
}
