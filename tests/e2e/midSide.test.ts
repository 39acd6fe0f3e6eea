import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { MidSideSettings } from '../../src/core/scene/midSideSettings';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import { storeScene } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';

/**
 * Mid/side in the studio as a person uses it: select the demo's pad (a stereo stem),
 * type width 0 in the inspector's Mid/side section, and the store's scene and the audio
 * engine both have it; Ctrl+Z takes it back. A mono stem shows only what acts on it. Then
 * the master's width, from the mixer's master strip. The tests run in order on one page.
 */

/** What the page's engine was asked, recorded by wrapping its methods (installed in the page). */
interface EngineLog {
  readonly updates: { readonly sourceId: string; readonly midSide: MidSideSettings | null }[];
  readonly master: MidSideSettings[];
}
interface SpiedWindow extends StudioWindow {
  __engineLog?: EngineLog;
}

const session = useStudioSession();

async function engineLog(): Promise<EngineLog> {
  return session.page.evaluate(() => (globalThis as SpiedWindow).__engineLog!);
}

async function padMidSide(): Promise<MidSideSettings | undefined> {
  return (await storeScene(session.page)).sources.find((s) => s.id === 'pad')?.midSide;
}

describe('mid/side in the studio', () => {
  it('starts audio and records what the engine is sent', async () => {
    const page = session.page;
    await page.getByRole('region', { name: 'Mixer', exact: true }).click({ position: { x: 40, y: 12 } });
    await expect
      .poll(() => page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().engineStatus), { timeout: 30_000 })
      .toBe('ready');
    await page.evaluate(() => {
      const w = globalThis as SpiedWindow;
      const engine = w.__studio!.engine!;
      const log: EngineLog = { updates: [], master: [] };
      const updateSource = engine.updateSource.bind(engine);
      const setMasterMidSide = engine.setMasterMidSide.bind(engine);
      engine.updateSource = (sourceId, params) => {
        log.updates.push({ sourceId, midSide: params.midSide ?? null });
        updateSource(sourceId, params);
      };
      engine.setMasterMidSide = (settings) => {
        log.master.push(settings);
        setMasterMidSide(settings);
      };
      w.__engineLog = log;
    });
  });

  it('sets the pad\'s width to 0 from the inspector: the scene has it and the engine received it', async () => {
    const page = session.page;
    await page.getByTestId('mixer-select-pad').click();
    await expect.poll(() => page.getByTestId('inspector-name').inputValue()).toBe('Wide pad (side partly inverted)');
    const section = page.getByTestId('inspector-midside');
    await section.scrollIntoViewIfNeeded();
    // The pad is a stereo stem: every control is live, no mono note.
    await expect(page.getByTestId('inspector-ms-mono-note').count()).resolves.toBe(0);
    await expect(page.getByTestId('inspector-ms-width').inputValue()).resolves.toBe('100');
    expect(await padMidSide()).toBeUndefined();

    const width = page.getByTestId('inspector-ms-width');
    await width.fill('0');
    await width.press('Enter');
    await expect.poll(async () => (await padMidSide())?.widthPercent).toBe(0);
    const midSide = (await padMidSide())!;
    expect(midSide.midGainDb).toBe(0);
    expect(midSide.bassMono).toBe(false);
    const updates = (await engineLog()).updates.filter((u) => u.sourceId === 'pad');
    expect(updates.at(-1)?.midSide?.widthPercent).toBe(0);
    await expect(page.getByTestId('inspector-ms-state').textContent()).resolves.toBe('Active');
    await writeFile(artifactPath('midside-inspector.png'), await section.screenshot());
  });

  it('undoes the edit with Ctrl+Z: the scene is back to neutral and the engine is told', async () => {
    const page = session.page;
    await page.getByTestId('inspector-ms-width').blur();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => padMidSide()).toBeUndefined();
    const updates = (await engineLog()).updates.filter((u) => u.sourceId === 'pad');
    expect(updates.at(-1)?.midSide).toBeNull();
    await expect.poll(() => page.getByTestId('inspector-ms-width').inputValue()).toBe('100');
  });

  it('says a mono stem has no side, and keeps only mid gain and the mid shelves live', async () => {
    const page = session.page;
    const monoId = await page.evaluate(() => {
      const state = (globalThis as StudioWindow).__studio!.store.getState() as unknown as { stemChannels: Record<string, number> };
      return Object.keys(state.stemChannels).find((id) => state.stemChannels[id] === 1) ?? null;
    });
    expect(monoId).not.toBeNull();
    await page.getByTestId(`mixer-select-${monoId!}`).click();
    await page.getByTestId('inspector-ms-mono-note').waitFor({ state: 'visible' });
    // Disabled rows are inert: their controls cannot take focus; mid gain can.
    const focusable = (testId: string) =>
      page.getByTestId(testId).evaluate((element) => {
        (element as HTMLElement).focus();
        return document.activeElement === element;
      });
    await expect(focusable('inspector-ms-width')).resolves.toBe(false);
    await expect(focusable('inspector-ms-side-gain')).resolves.toBe(false);
    await expect(focusable('inspector-ms-sideHighShelf-db')).resolves.toBe(false);
    await expect(focusable('inspector-ms-mid-gain')).resolves.toBe(true);
    await expect(focusable('inspector-ms-midLowShelf-db')).resolves.toBe(true);
    await page.getByTestId('inspector-ms-mid-gain').blur();
  });

  it('sets the master width to 0 from the master strip: scene.master and engine.setMasterMidSide', async () => {
    const page = session.page;
    await page.getByTestId('master-ms-open').click();
    const panel = page.getByTestId('master-ms-panel');
    await panel.waitFor({ state: 'visible' });
    const width = page.getByTestId('master-ms-width');
    await width.fill('0');
    await width.press('Enter');
    await expect.poll(async () => (await storeScene(page)).master?.midSide?.widthPercent).toBe(0);
    expect((await engineLog()).master.at(-1)?.widthPercent).toBe(0);
    await expect(page.getByTestId('master-width').inputValue()).resolves.toBe('0');
    await expect(page.getByTestId('master-ms-badge').textContent()).resolves.toBe('M/S on');
    await writeFile(artifactPath('midside-master.png'), await page.screenshot());

    await page.getByTestId('master-ms-reset').click();
    await expect.poll(async () => (await storeScene(page)).master).toBeUndefined();
    expect((await engineLog()).master.at(-1)?.widthPercent).toBe(100);
  });
});
