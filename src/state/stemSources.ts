import { ambisonicOrderOfChannels } from '../core/scene/ambisonicStem';
import type { SceneAmbisonics } from '../core/scene/ambisonicStem';
import { bedRoutingOf } from '../core/scene/bedRouting';
import type { BedRouting } from '../core/scene/bedRouting';
import { DEFAULT_SPREAD_DEG } from '../core/scene/scene';
import type { Scene, SceneBed, SceneSource } from '../core/scene/scene';
import type { Metres } from '../core/units';
import { freeAzimuthDeg } from './freeAzimuth';
import { paletteColor } from './sourcePalette';
import { sourceNameFromFile, stemFileKey, uniqueSourceId } from './stemNaming';

/** A file the user gave (a File is one): its bytes and its name. */
export interface NamedBlob extends Blob {
  readonly name: string;
}

/** What decoding a file found (AudioEngine.prepareStemFile); unknown without an engine (the file is then taken as a source's). */
export interface StemFileShape {
  readonly channelCount: number;
  readonly channelMask?: number;
}

/** New sources start this far from the listener. */
export const NEW_SOURCE_DISTANCE_M: Metres = 2;

/** A bed planned from a file, with how its routing was found. */
export interface PlannedBed {
  readonly bed: SceneBed;
  readonly routing: BedRouting;
}

export interface StemSourcesPlan {
  /** One source per mono or stereo file, in the files' order. */
  readonly sources: readonly SceneSource[];
  /** One bed per file of more channels, in the files' order. */
  readonly beds: readonly PlannedBed[];
  /** One HOA stem (AmbiX, order N) per file of (N + 1)^2 channels, N >= 1: no loudspeaker layout has 4, 9, 16, ... 64 channels. */
  readonly ambisonics: readonly SceneAmbisonics[];
  /** The files to add to the session's stem files, by the key each source's or bed's stem refers to. */
  readonly stemFiles: ReadonlyMap<string, Blob>;
  /** fileKeys[i]: the key files[i] is kept under. */
  readonly fileKeys: readonly string[];
}

/**
 * Plans one new source per mono or stereo file, one HOA stem per file of (N + 1)^2
 * channels (N >= 1, taken as AmbiX: SN3D, ACN; the studio asks) and one bed per other
 * multichannel file, each
 * named after its file with a unique id and a palette colour, gain 0 dB, and stem
 * `{ file: <key> }` where the key is the file's name, made unique if another file already
 * has it. A source stands at a free azimuth (front first, freeAzimuth.ts) at
 * NEW_SOURCE_DISTANCE_M and ear height (each file also avoids the ones before it); a bed's
 * channels feed the loudspeakers its channel mask names (bedRouting.ts). `shapes[i]` is
 * what decoding files[i] found (absent: a source). Throws (bedRoutingOf's error, naming the
 * file) for a multichannel file that fits no layout; callers check that first.
 */
export function planStemSources(files: readonly NamedBlob[], scene: Scene, existingFiles: ReadonlyMap<string, Blob>, shapes: readonly (StemFileShape | undefined)[] = []): StemSourcesPlan {
  const beds0 = scene.beds ?? [];
  // Unique among the objects, beds and HOA stems: the scene reader refuses a repeated id.
  const ids = new Set([...scene.sources, ...beds0, ...(scene.ambisonics ?? [])].map((s) => s.id));
  const azimuthsDeg = scene.sources.map((s) => s.position.azimuthDeg);
  const hoa0 = scene.ambisonics ?? [];
  const colors = new Set([...scene.sources, ...beds0, ...hoa0].flatMap((s) => (s.color === undefined ? [] : [s.color])));
  const allFiles = new Map(existingFiles);
  const added = new Map<string, Blob>();
  const sources: SceneSource[] = [];
  const beds: PlannedBed[] = [];
  const ambisonics: SceneAmbisonics[] = [];
  const fileKeys: string[] = [];
  files.forEach((file, index) => {
    const key = stemFileKey(file.name, file, allFiles);
    fileKeys.push(key);
    if (!allFiles.has(key)) {
      allFiles.set(key, file);
      added.set(key, file);
    }
    const name = sourceNameFromFile(file.name);
    const id = uniqueSourceId(name, ids);
    const color = paletteColor(colors, scene.sources.length + beds0.length + hoa0.length + index);
    ids.add(id);
    colors.add(color);
    const shape = shapes[index];
    const common = { id, name, stem: { kind: 'file', file: key } as const, gainDb: 0, mute: false, solo: false, color };
    const order = shape === undefined ? undefined : ambisonicOrderOfChannels(shape.channelCount);
    if (order !== undefined) {
      ambisonics.push({ ...common, order, normalization: 'SN3D', channelOrder: 'ACN' });
      return;
    }
    if (shape !== undefined && shape.channelCount > 2) {
      const routing = bedRoutingOf(shape.channelCount, shape.channelMask, file.name);
      beds.push({ bed: { ...common, layout: routing.layout, channels: routing.channels }, routing });
      return;
    }
    const azimuthDeg = freeAzimuthDeg(azimuthsDeg);
    azimuthsDeg.push(azimuthDeg);
    sources.push({ ...common, position: { azimuthDeg, elevationDeg: 0, distanceM: NEW_SOURCE_DISTANCE_M }, spreadDeg: DEFAULT_SPREAD_DEG });
  });
  return { sources, beds, ambisonics, stemFiles: added, fileKeys };
}
