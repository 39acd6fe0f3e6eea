import { sceneStrips } from '../core/scene/scene';
import type { Scene } from '../core/scene/scene';
import { stemFileName } from '../core/stemFileName';
import type { StemFiles } from '../engine/audioEngine';

/** A source, bed or HOA stem whose stem file the session does not have. */
export interface MissingStem {
  /** The source's, the bed's or the HOA stem's id. */
  readonly sourceId: string;
  /** The stem path as the scene writes it. */
  readonly file: string;
  /** The name a relinked file is kept under (the path's last segment). */
  readonly fileName: string;
}

/** Sources, beds and HOA stems with a file stem whose file name is not among `files` (generator stems never miss). */
export function findMissingStems(scene: Scene, files: StemFiles): MissingStem[] {
  const missing: MissingStem[] = [];
  for (const source of sceneStrips(scene)) {
    if (source.stem.kind !== 'file') continue;
    const fileName = stemFileName(source.stem.file);
    if (!files.has(fileName)) missing.push({ sourceId: source.id, file: source.stem.file, fileName });
  }
  return missing;
}

/** The stem files `scene` refers to (the ones a saved session needs), in source order, then the beds', then the HOA stems'. */
export function referencedStemFiles(scene: Scene, files: StemFiles): Map<string, Blob> {
  const referenced = new Map<string, Blob>();
  for (const source of sceneStrips(scene)) {
    if (source.stem.kind !== 'file') continue;
    const fileName = stemFileName(source.stem.file);
    const blob = files.get(fileName);
    if (blob !== undefined) referenced.set(fileName, blob);
  }
  return referenced;
}
