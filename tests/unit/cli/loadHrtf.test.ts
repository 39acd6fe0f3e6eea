import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../../src/cli/loadHrtf';
import { FieldError } from '../../../src/core/fieldError';
import { validSofaParts, writeSofa } from '../io/sofaWriter';
import type { SofaParts } from '../io/sofaWriter';

const WORKER_TEST_TIMEOUT_MS = 60_000;
const IR_LENGTH = 256;

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'load-hrtf-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true });
});

/** Impulse pairs at 48 kHz: per direction the left ear's at sample 10, the right ear's `itdSamples(d)` later; positions spherical. */
function impulseSet(positions: readonly (readonly [number, number])[], itdSamples: (d: number) => number): SofaParts {
  const parts = validSofaParts();
  const ir = new Float64Array(positions.length * 2 * IR_LENGTH);
  positions.forEach((_, d) => {
    ir[2 * d * IR_LENGTH + 10] = 1;
    ir[(2 * d + 1) * IR_LENGTH + 10 + itdSamples(d)] = 1;
  });
  return {
    ...parts,
    variables: {
      ...parts.variables,
      'Data.IR': { values: ir, shape: [positions.length, 2, IR_LENGTH] },
      SourcePosition: { ...parts.variables.SourcePosition!, values: Float64Array.from(positions.flatMap(([az, el]) => [az, el, 1.5])), shape: [positions.length, 3] },
    },
  };
}

async function load(parts: SofaParts): Promise<unknown> {
  const path = join(folder, 'user.sofa');
  await writeFile(path, await writeSofa(parts));
  return loadHrtfGrid(path, 48000).catch((error: unknown) => error);
}

const HORIZON: readonly (readonly [number, number])[] = [[0, 0], [90, 0], [180, 0], [270, 0]];

describe('loadHrtfGrid of a SOFA file', () => {
  it('loads impulse pairs 10 samples apart on the horizon: 4 measured directions and 2 virtual poles', { timeout: WORKER_TEST_TIMEOUT_MS }, async () => {
    const grid = await load(impulseSet(HORIZON, () => 10));
    expect(grid).not.toBeInstanceOf(Error);
    expect((grid as { virtualDirectionCount: number }).virtualDirectionCount).toBe(2);
  });

  // Before: the set loaded and the render failed later with "binaural filters of 2 partitions leave only ... HRIR taps", naming no file.
  it('refuses an interaural delay of 3 ms (144 samples) in the IRs, naming the file and the measurement', { timeout: WORKER_TEST_TIMEOUT_MS }, async () => {
    const error = await load(impulseSet(HORIZON, (d) => (d === 2 ? 144 : 10)));
    expect(error).toBeInstanceOf(FieldError);
    expect((error as Error).message).toMatch(/user\.sofa: Data\.IR\[2\]: expected an interaural time difference within \+-2 ms \(the ears' onsets\), got 3\.0\d\d ms$/);
  });

  // Before: "sphere triangulation needs at least 4 directions, got 3", naming no file.
  it('refuses one direction measured three times (one direction and two virtual poles), naming the file and SourcePosition', { timeout: WORKER_TEST_TIMEOUT_MS }, async () => {
    const error = await load(impulseSet([[30, 0], [30, 0], [30, 0]], () => 0));
    expect(error).toBeInstanceOf(FieldError);
    expect((error as Error).message).toMatch(
      /user\.sofa: SourcePosition: expected directions around the listener that cover the sphere \(sphere triangulation needs at least 4 directions, got 3\)$/,
    );
  });
});
