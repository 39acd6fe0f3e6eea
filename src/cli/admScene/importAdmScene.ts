import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseSceneJson } from '../../core/scene/sceneParse';
import { serializeScene } from '../../core/scene/sceneWrite';
import { readAdmBwf } from '../../io/adm/admBwfRead';
import { encodeWav } from '../../io/wavEncode';
import { makeFolder } from '../makeFolder';
import { checkOutputFiles } from '../outputGuard';
import { readRegularFile } from '../stemFiles';
import { admToScene } from '../../adm/admToScene';

/** The largest file read: the most Node reads into one buffer. */
const MAX_ADM_FILE_BYTES = 2 ** 31 - 1;

/** Imports `admPath` into `outDir`; returns the scene file written. Throws a FieldError for a refused file, a UsageError for outputs that exist. */
export async function importAdmScene(admPath: string, outDir: string, print: (line: string) => void): Promise<string> {
  const bytes = await readRegularFile(admPath, admPath, 'ADM BWF file', MAX_ADM_FILE_BYTES);
  const base = path.basename(admPath).replace(/\.(wav|bwf|bw64|rf64)$/i, '');
  const scenePath = path.join(outDir, `${base}.scene.json`);
  const imported = admToScene(readAdmBwf(bytes, admPath), admPath, `${base}-stems`);
  const text = serializeScene(imported.scene);
  // What is written must load: the scene reader's checks, naming the scene file.
  parseSceneJson(text, scenePath);
  const stemPaths = imported.stems.map((stem) => path.join(outDir, stem.file));
  await checkOutputFiles([scenePath, ...stemPaths], [{ file: admPath, what: 'the ADM BWF file' }], false);
  await makeFolder(path.join(outDir, `${base}-stems`));
  for (const warning of imported.warnings) print(`warning: ${warning}`);
  for (const [k, stem] of imported.stems.entries()) {
    await writeFile(stemPaths[k]!, encodeWav({ sampleRateHz: imported.scene.sampleRateHz, channels: [...stem.channels] }, { sampleFormat: 'float32' }));
  }
  await writeFile(scenePath, text);
  const beds = imported.scene.beds ?? [];
  const hoa = imported.scene.ambisonics ?? [];
  const hoaText = hoa.length === 0 ? '' : `, ${hoa.length} HOA stems (${hoa.map((a) => `order ${a.order} ${a.normalization}`).join(', ')})`;
  print(`wrote ${scenePath}: ${imported.scene.sources.length} objects, ${beds.length} beds (${beds.map((b) => b.layout).join(', ') || 'none'})${hoaText}, ${imported.stems.length} stems in ${path.join(outDir, `${base}-stems`)}`);
  return scenePath;
}

