/**
 * `npm run hrtf:convert -- [file.sofa] [--rate <Hz>] [--length <samples>] [--out <file.hrtf>] [--force]`
 *
 * Reads an AES69 SOFA file (SimpleFreeFieldHRIR), prepares it (prepareHrtfSet: ITD,
 * diffuse-field EQ, minimum phase, truncation) and writes the studio's .hrtf file.
 * Without arguments it converts hrtf/sofa/MIT_KEMAR_normal_pinna.sofa at its native
 * 44100 Hz to the shipped set, hrtf/mit-kemar-normal-pinna.hrtf (with --force, since it exists).
 * Exit status 2 for bad arguments (an output that exists without --force, or is the input,
 * included), 1 for a bad input file.
 */
import { UsageError } from '../commandLine';
import { printableLines } from '../terminalText';
import { CONVERT_HRTF_USAGE, parseConvertHrtfArgs } from './convertHrtfArgs';
import { runConvertHrtf } from './convertHrtfCommand';

async function main(): Promise<void> {
  let args;
  try {
    args = parseConvertHrtfArgs(process.argv.slice(2));
  } catch (error) {
    console.error(printableLines(`hrtf:convert: ${(error as Error).message}`));
    process.exit(2);
  }
  if (args === 'help') {
    console.log(CONVERT_HRTF_USAGE);
    return;
  }
  try {
    // A SOFA file's attributes (its provenance) are anyone's text: printed as safe lines.
    await runConvertHrtf(args, (line) => console.log(printableLines(line)));
  } catch (error) {
    console.error(printableLines(`hrtf:convert: ${(error as Error).message}`));
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}

void main();
