import { FieldError } from '../../core/fieldError';
import type { Scene } from '../../core/scene/scene';
import { ATMOS_MASTER_MAX_CHANNELS, ATMOS_MASTER_MAX_OBJECTS, ATMOS_MASTER_SAMPLE_RATE_HZ, buildAtmosMasterAdm } from '../../io/adm/atmosMasterAdm';
import { writeAdmBwf } from '../../io/adm/admBwfWrite';
import { renderAdmMix } from '../../render/adm/sceneAdmRender';
import { bedPackChannels, commonPackLabels, BED_PACK_OF_LAYOUT } from '../admScene/bedPacks';

/** The `--format` id of the ADM BWF master. */
export const ADM_FORMAT_ID = 'adm';

export interface AdmMasterFile {
  readonly bytes: Uint8Array;
  readonly objects: number;
  readonly bedChannels: number;
  readonly frames: number;
  readonly peakDbfs: number;
}

/**
 * The scene as an ADM BWF master in the Dolby Atmos Master ADM Profile's shape (48 kHz,
 * 24-bit; render/adm/sceneAdmRender.ts says what each track holds). Throws a FieldError
 * naming the scene file for a scene at another rate (no resampling: a master is made at
 * its rate) and a RangeError naming the counts for more than 118 objects or 128 channels,
 * both before rendering.
 */
export function admMasterFile(scene: Scene, stems: readonly (readonly Float32Array[])[], scenePath: string, programmeName: string, onProgress?: (fraction: number) => void): AdmMasterFile {
  if (scene.sampleRateHz !== ATMOS_MASTER_SAMPLE_RATE_HZ) {
    throw new FieldError(scenePath, 'sampleRateHz', `${scene.sampleRateHz} Hz: an ADM master (Dolby Atmos Master ADM profile) is ${ATMOS_MASTER_SAMPLE_RATE_HZ} Hz; set the scene's sampleRateHz to ${ATMOS_MASTER_SAMPLE_RATE_HZ} (stems are resampled when loaded)`);
  }
  checkCounts(scene, stems);
  const mix = renderAdmMix(scene, stems, onProgress);
  const beds = mix.beds.map((bed) => ({ name: bed.name, ...bedPackChannels(bed.name, bed.layout, bed.labels, bed.channels, mix.lengthFrames) }));
  const content = buildAtmosMasterAdm({ programmeName, beds, objects: mix.objects });
  let peak = 0;
  for (const channel of content.audio.channels) for (let i = 0; i < channel.length; i++) peak = Math.max(peak, Math.abs(channel[i]!));
  return {
    bytes: writeAdmBwf(content),
    objects: mix.objects.length,
    bedChannels: beds.reduce((sum, bed) => sum + bed.channels.length, 0),
    frames: mix.lengthFrames,
    peakDbfs: 20 * Math.log10(peak),
  };
}

function checkCounts(scene: Scene, stems: readonly (readonly Float32Array[])[]): void {
  const beds = scene.beds ?? [];
  const anySolo = scene.sources.some((s) => s.solo) || beds.some((b) => b.solo);
  const heard = (item: { readonly mute: boolean; readonly solo: boolean }): boolean => !item.mute && (!anySolo || item.solo);
  const objects = scene.sources.reduce((sum, source, i) => sum + (heard(source) ? stems[i]!.length : 0), 0);
  const bedChannels = beds.reduce((sum, bed) => sum + (heard(bed) ? commonPackLabels(BED_PACK_OF_LAYOUT[bed.layout]).length : 0), 0);
  if (objects > ATMOS_MASTER_MAX_OBJECTS || objects + bedChannels > ATMOS_MASTER_MAX_CHANNELS) {
    throw new RangeError(
      `ADM master: the scene's audible sources make ${objects} objects (a stereo stem makes two) and its beds ${bedChannels} channels, ${objects + bedChannels} in all; the Atmos master profile takes at most ${ATMOS_MASTER_MAX_OBJECTS} objects and ${ATMOS_MASTER_MAX_CHANNELS} channels`,
    );
  }
}
