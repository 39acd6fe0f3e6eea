import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import type { AudioEngine } from '../../src/engine/audioEngine';
import type { StudioState } from '../../src/state/studioState';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import { encodeWav } from '../../src/io/wavEncode';
import { artifactPath } from './support/artifacts';
import { parseWave } from './support/parseWave';
import type { ParsedWave } from './support/parseWave';
import { storeScene, waitForStudio } from './support/studioPage';
import { useStudioSession } from './support/studioSession';

/**
 * The session's Lo/Ro and Lt/Rt levels reach the export and the monitor. The demo session
 * with a 7.1.2 bed whose only signal is a 1 kHz sine of 0.1 on M+000 (so the 7.1.4 render's
 * centre carries it, and Lo = Ro = c C for it).
 *
 * Export: Lo/Ro centre 0 dB and surround -6 dB set in the Export dialog, 7.1.4-to-loro
 * exported through it (24-bit), nulls against `npm run render -- --format 7.1.4-to-loro
 * --loro-centre 0 --loro-surround -6` (runRender, 24-bit) to one 24-bit step (the bound
 * of exportLayouts.test.ts: the renderers agree below -100 dBFS in float, so after each
 * rounds to 24 bits a sample differs by at most one step). Against the same render with
 * the default levels (-3 dB each) it must differ by more than 0.01 (-40 dBFS): the bed's
 * centre alone differs by (1 - 0.707) 0.1 = 0.029 at its peaks.
 *
 * Monitor: with every demo source muted (only the bed's centre plays), 7.1.4-to-loro
 * monitored and Lo/Ro centre changed from -3 to 0 dB in the top bar while playing, both
 * loudspeaker meters (Lo and Ro RMS) rise by 20 log10(1 / 0.7071) = 3.01 dB, within 0.1 dB.
 * The levels are the session's: a reload restores them.
 */

const session = useStudioSession();

interface StudioWindow {
  __studio?: { readonly store: { getState(): StudioState }; readonly engine: AudioEngine | null; flushAutosave(): Promise<void> };
}

const RATE_HZ = 48000;
const BED_LENGTH_SEC = 8;
const BED_AMPLITUDE = 0.1;
const MASK_7_1_2 = 0x563f;
const STEP_24 = 2 ** -23;
/** A difference this large (-40 dBFS) is not a null: the levels reached the export. */
const NOT_NULL = 0.01;
const EXPORT_TIMEOUT_MS = 150_000;
const EXPECTED_RISE_DB = 20 * Math.log10(1 / Math.SQRT1_2);
const RISE_TOLERANCE_DB = 0.1;

/** A 7.1.2 file with a 1 kHz sine on M+000 (file channel 2) and silence elsewhere. */
function centreBedWav(): Buffer {
  const frames = BED_LENGTH_SEC * RATE_HZ;
  const channels = Array.from({ length: 10 }, (_, k) =>
    k === 2 ? Float32Array.from({ length: frames }, (_, n) => BED_AMPLITUDE * Math.sin((2 * Math.PI * 1000 * n) / RATE_HZ)) : new Float32Array(frames),
  );
  return Buffer.from(encodeWav({ sampleRateHz: RATE_HZ, channels, channelMask: MASK_7_1_2 }, { sampleFormat: 'float32' }));
}

/** Largest difference between two files' samples, in 24-bit steps. */
function largestDifference(a: ParsedWave, b: ParsedWave): number {
  let largest = 0;
  b.samples.forEach((reference, c) => {
    const channel = a.samples[c]!;
    expect(channel.length, `channel ${c} length`).toBe(reference.length);
    for (let n = 0; n < reference.length; n++) largest = Math.max(largest, Math.abs(channel[n]! - reference[n]!));
  });
  return largest;
}

async function renderLoRo(scenePath: string, outDir: string, flags: readonly string[]): Promise<ParsedWave> {
  const args = parseRenderArgs([scenePath, '--format', '7.1.4-to-loro', ...flags, '--out', outDir]);
  if (args === 'help') throw new Error('unexpected --help');
  const [file] = await runRender(args, () => {});
  return parseWave(new Uint8Array(await readFile(file!.file)), file!.file);
}

let workDir = '';
let sceneName = '';
let exported: ParsedWave;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'studio-downmix-levels-'));
  const { page } = session;
  await writeFile(path.join(workDir, 'centre-7.1.2.wav'), centreBedWav());
  await page.getByTestId('stems-add-input').setInputFiles(path.join(workDir, 'centre-7.1.2.wav'));
  await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.store.getState().scene.beds?.length === 1, undefined, { timeout: 30_000 });
  sceneName = await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().sceneName);
});

afterAll(async () => {
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
});

describe('the session\'s downmix levels', () => {
  it('are set in the Export dialog (Lo/Ro centre 0 dB, surround -6 dB), and 7.1.4-to-loro is exported with them', async () => {
    const { page } = session;
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await page.getByTestId('export-open').click();
    for (const format of ['binaural', 'stereo', 'mono']) await page.getByTestId(`export-format-${format}`).uncheck();
    await page.getByTestId('export-layout').selectOption('7.1.4');
    await page.getByTestId('export-output-7.1.4-to-loro').check();
    await expect(page.getByTestId('export-downmix-loro-centre').inputValue()).resolves.toBe('-3');
    await page.getByTestId('export-downmix-loro-centre').selectOption('0');
    await page.getByTestId('export-downmix-loro-surround').selectOption('-6');
    const levels = await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().monitor.downmixLevels);
    expect(levels).toEqual({ loRo: { centreDb: 0, surroundDb: -6 }, ltRt: { centreDb: -3, surroundDb: -3 } });
    await page.getByTestId('export-dialog').screenshot({ path: artifactPath('export-dialog-downmix-levels.png') });
    const scene = await storeScene(page);
    await writeFile(path.join(workDir, `${sceneName}.json`), serializeScene(scene));
    await page.getByTestId('export-start').click();
    await expect.poll(() => page.getByTestId('export-status').textContent(), { timeout: EXPORT_TIMEOUT_MS }).toMatch(/^Done/);
    await expect.poll(() => downloads.length).toBe(1);
    expect(downloads[0]!.suggestedFilename()).toBe(`${sceneName}.7.1.4-to-loro.wav`);
    const file = path.join(workDir, downloads[0]!.suggestedFilename());
    await downloads[0]!.saveAs(file);
    exported = parseWave(new Uint8Array(await readFile(file)), file);
    await page.getByTestId('export-close').click();
  });

  it('null against render --loro-centre 0 --loro-surround -6 to one 24-bit step, and not against the default levels', async () => {
    const scenePath = path.join(workDir, `${sceneName}.json`);
    const withFlags = await renderLoRo(scenePath, path.join(workDir, 'flags'), ['--loro-centre', '0', '--loro-surround', '-6']);
    const withDefaults = await renderLoRo(scenePath, path.join(workDir, 'defaults'), []);
    const header = (wave: ParsedWave) => ({ formatTag: wave.formatTag, channels: wave.channels, sampleRateHz: wave.sampleRateHz, bitsPerSample: wave.bitsPerSample });
    expect(header(exported)).toEqual({ ...header(withFlags), channels: 2, bitsPerSample: 24 });
    const largest = largestDifference(exported, withFlags);
    const fromDefaults = largestDifference(exported, withDefaults);
    console.log(`7.1.4-to-loro export (centre 0, surround -6): largest difference ${largest} steps of 2^-23 from the command line with the same flags, ${(fromDefaults * STEP_24).toFixed(4)} from its default levels`);
    expect(largest).toBeLessThanOrEqual(1);
    expect(fromDefaults * STEP_24).toBeGreaterThan(NOT_NULL);
  });

  it('are heard at once while monitoring 7.1.4 to Lo/Ro: a centre-only signal\'s Lo and Ro meters rise 3.0 dB from centre -3 to 0 dB', async () => {
    const { page } = session;
    await page.evaluate(() => {
      const state = (globalThis as StudioWindow).__studio!.store.getState();
      for (const source of state.scene.sources) if (!source.mute) state.toggleMute(source.id);
    });
    await page.getByTestId('monitor-layout').selectOption('7.1.4-to-loro');
    await page.getByTestId('monitor-downmix-levels').locator('summary').click();
    await page.getByTestId('monitor-downmix-loro-centre').selectOption('-3');
    await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().seek(0));
    await page.getByTestId('transport-play').click();
    await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.store.getState().engineStatus === 'ready', undefined, { timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.engine!.readMeters()?.playing === true, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.engine!.readMeters()?.speakerCount === 2, undefined, { timeout: 30_000 });
    const readLoRo = async (): Promise<{ lo: number; ro: number; positionSec: number }> => {
      await page.waitForTimeout(700);
      const reads: { lo: number; ro: number; positionSec: number }[] = [];
      for (let i = 0; i < 8; i++) {
        reads.push(
          await page.evaluate(() => {
            const m = (globalThis as StudioWindow).__studio!.engine!.readMeters()!;
            return { lo: m.speakerRms[0]!, ro: m.speakerRms[1]!, positionSec: m.positionSec };
          }),
        );
        await page.waitForTimeout(40);
      }
      const db = (values: number[]): number => 20 * Math.log10(values.reduce((sum, v) => sum + v, 0) / values.length);
      return { lo: db(reads.map((r) => r.lo)), ro: db(reads.map((r) => r.ro)), positionSec: reads.at(-1)!.positionSec };
    };
    const before = await readLoRo();
    await page.getByTestId('monitor-downmix-loro-centre').selectOption('0');
    const after = await readLoRo();
    await page.screenshot({ path: artifactPath('monitor-downmix-levels.png') });
    await page.getByTestId('transport-play').click();
    console.log(
      `7.1.4 to Lo/Ro, bed centre only: Lo ${before.lo.toFixed(2)} -> ${after.lo.toFixed(2)} dBFS, Ro ${before.ro.toFixed(2)} -> ${after.ro.toFixed(2)} dBFS (at ${before.positionSec.toFixed(2)} and ${after.positionSec.toFixed(2)} s)`,
    );
    // Both reads within the bed (8 s), so the sine plays throughout.
    expect(after.positionSec).toBeLessThan(BED_LENGTH_SEC);
    expect(Math.abs(after.lo - before.lo - EXPECTED_RISE_DB)).toBeLessThan(RISE_TOLERANCE_DB);
    expect(Math.abs(after.ro - before.ro - EXPECTED_RISE_DB)).toBeLessThan(RISE_TOLERANCE_DB);
  });

  it('are kept with the session: after a reload the top bar shows Lo/Ro centre 0 dB and surround -6 dB again', async () => {
    const { page } = session;
    await page.evaluate(() => (globalThis as StudioWindow).__studio!.flushAutosave());
    await page.reload();
    await waitForStudio(page);
    const monitor = await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().monitor);
    expect(monitor.outputId).toBe('7.1.4-to-loro');
    expect(monitor.downmixLevels).toEqual({ loRo: { centreDb: 0, surroundDb: -6 }, ltRt: { centreDb: -3, surroundDb: -3 } });
    await page.getByTestId('monitor-downmix-levels').locator('summary').click();
    await expect(page.getByTestId('monitor-downmix-loro-centre').inputValue()).resolves.toBe('0');
    await expect(page.getByTestId('monitor-downmix-loro-surround').inputValue()).resolves.toBe('-6');
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
