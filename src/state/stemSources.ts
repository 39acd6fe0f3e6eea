import { DEFAULT_SPREAD_DEG } from '../core/scene/scene';
import type { Scene, SceneSource } from '../core/scene/scene';
import type { Metres } from '../core/units';
import { freeAzimuthDeg } from './freeAzimuth';
import { paletteColor } from './sourcePalette';
import { sourceNameFromFile, stemFileKey, uniqueSourceId } from './stemNaming';

/** A file the user gave (a File is one): its bytes and its name. */
export interface NamedBlob extends Blob {
  readonly name: string;
}

/** New sources start this far from the listener. */
export const NEW_SOURCE_DISTANCE_M: Metres = 2;

export interface StemSourcesPlan {
  /** One source per file, in the files' order. */
  readonly sources: readonly SceneSource[];
  /** The files to add to the session's stem files, by the key each source's stem refers to. */
  readonly stemFiles: ReadonlyMap<string, Blob>;
}

/**
 * Plans one new source per audio file: named after the file, a unique id, a free azimuth
 * (front first, freeAzimuth.ts) at NEW_SOURCE_DISTANCE_M and ear height (each file also
 * avoids the ones before it), a palette colour, gain 0 dB, and stem `{ file: <key> }` where the key is the
 * file's name, made unique if another file already has it.
 */
export function planStemSources(files: readonly NamedBlob[], scene: Scene, existingFiles: ReadonlyMap<string, Blob>): StemSourcesPlan {
  // Unique among the objects, beds and HOA stems: the scene reader refuses a repeated id.
  const ids = new Set([...scene.sources, ...(scene.beds ?? []), ...(scene.ambisonics ?? [])].map((s) => s.id));
  const azimuthsDeg = scene.sources.map((s) => s.position.azimuthDeg);
  const colors = new Set(scene.sources.flatMap((s) => (s.color === undefined ? [] : [s.color])));
  const allFiles = new Map(existingFiles);
  const added = new Map<string, Blob>();
  const sources = files.map((file, index): SceneSource => {
    const key = stemFileKey(file.name, file, allFiles);
    if (!allFiles.has(key)) {
      allFiles.set(key, file);
      added.set(key, file);
    }
    const name = sourceNameFromFile(file.name);
    const id = uniqueSourceId(name, ids);
    const azimuthDeg = freeAzimuthDeg(azimuthsDeg);
    const color = paletteColor(colors, scene.sources.length + index);
    ids.add(id);
    azimuthsDeg.push(azimuthDeg);
    colors.add(color);
    return {
      id,
      name,
      stem: { kind: 'file', file: key },
      gainDb: 0,
      mute: false,
      solo: false,
      position: { azimuthDeg, elevationDeg: 0, distanceM: NEW_SOURCE_DISTANCE_M },
      spreadDeg: DEFAULT_SPREAD_DEG,
      color,
    };
  });
  return { sources, stemFiles: added };
}
