import type { Scene } from '../core/scene/scene';
import type { AdmBwf } from '../io/adm/admBwfRead';
import { admToScene } from './admToScene';

/** An ADM BWF master's mix as the renderer takes it. */
export interface ImportedMix {
  readonly scene: Scene;
  /** The scene's objects' stems, then its beds', then its HOA stems'. */
  readonly stems: readonly (readonly Float32Array[])[];
  readonly warnings: readonly string[];
}

/** A read ADM BWF file's mix through the importer of `npm run scene:from-adm` (admToScene), with its stems in the renderer's order. */
export function importedMix(bwf: AdmBwf, file: string): ImportedMix {
  const imported = admToScene(bwf, file, 'stems');
  const stemOfFile = new Map(imported.stems.map((stem) => [stem.file, stem.channels]));
  const stems = [...imported.scene.sources, ...(imported.scene.beds ?? []), ...(imported.scene.ambisonics ?? [])].map((item) => {
    const channels = item.stem.kind === 'file' ? stemOfFile.get(item.stem.file) : undefined;
    if (channels === undefined) throw new Error(`internal: the import of ${file} made no stem for "${item.name}"`);
    return channels;
  });
  return { scene: imported.scene, stems, warnings: imported.warnings };
}
