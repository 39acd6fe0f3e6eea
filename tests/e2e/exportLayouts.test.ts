import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import type { Scene } from '../../src/core/scene/scene';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import { encodeWav } from '../../src/io/wavEncode';
import { artifactPath } from './support/artifacts';
import { parseWave } from './support/parseWave';
import type { ParsedWave } from './support/parseWave';
import { storeScene } from './support/studioPage';
import type { StudioState } from '../../src/state/studioState';
import { useStudioSession } from './support/studioSession';

/**
 * Loudspeaker layouts from the Export dialog: the demo session with a 7.1.2 bed added
 * (so the LFE carries the bed's LFE), 7.1.4 monitored on headphones (the dialog starts
 * with that output, and shows 7.1.4's), exported through the dialog (not the engine's
 * API) as 7.1.4 and its 5.1 fold at the default 24 bits. Each downloaded
 * file's fmt chunk, read by the small parser below (written for this test, not the
 * project's reader), is WAVE_FORMAT_EXTENSIBLE (0xFFFE) with 12 or 6 channels, 24 bits,
 * the PCM subformat and the mask the command line writes: 0x2D63F for 7.1.4 (L R C LFE
 * 0x1-0x8, back pair 0x10 0x20, side pair 0x200 0x400, tops 0x1000 0x4000 0x8000
 * 0x20000), 0x60F for 5.1 (the surrounds M+-110 on the SIDE bits, as src/core/data/README.md
 * explains; not 0x3F). The samples null against `npm run render` of the same scene
 * (runRender with the command line's arguments, 24-bit as well): the renderers agree to
 * below -100 dBFS in 32-bit float (the other null tests' bound), far below one 24-bit step
 * (2^-23, -138 dBFS), so after each quantises to 24 bits a sample can differ by at most
 * one step (a value lying on either side of a rounding boundary): the bound here.
 */

const session = useStudioSession();

/** The page's studio hooks (src/main.tsx), with the whole store state. */
interface StudioWindow {
  __studio?: { readonly store: { getState(): StudioState } };
}

const RATE_HZ = 48000;
const BED_LENGTH_SEC = 4;
/** 7.1.2's WAVE mask (L R C LFE, back pair, side pair, top front pair): the added file becomes a bed on 2+7+0. */
const MASK_7_1_2 = 0x563f;
const MASK_7_1_4 = 0x2d63f;
const MASK_5_1 = 0x60f;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** KSDATAFORMAT_SUBTYPE_PCM: 00000001-0000-0010-8000-00aa00389b71, as stored (little-endian fields). */
const PCM_SUBFORMAT = '0100000000001000800000aa00389b71';
const STEP_24 = 2 ** -23;
/** A rendered feed must be louder than this, so a silent export cannot null trivially. */
const MIN_PEAK_DBFS = -30;
/** Offline render of the 32 s demo with the bed in the page, then two downloads. */
const EXPORT_TIMEOUT_MS = 150_000;
const LAYOUT_ORDER = 'M+030 M-030 M+000 LFE1 M+135 M-135 M+090 M-090 U+045 U-045 U+135 U-135';

/** A 7.1.2 file: channel k a sine of 375 (k + 1) Hz at 0.05 (the LFE, channel 3, at 1500 Hz is out of its band, but it is the bed's LFE as filed). */
function bedWav(): Buffer {
  const frames = BED_LENGTH_SEC * RATE_HZ;
  const channels = Array.from({ length: 10 }, (_, k) => Float32Array.from({ length: frames }, (_, n) => 0.05 * Math.sin((2 * Math.PI * 375 * (k + 1) * n) / RATE_HZ)));
  return Buffer.from(encodeWav({ sampleRateHz: RATE_HZ, channels, channelMask: MASK_7_1_2 }, { sampleFormat: 'float32' }));
}

const dbfs = (steps: number): number => 20 * Math.log10(steps * STEP_24);
const peakOf = (channel: Int32Array): number => channel.reduce((peak, v) => Math.max(peak, Math.abs(v)), 0);

let workDir = '';
let sceneName = '';
let scene: Scene;
const exported = new Map<string, ParsedWave>();
const rendered = new Map<string, ParsedWave>();

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'studio-export-layouts-'));
  const { page } = session;
  await writeFile(path.join(workDir, 'bed-7.1.2.wav'), bedWav());
  await page.getByTestId('stems-add-input').setInputFiles(path.join(workDir, 'bed-7.1.2.wav'));
  await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.store.getState().scene.beds?.length === 1, undefined, { timeout: 30_000 });
  sceneName = await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().sceneName);
});

afterAll(async () => {
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
});

describe('the Export dialog exports loudspeaker layouts', () => {
  it('starts with no layout output while binaural is monitored', async () => {
    const { page } = session;
    await page.getByTestId('export-open').click();
    await expect(page.getByTestId('export-layouts').locator('input[type="checkbox"]').count()).resolves.toBeGreaterThan(2);
    await expect(page.getByTestId('export-layouts').locator('input[type="checkbox"]:checked').count()).resolves.toBe(0);
    await expect(page.getByTestId('export-layout-chosen').count()).resolves.toBe(0);
    await page.getByTestId('export-close').click();
  });

  it('starts with the monitored 7.1.4 on headphones, describing 7.1.4\'s file (12 channels, mask 0x2D63F, WAVE order) and its 5.1 fold (6 channels, 0x60F)', async () => {
    const { page } = session;
    // The headless device has 2 outputs, so 7.1.4 itself would be refused once audio runs: monitor it on headphones.
    await page.getByTestId('monitor-layout').selectOption('binaural-7.1.4');
    await expect.poll(() => page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().monitor.outputId)).toBe('binaural-7.1.4');
    await page.getByTestId('export-open').click();
    await expect(page.getByTestId('export-layout').inputValue()).resolves.toBe('7.1.4');
    await expect(page.getByTestId('export-output-binaural-7.1.4').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('export-output-7.1.4').isChecked()).resolves.toBe(false);
    await expect(page.getByTestId('export-output-7.1.4-to-5.1').isChecked()).resolves.toBe(false);
    await expect(page.getByTestId('export-bits-24').isChecked()).resolves.toBe(true);
    const feeds = await page.locator('label', { has: page.getByTestId('export-output-7.1.4') }).textContent();
    expect(feeds).toContain('12 channels, WAVE mask 0x2D63F');
    const fold = await page.locator('label', { has: page.getByTestId('export-output-7.1.4-to-5.1') }).textContent();
    expect(fold).toContain('6 channels, WAVE mask 0x60F');
    await expect(page.getByTestId('export-layout-note').textContent()).resolves.toContain('On headphones, each loudspeaker goes through the HRTF at its position, the LFE dropped');
  });

  it('downloads <scene>.7.1.4.wav and <scene>.7.1.4-to-5.1.wav, named as the command line names them, after naming 7.1.4\'s file order', async () => {
    const { page } = session;
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    for (const format of ['binaural', 'stereo', 'mono']) await page.getByTestId(`export-format-${format}`).uncheck();
    await page.getByTestId('export-output-7.1.4').check();
    await page.getByTestId('export-output-7.1.4-to-5.1').check();
    await page.getByTestId('export-output-binaural-7.1.4').uncheck();
    await expect(page.getByTestId('export-layout-chosen').textContent()).resolves.toBe('Chosen: 7.1.4 (4+7+0), 7.1.4 to 5.1');
    await expect(page.getByTestId('export-layout-order-7.1.4').textContent()).resolves.toContain(`7.1.4 ${LAYOUT_ORDER}`);
    await expect(page.getByTestId('export-layout-note').textContent()).resolves.toContain('the LFE channel carries the beds');
    await page.getByTestId('export-dialog').screenshot({ path: artifactPath('export-dialog-layouts.png') });
    scene = await storeScene(page);
    await page.getByTestId('export-start').click();
    await expect.poll(() => page.getByTestId('export-status').textContent(), { timeout: EXPORT_TIMEOUT_MS }).toMatch(/^Done/);
    await expect.poll(() => downloads.length).toBe(2);
    const names = downloads.map((download) => download.suggestedFilename()).sort();
    expect(names).toEqual([`${sceneName}.7.1.4-to-5.1.wav`, `${sceneName}.7.1.4.wav`]);
    for (const download of downloads) {
      const file = path.join(workDir, download.suggestedFilename());
      await download.saveAs(file);
      const outputId = download.suggestedFilename().slice(sceneName.length + 1, -'.wav'.length);
      exported.set(outputId, parseWave(new Uint8Array(await readFile(file)), file));
    }
  });

  it('renders the same scene with the command line (24-bit, the bed beside it)', async () => {
    const scenePath = path.join(workDir, `${sceneName}.json`);
    await writeFile(scenePath, serializeScene(scene));
    const args = parseRenderArgs([scenePath, '--format', '7.1.4,7.1.4-to-5.1', '--out', path.join(workDir, 'cli')]);
    if (args === 'help') throw new Error('unexpected --help');
    for (const file of await runRender(args, () => {})) {
      expect(path.basename(file.file)).toBe(`${sceneName}.${file.format}.wav`);
      rendered.set(file.format, parseWave(new Uint8Array(await readFile(file.file)), file.file));
    }
    expect([...rendered.keys()]).toEqual(['7.1.4', '7.1.4-to-5.1']);
  });

  it.each([
    ['7.1.4', 12, MASK_7_1_4],
    ['7.1.4-to-5.1', 6, MASK_5_1],
  ] as const)('writes %s as WAVE_FORMAT_EXTENSIBLE, %i channels, mask as the command line, 24-bit PCM', (outputId, channels, mask) => {
    const file = exported.get(outputId)!;
    const cli = rendered.get(outputId)!;
    const header = (wave: ParsedWave) => ({
      formatTag: wave.formatTag,
      channels: wave.channels,
      sampleRateHz: wave.sampleRateHz,
      blockAlign: wave.blockAlign,
      bitsPerSample: wave.bitsPerSample,
      validBits: wave.validBits,
      channelMask: wave.channelMask,
      subformat: wave.subformat,
    });
    expect(header(file)).toEqual({ formatTag: WAVE_FORMAT_EXTENSIBLE, channels, sampleRateHz: RATE_HZ, blockAlign: channels * 3, bitsPerSample: 24, validBits: 24, channelMask: mask, subformat: PCM_SUBFORMAT });
    expect(header(cli)).toEqual(header(file));
  });

  it.each(['7.1.4', '7.1.4-to-5.1'])('%s nulls against the command line\'s render to one 24-bit step, with the bed\'s LFE in file channel 3', (outputId) => {
    const file = exported.get(outputId)!;
    const cli = rendered.get(outputId)!;
    let largest = 0;
    let peak = 0;
    cli.samples.forEach((reference, c) => {
      const channel = file.samples[c]!;
      expect(channel.length, `channel ${c} length`).toBe(reference.length);
      for (let n = 0; n < reference.length; n++) largest = Math.max(largest, Math.abs(channel[n]! - reference[n]!));
      peak = Math.max(peak, peakOf(reference));
    });
    const lfePeak = peakOf(file.samples[3]!);
    console.log(
      `${outputId} export: ${file.samples[0]!.length} frames, peak ${dbfs(peak).toFixed(2)} dBFS, LFE peak ${dbfs(lfePeak).toFixed(2)} dBFS, largest difference from the command line ${largest} steps of 2^-23`,
    );
    expect(dbfs(peak)).toBeGreaterThan(MIN_PEAK_DBFS);
    // The bed's LFE (0.05 peak, its 0 dB gain) lands on the LFE channel, filed fourth.
    expect(Math.abs(lfePeak * STEP_24 - 0.05)).toBeLessThan(0.001);
    expect(largest).toBeLessThanOrEqual(1);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
