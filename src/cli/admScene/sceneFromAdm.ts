/**
 * `npm run scene:from-adm -- <master.wav> [--out <folder>]`: an ADM BWF file as a scene
 * (admToScene.ts): `<name>.scene.json` and its stems in `<name>-stems/` (32-bit float WAV,
 * the file's samples exactly), in --out (default: the ADM file's folder). Nothing is
 * written over an existing file or the input (outputGuard). Exit status 1 for a file the
 * importer refuses (the reason, naming the file and what is wrong), 2 for a bad command
 * line, a file that cannot be read or an output that exists already.
 */
import path from 'node:path';
import { FieldError } from '../../core/fieldError';
import { UsageError, readCommandLine } from '../commandLine';
import { printableLines } from '../terminalText';
import { importAdmScene } from './importAdmScene';

const USAGE = `usage: npm run scene:from-adm -- <master.wav> [--out <folder>]
  imports an ADM BWF file (ITU-R BS.2076 axml, BS.2088 chna) as a scene: <name>.scene.json
  and its stems in <name>-stems/, in --out (default: the file's folder); never over existing files`;
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
