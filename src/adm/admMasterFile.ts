import { FieldError } from '../core/fieldError';
import { ambisonicChannelCount } from '../core/scene/ambisonicStem';
import { sceneStrips } from '../core/scene/scene';
import type { Scene } from '../core/scene/scene';
import { admBwfPieces } from '../io/adm/admBwfWrite';
import { ATMOS_MASTER_MAX_CHANNELS, ATMOS_MASTER_MAX_OBJECTS, ATMOS_MASTER_SAMPLE_RATE_HZ, buildAtmosMasterAdm } from '../io/adm/atmosMasterAdm';
import { createAdmExportMix } from '../render/adm/sceneAdmRender';
import { BED_PACK_OF_LAYOUT, bedPackOrder, commonPackLabels } from './bedPacks';

/** The `--format` id of the ADM BWF master. */
export const ADM_FORMAT_ID = 'adm';

export interface AdmMasterFile {
  /** The file's bytes in order; the samples are rendered as they are taken. */
  readonly pieces: Generator<Uint8Array>;
  readonly objects: number;
  readonly bedChannels: number;
  /** Channels of the HOA stems' packs (after the objects'). */
  readonly hoaChannels: number;
  readonly frames: number;
  /** The largest |sample| of the tracks taken so far, dBFS. */
  peakDbfs(): number;
}

/**
 * The scene as an ADM BWF master in the Dolby Atmos Master ADM Profile's shape (48 kHz,
 * 24-bit; render/adm/sceneAdmRender.ts says what each track holds), rendered while its
 * pieces are taken, so a long master of many tracks needs memory for one block only.
 * Throws a FieldError naming the scene file for a scene at another rate (no resampling: a
 * master is made at its rate) and a RangeError naming the counts for more than 118
 * objects or 128 channels, both before rendering.
 */
export function admMasterFile(scene: Scene, stems: readonly (readonly Float32Array[])[], scenePath: string, programmeName: string, onProgress?: (fraction: number) => void): AdmMasterFile {
  if (scene.sampleRateHz !== ATMOS_MASTER_SAMPLE_RATE_HZ) {
    throw new FieldError(scenePath, 'sampleRateHz', `${scene.sampleRateHz} Hz: an ADM master (Dolby Atmos Master ADM profile) is ${ATMOS_MASTER_SAMPLE_RATE_HZ} Hz; set the scene's sampleRateHz to ${ATMOS_MASTER_SAMPLE_RATE_HZ} (stems are resampled when loaded)`);
  }
  checkCounts(scene, stems);
  const mix = createAdmExportMix(scene, stems);
  const beds = mix.beds.map((bed) => ({ name: bed.name, ...bedPackOrder(bed.name, bed.layout, bed.labels) }));
  const none = new Float32Array(0);
  // The document and track list; the samples come from the mix as the file is written.
  const { document, chna } = buildAtmosMasterAdm({
    programmeName,
    beds: beds.map((bed) => ({ name: bed.name, packFormatId: bed.packFormatId, channels: bed.order.map(() => none) })),
    objects: mix.objects.map((object) => ({ name: object.name, blocks: object.blocks, samples: none })),
    hoa: mix.ambisonics.map((hoa) => ({ name: hoa.name, order: hoa.order, normalization: hoa.normalization, ...(hoa.gain === 1 ? {} : { gain: hoa.gain }), channels: Array.from({ length: ambisonicChannelCount(hoa.order) }, () => none) })),
  });
  const bedChannels = beds.reduce((sum, bed) => sum + bed.order.length, 0);
  const hoaChannels = mix.ambisonics.reduce((sum, hoa) => sum + ambisonicChannelCount(hoa.order), 0);
  const channelCount = bedChannels + mix.objects.length + hoaChannels;
  let peak = 0;
  let silence = new Float32Array(0);
  const source = {
    sampleRateHz: mix.sampleRateHz,
    channelCount,
    frameCount: mix.lengthFrames,
    read: (start: number, count: number): Float32Array[] => {
      const block = mix.read(start, count);
      if (silence.length !== count) silence = new Float32Array(count);
      const channels = [...beds.flatMap((bed, b) => bed.order.map((c) => (c < 0 ? silence : block.beds[b]![c]!))), ...block.objects, ...block.ambisonics.flat()];
      for (const channel of channels) for (let i = 0; i < count; i++) peak = Math.max(peak, Math.abs(channel[i]!));
      onProgress?.((start + count) / mix.lengthFrames);
      return channels;
    },
  };
  return {
    pieces: admBwfPieces({ document, chna }, source),
    objects: mix.objects.length,
    bedChannels,
    hoaChannels,
    frames: mix.lengthFrames,
    peakDbfs: () => 20 * Math.log10(peak),
  };
}

function checkCounts(scene: Scene, stems: readonly (readonly Float32Array[])[]): void {
  const beds = scene.beds ?? [];
  const anySolo = sceneStrips(scene).some((s) => s.solo);
  const heard = (item: { readonly mute: boolean; readonly solo: boolean }): boolean => !item.mute && (!anySolo || item.solo);
  const objects = scene.sources.reduce((sum, source, i) => sum + (heard(source) ? stems[i]!.length : 0), 0);
  const bedChannels = beds.reduce((sum, bed) => sum + (heard(bed) ? commonPackLabels(BED_PACK_OF_LAYOUT[bed.layout]).length : 0), 0);
  const hoaChannels = (scene.ambisonics ?? []).reduce((sum, hoa) => sum + (heard(hoa) ? ambisonicChannelCount(hoa.order) : 0), 0);
  const channels = objects + bedChannels + hoaChannels;
  if (objects > ATMOS_MASTER_MAX_OBJECTS || channels > ATMOS_MASTER_MAX_CHANNELS) {
    throw new RangeError(
      `ADM master: the scene's audible sources make ${objects} objects (a stereo stem makes two), its beds ${bedChannels} channels and its HOA stems ${hoaChannels}, ${channels} in all; the Atmos master profile takes at most ${ATMOS_MASTER_MAX_OBJECTS} objects and ${ATMOS_MASTER_MAX_CHANNELS} channels`,
    );
  }
}
