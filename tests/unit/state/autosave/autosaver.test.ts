import { describe, expect, it } from 'vitest';
import { serializeScene } from '../../../../src/core/scene/sceneWrite';
import { AUTOSAVE_FORMAT } from '../../../../src/state/autosave/autosaveRecord';
import type { AutosaveRecord } from '../../../../src/state/autosave/autosaveRecord';
import type { AutosaveStorage } from '../../../../src/state/autosave/autosaveStorage';
import { startAutosave } from '../../../../src/state/autosave/autosaver';
import { restoreAutosavedSession } from '../../../../src/state/autosave/restoreSession';
import { sessionFromAutosave } from '../../../../src/state/autosave/sessionFromAutosave';
import { createStudioStore } from '../../../../src/state/studioStore';
import type { StudioStore } from '../../../../src/state/studioStore';
import { testScene, testSource } from '../fakeEngine';
import { manualTimers } from '../manualTimers';
import { memoryAutosaveStorage } from './memoryAutosaveStorage';
import type { MemoryAutosaveStorage } from './memoryAutosaveStorage';

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A stem file of `size` bytes, each byte `fill`. */
function wavFile(name: string, size: number, fill: number): File {
  return new File([new Uint8Array(size).fill(fill)], name, { type: 'audio/wav' });
}

function stored(storage: MemoryAutosaveStorage) {
  return sessionFromAutosave(storage.record, storage.stems);
}

function setup(storage = memoryAutosaveStorage()) {
  const store = createStudioStore({ engine: null, scene: testScene(), sceneName: 'song', stemFiles: new Map() });
  const timers = manualTimers();
  const autosaver = startAutosave(store, storage, { timers, nowMs: () => 99 });
  return { store, storage, timers, autosaver };
}

/** What the studio does on a reload: restore from `storage`, build the store from it, and autosave again. */
async function reload(storage: MemoryAutosaveStorage): Promise<{ store: StudioStore; autosaver: ReturnType<typeof startAutosave> }> {
  const result = await restoreAutosavedSession(storage);
  if (result.kind !== 'restored') throw new Error(`expected a restored session, got ${JSON.stringify(result)}`);
  const { scene, sceneName, stemFiles } = result.session;
  const store = createStudioStore({ engine: null, scene, sceneName, sessionId: result.sessionId, stemFiles: new Map(stemFiles) });
  return { store, autosaver: startAutosave(store, storage, { timers: manualTimers() }) };
}

describe('startAutosave', () => {
  it('saves once after a burst of scene edits, when the debounce timer fires', async () => {
    const { store, storage, timers } = setup();
    store.getState().moveSource('a', { azimuthDeg: 40 });
    store.getState().setGain('b', -6);
    expect(timers.pendingCount).toBe(1);
    await settle();
    expect(storage.recordWrites).toBe(0);
    timers.runAll();
    await settle();
    expect(storage.recordWrites).toBe(1);
    expect(stored(storage).scene).toEqual(store.getState().scene);
  });

  it('ignores what is not the session: transport and notices', () => {
    const { store, timers } = setup();
    store.getState().showError('x');
    store.getState().seek(3);
    expect(timers.pendingCount).toBe(0);
  });

  it('saves the view with the session: the monitor, the selection and the side panel', async () => {
    const { store, storage, timers } = setup();
    store.getState().selectSource('b');
    store.getState().setMonitorOutput('mono');
    store.getState().setMonoLaw('-6dB');
    store.getState().setSidePanel('meters');
    expect(timers.pendingCount).toBe(1);
    timers.runAll();
    await settle();
    expect(stored(storage).view).toEqual({ monitor: { outputId: 'mono', monoLaw: '-6dB' }, selectedSourceId: 'b', sidePanel: 'meters' });
  });

  it('flush writes a pending change at once; with nothing pending it writes nothing', async () => {
    const { store, storage, timers, autosaver } = setup();
    await autosaver.flush();
    expect(storage.recordWrites).toBe(0);
    store.getState().toggleMute('a');
    await autosaver.flush();
    expect(storage.recordWrites).toBe(1);
    expect(timers.pendingCount).toBe(0);
  });

  it('a bad scene file changes nothing, so nothing is saved over the session', () => {
    const { store, timers } = setup();
    store.getState().openScene('{', 'bad.json');
    expect(timers.pendingCount).toBe(0);
  });

  it('a new session is saved as another session: the one before keeps its record and stem files', async () => {
    const { store, storage, autosaver } = setup();
    await store.getState().addStemFiles([wavFile('bass.wav', 8, 1)]);
    store.getState().toggleMute('a');
    await autosaver.flush();
    const before = store.getState().sessionId;
    const beforeRecord = storage.records.get(before);
    store.getState().newSession();
    await autosaver.flush();
    const after = store.getState().sessionId;
    expect(after).not.toBe(before);
    expect(storage.records.get(before)).toBe(beforeRecord);
    expect(storage.current).toBe(after);
    expect(storage.stems.size).toBe(1);
    expect(sessionFromAutosave(storage.records.get(after), storage.stems).stemFiles.size).toBe(0);
    expect(sessionFromAutosave(beforeRecord, storage.stems).stemFiles.get('bass.wav')!.size).toBe(8);
  });

  it('reports a failing write once until a write succeeds', async () => {
    const store = createStudioStore({ engine: null, scene: testScene() });
    const errors: unknown[] = [];
    let fail = true;
    const storage: AutosaveStorage = {
      ...memoryAutosaveStorage(),
      write: () => (fail ? Promise.reject(new Error('QuotaExceededError')) : Promise.resolve()),
    };
    const autosaver = startAutosave(store, storage, { timers: manualTimers(), onError: (e) => errors.push(e) });
    store.getState().toggleMute('a');
    await autosaver.flush();
    store.getState().toggleMute('b');
    await autosaver.flush();
    expect(errors).toHaveLength(1);
    fail = false;
    store.getState().toggleMute('c');
    await autosaver.flush();
    fail = true;
    store.getState().toggleMute('a');
    await autosaver.flush();
    expect(errors).toHaveLength(2);
  });
});

describe('startAutosave writes a stem file only when it is new', () => {
  const GAIN_EDITS = 12;

  it('writes dropped stems once; later gain edits write the record each time and stem bytes never', async () => {
    const { store, storage, autosaver } = setup();
    await store.getState().addStemFiles([wavFile('bass.wav', 1000, 1), wavFile('vox.wav', 2000, 2)]);
    await autosaver.flush();
    expect(storage.stemPuts).toHaveLength(2);
    expect(storage.stemBytesWritten).toBe(3000);
    for (let i = 1; i <= GAIN_EDITS; i++) {
      store.getState().setGain('bass', -i);
      await autosaver.flush();
    }
    expect(storage.recordWrites).toBe(1 + GAIN_EDITS);
    expect(storage.stemPuts).toHaveLength(2);
    expect(storage.stemBytesWritten).toBe(3000);
    expect(stored(storage).scene.sources.find((s) => s.id === 'bass')!.gainDb).toBe(-GAIN_EDITS);
  });

  it('after a reload (restored Blobs are new objects), gain edits write 0 stem bytes', async () => {
    const first = setup();
    await first.store.getState().addStemFiles([wavFile('bass.wav', 1000, 1), wavFile('vox.wav', 2000, 2)]);
    await first.autosaver.flush();
    const { storage } = first;
    const putsBefore = storage.stemPuts.length;
    const { store, autosaver } = await reload(storage);
    for (let i = 1; i <= GAIN_EDITS; i++) {
      store.getState().setGain('vox', -i);
      await autosaver.flush();
    }
    expect(storage.recordWrites).toBe(1 + GAIN_EDITS);
    expect(storage.stemPuts).toHaveLength(putsBefore);
    expect(storage.stems.size).toBe(2);
  });

  it('a relink writes exactly that stem once and deletes the file it replaced', async () => {
    const { store, storage, autosaver } = setup();
    await store.getState().addStemFiles([wavFile('bass.wav', 8, 1), wavFile('vox.wav', 8, 2)]);
    await autosaver.flush();
    const before = new Map(stored(storage).stemFiles);
    const keysBefore = new Set(storage.stems.keys());
    store.getState().relinkStem('bass', wavFile('bass-final.wav', 20, 3));
    await autosaver.flush();
    expect(storage.stemPuts).toHaveLength(3);
    const relinkedKey = storage.stemPuts[2]!;
    expect(keysBefore.has(relinkedKey)).toBe(false);
    expect(storage.stems.size).toBe(2);
    const after = stored(storage).stemFiles;
    expect(after.get('bass.wav')!.size).toBe(20);
    expect(after.get('vox.wav')!.size).toBe(before.get('vox.wav')!.size);
  });

  it('deletes the stored stem file of a removed source, writing no stem bytes', async () => {
    const { store, storage, autosaver } = setup();
    await store.getState().addStemFiles([wavFile('bass.wav', 8, 1), wavFile('vox.wav', 8, 2)]);
    await autosaver.flush();
    store.getState().removeSource('vox');
    await autosaver.flush();
    expect(storage.stemPuts).toHaveLength(2);
    expect(storage.stems.size).toBe(1);
    expect([...stored(storage).stemFiles.keys()]).toEqual(['bass.wav']);
  });

  it('restore gives back the saved session: scene, name and the stem bytes', async () => {
    const { store, storage, autosaver } = setup();
    await store.getState().addStemFiles([wavFile('bass.wav', 5, 7)]);
    store.getState().setGain('bass', -3);
    store.getState().relinkStem('bass', wavFile('bass-v2.wav', 6, 9));
    await autosaver.flush();
    const { store: restored } = await reload(storage);
    const state = restored.getState();
    expect(state.scene).toEqual(store.getState().scene);
    expect(state.sceneName).toBe('song');
    expect([...state.stemFiles.keys()]).toEqual(['bass.wav']);
    expect([...new Uint8Array(await state.stemFiles.get('bass.wav')!.arrayBuffer())]).toEqual([9, 9, 9, 9, 9, 9]);
  });

  it('moves a restored version 1 record\'s stems (inline) into the stem store on the first save, once', async () => {
    const scene = { ...testScene(), sources: [testSource('a', { stem: { kind: 'file', file: 'bass.wav' } })] };
    const storage = memoryAutosaveStorage({
      format: AUTOSAVE_FORMAT,
      version: 1,
      savedAtMs: 1,
      sceneName: 'old',
      sceneJson: serializeScene(scene),
      stemFiles: [{ fileName: 'bass.wav', blob: new Blob([new Uint8Array([4, 4])]) }],
    });
    const { store, autosaver } = await reload(storage);
    store.getState().setGain('a', -1);
    await autosaver.flush();
    store.getState().setGain('a', -2);
    await autosaver.flush();
    expect(storage.stemPuts).toHaveLength(1);
    expect((storage.record as AutosaveRecord).version).toBe(3);
    expect([...new Uint8Array(await stored(storage).stemFiles.get('bass.wav')!.arrayBuffer())]).toEqual([4, 4]);
  });
});
