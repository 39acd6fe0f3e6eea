import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldError } from '../../../src/core/fieldError';
import { readSofaFile, readSofaInWorker } from '../../../src/cli/readSofaInWorker';
import { MAX_SOFA_FILE_BYTES } from '../../../src/cli/sofaReaderLimits';
import { KEMAR_SOFA_NAME, readKemar } from '../dsp/hrtf/hrtfTestSupport';
import { validSofaParts, writeSofa } from '../io/sofaWriter';

/**
 * A SOFA file from the issue 12 fuzz campaign's kind (tests/fixtures/sofa/hdf5-hang.sofa,
 * found by mutating the small test file): h5wasm spins on it at full CPU; read on this
 * thread it had not returned after 60 s, and a hung read cannot be stopped in its thread.
 */
const HANG_FIXTURE = new URL('../../fixtures/sofa/hdf5-hang.sofa', import.meta.url);
const WORKER_TEST_TIMEOUT_MS = 60_000;

describe('readSofaInWorker', () => {
  it('reads MIT KEMAR in a worker thread to the same arrays as on this thread (exact)', { timeout: WORKER_TEST_TIMEOUT_MS }, async () => {
    const here = await readKemar();
    const there = await readSofaFile(new URL(`../../../${KEMAR_SOFA_NAME}`, import.meta.url).pathname, KEMAR_SOFA_NAME);
    expect(there.directionCount).toBe(710);
    expect(there.irLength).toBe(here.irLength);
    expect(there.sampleRateHz).toBe(44100);
    expect(there.left).toEqual(here.left);
    expect(there.right).toEqual(here.right);
    expect(there.azimuthDeg).toEqual(here.azimuthDeg);
  });

  it('stops a reader that hangs and refuses the file, naming it; a file read after it reads', { timeout: WORKER_TEST_TIMEOUT_MS }, async () => {
    const bytes = new Uint8Array(readFileSync(HANG_FIXTURE));
    await expect(readSofaInWorker(bytes, 'hdf5-hang.sofa', { timeoutMs: 3000 })).rejects.toThrow(
      /^hdf5-hang\.sofa: the SOFA reader did not finish within 3 s; the file may be damaged$/,
    );
    const valid = await readSofaInWorker(await writeSofa(validSofaParts()), 'valid.sofa');
    expect(valid.directionCount).toBe(4);
  });

  it("passes the reader's refusal on as a FieldError with its field", { timeout: WORKER_TEST_TIMEOUT_MS }, async () => {
    const parts = validSofaParts();
    const bytes = await writeSofa({ ...parts, variables: { ...parts.variables, 'Data.SamplingRate': { values: Float64Array.of(1e9), shape: [1] } } });
    const error = await readSofaInWorker(bytes, 'fast.sofa').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).path).toBe('Data.SamplingRate');
    expect((error as FieldError).message).toBe('fast.sofa: Data.SamplingRate: expected a whole number of hertz from 8000 to 384000, got 1000000000');
  });

  it('refuses a file whose reading needs more WebAssembly memory than the bound, naming it', { timeout: WORKER_TEST_TIMEOUT_MS }, async () => {
    // 40 x 2 x 32768 float64 samples: 21 MB for HDF5 to read, beyond h5wasm's initial memory (about 18 MB), against a bound of 1 MiB.
    const parts = validSofaParts();
    const [directions, length] = [40, 32768];
    const bytes = await writeSofa({
      ...parts,
      variables: {
        ...parts.variables,
        'Data.IR': { values: new Float64Array(directions * 2 * length).fill(0.25), shape: [directions, 2, length] },
        SourcePosition: { ...parts.variables.SourcePosition!, values: Float64Array.from({ length: directions * 3 }, (_, i) => (i % 3 === 0 ? 9 * (i / 3) : i % 3 === 1 ? 0 : 1)), shape: [directions, 3] },
      },
    });
    await expect(readSofaInWorker(bytes, 'large.sofa', { wasmMemoryBytes: 2 ** 20 })).rejects.toThrow(
      /^large\.sofa: the SOFA reader failed \(it needed more than its 1 MiB of WebAssembly memory: .+\); the file may be damaged$/,
    );
    expect((await readSofaInWorker(bytes, 'large.sofa')).irLength).toBe(length);
  });

  it('refuses a file larger than the bound before reading it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sofa-size-'));
    try {
      const path = join(folder, 'huge.sofa');
      await writeFile(path, '');
      await truncate(path, MAX_SOFA_FILE_BYTES + 1);
      await expect(readSofaFile(path, 'huge.sofa')).rejects.toThrow(/^huge\.sofa: expected a SOFA file of at most 268435456 bytes \(256 MiB\), got 268435457 bytes$/);
    } finally {
      await rm(folder, { recursive: true });
    }
  });
});
