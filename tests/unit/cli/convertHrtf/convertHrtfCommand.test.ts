import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/cli/commandLine';
import { runConvertHrtf } from '../../../../src/cli/convertHrtf/convertHrtfCommand';
import { FieldError } from '../../../../src/core/fieldError';
import { decodeHrtfFile } from '../../../../src/io/hrtfFile';
import { validSofaParts, writeSofa } from '../../io/sofaWriter';

const WORKER_TEST_TIMEOUT_MS = 60_000;
const USER_BYTES = new TextEncoder().encode('the user\'s own file');

let folder: string;
let input: string;
let output: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'convert-hrtf-'));
  input = join(folder, 'set.sofa');
  output = join(folder, 'set.hrtf');
  await writeFile(input, await writeSofa(validSofaParts()));
});

afterEach(async () => {
  await rm(folder, { recursive: true });
});

describe('runConvertHrtf (npm run hrtf:convert)', () => {
  it('refuses an output that exists already without --force, naming it, and leaves it as it was', async () => {
    await writeFile(output, USER_BYTES);
    const error = await runConvertHrtf({ inputPath: input, outputPath: output, options: {} }, () => {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`${output} exists already; add --force to overwrite, or choose another output path`);
    expect(new Uint8Array(await readFile(output))).toEqual(USER_BYTES);
  });

  it('never writes over its input, even with --force', async () => {
    const before = new Uint8Array(await readFile(input));
    await expect(runConvertHrtf({ inputPath: input, outputPath: input, options: {}, force: true }, () => {})).rejects.toThrow(
      `${input}: refusing to write over the SOFA file it converts; choose another output path`,
    );
    expect(new Uint8Array(await readFile(input))).toEqual(before);
  });

  it('with --force overwrites the output with the converted set (4 directions at 48 kHz)', { timeout: WORKER_TEST_TIMEOUT_MS }, async () => {
    await writeFile(output, USER_BYTES);
    const lines: string[] = [];
    await runConvertHrtf({ inputPath: input, outputPath: output, options: {}, force: true }, (line) => lines.push(line));
    const converted = decodeHrtfFile(new Uint8Array(await readFile(output)), output);
    expect(converted.directionCount).toBe(4);
    expect(converted.sampleRateHz).toBe(48000);
    expect(lines.at(-1)).toMatch(/^wrote {4}/);
  });

  it('refuses a bad SOFA file with a FieldError naming it and writes nothing', { timeout: WORKER_TEST_TIMEOUT_MS }, async () => {
    const parts = validSofaParts();
    await writeFile(input, await writeSofa({ ...parts, variables: { ...parts.variables, 'Data.SamplingRate': { values: Float64Array.of(1), shape: [1] } } }));
    const error = await runConvertHrtf({ inputPath: input, outputPath: output, options: {} }, () => {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FieldError);
    expect((error as Error).message).toMatch(/set\.sofa: Data\.SamplingRate: expected a whole number of hertz from 8000 to 384000, got 1$/);
    await expect(stat(output)).rejects.toThrow(/ENOENT/);
  });
});
