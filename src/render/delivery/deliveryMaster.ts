import { getLayout } from '../../core/layouts';
import { ambisonicChannelCount } from '../../core/scene/ambisonicStem';
import { sceneStrips } from '../../core/scene/scene';
import type { Scene } from '../../core/scene/scene';

/**
 * What the delivery check reads of a master besides its mix: its file format, its object
 * tracks and what its ADM says. For an ADM BWF file the caller reads these from the file
 * (the command line: cli/analyze/admDeliveryMaster.ts); for a scene, sceneAsMaster says
 * what its ADM export (render/adm/sceneAdmRender.ts) would write.
 */
export interface DeliveryMaster {
  readonly sampleRateHz: number;
  /** PCM bits per sample; undefined for a scene (its export writes 24-bit). */
  readonly bitsPerSample: number | undefined;
  /** PCM channels: the bed channels and the object tracks. */
  readonly channelCount: number;
  /** Each object track's name and samples. */
  readonly objects: readonly MasterObjectTrack[];
  /** Problems against the Dolby Atmos Master ADM profile; undefined for a scene (its export is built to it) unless it has audible HOA stems (the profile has no HOA). */
  readonly admProfileProblems: readonly string[] | undefined;
}

export interface MasterObjectTrack {
  readonly name: string;
  readonly samples: Float32Array;
}

/**
 * A scene as its ADM export would write it: the audible sources' stem channels as object
 * tracks (a stereo stem's two as "<name> L" and "<name> R"), each audible bed as its
 * layout's channels, each audible HOA stem as its (order + 1)^2 channels on an HOA pack,
 * which the profile does not have (a problem named per stem). The tracks here are the stems themselves: the export bakes the
 * source's gain, distance and mid/side into them, none of which makes a silent stem sound
 * or a sounding one silent (short of -120 dB).
 */
export function sceneAsMaster(scene: Scene, stems: readonly (readonly Float32Array[])[]): DeliveryMaster {
  const beds = scene.beds ?? [];
  const heard = audibility(scene);
  const objects: MasterObjectTrack[] = [];
  scene.sources.forEach((source, i) => {
    if (!heard(source)) return;
    const stem = stems[i]!;
    if (stem.length === 2) objects.push({ name: `${source.name} L`, samples: stem[0]! }, { name: `${source.name} R`, samples: stem[1]! });
    else objects.push({ name: source.name, samples: stem[0]! });
  });
  const bedChannels = beds.reduce((sum, bed) => sum + (heard(bed) ? getLayout(bed.layout).channels.length : 0), 0);
  const hoa = (scene.ambisonics ?? []).filter(heard);
  const hoaChannels = hoa.reduce((sum, stem) => sum + ambisonicChannelCount(stem.order), 0);
  const admProfileProblems = hoa.length === 0 ? undefined : hoa.map((stem) => `HOA stem "${stem.name}" is written as an HOA pack (the profile has Objects and DirectSpeakers beds only)`);
  return { sampleRateHz: scene.sampleRateHz, bitsPerSample: undefined, channelCount: bedChannels + objects.length + hoaChannels, objects, admProfileProblems };
}

/** Whether a source, bed or HOA stem is in the mix as heard: not muted, and soloed when anything is (as the export decides). */
export function audibility(scene: Scene): (item: { readonly mute: boolean; readonly solo: boolean }) => boolean {
  const anySolo = sceneStrips(scene).some((s) => s.solo);
  return (item) => !item.mute && (!anySolo || item.solo);
}
