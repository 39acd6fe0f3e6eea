import { admMasterFile } from '../adm/admMasterFile';
import { joinPieces } from '../io/joinPieces';
import { admToScene } from '../adm/admToScene';
import type { Scene } from '../core/scene/scene';
import { parseSceneJson } from '../core/scene/sceneParse';
import { serializeScene } from '../core/scene/sceneWrite';
import { stemFileName } from '../core/stemFileName';
import { readAdmBwf } from '../io/adm/admBwfRead';
import { encodeWav } from '../io/wavEncode';

/** An ADM BWF file imported as the command line's scene:from-adm imports it: the scene file's text and its stems' WAV files by file name. */
export interface ImportedMasterFiles {
  readonly sceneText: string;
  /** 32-bit float WAV files of the file's samples, by the file name the scene's stems refer to. */
  readonly stems: readonly { readonly fileName: string; readonly bytes: Uint8Array<ArrayBuffer> }[];
  readonly warnings: readonly string[];
}

/** The file's name without its audio extension: the imported scene's name and its stem folder's prefix. */
export function masterBaseName(fileName: string): string {
  return fileName.replace(/\.(wav|bwf|bw64|rf64)$/i, '');
}

/**
 * Imports an ADM BWF file (adm/admToScene.ts, the command line's importer): the scene
 * (read back by the scene reader, as scene:from-adm does) and its stems as 32-bit float
 * WAV files of the file's samples exactly. Throws the reader's or importer's error, which
 * names the file and what is wrong.
 */
export function importAdmMasterFiles(bytes: Uint8Array, fileName: string): ImportedMasterFiles {
  const base = masterBaseName(fileName);
  const imported = admToScene(readAdmBwf(bytes, fileName), fileName, `${base}-stems`);
  const sceneText = serializeScene(imported.scene);
  parseSceneJson(sceneText, `${base}.scene.json`);
  return {
    sceneText,
    stems: imported.stems.map((stem) => ({
      fileName: stemFileName(stem.file),
      bytes: encodeWav({ sampleRateHz: imported.scene.sampleRateHz, channels: [...stem.channels] }, { sampleFormat: 'float32' }) as Uint8Array<ArrayBuffer>,
    })),
    warnings: imported.warnings,
  };
}

/** An ADM BWF master's bytes and what was in it. */
export interface AdmMasterBytes {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly channelCount: number;
  readonly peakDbfs: number;
}

/**
 * The scene's ADM BWF master, as `npm run render -- --format adm` writes it
 * (adm/admMasterFile.ts: 48 kHz, 24-bit, the Atmos master profile's shape), in one buffer.
 * Throws naming `sceneName` for a scene at another rate, and the counts for too many objects.
 */
export function encodeAdmMaster(scene: Scene, stems: readonly (readonly Float32Array[])[], sceneName: string): AdmMasterBytes {
  const master = admMasterFile(scene, stems, sceneName, sceneName);
  const bytes = joinPieces(master.pieces);
  return { bytes, channelCount: master.objects + master.bedChannels + master.hoaChannels, peakDbfs: master.peakDbfs() };
}
