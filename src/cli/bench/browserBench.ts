import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { BenchPage, BenchRun } from '../../benchPage/benchPage';
import { ATMOS_BENCH_OBJECTS, ATMOS_BENCH_OUTPUT_LISTS } from '../../core/scene/benchScenes';
import { CHROMIUM_PATH, launchStudioBrowser } from '../browser/chromium';
import { startStudioServer } from '../browser/studioServer';

/**
 * The browser half of `npm run bench` (also runnable alone: `npx tsx src/cli/bench/browserBench.ts`,
 * or with `--atmos` for the Atmos-sized scene's figures only).
 * In headless Chromium, with an OfflineAudioContext rendering RENDER_SECONDS at 48 kHz:
 *   - how many static binaural objects the studio's AudioWorklet renders in real time
 *     (render time <= RENDER_SECONDS) and within half of real time (<= RENDER_SECONDS / 2);
 *   - how many native PannerNodes (panningModel 'HRTF', each fed by its own
 *     AudioBufferSourceNode of noise) Chromium renders in real time;
 *   - the ratio of the two real-time counts;
 *   - the Atmos-sized scene (a 7.1.2 bed and 118 moving objects) through the worklet to
 *     7.1.4, to 7.1.4 on headphones, and to both with their downmixes, as real-time factors.
 * Each decision "N objects fit" is the median of three full-length renders (stopping after
 * two when they agree, which fixes the median's side). Short renders first estimate the
 * count (render time is proportional to the rendered length); an exponential search then
 * brackets it with full-length decisions and bisection narrows the bracket to RESOLUTION.
 * Each figure has a time budget, so the whole run stays within about five minutes on two
 * cores; a figure whose budget ran out is printed with the bracket it reached.
 * Offline rendering runs one thread flat out: the counts say what fits in one audio
 * thread, not what a live AudioContext would sustain with other work on the machine.
 * The page is src/benchPage/ on the studio's Vite dev server.
 */
const SAMPLE_RATE_HZ = 48000;
const RENDER_SECONDS = 10;
const RUNS = 3;
/** Short renders for the first estimate. */
const SHORT_SECONDS = 2;
/** The estimate is good enough when a short render lands this close to its scaled limit. */
const ESTIMATE_TOLERANCE = 0.05;
const MAX_ESTIMATE_STEPS = 4;
/** First step of the exponential search around the estimate (doubles on each further step). */
const FIRST_BRACKET_STEP = 0.06;
/** Bisection stops when the bracket is this narrow (relative), or one object wide. */
const RESOLUTION = 0.04;
/** First object count tried (the estimate scales from there). */
const START_OBJECTS = 64;
/** Wall-clock budget per figure, seconds: estimate, search and bisection stop starting new work after it. */
const BUDGET_SEC = { worklet: { half: 55, realTime: 125 }, native: { realTime: 110 } } as const;
/** A render that takes this long has gone wrong (a full-length render at capacity takes about RENDER_SECONDS). */
const RUN_TIMEOUT_SEC = 120;

type Kind = 'worklet' | 'native';
type Log = (line: string) => void;

interface Capacity {
  /** Largest count measured to fit (0 if none did). */
  readonly objects: number;
  /** Median render time at `objects`, seconds. */
  readonly renderSec: number;
  /** Smallest count measured not to fit, or null if none was. */
  readonly tooMany: number | null;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function runOnce(page: Page, kind: Kind, objects: number, seconds: number): Promise<BenchRun> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${kind} with ${objects} objects did not finish within ${RUN_TIMEOUT_SEC} s`)), RUN_TIMEOUT_SEC * 1000);
  });
  const rendering = page.evaluate(
    (a) => (globalThis as unknown as { __bench: BenchPage }).__bench[a.kind](a.objects, a.seconds),
    { kind, objects, seconds },
  );
  const run = await Promise.race([rendering, timeout]).finally(() => clearTimeout(timer));
  if (!(run.peak > 0)) throw new Error(`${kind} rendered silence with ${objects} objects`);
  return run;
}

/**
 * A first guess of the count rendering within `limitSec`, from short renders (median of
 * two per count): scales the count by limit / time, with the exponent of time over count
 * measured between the last two counts (costs grow faster than linearly once caches overflow).
 */
async function estimateCapacity(page: Page, kind: Kind, limitSec: number, start: number, log: Log): Promise<number> {
  const shortLimitSec = (limitSec * SHORT_SECONDS) / RENDER_SECONDS;
  let n = start;
  let previous: { n: number; t: number } | null = null;
  for (let step = 0; step < MAX_ESTIMATE_STEPS; step++) {
    const times = [(await runOnce(page, kind, n, SHORT_SECONDS)).renderSec, (await runOnce(page, kind, n, SHORT_SECONDS)).renderSec];
    const t = median(times);
    log(`    ${kind} ${String(n).padStart(5)}: ${times.map((x) => x.toFixed(2)).join(', ')} s for ${SHORT_SECONDS} s of audio (estimate)`);
    const ratio = shortLimitSec / t;
    if (Math.abs(ratio - 1) < ESTIMATE_TOLERANCE) break;
    let exponent = 1;
    if (previous !== null && previous.n !== n && previous.t !== t) {
      exponent = Math.min(2, Math.max(0.8, Math.log(t / previous.t) / Math.log(n / previous.n)));
    }
    previous = { n, t };
    const next = Math.max(1, Math.round(n * Math.min(4, ratio ** (1 / exponent))));
    if (next === n) break;
    n = next;
  }
  return n;
}

/** Whether `objects` render RENDER_SECONDS within `limitSec` (median of up to three runs), and the runs' median time. */
async function fits(page: Page, kind: Kind, objects: number, limitSec: number, log: Log): Promise<{ fits: boolean; renderSec: number }> {
  const times: number[] = [];
  while (times.length < RUNS) {
    times.push((await runOnce(page, kind, objects, RENDER_SECONDS)).renderSec);
    const under = times.filter((t) => t <= limitSec).length;
    if (under * 2 > RUNS || (times.length - under) * 2 > RUNS) break;
  }
  const under = times.filter((t) => t <= limitSec).length;
  const result = { fits: under * 2 > RUNS, renderSec: median(times) };
  log(`    ${kind} ${String(objects).padStart(5)}: ${times.map((t) => `${t.toFixed(2)} s`).join(', ')} ${result.fits ? '<=' : '>'} ${limitSec} s`);
  return result;
}

/** Largest object count rendering RENDER_SECONDS within `limitSec`, within `budgetSec` of wall-clock time. */
async function capacity(page: Page, kind: Kind, limitSec: number, start: number, budgetSec: number, log: Log): Promise<Capacity> {
  const startedMs = performance.now();
  // A decision takes two or three renders of up to about limitSec each.
  const canDecide = (): boolean => (performance.now() - startedMs) / 1000 + 2.5 * limitSec <= budgetSec;
  let low = 0;
  let lowSec = Number.NaN;
  let high: number | null = null;
  const check = async (n: number): Promise<boolean> => {
    const result = await fits(page, kind, n, limitSec, log);
    if (result.fits && n > low) {
      low = n;
      lowSec = result.renderSec;
    }
    if (!result.fits && (high === null || n < high)) high = n;
    return result.fits;
  };

  let n = await estimateCapacity(page, kind, limitSec, start, log);
  // Exponential search from the estimate until the answer is bracketed.
  let step = FIRST_BRACKET_STEP;
  let bracketed = false;
  let up = await check(n);
  while (!bracketed && canDecide()) {
    const next: number = up ? Math.max(n + 1, Math.round(n * (1 + step))) : Math.min(n - 1, Math.round(n / (1 + step)));
    if (next < 1) break;
    const nextFits = await check(next);
    bracketed = nextFits !== up;
    n = next;
    up = nextFits;
    step *= 2;
  }
  // Bisection.
  while (high !== null && low > 0 && high - low > Math.max(1, Math.round(low * RESOLUTION)) && canDecide()) {
    await check(Math.round((low + high) / 2));
  }
  return { objects: low, renderSec: lowSec, tooMany: high };
}

/**
 * The Atmos-sized scene (a 7.1.2 bed and 118 moving objects) through the studio's worklet
 * to each of ATMOS_BENCH_OUTPUT_LISTS: RENDER_SECONDS rendered offline, the median of RUNS
 * real-time factors (audio seconds per second of startRendering()), and the load of a live
 * audio thread that would take (1 / factor).
 */
async function atmosFigures(page: Page, log: Log): Promise<void> {
  log(`studio AudioWorklet, Atmos-sized scene (a 7.1.2 bed and ${ATMOS_BENCH_OBJECTS} moving objects), ${RENDER_SECONDS} s, median of ${RUNS}:`);
  // Warm-up (compiles the code paths), not measured.
  await runAtmos(page, ['7.1.4'], 1);
  for (const ids of ATMOS_BENCH_OUTPUT_LISTS) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) times.push((await runAtmos(page, ids, RENDER_SECONDS)).renderSec);
    const factor = RENDER_SECONDS / median(times);
    log(`  ${ids.join(', ')}: ${factor.toFixed(2)}x real time (audio thread load ${(100 / factor).toFixed(0)} %; runs ${times.map((t) => `${t.toFixed(2)} s`).join(', ')})`);
  }
}

async function runAtmos(page: Page, outputIds: readonly string[], seconds: number): Promise<BenchRun> {
  const run = await page.evaluate((a) => (globalThis as unknown as { __bench: BenchPage }).__bench.atmos(a.outputIds, a.seconds), { outputIds, seconds });
  if (!(run.peak > 0)) throw new Error(`the Atmos-sized scene rendered silence to ${outputIds.join(', ')}`);
  return run;
}

function describe(capacity: Capacity): string {
  const next = capacity.tooMany === null ? 'no larger count tried' : `${capacity.tooMany} did not fit`;
  const time = Number.isNaN(capacity.renderSec) ? '' : `, ${capacity.renderSec.toFixed(2)} s`;
  return `${String(capacity.objects).padStart(5)}  (${next}${time})`;
}

/**
 * Runs the browser benchmark and prints its figures (with `only: 'atmos'`, the Atmos-sized
 * scene's alone); prints one line and returns when Chromium is missing.
 */
export async function runBrowserBench(log: Log, only?: 'atmos'): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    log(`Browser benchmark skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
    return;
  }
  const started = performance.now();
  const server = await startStudioServer();
  try {
    const browser = await launchStudioBrowser();
    try {
      const { page } = browser;
      await page.goto(new URL('src/benchPage/index.html', server.url).href);
      await page.waitForFunction(() => (globalThis as { __bench?: unknown }).__bench !== undefined, undefined, { timeout: 90_000 });
      await page.evaluate((a) => (globalThis as unknown as { __bench: BenchPage }).__bench.prepare(a.rate, a.seconds), {
        rate: SAMPLE_RATE_HZ,
        seconds: RENDER_SECONDS + 1,
      });
      const cdp = await browser.context.newCDPSession(page);
      const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
      log(`Browser benchmark: headless ${product.replace(/^(Headless)?Chrome\//, 'Chromium ')}, OfflineAudioContext, ${RENDER_SECONDS} s at ${SAMPLE_RATE_HZ} Hz, static objects, median of ${RUNS} runs per decision`);

      if (only === 'atmos') {
        await atmosFigures(page, log);
        return;
      }
      // Warm-up (compiles the code paths, loads Chromium's HRTF database), not measured.
      await runOnce(page, 'worklet', START_OBJECTS, 1);
      await runOnce(page, 'native', START_OBJECTS, 1);
      const half = await capacity(page, 'worklet', RENDER_SECONDS / 2, START_OBJECTS, BUDGET_SEC.worklet.half, log);
      const realTime = await capacity(page, 'worklet', RENDER_SECONDS, Math.max(1, 2 * half.objects), BUDGET_SEC.worklet.realTime, log);
      const native = await capacity(page, 'native', RENDER_SECONDS, START_OBJECTS, BUDGET_SEC.native.realTime, log);

      log(`studio AudioWorklet, binaural objects (binaural and stereo rendered every block, as in playback):`);
      log(`  in real time (render <= ${RENDER_SECONDS} s):          ${describe(realTime)}`);
      log(`  within half of real time (<= ${RENDER_SECONDS / 2} s):     ${describe(half)}`);
      log(`Chromium PannerNode 'HRTF', one AudioBufferSourceNode each:`);
      log(`  in real time (render <= ${RENDER_SECONDS} s):          ${describe(native)}`);
      log(`ratio, studio worklet / native HRTF panners in real time: ${native.objects > 0 ? (realTime.objects / native.objects).toFixed(2) : 'n/a'}x`);
      await atmosFigures(page, log);
      log(`browser benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      await browser.close();
    }
  } catch (error) {
    log(`Browser benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await server.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runBrowserBench((line) => console.log(line), process.argv.includes('--atmos') ? 'atmos' : undefined);
}
