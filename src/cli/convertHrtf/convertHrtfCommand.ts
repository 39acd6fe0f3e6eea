import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { describePreparation } from '../../dsp/hrtf/prepareHrtfSet';
import { encodeHrtfFile } from '../../io/hrtfFile';
import { checkOutputFiles } from '../outputGuard';
import { prepareSofaFile } from '../prepareSofaFile';
import { DEFAULT_SOFA_INPUT } from './convertHrtfArgs';
import type { ConvertHrtfArgs } from './convertHrtfArgs';

/** Source, terms and the citation they require, of the shipped set (hrtf/README.md). */
const KEMAR_SOURCE =
  'MIT KEMAR HRIRs, normal pinna (hrtf/sofa/MIT_KEMAR_normal_pinna.sofa, as shipped by Debian libmysofa). ' +
  'Copyright 1994 MIT Media Laboratory, free with no restrictions on use provided the authors are cited: ' +
  'Bill Gardner and Keith Martin, "HRTF Measurements of a KEMAR Dummy-Head Microphone", ' +
  'MIT Media Lab Perceptual Computing Technical Report #280, 1994.';

/**
 * Converts one SOFA file to a .hrtf file and reports what it did through `log`. Before
 * any work, refuses (UsageError) an output that is the input or exists already without
 * --force; the SOFA file is read in a worker thread within its bounds (prepareSofaFile.ts).
 */
export async function runConvertHrtf({ inputPath, outputPath, options, force }: ConvertHrtfArgs, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const shownInput = relative(process.cwd(), inputPath);
  await checkOutputFiles([outputPath], [{ file: inputPath, what: 'the SOFA file it converts' }], force === true);
  const { measured, set } = await prepareSofaFile(inputPath, shownInput, options);
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
  log(`read     ${shownInput}: ${measured.name}, ${measured.directionCount} directions, ${measured.irLength} taps at ${measured.sampleRateHz} Hz`);
  log(`prepared ${set.hrirLength} taps (${((1000 * set.hrirLength) / set.sampleRateHz).toFixed(2)} ms) at ${set.sampleRateHz} Hz`);
  log(`ITD      ${(minItdSec * 1000).toFixed(3)} to ${(maxItdSec * 1000).toFixed(3)} ms`);
  log(`wrote    ${relative(process.cwd(), outputPath)}: ${encoded.length} bytes (${(encoded.length / 1024).toFixed(1)} KiB) in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}
