import type { Scene } from '../../core/scene/scene';
import { readAdmBwf } from '../../io/adm/admBwfRead';
import type { AdmBwf } from '../../io/adm/admBwfRead';
import { checkAtmosMasterProfile } from '../../io/adm/atmosMasterAdm';
import { wavSampleEncoding } from '../../io/wavDecode';
import type { DeliveryMaster, MasterObjectTrack } from '../../render/delivery/deliveryMaster';
import { importedMix } from '../../adm/importedMix';

/** An ADM BWF master as the delivery check takes it: its mix as a scene with stems, and its file's facts. */
export interface AdmDeliveryInput {
  readonly scene: Scene;
  /** As the renderer takes them: the scene's objects', then its beds', then its HOA stems'. */
  readonly stems: readonly (readonly Float32Array[])[];
  readonly master: DeliveryMaster;
  readonly warnings: readonly string[];
}

/**
 * Reads an ADM BWF file's bytes for the delivery check: the mix through the importer of
 * `npm run scene:from-adm` (admToScene: Objects channels become objects with timelines,
 * DirectSpeakers beds, HOA packs HOA stems), and from the file itself its sample rate and bits, its channel
 * count, its Objects channels (the tracks the check counts and looks at for silence) and
 * the Atmos Master ADM profile's stated constraints (io/adm/atmosMasterAdm.ts). Throws the
 * reader's and importer's FieldErrors naming the file.
 */
export function admDeliveryInput(bytes: Uint8Array, file: string): AdmDeliveryInput {
  const bwf = readAdmBwf(bytes, file);
  const mix = importedMix(bwf, file);
  const encoding = wavSampleEncoding(bytes, file);
  const master: DeliveryMaster = {
    sampleRateHz: bwf.audio.sampleRateHz,
    bitsPerSample: encoding.bits,
    channelCount: bwf.audio.channels.length,
    objects: objectTracks(bwf),
    admProfileProblems: checkAtmosMasterProfile({ document: bwf.document, chna: bwf.chna, audio: bwf.audio }),
  };
  const warnings = [...mix.warnings, ...(encoding.kind === 'float' ? [`${file}: ${encoding.bits}-bit float samples (a delivery master is 24-bit PCM)`] : [])];
  return { scene: mix.scene, stems: mix.stems, master, warnings };
}

/** Each file channel that carries an Objects channel, once, named by its audioObject (and channel format when the object has several). */
function objectTracks({ tracks, lookup, audio }: AdmBwf): MasterObjectTrack[] {
  const seen = new Set<number>();
  const objects: MasterObjectTrack[] = [];
  for (const track of tracks) {
    if (track.type !== 'Objects' || seen.has(track.channel)) continue;
    seen.add(track.channel);
    const object = lookup.object(track.objectIds[0] ?? '');
    const objectName = object === undefined ? track.trackUid : object.name.trim() === '' ? object.id : object.name;
    const several = tracks.filter((t) => t.type === 'Objects' && t.objectIds[0] === track.objectIds[0]).length > 1;
    const channelName = lookup.channelFormat(track.channelFormatId)?.name ?? track.channelFormatId;
    objects.push({ name: several ? `${objectName} ${channelName}` : objectName, samples: audio.channels[track.channel]! });
  }
  return objects;
}
