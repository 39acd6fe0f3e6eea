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
import { describePreparation, prepareHrtfSet } from '../../dsp/hrtf/prepareHrtfSet';
import { encodeHrtfFile } from '../../io/hrtfFile';
import { readSofaHrirs } from '../../io/sofa';
import { CONVERT_HRTF_USAGE, DEFAULT_SOFA_INPUT, parseConvertHrtfArgs } from './convertHrtfArgs';
import type { ConvertHrtfArgs } from './convertHrtfArgs';

/** Source, terms and the citation they require, of the shipped set (hrtf/README.md). */
const KEMAR_SOURCE =
  'MIT KEMAR HRIRs, normal pinna (hrtf/sofa/MIT_KEMAR_normal_pinna.sofa, as shipped by Debian libmysofa). ' +
  'Copyright 1994 MIT Media Laboratory, free with no restrictions on use provided the authors are cited: ' +
  'Bill Gardner and Keith Martin, "HRTF Measurements of a KEMAR Dummy-Head Microphone", ' +
  'MIT Media Lab Perceptual Computing Technical Report #280, 1994.';

async function convert({ inputPath, outputPath, options }: ConvertHrtfArgs): Promise<void> {
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
  const source = inputPath === DEFAULT_SOFA_INPUT ? KEMAR_SOURCE : `SOFA file attributes: ${measured.provenance === '' ? 'none' : measured.provenance}.`;
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
    args = parseConvertHrtfArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`hrtf:convert: ${(error as Error).message}`);
    process.exit(2);
  }
  if (args === 'help') {
    console.log(CONVERT_HRTF_USAGE);
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
