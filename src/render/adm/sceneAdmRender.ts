import type { LayoutName } from '../../core/layouts';
import type { Scene } from '../../core/scene/scene';
import { createSceneRenderer, renderFrames } from '../sceneRenderer';
import { admObjectBlocks } from './sceneAdmObjects';
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

/** The tracks' samples of one read: each object's, then each bed's channels in its stem order. */
export interface AdmExportBlockSamples {
  readonly objects: readonly Float32Array[];
  readonly beds: readonly (readonly Float32Array[])[];
}

export interface AdmExportMix {
  readonly sampleRateHz: number;
  readonly lengthFrames: number;
  readonly objects: readonly AdmExportObject[];
  readonly beds: readonly AdmExportBed[];
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
 * its blocks (sceneAdmObjects.ts); each audible bed's channels with its gain. Muted
 * sources and beds, and those a solo silences, are left out (the master is the mix as
 * heard). `stems` as createSceneRenderer takes them (sources, then beds).
 */
export function createAdmExportMix(scene: Scene, stems: readonly (readonly Float32Array[])[]): AdmExportMix {
  const hoa = scene.ambisonics ?? [];
  if (hoa.length > 0) throw new RangeError(`ADM master: the scene has ${hoa.length} HOA stems ("${hoa[0]!.name}"...); exporting HOA to ADM is not supported yet (render a layout or binaural instead)`);
  const beds = scene.beds ?? [];
  const anySolo = scene.sources.some((s) => s.solo) || beds.some((b) => b.solo);
  const heard = (item: { readonly mute: boolean; readonly solo: boolean }): boolean => !item.mute && (!anySolo || item.solo);
  const sourceIndices = scene.sources.flatMap((s, i) => (heard(s) ? [i] : []));
  const bedIndices = beds.flatMap((b, j) => (heard(b) ? [j] : []));
  const sources = sourceIndices.map((i) => scene.sources[i]!);
  const heardBeds = bedIndices.map((j) => beds[j]!);
  const { beds: _beds, ...rest } = scene;
  const heardScene: Scene = { ...rest, sources, ...(heardBeds.length === 0 ? {} : { beds: heardBeds }) };
  const heardStems = [...sourceIndices.map((i) => stems[i]!), ...bedIndices.map((j) => stems[scene.sources.length + j]!)];
  const renderer = createSceneRenderer(heardScene, heardStems, { outputs: [] });
  const lengthFrames = renderer.lengthFrames;
  const lengthSec = lengthFrames / scene.sampleRateHz;
  const objects = sources.flatMap((source, k) => {
    const stereo = heardStems[k]!.length === 2;
    return (stereo ? [1, -1] : [0]).map((side) => ({
      name: stereo ? `${source.name} ${side > 0 ? 'L' : 'R'}` : source.name,
      blocks: admObjectBlocks(heardScene, source, side, lengthSec),
    }));
  });
  const objectCount = objects.length;
  const signalCount = heardStems.reduce((sum, stem) => sum + stem.length, 0);
  let buffers: Float32Array[] = [];
  let nextFrame = 0;
  return {
    sampleRateHz: scene.sampleRateHz,
    lengthFrames,
    objects,
    beds: heardBeds.map((bed) => ({ name: bed.name, layout: bed.layout, labels: bed.channels })),
    read(start, count) {
      if (start !== nextFrame) throw new RangeError(`ADM master: read from frame ${start} (expected ${nextFrame}: reads go in order)`);
      if (buffers.length !== signalCount || (signalCount > 0 && buffers[0]!.length !== count)) buffers = Array.from({ length: signalCount }, () => new Float32Array(count));
      renderFrames(renderer, { objects: buffers }, count);
      nextFrame += count;
      let next = objectCount;
      return { objects: buffers.slice(0, objectCount), beds: heardBeds.map((bed) => bed.channels.map(() => buffers[next++]!)) };
    },
  };
}
