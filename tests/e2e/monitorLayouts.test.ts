import { beforeAll, describe, expect, it } from 'vitest';
import type { StudioState } from '../../src/state/studioState';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import type { AudioEngine } from '../../src/engine/audioEngine';

/**
 * Monitoring loudspeaker layouts in the studio, in headless Chromium (whose audio device
 * has 2 outputs): the selector lists 7.1.4 with its headphone rendering and downmixes;
 * 7.1.4 itself is refused with the reason; 7.1.4 on headphones plays (the monitored
 * output and its loudspeaker meters are not silent); the stage draws the layout's
 * loudspeakers with the selected source's gains; a loudspeaker solo is monitoring only.
 */

const session = useStudioSession();

/** The page's studio hooks (src/main.tsx), with the whole store state. */
interface Window {
  __studio?: { readonly store: { getState(): StudioState }; readonly engine: AudioEngine | null };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Quieter than this on both ears is silence; the demo plays near -20 dBFS. */
const SILENT_DBFS = -60;

beforeAll(async () => {
  const { page } = session;
  await page.getByTestId('transport-play').click();
  await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().engineStatus === 'ready', undefined, { timeout: 30_000 });
  await page.waitForFunction(() => (globalThis as Window).__studio!.engine!.readMeters()?.playing === true, undefined, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Meters' }).click();
});

describe('monitoring loudspeaker layouts in the browser', () => {
  it('lists 7.1.4 by trade and BS.2051 name, on headphones, and its downmixes', async () => {
    const options = await session.page.getByTestId('monitor-layout').locator('option').allTextContents();
    for (const label of ['7.1.4 (4+7+0)', '7.1.4 on headphones', '7.1.4 to 5.1', '7.1.4 to Lo/Ro', '7.1.4 to Lt/Rt', '7.1.4 to mono', '5.1 (0+5+0)', '22.2 (9+10+3)']) {
      expect(options, label).toContain(label);
    }
  });

  it('refuses 7.1.4 on the 2-output device, saying so, and keeps monitoring binaural', async () => {
    const { page } = session;
    expect(await page.evaluate(() => (globalThis as Window).__studio!.engine!.outputChannelCount())).toBe(2);
    await page.getByTestId('monitor-layout').selectOption('7.1.4');
    const refusal = page.getByTestId('monitor-refusal');
    await refusal.waitFor({ timeout: 5000 });
    expect(await refusal.textContent()).toContain('This device has 2 outputs; 7.1.4 needs 12. Listen to 7.1.4 on headphones instead?');
    expect(await page.evaluate(() => (globalThis as Window).__studio!.store.getState().monitor.outputId)).toBe('binaural');
  });

  it('plays 7.1.4 on headphones when the offer is taken: both ears and the loudspeaker meters are above -60 dBFS', async () => {
    const { page } = session;
    await page.getByTestId('monitor-refusal-headphones').click();
    expect(await page.evaluate(() => (globalThis as Window).__studio!.store.getState().monitor.outputId)).toBe('binaural-7.1.4');
    expect(await page.getByTestId('monitor-refusal').count()).toBe(0);
    await page.waitForFunction(() => (globalThis as Window).__studio!.engine!.readMeters()?.speakerCount === 12, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as Window).__studio!.engine!.readMeters()?.playing === true, undefined, { timeout: 30_000 });
    await sleep(1500);
    const heard = await page.evaluate(() => {
      const m = (globalThis as Window).__studio!.engine!.readMeters()!;
      return { leftDb: m.leftDb, rightDb: m.rightDb, loudestSpeaker: Math.max(...Array.from(m.speakerRms.subarray(0, m.speakerCount))), nonFinite: m.nonFiniteBlocks, status: (globalThis as Window).__studio!.store.getState().engineStatus };
    });
    console.log(`7.1.4 on headphones: left ${heard.leftDb.toFixed(1)} dBFS, right ${heard.rightDb.toFixed(1)} dBFS, loudest loudspeaker RMS ${(20 * Math.log10(heard.loudestSpeaker)).toFixed(1)} dBFS`);
    expect(heard.status).toBe('ready');
    expect(heard.nonFinite).toBe(0);
    expect(heard.leftDb).toBeGreaterThan(SILENT_DBFS);
    expect(heard.rightDb).toBeGreaterThan(SILENT_DBFS);
    expect(20 * Math.log10(heard.loudestSpeaker)).toBeGreaterThan(SILENT_DBFS);
    expect(await page.getByTestId('speaker-meter-M+030').count()).toBe(1);
  });

  it('draws the layout\'s 11 placed loudspeakers (the LFE has no position) with the selected source\'s gain in each', async () => {
    const { page } = session;
    const labels = ['M+030', 'M-030', 'M+000', 'M+090', 'M-090', 'M+135', 'M-135', 'U+045', 'U-045', 'U+135', 'U-135'];
    for (const label of labels) expect(await page.getByTestId(`stage-speaker-${label}`).count(), label).toBe(1);
    expect(await page.getByTestId('stage-speaker-LFE1').count()).toBe(0);
    const sourceId = await page.evaluate(() => (globalThis as Window).__studio!.store.getState().scene.sources[0]!.id);
    await page.evaluate((id) => (globalThis as Window).__studio!.store.getState().selectSource(id), sourceId);
    await page.waitForFunction(() => document.querySelector('[data-testid="stage-speaker-M+030"]')?.getAttribute('data-gain') !== '', undefined, { timeout: 5000 });
    const gains = await page.evaluate((all) => all.map((label) => document.querySelector(`[data-testid="stage-speaker-${label}"]`)!.getAttribute('data-gain')!), labels);
    const lit = gains.filter((gain) => gain !== 'off');
    // A point source is panned to at most four loudspeakers (a quadrilateral of the layout), at least one.
    expect(lit.length).toBeGreaterThanOrEqual(1);
    expect(lit.length).toBeLessThanOrEqual(4);
    for (const gain of lit) expect(gain).toMatch(/^-?\d+\.\d dB$/);
    await page.screenshot({ path: artifactPath('monitor-7.1.4-headphones.png') });
  });

  it('solos a loudspeaker as monitoring only: no scene change, no undo step', async () => {
    const { page } = session;
    const before = await page.evaluate(() => {
      const s = (globalThis as Window).__studio!.store.getState();
      return { undo: s.history.past.length, scene: JSON.stringify(s.scene) };
    });
    await page.getByTestId('speaker-solo-M+030').click();
    const after = await page.evaluate(() => {
      const s = (globalThis as Window).__studio!.store.getState();
      return { solo: s.speakerSolo, undo: s.history.past.length, scene: JSON.stringify(s.scene) };
    });
    expect(after.solo).toBe('M+030');
    expect(after.undo).toBe(before.undo);
    expect(after.scene).toBe(before.scene);
    await page.getByTestId('speaker-solo-M+030').click();
    expect(await page.evaluate(() => (globalThis as Window).__studio!.store.getState().speakerSolo)).toBeNull();
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
