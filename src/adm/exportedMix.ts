import type { Scene } from '../core/scene/scene';
import { readAdmBwf } from '../io/adm/admBwfRead';
import { joinPieces } from '../io/joinPieces';
import { audibility } from '../render/delivery/deliveryMaster';
import { ATMOS_MASTER_SAMPLE_RATE_HZ } from '../io/adm/atmosMasterAdm';
import { admMasterFile } from './admMasterFile';
import { importedMix } from './importedMix';
import type { ImportedMix } from './importedMix';

/** The name the round trip's messages give the master it writes in memory. */
const MASTER_NAME = 'the scene\'s ADM export';

/**
 * A scene's mix as its ADM master plays it (`--format adm`, the studio's ADM BWF master):
 * the master written in memory and read back through the importer, so what another
 * renderer of the master hears is what is measured. It differs from the scene's own render
 * where the export changes the mix: polar objects are written at Cartesian positions (the
 * Atmos master profile's), which a BS.2127 renderer pans allocentrically. A scene the export
 * refuses (not 48 kHz; more objects or channels than the profile takes) or without audible
 * objects is its own mix: the delivery check fails or passes those rules on the scene's facts.
 * Holds the master in memory (24-bit PCM of every track) while it is read back.
 */
export function exportedMix(scene: Scene, stems: readonly (readonly Float32Array[])[], sceneName: string): ImportedMix {
  const itself: ImportedMix = { scene, stems, warnings: [] };
  if (scene.sampleRateHz !== ATMOS_MASTER_SAMPLE_RATE_HZ || !scene.sources.some(audibility(scene))) return itself;
  let master;
  try {
    master = admMasterFile(scene, stems, sceneName, sceneName);
  } catch (error) {
    if (error instanceof RangeError) return itself;
    throw error;
  }
  return importedMix(readAdmBwf(joinPieces(master.pieces), MASTER_NAME), MASTER_NAME);
}
