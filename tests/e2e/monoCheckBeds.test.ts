import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonoAnalysis } from '../../src/core/monoAnalysis/monoAnalysisTypes';
import { bedChannelsInFileOrder } from '../../src/core/scene/bedRouting';
import { encodeWav } from '../../src/io/wavEncode';
import { gaussianNoise } from '../support/prng';
import { storeScene } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';
import { useStudioSession } from './support/studioSession';

/**
 * The Mono check tab with a bed: a mono object (noise) and a 7.1.2 WAV (mask 0x563F) whose
 * side pair M+090/M-090 carries one noise and its inverse are dropped on an empty scene.
 * The check names the bed first ("Bed 'side-inverted'"), with the pair, in the list the
 * page shows; clicking its finding selects the bed's mixer strip and plays from its
 * worst moment, as an object's finding does. A scene whose bed stem is missing is
 * analysed without it, and the panel says so.
 */

const session = useStudioSession();

interface StoreView {
  readonly monoCheck: { readonly status: string; readonly analysis: MonoAnalysis | null; readonly error: string | null };
  readonly selectedSourceId: string | null;
  readonly live: { readonly positionSec: number };
}

const RATE_HZ = 48000;
const LENGTH_SEC = 4;
const MASK_7_1_2 = 0x563f;
const ANALYSIS_TIMEOUT_MS = 60_000;
/** The playhead lands on the finding's worst moment within this (as for an object's finding). */
const SEEK_TOLERANCE_SEC = 0.05;
const EMPTY_SCENE = { format: 'spatial-mix-studio/scene', version: 2, sampleRateHz: RATE_HZ, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, objects: [] };

let outDir = '';
let bedId = '';

const state = (): Promise<StoreView> =>
  session.page.evaluate(() => {
    const s = (globalThis as StudioWindow).__studio!.store.getState() as unknown as StoreView;
    return { monoCheck: s.monoCheck, selectedSourceId: s.selectedSourceId, live: { positionSec: s.live.positionSec } };
  });

const waitForStatus = (status: string): Promise<unknown> =>
  session.page.waitForFunction(
    (wanted) => ((globalThis as StudioWindow).__studio!.store.getState() as unknown as StoreView).monoCheck.status === wanted,
    status,
    { timeout: ANALYSIS_TIMEOUT_MS },
  );

async function runStereoCheck(): Promise<MonoAnalysis> {
  const { page } = session;
  await page.getByRole('tab', { name: 'Mono check' }).click();
  await page.getByTestId('mono-check-panel').waitFor({ timeout: 10_000 });
  await page.getByTestId('mono-check-format-stereo').click();
  await page.getByTestId('mono-check-run').click();
  await waitForStatus('done');
  const s = await state();
  expect(s.monoCheck.error).toBeNull();
  return s.monoCheck.analysis!;
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'studio-mono-beds-'));
  const { page } = session;
  const frames = LENGTH_SEC * RATE_HZ;
  const noise = gaussianNoise(frames, 7).map((v) => 0.05 * v);
  const silence = new Float32Array(frames);
  const bed = bedChannelsInFileOrder('2+7+0').map((label) => (label === 'M+090' ? noise : label === 'M-090' ? noise.map((v) => -v) : silence));
  await writeFile(path.join(outDir, 'side-inverted.wav'), encodeWav({ sampleRateHz: RATE_HZ, channels: bed, channelMask: MASK_7_1_2 }, { sampleFormat: 'float32' }));
  await writeFile(path.join(outDir, 'voice.wav'), encodeWav({ sampleRateHz: RATE_HZ, channels: [gaussianNoise(frames, 8).map((v) => 0.05 * v)] }, { sampleFormat: 'float32' }));
  await page.getByTestId('scene-open-input').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(EMPTY_SCENE)) });
  await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.store.getState().scene.sources.length === 0, undefined, { timeout: 15_000 });
  await page.getByTestId('stems-add-input').setInputFiles([path.join(outDir, 'voice.wav'), path.join(outDir, 'side-inverted.wav')]);
  await page.waitForFunction(
    () => {
      const scene = (globalThis as StudioWindow).__studio!.store.getState().scene;
      return scene.sources.length === 1 && scene.beds?.length === 1;
    },
    undefined,
    { timeout: 30_000 },
  );
  bedId = (await storeScene(page)).beds![0]!.id;
});

afterAll(async () => {
  if (outDir !== '') await rm(outDir, { recursive: true, force: true });
});

describe('the mono check with a bed, in the browser', () => {
  it('names the bed whose side pair is inverted first, with the pair, in the store and in the list', async () => {
    const analysis = await runStereoCheck();
    const first = analysis.findings[0]!;
    expect([first.sourceId, first.sourceKind, first.channelPair?.left, first.channelPair?.right]).toEqual([bedId, 'bed', 'M+090', 'M-090']);
    expect(analysis.sources.map((s) => s.sourceKind ?? 'object')).toEqual(['object', 'bed']);
    expect(analysis.unanalysed).toBeUndefined();
    const { page } = session;
    const shown = page.getByTestId('mono-finding').first();
    await expect(shown.getAttribute('data-source-id')).resolves.toBe(bedId);
    await expect(shown.getByTestId('mono-finding-source').textContent()).resolves.toBe("Bed 'side-inverted'");
    await expect(shown.textContent()).resolves.toContain('Its M+090 and M-090 channels cancel each other');
    await expect(shown.textContent()).resolves.toContain("Flip the polarity of the M-090 channel of bed 'side-inverted'.");
  });

  it("clicking the bed's finding selects its mixer strip and plays from its worst moment (seek within 0.05 s)", async () => {
    const { page } = session;
    const finding = (await state()).monoCheck.analysis!.findings[0]!;
    const item = page.locator(`[data-testid="mono-finding"][data-source-id="${bedId}"]`).first();
    await item.locator('.mono-finding-main').evaluate((button) => {
      (button as HTMLButtonElement).click();
      const s = (globalThis as StudioWindow).__studio!.store.getState() as unknown as StoreView;
      (globalThis as { __seekedTo?: number }).__seekedTo = s.live.positionSec;
    });
    const seekedTo = await page.evaluate(() => (globalThis as { __seekedTo?: number }).__seekedTo!);
    expect(Math.abs(seekedTo - finding.worstTimeSec)).toBeLessThanOrEqual(SEEK_TOLERANCE_SEC);
    expect((await state()).selectedSourceId).toBe(bedId);
    await expect(page.getByTestId(`source-list-item-${bedId}`).getAttribute('class')).resolves.toContain('is-selected');
    await page.evaluate(() => ((globalThis as StudioWindow).__studio!.store.getState() as unknown as { pause(): void }).pause());
  });

  it('analyses a scene whose bed stem is missing without it, and says so', async () => {
    const { page } = session;
    const scene = {
      ...EMPTY_SCENE,
      beds: [{ id: 'gone', name: 'Gone 7.1.2', stem: { file: 'stems/gone.wav' }, layout: '2+7+0', channels: bedChannelsInFileOrder('2+7+0'), gainDb: 0, mute: false, solo: false }],
    };
    await page.getByTestId('scene-open-input').setInputFiles({ name: 'missing-bed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scene)) });
    await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.store.getState().scene.beds?.[0]?.id === 'gone', undefined, { timeout: 15_000 });
    const analysis = await runStereoCheck();
    expect(analysis.unanalysed).toEqual([{ id: 'gone', name: 'Gone 7.1.2', kind: 'bed' }]);
    expect(analysis.sources).toEqual([]);
    await expect(page.getByTestId('mono-check-unanalysed').textContent()).resolves.toBe("Not analysed, its stem is not loaded: bed 'Gone 7.1.2'");
  });
});
