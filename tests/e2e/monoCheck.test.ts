import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analysisWorkerCount as workersPerAnalysis } from '../../src/engine/analysisClient';
import type { MonoAnalysis } from '../../src/core/monoAnalysis/monoAnalysisTypes';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import { decodePng, hexColour } from './support/png';
import type { RgbaImage } from './support/png';
import type { ScreenPoint, StudioWindow } from './support/studioPage';

/**
 * The Mono check tab on the demo: the analysis runs in its workers with progress, names
 * the Haas-widened guitar and the partly inverted pad, a click on the guitar's finding
 * selects it and plays from its worst moment, its band solo reaches the
 * monitor, the stage rings the guitar, Cancel stops a run, and an edit marks the result
 * stale until re-run.
 */

interface DemoSource {
  readonly id: string;
  readonly name: string;
}
const demo = JSON.parse(readFileSync(new URL('../../scenes/demo.json', import.meta.url), 'utf8')) as { objects: DemoSource[] };
const demoName = (id: string): string => demo.objects.find((s) => s.id === id)!.name;

/** The store's mono check as the page holds it (src/state/slices/monoCheckSlice.ts). */
interface MonoCheckView {
  readonly status: string;
  readonly progress: number;
  readonly analysis: MonoAnalysis | null;
  readonly error: string | null;
}
interface StoreView {
  readonly monoCheck: MonoCheckView;
  readonly selectedSourceId: string | null;
  readonly live: { readonly positionSec: number };
  readonly transport: { readonly playing: boolean };
  readonly monitorSolo: { readonly band: { readonly lowerHz: number; readonly upperHz: number } | null };
}
interface ProgressWindow {
  __monoProgress?: number[];
  /** Set when the store held a result while the check was still running. */
  __monoResultWhileRunning?: boolean;
}

/** The demo is 32 s long; its analysis should take a few seconds, this is the give-up time. */
const ANALYSIS_TIMEOUT_MS = 60_000;
/** The playhead lands on the finding's worst moment within this (the brief's tolerance; the seek is exact to a sample). */
const SEEK_TOLERANCE_SEC = 0.05;
/** The worker reports at least every 5 % (plus a little for the fractions the analysis happens to report). */
const MAX_PROGRESS_STEP = 0.06;
/** Marker colours (src/ui/monocheck/monoCheckFormat.ts SEVERITY_COLORS) and how close a pixel must be to count as one. */
const MARKER_COLOURS = [hexColour('#ff3b3b'), hexColour('#ffb020')];
const MARKER_TOLERANCE = 24;
/** Look for the ring within this many CSS pixels of the source's centre (the ring is about 0.4 m across at 3 m). */
const MARKER_SEARCH_PX = 60;
/** A drawn ring adds hundreds of marker-coloured pixels; 60 rules out antialiasing noise. */
const MIN_MARKER_PIXELS = 60;

const session = useStudioSession();

const state = (): Promise<StoreView> =>
  session.page.evaluate(() => {
    const s = (globalThis as StudioWindow).__studio!.store.getState() as unknown as StoreView;
    return {
      monoCheck: s.monoCheck,
      selectedSourceId: s.selectedSourceId,
      live: { positionSec: s.live.positionSec },
      transport: { playing: s.transport.playing },
      monitorSolo: s.monitorSolo,
    };
  });

async function stageImage(artifact: string): Promise<{ image: RgbaImage; origin: ScreenPoint }> {
  const canvas = session.page.getByTestId('stage-canvas');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the stage canvas is not visible');
  // The names over the sources are DOM labels on top of the canvas: hidden for the shot, so it shows what WebGL drew.
  await session.page.evaluate(() => document.querySelector<HTMLElement>('.stage-labels')?.style.setProperty('opacity', '0'));
  const png = await canvas.screenshot({ animations: 'disabled' });
  await session.page.evaluate(() => document.querySelector<HTMLElement>('.stage-labels')?.style.removeProperty('opacity'));
  await writeFile(artifactPath(artifact), png);
  const image = decodePng(png);
  return { image, origin: { x: box.x, y: box.y } };
}

/** Pixels of a marker colour in the square around a source's centre on the stage (the stage image saved as `artifact`). */
async function markerPixelsAround(sourceId: string, artifact: string): Promise<number> {
  const point = await session.page.evaluate((id) => (globalThis as StudioWindow).__studio!.sourceScreenPosition(id), sourceId);
  if (point === null) throw new Error(`source ${sourceId} is not on screen`);
  const { image, origin } = await stageImage(artifact);
  const cx = Math.round(point.x - origin.x);
  const cy = Math.round(point.y - origin.y);
  let count = 0;
  for (let y = Math.max(0, cy - MARKER_SEARCH_PX); y <= Math.min(image.height - 1, cy + MARKER_SEARCH_PX); y++) {
    for (let x = Math.max(0, cx - MARKER_SEARCH_PX); x <= Math.min(image.width - 1, cx + MARKER_SEARCH_PX); x++) {
      const i = (y * image.width + x) * 4;
      const rgb = [image.rgba[i]!, image.rgba[i + 1]!, image.rgba[i + 2]!];
      if (MARKER_COLOURS.some((c) => Math.max(...c.map((v, k) => Math.abs(v - rgb[k]!))) <= MARKER_TOLERANCE)) count++;
    }
  }
  return count;
}

const waitForStatus = (status: string): Promise<unknown> =>
  session.page.waitForFunction(
    (wanted) => ((globalThis as StudioWindow).__studio!.store.getState() as unknown as StoreView).monoCheck.status === wanted,
    status,
    { timeout: ANALYSIS_TIMEOUT_MS },
  );

describe('the mono check in the browser', () => {
  let guitarMarkerBefore = 0;
  let analysis: MonoAnalysis;

  /** The page's live analysis workers. */
  const analysisWorkerCount = (): number => session.page.workers().filter((worker) => worker.url().includes('analysisWorker')).length;

  it('analyses the demo in workers with progress and names the guitar (Haas) and the pad', async () => {
    const { page } = session;
    guitarMarkerBefore = await markerPixelsAround('guitar', 'mono-check-stage-before.png');
    await page.getByRole('tab', { name: 'Mono check' }).click();
    await page.getByTestId('mono-check-panel').waitFor({ timeout: 10_000 });
    // Opening the tab starts the workers ahead of the run (MonoCheckPanel calls prepareMonoCheck), one per core (2 to 8).
    const expectedWorkers = workersPerAnalysis(await page.evaluate(() => navigator.hardwareConcurrency));
    await expect.poll(analysisWorkerCount, { timeout: 20_000 }).toBe(expectedWorkers);
    // Every progress value the store shows while running, in order, and whether a result showed before the end.
    await page.evaluate(() => {
      const w = globalThis as StudioWindow & ProgressWindow;
      const seen: number[] = [];
      w.__monoProgress = seen;
      (w.__studio!.store as unknown as { subscribe(listener: (s: StoreView) => void): () => void }).subscribe((s) => {
        if (s.monoCheck.status !== 'running') return;
        if (seen[seen.length - 1] !== s.monoCheck.progress) seen.push(s.monoCheck.progress);
        if (s.monoCheck.analysis !== null) w.__monoResultWhileRunning = true;
      });
    });
    await page.getByTestId('mono-check-format-stereo').click();
    const started = Date.now();
    await page.getByTestId('mono-check-run').click();
    await waitForStatus('done');
    console.info(`mono check of the demo (32 s), stereo fold-down with the binaural survival: ${((Date.now() - started) / 1000).toFixed(1)} s in the browser`);

    // Split in time over one worker per core, at least two (src/engine/analysisClient.ts).
    expect(analysisWorkerCount()).toBeGreaterThanOrEqual(2);
    const s = await state();
    expect(s.monoCheck.error).toBeNull();
    analysis = s.monoCheck.analysis!;
    expect(analysis.format).toBe('stereo');
    const progress = await page.evaluate(() => (globalThis as ProgressWindow).__monoProgress!);
    expect(new Set(progress).size).toBeGreaterThanOrEqual(5);
    const steps = progress.slice(1).map((p, i) => p - progress[i]!);
    expect(Math.min(...steps)).toBeGreaterThan(0);
    expect(Math.max(...steps)).toBeLessThanOrEqual(MAX_PROGRESS_STEP);
    // One pass: the result, binaural survival included, shows once complete (src/engine/analysisClient.ts).
    await expect(page.evaluate(() => (globalThis as ProgressWindow).__monoResultWhileRunning ?? false)).resolves.toBe(false);
    expect(analysis.binaural).toBeDefined();
    await expect(page.getByTestId('mono-check-binaural').count()).resolves.toBe(1);

    const findings = analysis.findings;
    const guitar = findings.find((f) => f.sourceId === 'guitar' && f.kind === 'haas');
    expect(guitar, JSON.stringify(findings.map((f) => [f.sourceId, f.kind, f.severityDb]))).toBeDefined();
    expect(guitar!.sourceName).toBe(demoName('guitar'));
    expect(findings.some((f) => f.sourceId === 'pad')).toBe(true);
    // The list shows them, most severe first, by the sources' names.
    const shown = page.getByTestId('mono-finding');
    await expect(shown.count()).resolves.toBe(findings.length);
    const severities = findings.map((f) => f.severityDb);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    const guitarItem = page.locator('[data-testid="mono-finding"][data-source-id="guitar"][data-kind="haas"]');
    await expect(guitarItem.getByTestId('mono-finding-source').textContent()).resolves.toBe(demoName('guitar'));
    // Its headline is what the guitar loses of itself in mono, in the band of a comb notch: "loses 8.4 dB at 125 Hz in mono".
    const headline = guitar!.headline!;
    expect(headline.of).toBe('source');
    await expect(guitarItem.getByTestId('mono-finding-db').textContent()).resolves.toBe(
      `loses ${(-headline.monoVsStereoDb).toFixed(1)} dB at ${Math.round(headline.band!.nominalHz)} Hz in mono`,
    );
    // The guitar leads the list: its comb loses most where it is heard.
    await expect(shown.first().getAttribute('data-source-id')).resolves.toBe('guitar');
    await expect(page.locator('[data-testid="mono-finding"][data-source-id="pad"]').first().getByTestId('mono-finding-source').textContent()).resolves.toBe(
      demoName('pad'),
    );
    // The header names the mix's figure for what it is (signed, with its meaning) and agrees with the findings:
    // its largest loss is the first finding's headline, its worst bands lose a positive number of dB.
    await expect(page.getByTestId('mono-check-mono-vs-stereo').textContent()).resolves.toMatch(
      /^([+-]\d+\.\d+ dB \(louder in mono\)|[+-]?\d+\.\d+ dB \(same level in mono\)|-\d+\.\d+ dB \(\d+\.\d+ dB lost in mono\))$/,
    );
    await expect(page.getByTestId('mono-check-largest-loss').textContent()).resolves.toBe(
      `${demoName('guitar')} loses ${(-headline.monoVsStereoDb).toFixed(1)} dB at ${Math.round(headline.band!.nominalHz)} Hz in mono`,
    );
    const worstBands = (await page.getByTestId('mono-check-worst-bands').textContent())!;
    expect(worstBands).not.toMatch(/ 0\.00? dB/);
    expect(worstBands).toMatch(/^\d[^,]* Hz: .+ loses \d+\.\d+ dB/);

    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.getByTestId('mono-check-panel').screenshot({ path: artifactPath('mono-check.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('clicking the guitar finding selects the guitar and plays from its worst moment (seek within 0.05 s, then the playhead runs on)', async () => {
    const { page } = session;
    const guitar = analysis.findings.find((f) => f.sourceId === 'guitar' && f.kind === 'haas')!;
    expect((await state()).transport.playing).toBe(false);
    // The playhead the store holds right after the click's handler ran (before playback moves it on).
    const item = page.locator('[data-testid="mono-finding"][data-source-id="guitar"][data-kind="haas"]');
    await item.locator('.mono-finding-main').evaluate((button) => {
      (button as HTMLButtonElement).click();
      const s = (globalThis as StudioWindow).__studio!.store.getState() as unknown as StoreView;
      (globalThis as { __seekedTo?: number }).__seekedTo = s.live.positionSec;
    });
    const seekedTo = await page.evaluate(() => (globalThis as { __seekedTo?: number }).__seekedTo!);
    expect(Math.abs(seekedTo - guitar.worstTimeSec)).toBeLessThanOrEqual(SEEK_TOLERANCE_SEC);
    const s = await state();
    expect(s.selectedSourceId).toBe('guitar');
    expect(s.transport.playing).toBe(true);
    await expect(item.getAttribute('class')).resolves.toContain('is-selected');
    // It plays: the engine's playhead moves on from the worst moment (0.2 s of real time, with slack for a loaded machine).
    await expect
      .poll(async () => (await state()).live.positionSec, { timeout: 10_000 })
      .toBeGreaterThan(guitar.worstTimeSec + 0.2);
    await page.evaluate(() => ((globalThis as StudioWindow).__studio!.store.getState() as unknown as { pause(): void }).pause());
    expect((await state()).transport.playing).toBe(false);
  });

  it('rings the guitar on the stage (marker-coloured pixels around it appear with the result)', async () => {
    const after = await markerPixelsAround('guitar', 'mono-check-stage.png');
    expect(after - guitarMarkerBefore).toBeGreaterThanOrEqual(MIN_MARKER_PIXELS);
  });

  it('solos the finding worst band on the monitor, and ends the solo when pressed again', async () => {
    const { page } = session;
    const guitar = analysis.findings.find((f) => f.sourceId === 'guitar' && f.kind === 'haas')!;
    const worstBand = guitar.bands[0];
    const solo = page.locator('[data-testid="mono-finding"][data-source-id="guitar"][data-kind="haas"] [data-testid="mono-finding-solo"]');
    if (worstBand === undefined) {
      await expect(solo.count()).resolves.toBe(0);
      return;
    }
    await solo.click();
    await expect(solo.getAttribute('aria-pressed')).resolves.toBe('true');
    expect((await state()).monitorSolo.band).toEqual({ lowerHz: worstBand.lowerHz, upperHz: worstBand.upperHz });
    await solo.click();
    await expect(solo.getAttribute('aria-pressed')).resolves.toBe('false');
    expect((await state()).monitorSolo.band).toBeNull();
  });

  it('Cancel stops a run (the workers are terminated) and clears the result: the stage marker goes', async () => {
    const { page } = session;
    // Press Cancel from inside the page as soon as the run reports progress: on a loaded machine a click sent
    // from the test after seeing progress can arrive after the (short) run has finished.
    const cancelled = page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const store = (globalThis as StudioWindow).__studio!.store as unknown as { subscribe(listener: (s: StoreView) => void): () => void };
          const stop = store.subscribe((s) => {
            if (s.monoCheck.status !== 'running' || !(s.monoCheck.progress > 0)) return;
            stop();
            (document.querySelector('[data-testid="mono-check-cancel"]') as HTMLButtonElement).click();
            resolve();
          });
        }),
    );
    await page.getByTestId('mono-check-run').click();
    await cancelled;
    // A terminated worker leaves page.workers() when Chromium reports it closed.
    await expect.poll(analysisWorkerCount, { timeout: 20_000 }).toBe(0);
    const s = await state();
    expect(s.monoCheck.status).toBe('idle');
    expect(s.monoCheck.analysis).toBeNull();
    await expect(page.getByTestId('mono-finding').count()).resolves.toBe(0);
    expect(await markerPixelsAround('guitar', 'mono-check-stage-cancelled.png')).toBeLessThan(guitarMarkerBefore + MIN_MARKER_PIXELS);
  });

  it('marks the result stale after an edit, and a re-run makes it fresh again', async () => {
    const { page } = session;
    // Fresh workers (the cancelled ones were terminated) analyse again.
    await page.getByTestId('mono-check-run').click();
    await waitForStatus('done');
    await expect(page.getByTestId('mono-check-stale').count()).resolves.toBe(0);
    await page.evaluate(() => {
      const store = (globalThis as StudioWindow).__studio!.store.getState() as unknown as { setGain(id: string, gainDb: number): void };
      store.setGain('arp', -4);
    });
    await page.getByTestId('mono-check-stale').waitFor({ timeout: 5_000 });
    const rerun = Date.now();
    await page.getByTestId('mono-check-rerun').click();
    await waitForStatus('done');
    console.info(`mono check of the demo re-run (workers running already): ${((Date.now() - rerun) / 1000).toFixed(1)} s in the browser`);
    await expect(page.getByTestId('mono-check-stale').count()).resolves.toBe(0);
    expect(session.browser.pageErrors).toEqual([]);
  });
});
