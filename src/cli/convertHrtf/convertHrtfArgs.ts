import { fileURLToPath } from 'node:url';
import type { PrepareHrtfOptions } from '../../dsp/hrtf/prepareHrtfSet';
import { UsageError, readCommandLineOptionalInput } from '../commandLine';

/** The shipped set's measurements, converted when no input is named. */
export const DEFAULT_SOFA_INPUT = fileURLToPath(new URL('../../../hrtf/sofa/MIT_KEMAR_normal_pinna.sofa', import.meta.url));
/** Where the shipped set is written. */
export const DEFAULT_HRTF_OUTPUT = fileURLToPath(new URL('../../../hrtf/mit-kemar-normal-pinna.hrtf', import.meta.url));

export const CONVERT_HRTF_USAGE = `usage: npm run hrtf:convert -- [file.sofa] [options]

Prepares an AES69 SOFA file (SimpleFreeFieldHRIR) for the studio and writes a .hrtf file.
Default input: hrtf/sofa/MIT_KEMAR_normal_pinna.sofa, written to hrtf/mit-kemar-normal-pinna.hrtf.

options:
  --rate <Hz>          sample rate of the prepared set (default: the file's own)
  --length <samples>   HRIR length (default: 99.9 % of every HRIR's energy, at most 5 ms)
  --out <file.hrtf>    where to write (default: hrtf/mit-kemar-normal-pinna.hrtf for the
                       default input, else the input's name with .hrtf)
  --force              overwrite an output file that exists already (never the input)
  --help               show this text`;

export interface ConvertHrtfArgs {
  readonly inputPath: string;
  readonly outputPath: string;
  readonly options: PrepareHrtfOptions;
  /** Overwrite an output file that exists already (--force); never the input. */
  readonly force?: true;
}

/** Parses the command line after the script name; throws a UsageError naming the flag and what was expected. */
export function parseConvertHrtfArgs(argv: readonly string[]): ConvertHrtfArgs | 'help' {
  let outputPath: string | undefined;
  let options: PrepareHrtfOptions = {};
  let force = false;
  const line = readCommandLineOptionalInput(argv, 'SOFA file', (flag, value) => {
    switch (flag) {
      case '--rate':
        options = { ...options, sampleRateHz: positiveWholeNumber(flag, value()) };
        return true;
      case '--length':
        options = { ...options, hrirLength: positiveWholeNumber(flag, value()) };
        return true;
      case '--out':
        outputPath = value();
        return true;
      case '--force':
        force = true;
        return true;
      default:
        return false;
    }
  });
  if (line === 'help') return 'help';
  const inputPath = line.inputPath ?? DEFAULT_SOFA_INPUT;
  const defaultOutput = line.inputPath === undefined ? DEFAULT_HRTF_OUTPUT : inputPath.replace(/(\.sofa)?$/i, '.hrtf');
  return { inputPath, outputPath: outputPath ?? defaultOutput, options, ...(force ? { force: true as const } : {}) };
}

function positiveWholeNumber(flag: string, text: string): number {
  const number = Number(text);
  if (!Number.isInteger(number) || number <= 0) throw new UsageError(`${flag}: expected a positive whole number, got "${text}"`);
  return number;
}
