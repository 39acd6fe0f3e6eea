/**
 * `npm run hrtf:convert -- [file.sofa] [--rate <Hz>] [--length <samples>] [--out <file.hrtf>]`
 *
 * Reads an AES69 SOFA file (SimpleFreeFieldHRIR), prepares it (prepareHrtfSet: ITD,
 * diffuse-field EQ, minimum phase, truncation) and writes the studio's .hrtf file.
 * Without arguments it regenerates the shipped set, hrtf/mit-kemar-normal-pinna.hrtf,
 * from hrtf/sofa/MIT_KEMAR_normal_pinna.sofa at its native 44100 Hz.
 * Exit status 2 for bad arguments, 1 for a bad input file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePreparation, prepareHrtfSet } from '../dsp/hrtf/prepareHrtfSet';
import type { PrepareHrtfOptions } from '../dsp/hrtf/prepareHrtfSet';
import { encodeHrtfFile } from '../io/hrtfFile';
import { readSofaHrirs } from '../io/sofa';

const DEFAULT_INPUT = fileURLToPath(new URL('../../hrtf/sofa/MIT_KEMAR_normal_pinna.sofa', import.meta.url));
const DEFAULT_OUTPUT = fileURLToPath(new URL('../../hrtf/mit-kemar-normal-pinna.hrtf', import.meta.url));
/** Source, terms and the citation they require, of the shipped set (hrtf/README.md). */
const KEMAR_SOURCE =
  'MIT KEMAR HRIRs, normal pinna (hrtf/sofa/MIT_KEMAR_normal_pinna.sofa, as shipped by Debian libmysofa). ' +
  'Copyright 1994 MIT Media Laboratory, free with no restrictions on use provided the authors are cited: ' +
  'Bill Gardner and Keith Martin, "HRTF Measurements of a KEMAR Dummy-Head Microphone", ' +
  'MIT Media Lab Perceptual Computing Technical Report #280, 1994.';

const USAGE = `usage: npm run hrtf:convert -- [file.sofa] [options]

Prepares an AES69 SOFA file (SimpleFreeFieldHRIR) for the studio and writes a .hrtf file.
Default input: hrtf/sofa/MIT_KEMAR_normal_pinna.sofa, written to hrtf/mit-kemar-normal-pinna.hrtf.

options:
  --rate <Hz>          sample rate of the prepared set (default: the file's own)
  --length <samples>   HRIR length (default: 99.9 % of every HRIR's energy, at most 5 ms)
  --out <file.hrtf>    where to write (default: hrtf/mit-kemar-normal-pinna.hrtf for the
                       default input, else the input's name with .hrtf)
  --help               show this text`;

interface ConvertArgs {
  readonly inputPath: string;
  readonly outputPath: string;
  readonly options: PrepareHrtfOptions;
}

function parseArgs(argv: readonly string[]): ConvertArgs | 'help' {
  let inputPath: string | undefined;
  let outputPath: string | undefined;
  let options: PrepareHrtfOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value (see --help)`);
      return next;
    };
    const positiveNumber = (text: string, integer: boolean): number => {
      const number = Number(text);
      if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
        throw new Error(`${arg}: expected a positive ${integer ? 'whole ' : ''}number, got "${text}"`);
      }
      return number;
    };
    switch (arg) {
      case '--help':
      case '-h':
        return 'help';
      case '--rate':
        options = { ...options, sampleRateHz: positiveNumber(value(), true) };
        break;
      case '--length':
        options = { ...options, hrirLength: positiveNumber(value(), true) };
        break;
      case '--out':
        outputPath = value();
        break;
      default:
        if (arg.startsWith('-')) throw new Error(`unknown option ${arg} (see --help)`);
        if (inputPath !== undefined) throw new Error(`expected one SOFA file, got "${inputPath}" and "${arg}"`);
        inputPath = arg;
    }
  }
  const input = inputPath ?? DEFAULT_INPUT;
  const output = outputPath ?? (inputPath === undefined ? DEFAULT_OUTPUT : input.replace(/(\.sofa)?$/i, '.hrtf'));
  return { inputPath: input, outputPath: output, options };
}

async function convert({ inputPath, outputPath, options }: ConvertArgs): Promise<void> {
  const started = performance.now();
  const shownInput = relative(process.cwd(), inputPath);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(inputPath));
  } catch (error) {
    throw new Error(`${shownInput}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const measured = await readSofaHrirs(bytes, shownInput);
  const set = prepareHrtfSet(measured, options);
  const source = inputPath === DEFAULT_INPUT ? KEMAR_SOURCE : `SOFA file attributes: ${measured.provenance === '' ? 'none' : measured.provenance}.`;
  const provenance = `${source} Prepared by spatial-mix-studio (npm run hrtf:convert): ${describePreparation(set)}`;
  const encoded = encodeHrtfFile(set, provenance);
  await writeFile(outputPath, encoded);

  let minItdSec = Infinity;
  let maxItdSec = -Infinity;
  for (const itd of set.itdSec) {
    minItdSec = Math.min(minItdSec, itd);
    maxItdSec = Math.max(maxItdSec, itd);
  }
  console.log(`read     ${shownInput}: ${measured.name}, ${measured.directionCount} directions, ${measured.irLength} taps at ${measured.sampleRateHz} Hz`);
  console.log(`prepared ${set.hrirLength} taps (${((1000 * set.hrirLength) / set.sampleRateHz).toFixed(2)} ms) at ${set.sampleRateHz} Hz`);
  console.log(`ITD      ${(minItdSec * 1000).toFixed(3)} to ${(maxItdSec * 1000).toFixed(3)} ms`);
  console.log(`wrote    ${relative(process.cwd(), outputPath)}: ${encoded.length} bytes (${(encoded.length / 1024).toFixed(1)} KiB) in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`hrtf:convert: ${(error as Error).message}`);
    process.exit(2);
  }
  if (args === 'help') {
    console.log(USAGE);
    return;
  }
  try {
    await convert(args);
  } catch (error) {
    console.error(`hrtf:convert: ${(error as Error).message}`);
    process.exit(1);
  }
}

void main();
