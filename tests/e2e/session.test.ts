import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../../src/core/scene/scene';
import { useStudioSession } from './support/studioSession';
import { storeScene, waitForStudio } from './support/studioPage';

/**
 * The session survives (DESIGN.md section 6): an edit is autosaved (IndexedDB) and a
 * reload brings it back; a corrupt scene file is refused with an error naming the file
 * (and the field), and the session, in the page and in the autosave, is unchanged.
 * The tests run in order on one page and one browser profile.
 */

const EDITED_SOURCE = 'bass';
/** A gain no demo source has, typed into the inspector. */
const EDITED_GAIN_DB = -13.5;
/**
 * The autosave is debounced (about 300 ms after the last change); the debounced write must
 * have reached IndexedDB within this time. The test waits for that write itself, before
 * any reload (a reload's pagehide would also save) and without __studio.flushAutosave().
 */
const AUTOSAVE_TIMEOUT_MS = 15_000;
/** The gain as autosaved JSON holds it, as an object (`"gainDb":-13.5`) or as text, possibly escaped inside a string. */
const AUTOSAVED_EDIT = String.raw`gainDb\\?"\s*:\s*-13\.5(?![0-9])`;

const demoText = readFileSync(new URL('../../scenes/demo.json', import.meta.url), 'utf8');

const session = useStudioSession();
/** The session after the edit: what every later step must keep. */
let edited: Scene;

async function reload(): Promise<void> {
  await session.page.reload();
  await waitForStudio(session.page);
}

async function openSceneFile(name: string, text: string): Promise<void> {
  const input = session.page.getByTestId('scene-open-input');
  if ((await input.count()) === 0) throw new Error('the page has no scene-open-input (file open/save is not in the studio yet)');
  await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

async function expectErrorBanner(...mustName: string[]): Promise<void> {
  const banner = session.page.getByTestId('error-banner');
  await banner.waitFor({ state: 'visible', timeout: 15_000 });
  const text = (await banner.textContent()) ?? '';
  for (const part of mustName) expect(text, `error banner: "${text}"`).toContain(part);
}

describe('session persistence and bad scene files', () => {
  it('restores an edited gain from the autosave after a reload', async () => {
    const { page } = session;
    await page.getByTestId(`mixer-select-${EDITED_SOURCE}`).click();
    const gain = page.getByTestId('inspector-gain');
    await gain.fill(String(EDITED_GAIN_DB));
    await gain.press('Enter');
    edited = await storeScene(page);
    expect(edited.sources.find((s) => s.id === EDITED_SOURCE)!.gainDb).toBe(EDITED_GAIN_DB);

    // Wait until the autosave has written the edit (whatever its debounce), then reload.
    await expect
      .poll(() => page.evaluate(`import('/tests/e2e/pages/indexedDbScan.ts').then((m) => m.indexedDbMatches(${JSON.stringify(AUTOSAVED_EDIT)}))`), {
        timeout: AUTOSAVE_TIMEOUT_MS,
        interval: 250,
        message: `the autosave did not store the edit in IndexedDB within ${AUTOSAVE_TIMEOUT_MS / 1000} s`,
      })
      .toBe(true);
    await reload();

    const restored = await storeScene(page);
    expect(restored).toEqual(edited);
    await page.getByTestId(`mixer-select-${EDITED_SOURCE}`).click();
    await expect.poll(() => page.getByTestId('inspector-gain').inputValue()).toBe(EDITED_GAIN_DB.toFixed(1));
  });

  it('refuses a scene file that is not JSON, naming the file, and keeps the session', async () => {
    const { page } = session;
    await openSceneFile('broken-scene.json', '{"format": "spatial-mix-studio/scene", "version": 1, "sources": [ {"id": ');
    await expectErrorBanner('broken-scene.json');
    await expect(storeScene(page)).resolves.toEqual(edited);
    await expect(page.locator('[data-testid^="source-list-item-"]').count()).resolves.toBe(edited.sources.length);
  });

  it('refuses a scene file with a bad field, naming the file and the field, and keeps the session', async () => {
    const { page } = session;
    const bad = JSON.parse(demoText) as { objects: { position: { azimuthDeg: unknown } }[] };
    bad.objects[2]!.position.azimuthDeg = 400;
    await openSceneFile('bad-field-scene.json', JSON.stringify(bad, null, 2));
    await expectErrorBanner('bad-field-scene.json', 'objects[2].position.azimuthDeg');
    await expect(storeScene(page)).resolves.toEqual(edited);
  });

  it('still has the edited session after a reload (the bad files did not reach the autosave)', async () => {
    await reload();
    await expect(storeScene(session.page)).resolves.toEqual(edited);
  });

  it('logged no page errors other than the refused files', () => {
    const unexpected = session.browser.pageErrors.filter((e) => !e.includes('broken-scene.json') && !e.includes('bad-field-scene.json'));
    expect(unexpected).toEqual([]);
  });
});
