import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchStudioBrowser } from '../../src/cli/browser/chromium';
import type { StudioBrowser } from '../../src/cli/browser/chromium';
import { startStudioServer } from '../../src/cli/browser/studioServer';
import type { StudioServer } from '../../src/cli/browser/studioServer';
import { encodeWav } from '../../src/io/wavEncode';
import { killChromium } from './support/chromiumProcess';
import { openStudio, storeScene } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';

/**
 * The autosave survives a crash (issue 12): Chromium is killed (SIGKILL of the browser
 * process: no pagehide, no flush) once in the middle of an edit (its save still waiting
 * for the debounce) and once in the middle of a save (a large stem file being written),
 * and a new browser on the same profile opens the studio with every edit up to the last
 * completed save, and the stems byte for byte. A save is one transaction (stem files,
 * then the record), so a killed save leaves the session as before it or as after it,
 * never a record whose stem file is missing.
 */

const TONE_ID = 'tone';
const BIG_ID = 'big';

function sineWav(seconds: number, channelCount: number): Buffer {
  const channel = Float32Array.from({ length: Math.round(48000 * seconds) }, (_, i) => 0.25 * Math.sin((2 * Math.PI * 220 * i) / 48000));
  return Buffer.from(encodeWav({ sampleRateHz: 48000, channels: Array.from({ length: channelCount }, () => channel) }, { sampleFormat: 'pcm16' }));
}

const toneBytes = sineWav(0.1, 1);
/** 40 s of 16-bit stereo: 7.68 MB, so its write takes long enough to be interrupted. */
const bigBytes = sineWav(40, 2);

let server: StudioServer;
let profileDir: string;
let browser: StudioBrowser | null = null;

beforeAll(async () => {
  server = await startStudioServer();
  profileDir = await mkdtemp(path.join(tmpdir(), 'studio-crash-'));
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  await rm(profileDir, { recursive: true, force: true });
});

/** A new Chromium on the test's profile, with the studio open (as after a restart). */
async function reopen(): Promise<StudioBrowser> {
  browser = await launchStudioBrowser({ profileDir });
  await openStudio(browser.page, server.url);
  return browser;
}

/** Kills Chromium (SIGKILL) and waits until playwright sees it gone. */
async function crash(): Promise<void> {
  const closed = new Promise<void>((resolve) => browser!.context.once('close', () => resolve()));
  killChromium(profileDir);
  await closed;
  browser = null;
}

function setGain(b: StudioBrowser, gainDb: number, flush: boolean): Promise<void> {
  return b.page.evaluate(
    async ({ id, gain, save }) => {
      const studio = (globalThis as StudioWindow).__studio! as unknown as {
        store: { getState(): { setGain(id: string, db: number): void } };
        flushAutosave(): Promise<void>;
      };
      studio.store.getState().setGain(id, gain);
      if (save) await studio.flushAutosave();
    },
    { id: TONE_ID, gain: gainDb, save: flush },
  );
}

function stemBytes(b: StudioBrowser, fileName: string): Promise<number[] | null> {
  return b.page.evaluate(async (name) => {
    const blob = (globalThis as unknown as { __studio: { stemFiles: Map<string, Blob> } }).__studio.stemFiles.get(name);
    return blob === undefined ? null : [...new Uint8Array(await blob.arrayBuffer())];
  }, fileName);
}

describe('the autosave after Chromium is killed', () => {
  it('keeps every completed edit and the stem when killed in the middle of an edit', async () => {
    const b = await reopen();
    await b.page.getByTestId('stems-add-input').setInputFiles([{ name: `${TONE_ID}.wav`, mimeType: 'audio/wav', buffer: toneBytes }]);
    await expect.poll(async () => (await storeScene(b.page)).sources.map((s) => s.id), { timeout: 30_000 }).toContain(TONE_ID);
    await setGain(b, -3, true);
    await setGain(b, -4, true);
    // This edit's save waits for the debounce (about 300 ms): the kill comes first.
    await setGain(b, -5, false);
    await crash();

    const after = await reopen();
    const tone = (await storeScene(after.page)).sources.find((s) => s.id === TONE_ID);
    // -4 was the last completed save; -5 may or may not have been written before the kill.
    expect([-4, -5]).toContain(tone?.gainDb);
    await expect(stemBytes(after, `${TONE_ID}.wav`)).resolves.toEqual([...toneBytes]);
  });

  it('keeps the session whole when killed in the middle of a save: the stem and its source both, or neither', async () => {
    const b = browser!;
    await setGain(b, -6, true);
    // Note when the studio starts writing a stem file into IndexedDB.
    await b.page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (value instanceof Blob) (globalThis as { stemPutStarted?: boolean }).stemPutStarted = true;
        return put.call(this, value, key);
      };
    });
    await b.page.getByTestId('stems-add-input').setInputFiles([{ name: `${BIG_ID}.wav`, mimeType: 'audio/wav', buffer: bigBytes }]);
    await b.page.waitForFunction(() => (globalThis as { stemPutStarted?: boolean }).stemPutStarted === true, undefined, { timeout: 60_000, polling: 5 });
    await crash();

    const after = await reopen();
    const scene = await storeScene(after.page);
    expect(scene.sources.find((s) => s.id === TONE_ID)?.gainDb).toBe(-6);
    await expect(stemBytes(after, `${TONE_ID}.wav`)).resolves.toEqual([...toneBytes]);
    const big = await stemBytes(after, `${BIG_ID}.wav`);
    if (scene.sources.some((s) => s.id === BIG_ID)) {
      expect(big?.length).toBe(bigBytes.length);
      expect(Buffer.from(big!).equals(bigBytes)).toBe(true);
    } else {
      expect(big).toBeNull();
    }
    const missing = await after.page.evaluate(() => ((globalThis as StudioWindow).__studio!.store.getState() as unknown as { missingStems: unknown[] }).missingStems);
    expect(missing).toEqual([]);
  });
});
