import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../../src/core/scene/scene';
import { parseSceneJson } from '../../src/core/scene/sceneParse';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import { encodeWav } from '../../src/io/wavEncode';
import { useStudioSession } from './support/studioSession';
import { storeScene, waitForStudio } from './support/studioPage';

/**
 * Stem files in the IndexedDB session storage (src/state/autosave): a version 1 database
 * (one record holding its stem files inline) is upgraded to version 3 (sessions by id)
 * without losing the session, the first save moves the stem into the stem store, and a
 * reload restores its bytes from there. A version 2 database (one record, stems apart) is
 * upgraded the same way. The tests run in order on one page and one browser profile.
 */

const DATABASE = 'spatial-mix-studio';
const SOURCE_ID = 'tone';
const STEM_FILE = 'tone.wav';

/** The demo scene with one source, playing the stem file STEM_FILE. */
const scene: Scene = (() => {
  const demo = parseSceneJson(readFileSync(new URL('../../scenes/demo.json', import.meta.url), 'utf8'), 'demo.json').scene;
  return { ...demo, sources: [{ ...demo.sources[0]!, id: SOURCE_ID, name: 'Tone', stem: { kind: 'file', file: STEM_FILE } }] };
})();

/** 0.1 s of a 440 Hz sine, 16-bit mono WAV. */
const wavBytes = [
  ...encodeWav(
    { sampleRateHz: 48000, channels: [Float32Array.from({ length: 4800 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 48000))] },
    { sampleFormat: 'pcm16' },
  ),
];

const session = useStudioSession();

async function reload(): Promise<void> {
  await session.page.reload();
  await waitForStudio(session.page);
}

/** What the database holds: the record's version, its stem references and gains, and each stored stem's bytes. */
interface StoredView {
  readonly version: unknown;
  readonly stemRefs: unknown;
  readonly gainDb: number | undefined;
  readonly stems: Record<string, number[]>;
}

function storedAutosave(): Promise<StoredView> {
  return session.page.evaluate(
    async ({ name, sourceId }) => {
      const done = <T>(request: IDBRequest<T>): Promise<T> =>
        new Promise((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await done(indexedDB.open(name));
      try {
        const transaction = db.transaction(['sessions', 'stems', 'meta'], 'readonly');
        const current = await done(transaction.objectStore('meta').get('current'));
        const record = (await done(transaction.objectStore('sessions').get(current as string))) as Record<string, unknown>;
        const keys = await done(transaction.objectStore('stems').getAllKeys());
        const blobs = (await done(transaction.objectStore('stems').getAll())) as Blob[];
        const stems: Record<string, number[]> = {};
        for (const [index, key] of keys.entries()) stems[String(key)] = [...new Uint8Array(await blobs[index]!.arrayBuffer())];
        // Scene files of version 2 list the sources as "objects" (version 1: "sources").
        const written = JSON.parse(record['sceneJson'] as string) as { objects?: { id: string; gainDb: number }[]; sources?: { id: string; gainDb: number }[] };
        const sources = written.objects ?? written.sources ?? [];
        return { version: record['version'], stemRefs: record['stems'], gainDb: sources.find((s) => s.id === sourceId)?.gainDb, stems };
      } finally {
        db.close();
      }
    },
    { name: DATABASE, sourceId: SOURCE_ID },
  );
}

/** The bytes of the session's stem file STEM_FILE, as the page holds it. */
function sessionStemBytes(): Promise<number[] | null> {
  return session.page.evaluate(async (fileName) => {
    const blob = (globalThis as unknown as { __studio: { stemFiles: Map<string, Blob> } }).__studio.stemFiles.get(fileName);
    return blob === undefined ? null : [...new Uint8Array(await blob.arrayBuffer())];
  }, STEM_FILE);
}

/** Sets the source's gain through the store and writes the autosave now. */
function setGainAndSave(gainDb: number): Promise<void> {
  return session.page.evaluate(
    async ({ sourceId, gain }) => {
      const studio = (globalThis as unknown as { __studio: { store: { getState(): { setGain(id: string, db: number): void } }; flushAutosave(): Promise<void> } }).__studio;
      studio.store.getState().setGain(sourceId, gain);
      await studio.flushAutosave();
    },
    { sourceId: SOURCE_ID, gain: gainDb },
  );
}

describe('stem files in the IndexedDB autosave', () => {
  it('restores a version 1 autosave (stem inline) after the database upgrade', async () => {
    // Replace the database with one as version 1 of the studio wrote it. The page's own
    // connection closes when asked (versionchange), so the deletion is not blocked.
    await session.page.evaluate(
      async ({ name, sceneJson, stemFile, wav }) => {
        await new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = resolve;
          request.onerror = () => reject(request.error);
          request.onblocked = () => reject(new Error('deleting the autosave database was blocked'));
        });
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name, 1);
          request.onupgradeneeded = () => request.result.createObjectStore('autosave');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const record = {
          format: 'spatial-mix-studio/autosave',
          version: 1,
          savedAtMs: 1,
          sceneName: 'tone',
          sceneJson,
          stemFiles: [{ fileName: stemFile, blob: new Blob([new Uint8Array(wav)], { type: 'audio/wav' }) }],
        };
        await new Promise((resolve, reject) => {
          const transaction = db.transaction('autosave', 'readwrite');
          transaction.objectStore('autosave').put(record, 'session');
          transaction.oncomplete = resolve;
          transaction.onerror = () => reject(transaction.error);
        });
        db.close();
      },
      { name: DATABASE, sceneJson: serializeScene(scene), stemFile: STEM_FILE, wav: wavBytes },
    );
    await reload();
    await expect(storeScene(session.page)).resolves.toEqual(scene);
    await expect(sessionStemBytes()).resolves.toEqual(wavBytes);
  });

  it('moves the stem into the stem store on the first save, and keeps it through later saves', async () => {
    await setGainAndSave(-7);
    const first = await storedAutosave();
    expect(first.version).toBe(3);
    expect(first.gainDb).toBe(-7);
    const keys = Object.keys(first.stems);
    expect(keys).toHaveLength(1);
    expect(first.stemRefs).toEqual([{ fileName: STEM_FILE, stemKey: keys[0] }]);
    expect(first.stems[keys[0]!]).toEqual(wavBytes);

    await setGainAndSave(-8);
    const second = await storedAutosave();
    expect(second.gainDb).toBe(-8);
    expect(second.stemRefs).toEqual(first.stemRefs);
    expect(second.stems).toEqual(first.stems);
  });

  it('a reload restores the session and the stem bytes from the stem store', async () => {
    const before = await storedAutosave();
    await reload();
    const restored = await storeScene(session.page);
    expect(restored.sources.find((s) => s.id === SOURCE_ID)!.gainDb).toBe(-8);
    await expect(sessionStemBytes()).resolves.toEqual(wavBytes);
    await setGainAndSave(-9);
    const after = await storedAutosave();
    expect(after.gainDb).toBe(-9);
    expect(after.stemRefs).toEqual(before.stemRefs);
  });

  it('restores a version 2 autosave (stem in the stem store) after the upgrade to sessions, and drops the old store', async () => {
    const v2Scene: Scene = { ...scene, sources: [{ ...scene.sources[0]!, gainDb: -4 }] };
    await session.page.evaluate(
      async ({ name, sceneJson, stemFile, wav }) => {
        await new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = resolve;
          request.onerror = () => reject(request.error);
          request.onblocked = () => reject(new Error('deleting the autosave database was blocked'));
        });
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name, 2);
          request.onupgradeneeded = () => {
            request.result.createObjectStore('autosave');
            request.result.createObjectStore('stems');
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const record = {
          format: 'spatial-mix-studio/autosave',
          version: 2,
          savedAtMs: 2,
          sceneName: 'tone v2',
          sceneJson,
          stems: [{ fileName: stemFile, stemKey: 'stem-v2' }],
        };
        await new Promise((resolve, reject) => {
          const transaction = db.transaction(['autosave', 'stems'], 'readwrite');
          transaction.objectStore('stems').put(new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'stem-v2');
          transaction.objectStore('autosave').put(record, 'session');
          transaction.oncomplete = resolve;
          transaction.onerror = () => reject(transaction.error);
        });
        db.close();
      },
      { name: DATABASE, sceneJson: serializeScene(v2Scene), stemFile: STEM_FILE, wav: wavBytes },
    );
    await reload();
    await expect(storeScene(session.page)).resolves.toEqual(v2Scene);
    await expect(sessionStemBytes()).resolves.toEqual(wavBytes);
    const layout = await session.page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const result = { version: db.version, stores: Array.from(db.objectStoreNames) };
      db.close();
      return result;
    }, DATABASE);
    expect(layout).toEqual({ version: 3, stores: ['meta', 'sessions', 'stems'] });
    await setGainAndSave(-5);
    const saved = await storedAutosave();
    expect(saved.version).toBe(3);
    expect(saved.stemRefs).toEqual([{ fileName: STEM_FILE, stemKey: 'stem-v2' }]);
    expect(saved.stems['stem-v2']).toEqual(wavBytes);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
