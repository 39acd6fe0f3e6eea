import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../src/io/wavEncode';
import { useStudioSession } from './support/studioSession';
import { DEMO_SOURCE_IDS, storeScene, undoSteps, waitForStudio } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';

/**
 * Sessions in the browser (issue 12): New session keeps the session before it (with its
 * stems) in the Sessions list, from which it opens again; sessions are renamed, duplicated
 * and deleted with an "Undo delete"; opening a scene file is an undoable step; the monitor,
 * the selection and the side panel come back with the session. The tests run in order on
 * one page and one browser profile.
 */

const session = useStudioSession();

const TONE_ID = 'good-tone';
const TONE_GAIN_DB = -11;
const toneBytes = Buffer.from(
  encodeWav(
    { sampleRateHz: 48000, channels: [Float32Array.from({ length: 2400 }, (_, i) => 0.25 * Math.sin((2 * Math.PI * 440 * i) / 48000))] },
    { sampleFormat: 'pcm16' },
  ),
);
const demoText = readFileSync(new URL('../../scenes/demo.json', import.meta.url), 'utf8');

interface SessionsView {
  readonly sceneName: string;
  readonly sessionId: string;
  readonly sidePanel: string;
  readonly monitor: { readonly outputId: string; readonly monoLaw: string };
}

function sessionState(): Promise<SessionsView> {
  return session.page.evaluate(() => {
    const state = (globalThis as StudioWindow).__studio!.store.getState() as unknown as SessionsView;
    return { sceneName: state.sceneName, sessionId: state.sessionId, sidePanel: state.sidePanel, monitor: state.monitor };
  });
}

function stemBytes(fileName: string): Promise<number[] | null> {
  return session.page.evaluate(async (name) => {
    const blob = (globalThis as unknown as { __studio: { stemFiles: Map<string, Blob> } }).__studio.stemFiles.get(name);
    return blob === undefined ? null : [...new Uint8Array(await blob.arrayBuffer())];
  }, fileName);
}

function flushAutosave(): Promise<void> {
  return session.page.evaluate(() => (globalThis as unknown as { __studio: { flushAutosave(): Promise<void> } }).__studio.flushAutosave());
}

const rowNamed = (name: string) => session.page.locator(`[data-testid="session-row"]:has(input[data-testid="session-name"])`).filter({ has: session.page.locator(`input[value="${name}"]`) });

async function openSessionsList(): Promise<void> {
  const dialog = session.page.getByTestId('sessions-dialog');
  if ((await dialog.count()) === 0) await session.page.getByTestId('sessions-open').click();
  await dialog.waitFor({ state: 'visible' });
}

async function sessionNames(): Promise<string[]> {
  await openSessionsList();
  return session.page.getByTestId('session-name').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value).sort());
}

describe('sessions in the browser', () => {
  it('New session keeps the session before it, with its stems; Sessions… opens it again', async () => {
    const { page } = session;
    await page.getByTestId('stems-add-input').setInputFiles([{ name: `${TONE_ID}.wav`, mimeType: 'audio/wav', buffer: toneBytes }]);
    await expect.poll(async () => (await storeScene(page)).sources.map((s) => s.id), { timeout: 30_000 }).toContain(TONE_ID);
    await page.evaluate(
      ({ id, gain }) => ((globalThis as StudioWindow).__studio!.store.getState() as unknown as { setGain(id: string, db: number): void }).setGain(id, gain),
      { id: TONE_ID, gain: TONE_GAIN_DB },
    );
    // Rename the open session in the list.
    await openSessionsList();
    const openName = page.locator('[data-testid="session-row"].open [data-testid="session-name"]');
    await openName.fill('Tone mix');
    await openName.press('Enter');
    await expect.poll(() => page.getByTestId('scene-name').textContent()).toBe('Tone mix');
    const toneSessionId = (await sessionState()).sessionId;

    await page.getByTestId('session-reset').click();
    await expect.poll(async () => (await sessionState()).sessionId).not.toBe(toneSessionId);
    await expect(page.getByTestId('confirm-dialog').count()).resolves.toBe(0);
    expect((await storeScene(page)).sources.map((s) => s.id)).toEqual([...DEMO_SOURCE_IDS]);
    await flushAutosave();

    await expect.poll(sessionNames).toEqual(['Tone mix', 'demo']);
    await rowNamed('Tone mix').getByTestId('session-open').click();
    await expect.poll(async () => (await sessionState()).sessionId, { timeout: 15_000 }).toBe(toneSessionId);
    const tone = (await storeScene(page)).sources.find((s) => s.id === TONE_ID);
    expect(tone?.gainDb).toBe(TONE_GAIN_DB);
    await expect(stemBytes(`${TONE_ID}.wav`)).resolves.toEqual([...toneBytes]);
  });

  it('duplicates a session, deletes the copy, and Undo delete brings it back', async () => {
    const { page } = session;
    await openSessionsList();
    await rowNamed('demo').getByTestId('session-duplicate').click();
    await expect.poll(sessionNames).toEqual(['Tone mix', 'demo', 'demo copy']);
    await rowNamed('demo copy').getByTestId('session-delete').click();
    await expect.poll(sessionNames).toEqual(['Tone mix', 'demo']);
    await page.getByTestId('sessions-open').click();
    const undo = page.getByTestId('notice').filter({ hasText: 'Deleted "demo copy"' }).getByTestId('notice-action');
    await undo.click();
    await expect.poll(sessionNames).toEqual(['Tone mix', 'demo', 'demo copy']);
    // The open session cannot be deleted.
    await expect(page.locator('[data-testid="session-row"].open [data-testid="session-delete"]').isDisabled()).resolves.toBe(true);
    await page.getByTestId('sessions-open').click();
    await expect.poll(() => page.getByTestId('sessions-dialog').count()).toBe(0);
  });

  it('opening a scene file is one undo step: Ctrl+Z brings the session back with its history', async () => {
    const { page } = session;
    const before = await storeScene(page);
    const stepsBefore = await undoSteps(page);
    const opened = JSON.parse(demoText) as { objects: { gainDb: number }[] };
    opened.objects[0]!.gainDb = -20;
    await page.getByTestId('scene-open-input').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(opened)) });
    await expect.poll(async () => (await storeScene(page)).sources[0]!.gainDb).toBe(-20);
    await expect(undoSteps(page)).resolves.toBe(stepsBefore + 1);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => storeScene(page)).toEqual(before);
    await expect(undoSteps(page)).resolves.toBe(stepsBefore);
  });

  it('restores the monitor, the selection and the side panel with the session after a reload', async () => {
    const { page } = session;
    await page.getByTestId('monitor-mono').click();
    await page.getByTestId('monitor-law-6').click();
    await page.getByTestId(`mixer-select-${TONE_ID}`).click();
    await page.getByTestId('side-tab-meters').click();
    await flushAutosave();
    await page.reload();
    await waitForStudio(page);
    const state = await sessionState();
    expect(state.monitor).toEqual({ outputId: 'mono', monoLaw: '-6dB' });
    expect(state.sidePanel).toBe('meters');
    await expect(page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().selectedSourceId)).resolves.toBe(TONE_ID);
    await expect(page.getByTestId('side-tab-meters').getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
