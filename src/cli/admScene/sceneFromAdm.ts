/**
 * `npm run scene:from-adm -- <master.wav> [--out <folder>]`: an ADM BWF file as a scene
 * (admToScene.ts): `<name>.scene.json` and its stems in `<name>-stems/` (32-bit float WAV,
 * the file's samples exactly), in --out (default: the ADM file's folder). Nothing is
 * written over an existing file or the input (outputGuard). Exit status 1 for a file the
 * importer refuses (the reason, naming the file and what is wrong), 2 for a bad command
 * line, a file that cannot be read or an output that exists already.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FieldError } from '../../core/fieldError';
import { parseSceneJson } from '../../core/scene/sceneParse';
import { serializeScene } from '../../core/scene/sceneWrite';
import { readAdmBwf } from '../../io/adm/admBwfRead';
import { encodeWav } from '../../io/wavEncode';
import { UsageError, readCommandLine } from '../commandLine';
import { makeFolder } from '../makeFolder';
import { checkOutputFiles } from '../outputGuard';
import { readRegularFile } from '../stemFiles';
import { printableLines } from '../terminalText';
import { admToScene } from './admToScene';

const USAGE = `usage: npm run scene:from-adm -- <master.wav> [--out <folder>]
  imports an ADM BWF file (ITU-R BS.2076 axml, BS.2088 chna) as a scene: <name>.scene.json
  and its stems in <name>-stems/, in --out (default: the file's folder); never over existing files`;
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
  print(`wrote ${scenePath}: ${imported.scene.sources.length} objects, ${beds.length} beds (${beds.map((b) => b.layout).join(', ') || 'none'}), ${imported.stems.length} stems in ${path.join(outDir, `${base}-stems`)}`);
  return scenePath;
}

async function main(): Promise<void> {
  let outDir: string | undefined;
  let line;
  try {
    line = readCommandLine(process.argv.slice(2), { noun: 'ADM BWF file', example: 'npm run scene:from-adm -- master.wav' }, (flag, value) => {
      if (flag !== '--out') return false;
      outDir = value();
      return true;
    });
  } catch (error) {
    console.error(printableLines(`scene:from-adm: ${(error as Error).message}\n${USAGE}`));
    process.exit(2);
  }
  if (line === 'help') {
    console.log(USAGE);
    return;
  }
  try {
    await importAdmScene(line.inputPath, outDir ?? path.dirname(line.inputPath), (text) => console.log(printableLines(text)));
  } catch (error) {
    console.error(printableLines(`scene:from-adm: ${(error as Error).message}`));
    process.exit(error instanceof FieldError ? 1 : error instanceof UsageError ? 2 : 2);
  }
}

void main();
