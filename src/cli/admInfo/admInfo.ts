/**
 * `npm run adm:info -- <file.wav>`: what an ADM BWF file holds, as the studio imports it:
 * programmes, objects with their file channels (Objects: block count and time span;
 * DirectSpeakers: loudspeaker label; HOA: order and degree). Exit status 2 for a bad
 * command line or a file that cannot be read, 1 for a file the importer refuses (the
 * reason printed, naming the file and what is wrong).
 */
import { FieldError } from '../../core/fieldError';
import { readAdmBwf } from '../../io/adm/admBwfRead';
import { summarizeAdmBwf } from '../../io/adm/admSummary';
import { readCommandLine } from '../commandLine';
import { readRegularFile } from '../stemFiles';
import { printableLines } from '../terminalText';
import { admInfoLines } from './admInfoReport';

const USAGE = 'usage: npm run adm:info -- <file.wav>\n  prints the programmes, objects and channels of an ADM BWF file (ITU-R BS.2076 axml, BS.2088 chna)';
/** The largest file read: the most Node reads into one buffer. */
const MAX_ADM_FILE_BYTES = 2 ** 31 - 1;

async function main(): Promise<void> {
  let line;
  try {
    line = readCommandLine(process.argv.slice(2), { noun: 'ADM BWF file', example: 'npm run adm:info -- mix.wav' }, () => false);
  } catch (error) {
    console.error(printableLines(`adm:info: ${(error as Error).message}\n${USAGE}`));
    process.exit(2);
  }
  if (line === 'help') {
    console.log(USAGE);
    return;
  }
  const file = line.inputPath;
  try {
    const bytes = await readRegularFile(file, file, 'ADM BWF file', MAX_ADM_FILE_BYTES);
    for (const text of admInfoLines(file, summarizeAdmBwf(readAdmBwf(bytes, file)))) console.log(printableLines(text));
  } catch (error) {
    console.error(printableLines(`adm:info: ${(error as Error).message}`));
    process.exit(error instanceof FieldError ? 1 : 2);
  }
}

void main();
