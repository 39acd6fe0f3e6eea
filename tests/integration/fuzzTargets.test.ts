import { describe, expect, it } from 'vitest';
import { runCampaign } from '../fuzz/fuzzCampaign';
import { FUZZ_TARGETS } from '../fuzz/fuzzTargets';

/**
 * The bounded fuzz run of every reader of untrusted files (seeded: the same inputs on
 * every machine): each mutated input is read as something the studio can use, or refused
 * with the project's FieldError naming the file; never another exception. `npm run fuzz`
 * runs the same campaigns longer.
 */
const SEED = 20261206;

describe.each(FUZZ_TARGETS)('fuzzing $target.parser', ({ target, testInputs }) => {
  it('starts from seed inputs that read', async () => {
    for (const { fileName, bytes } of await target.seeds()) await expect(target.read(bytes, fileName)).resolves.toBeUndefined();
  });

  it(`reads or refuses, naming the file, each of ${testInputs} mutated inputs`, async () => {
    const result = await runCampaign(target, { seed: SEED, inputs: testInputs });
    expect(result.failures).toEqual([]);
    // The mutations must reach the reader's checks: a share of the inputs is refused, or the run tests nothing new.
    expect(result.refused).toBeGreaterThan(testInputs / 20);
    expect(result.read + result.refused).toBe(testInputs);
  });
});
