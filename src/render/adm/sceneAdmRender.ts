import type { LayoutName } from '../../core/layouts';
import type { Scene } from '../../core/scene/scene';
import { createSceneRenderer, renderFrames } from '../sceneRenderer';
import { admObjectBlocks } from './sceneAdmObjects';
import type { AdmExportBlock } from './sceneAdmObjects';

/** An object track of an ADM master: what the object feeds the renderer's buses, and its blocks. */
export interface AdmExportObject {
  readonly name: string;
  readonly samples: Float32Array;
  readonly blocks: readonly AdmExportBlock[];
}

/** A bed of an ADM master: its channels as the renderer feeds them (the bed's gain in), by label. */
export interface AdmExportBed {
  readonly name: string;
  readonly layout: LayoutName;
  readonly labels: readonly string[];
  readonly channels: readonly Float32Array[];
}

export interface AdmExportMix {
  readonly sampleRateHz: number;
  readonly lengthFrames: number;
  readonly objects: readonly AdmExportObject[];
  readonly beds: readonly AdmExportBed[];
}

/**
 * The scene as an ADM master's tracks: each audible object's signal as the renderer makes
 * it (the stem through the source's mid/side, the source's gain and timeline gain, the
 * distance model's level and air absorption), a stereo stem's two objects apart ("L",
 * "R"), with its blocks (sceneAdmObjects.ts); each audible bed's channels with its gain.
 * Muted sources and beds, and those a solo silences, are left out (the master is the
 * mix as heard). `stems` as createSceneRenderer takes them (sources, then beds).
 */
export function renderAdmMix(scene: Scene, stems: readonly (readonly Float32Array[])[], onProgress?: (fraction: number) => void): AdmExportMix {
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
  const length = renderer.lengthFrames;
  const signals = heardStems.flatMap((stem) => stem.map(() => new Float32Array(length)));
  const CHUNK_FRAMES = 16384;
  for (let start = 0; start < length; start += CHUNK_FRAMES) {
    const end = Math.min(length, start + CHUNK_FRAMES);
    renderFrames(renderer, { objects: signals.map((signal) => signal.subarray(start, end)) }, end - start);
    onProgress?.(end / length);
  }
  const lengthSec = length / scene.sampleRateHz;
  let next = 0;
  const objects = sources.flatMap((source, k) => {
    const stereo = heardStems[k]!.length === 2;
    const sides = stereo ? [1, -1] : [0];
    return sides.map((side) => ({
      name: stereo ? `${source.name} ${side > 0 ? 'L' : 'R'}` : source.name,
      samples: signals[next++]!,
      blocks: admObjectBlocks(heardScene, source, side, lengthSec),
    }));
  });
  const exportBeds = heardBeds.map((bed) => ({ name: bed.name, layout: bed.layout, labels: bed.channels, channels: bed.channels.map(() => signals[next++]!) }));
  return { sampleRateHz: scene.sampleRateHz, lengthFrames: length, objects, beds: exportBeds };
}
