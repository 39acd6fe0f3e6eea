import type { LayoutName } from '../../core/layouts';
import { ambisonicChannelAcns } from '../../core/scene/ambisonicStem';
import type { AmbisonicNormalization } from '../../core/scene/ambisonicStem';
import { sceneStrips } from '../../core/scene/scene';
import type { Scene } from '../../core/scene/scene';
import { createSceneRenderer, renderFrames } from '../sceneRenderer';
import { admObjectBlocks } from './sceneAdmObjects';
import { turnedAmbisonicStem } from './turnedAmbisonicStem';
import type { AdmExportBlock } from './sceneAdmObjects';

/** An object track of an ADM master: its name and blocks (its samples come from AdmExportMix.read). */
export interface AdmExportObject {
  readonly name: string;
  readonly blocks: readonly AdmExportBlock[];
}

/** A bed of an ADM master: its layout and, per stem channel, the label it feeds. */
export interface AdmExportBed {
  readonly name: string;
  readonly layout: LayoutName;
  readonly labels: readonly string[];
}

/** An HOA stem of an ADM master: its order and normalisation, its gain (the audioObject's: the samples are the stem's). */
export interface AdmExportHoa {
  readonly name: string;
  readonly order: number;
  readonly normalization: AmbisonicNormalization;
  /** Linear. */
  readonly gain: number;
}

/** The tracks' samples of one read: each object's, then each bed's channels in its stem order, then each HOA stem's in ACN order. */
export interface AdmExportBlockSamples {
  readonly objects: readonly Float32Array[];
  readonly beds: readonly (readonly Float32Array[])[];
  readonly ambisonics: readonly (readonly Float32Array[])[];
}

export interface AdmExportMix {
  readonly sampleRateHz: number;
  readonly lengthFrames: number;
  readonly objects: readonly AdmExportObject[];
  readonly beds: readonly AdmExportBed[];
  readonly ambisonics: readonly AdmExportHoa[];
  /**
   * Renders the next `count` frames (reads go in order from frame 0; `start` is checked)
   * into arrays it reuses: valid until the next read.
   */
  read(start: number, count: number): AdmExportBlockSamples;
}

/**
 * The scene as an ADM master's tracks, rendered on demand (a master of many tracks does
 * not fit in memory): each audible object's signal as the renderer makes it (the stem
 * through the source's mid/side, the source's gain and timeline gain, the distance
 * model's level and air absorption), a stereo stem's two objects apart ("L", "R"), with
 * its blocks (sceneAdmObjects.ts); each audible bed's channels with its gain; each
 * audible HOA stem's channels in ACN order, turned by the scene rotation as the renderer
 * turns them (turnedAmbisonicStem.ts; as they are when unturned), its gain left to the audioObject
 * (BS.2127 applies it; so the import reads back the stem and its gain). Muted sources,
 * beds and HOA stems, and those a solo silences, are left out (the master is the mix as
 * heard). `stems` as createSceneRenderer takes them (sources, beds, then HOA stems).
 */
export function createAdmExportMix(scene: Scene, stems: readonly (readonly Float32Array[])[]): AdmExportMix {
  const beds = scene.beds ?? [];
  const anySolo = sceneStrips(scene).some((s) => s.solo);
  const heard = (item: { readonly mute: boolean; readonly solo: boolean }): boolean => !item.mute && (!anySolo || item.solo);
  const hoaStems = (scene.ambisonics ?? []).flatMap((hoa, k) => (heard(hoa) ? [{ hoa, stem: turnedAmbisonicStem(scene, hoa, stems[scene.sources.length + beds.length + k]!) }] : []));
  const sourceIndices = scene.sources.flatMap((s, i) => (heard(s) ? [i] : []));
  const bedIndices = beds.flatMap((b, j) => (heard(b) ? [j] : []));
  const sources = sourceIndices.map((i) => scene.sources[i]!);
  const heardBeds = bedIndices.map((j) => beds[j]!);
  const { beds: _beds, ambisonics: _ambisonics, ...rest } = scene;
  const heardScene: Scene = { ...rest, sources, ...(heardBeds.length === 0 ? {} : { beds: heardBeds }) };
  const heardStems = [...sourceIndices.map((i) => stems[i]!), ...bedIndices.map((j) => stems[scene.sources.length + j]!)];
  const renderer = createSceneRenderer(heardScene, heardStems, { outputs: [] });
  // Per HOA stem, its channels in ACN order (a FuMa-ordered stem's reordered).
  const hoaChannels = hoaStems.map(({ hoa, stem }) => {
    const acns = ambisonicChannelAcns(hoa.order, hoa.channelOrder);
    return acns.map((_, acn) => stem[acns.indexOf(acn)]!);
  });
  const hoaFrames = hoaChannels.reduce((longest, channels) => channels.reduce((most, channel) => Math.max(most, channel.length), longest), 0);
  const lengthFrames = Math.max(renderer.lengthFrames, hoaFrames);
  const lengthSec = lengthFrames / scene.sampleRateHz;
  const objects = sources.flatMap((source, k) => {
    const stereo = heardStems[k]!.length === 2;
    return (stereo ? [1, -1] : [0]).map((side) => ({
      name: stereo ? `${source.name} ${side > 0 ? 'L' : 'R'}` : source.name,
      blocks: admObjectBlocks(heardScene, source, side, lengthSec),
    }));
  });
  const objectCount = objects.length;
  const hoaBuffers = hoaChannels.map((channels) => channels.map(() => new Float32Array(0)));
  const signalCount = heardStems.reduce((sum, stem) => sum + stem.length, 0);
  let buffers: Float32Array[] = [];
  let nextFrame = 0;
  return {
    sampleRateHz: scene.sampleRateHz,
    lengthFrames,
    objects,
    beds: heardBeds.map((bed) => ({ name: bed.name, layout: bed.layout, labels: bed.channels })),
    ambisonics: hoaStems.map(({ hoa }) => ({ name: hoa.name, order: hoa.order, normalization: hoa.normalization, gain: 10 ** (hoa.gainDb / 20) })),
    read(start, count) {
      if (start !== nextFrame) throw new RangeError(`ADM master: read from frame ${start} (expected ${nextFrame}: reads go in order)`);
      if (buffers.length !== signalCount || (signalCount > 0 && buffers[0]!.length !== count)) buffers = Array.from({ length: signalCount }, () => new Float32Array(count));
      renderFrames(renderer, { objects: buffers }, count);
      hoaChannels.forEach((channels, k) =>
        channels.forEach((channel, c) => {
          let buffer = hoaBuffers[k]![c]!;
          if (buffer.length !== count) buffer = hoaBuffers[k]![c] = new Float32Array(count);
          buffer.fill(0);
          if (start < channel.length) buffer.set(channel.subarray(start, Math.min(channel.length, start + count)));
        }),
      );
      nextFrame += count;
      let next = objectCount;
      return { objects: buffers.slice(0, objectCount), beds: heardBeds.map((bed) => bed.channels.map(() => buffers[next++]!)), ambisonics: hoaBuffers };
    },
  };
}
