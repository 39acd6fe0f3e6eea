import { parseArgs } from 'node:util';
import { runCampaign, type CampaignResult } from './fuzzCampaign';
import { FUZZ_TARGETS } from './fuzzTargets';

/**
 * `npm run fuzz`: the longer fuzz campaign, on demand. Every registered reader gets its
 * test run's inputs times --scale (default 20), from --seed; prints per reader the inputs,
 * how many were read and refused, the failures (anything but the project's own refusal
 * naming the file), the slowest input and the process's peak memory. Exits 1 on a failure.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    parser: { type: 'string' },
  },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a whole number of 1 or more, not '${values.scale}'`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not '${values.seed}'`);

const chosen = FUZZ_TARGETS.filter(({ target }) => values.parser === undefined || target.parser === values.parser);
if (chosen.length === 0) throw new Error(`--parser '${values.parser}' is none of: ${FUZZ_TARGETS.map(({ target }) => target.parser).join(', ')}`);

const results: CampaignResult[] = [];
for (const { target, testInputs } of chosen) {
  const result = await runCampaign(target, { seed, inputs: testInputs * scale });
  results.push(result);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${result.parser.padEnd(14)} ${String(result.inputs).padStart(7)} inputs  ${String(result.read).padStart(6)} read  ${String(result.refused).padStart(6)} refused  ` +
      `${String(result.failures.length).padStart(3)} failures  slowest ${result.slowestMs.toFixed(0).padStart(5)} ms  total ${(result.totalMs / 1000).toFixed(1)} s  peak RSS ${peakMb.toFixed(0)} MB`,
  );
  for (const failure of result.failures.slice(0, 5)) console.log(`  input ${failure.input} (${failure.fileName}): ${failure.message.slice(0, 300)}`);
}
process.exitCode = results.some((result) => result.failures.length > 0) ? 1 : 0;
