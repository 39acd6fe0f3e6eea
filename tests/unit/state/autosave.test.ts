import { describe, expect, it } from 'vitest';
import { serializeScene } from '../../../src/core/sceneWrite';
import { AUTOSAVE_FORMAT, autosaveRecord, sessionFromAutosave } from '../../../src/state/autosave/autosaveRecord';
import type { AutosaveRecord } from '../../../src/state/autosave/autosaveRecord';
import type { AutosaveStorage } from '../../../src/state/autosave/autosaveStorage';
import { startAutosave } from '../../../src/state/autosave/autosaver';
import { restoreAutosavedSession } from '../../../src/state/autosave/restoreSession';
import { createStudioStore } from '../../../src/state/studioStore';
import { testScene, testSource } from './fakeEngine';

const scene = {
  ...testScene(),
  sources: [
    testSource('vox', { stem: { kind: 'file', file: 'stems/vox.wav' }, extraFields: { reverb: { sendDb: -12 } } }),
    testSource('pad'),
  ],
};
const vox = new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/wav' });
const unused = new Blob([new Uint8Array([9])]);

function goodRecord(): AutosaveRecord {
  return autosaveRecord({ scene, sceneName: 'song', stemFiles: new Map([['vox.wav', vox], ['old.wav', unused]]) }, 1234);
}

describe('the autosave record', () => {
  it('holds the serialized scene, its name, and only the stem files the scene refers to', () => {
    const record = goodRecord();
    expect(record).toEqual({
      format: AUTOSAVE_FORMAT,
      version: 1,
      savedAtMs: 1234,
      sceneName: 'song',
      sceneJson: serializeScene(scene),
      stemFiles: [{ fileName: 'vox.wav', blob: vox }],
    });
  });

  it('round-trips: restoring gives back the scene (unknown fields kept), the name and the same Blobs', () => {
    const session = sessionFromAutosave(structuredClone(goodRecord()));
    expect(session.scene).toEqual(scene);
    expect(session.sceneName).toBe('song');
    expect([...session.stemFiles.keys()]).toEqual(['vox.wav']);
    expect(session.stemFiles.get('vox.wav')).toBeInstanceOf(Blob);
    expect(session.stemFiles.get('vox.wav')!.size).toBe(3);
  });

  it.each([
    ['null', null, /^autosaved session: expected a record, got null$/],
    ['a string', 'session', /expected a record/],
    ['another format', { ...goodRecord(), format: 'x' }, /^autosaved session: format: expected "spatial-mix-studio\/autosave", got "x"$/],
    ['a newer version', { ...goodRecord(), version: 2 }, /^autosaved session: version: expected 1, got 2$/],
    ['no name', { ...goodRecord(), sceneName: '' }, /sceneName: expected a non-empty string/],
    ['no scene', { ...goodRecord(), sceneJson: 42 }, /sceneJson: expected scene JSON text, got 42/],
    ['cut-off scene JSON', { ...goodRecord(), sceneJson: '{"format":' }, /^autosaved session \(scene\): not valid JSON/],
    ['an invalid scene', { ...goodRecord(), sceneJson: serializeScene(scene).replace('"distanceM": 2', '"distanceM": -1') }, /^autosaved session \(scene\): sources\[0\]\.position\.distanceM/],
    ['stem files not a list', { ...goodRecord(), stemFiles: {} }, /stemFiles: expected an array/],
    ['a stem without its data', { ...goodRecord(), stemFiles: [{ fileName: 'vox.wav', blob: 'bytes' }] }, /stemFiles\[0\]\.blob: expected a Blob, got "bytes"/],
    ['a stem without a name', { ...goodRecord(), stemFiles: [{ blob: vox }] }, /stemFiles\[0\]\.fileName: expected a non-empty string, got nothing/],
  ])('refuses %s with a message naming the field', (_, value, message) => {
    expect(() => sessionFromAutosave(value)).toThrow(message);
  });
});

function memoryStorage(initial?: unknown): AutosaveStorage & { value: unknown; writes: number; clears: number } {
  const storage = {
    value: initial,
    writes: 0,
    clears: 0,
    async read() {
      return storage.value;
    },
    async write(record: AutosaveRecord) {
      storage.writes += 1;
      storage.value = record;
    },
    async clear() {
      storage.clears += 1;
      storage.value = undefined;
    },
  };
  return storage;
}

describe('restoreAutosavedSession', () => {
  it('restores a good record, reports none for an empty store, and never rejects on a bad one', async () => {
    expect(await restoreAutosavedSession(memoryStorage(goodRecord()))).toMatchObject({ kind: 'restored', session: { sceneName: 'song' } });
    expect(await restoreAutosavedSession(memoryStorage())).toEqual({ kind: 'none' });
    expect(await restoreAutosavedSession(memoryStorage({ format: AUTOSAVE_FORMAT, version: 1 }))).toEqual({
      kind: 'unreadable',
      message: 'autosaved session: sceneName: expected a non-empty string, got nothing',
    });
    const failing: AutosaveStorage = { read: () => Promise.reject(new Error('quota')), write: async () => {}, clear: async () => {} };
    expect(await restoreAutosavedSession(failing)).toEqual({ kind: 'unreadable', message: 'the autosave storage could not be read (quota)' });
  });
});

/** Timers a test runs by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout: (run: () => void): unknown => {
      pending.set(next, run);
      return next++;
    },
    clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    get pendingCount() {
      return pending.size;
    },
    runAll() {
      const runs = [...pending.values()];
      pending.clear();
      for (const run of runs) run();
    },
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('startAutosave', () => {
  function setup() {
    const stemFiles = new Map<string, Blob>();
    const store = createStudioStore({ engine: null, scene: testScene(), sceneName: 'song', stemFiles });
    const storage = memoryStorage();
    const timers = manualTimers();
    const autosaver = startAutosave(store, storage, { timers, nowMs: () => 99 });
    return { store, storage, timers, autosaver };
  }

  it('saves once after a burst of scene edits, when the debounce timer fires', async () => {
    const { store, storage, timers } = setup();
    store.getState().moveSource('a', { azimuthDeg: 40 });
    store.getState().setGain('b', -6);
    expect(timers.pendingCount).toBe(1);
    expect(storage.writes).toBe(0);
    timers.runAll();
    await settle();
    expect(storage.writes).toBe(1);
    expect(sessionFromAutosave(storage.value).scene).toEqual(store.getState().scene);
  });

  it('saves added stems with their files, and a relink (no scene change) too', async () => {
    const { store, storage, timers } = setup();
    store.getState().addStemFiles([new File([new Uint8Array(8)], 'bass.wav')]);
    timers.runAll();
    await settle();
    expect([...sessionFromAutosave(storage.value).stemFiles.keys()]).toEqual(['bass.wav']);
    store.getState().relinkStem('bass', new File([new Uint8Array(20)], 'bass-final.wav'));
    timers.runAll();
    await settle();
    expect(sessionFromAutosave(storage.value).stemFiles.get('bass.wav')!.size).toBe(20);
  });

  it('ignores what is not the session: selection, transport, monitor, notices', async () => {
    const { store, timers } = setup();
    store.getState().selectSource('a');
    store.getState().setMonitorFormat('mono');
    store.getState().showError('x');
    store.getState().seek(3);
    expect(timers.pendingCount).toBe(0);
  });

  it('flush writes a pending change at once; with nothing pending it writes nothing', async () => {
    const { store, storage, timers, autosaver } = setup();
    await autosaver.flush();
    expect(storage.writes).toBe(0);
    store.getState().toggleMute('a');
    await autosaver.flush();
    expect(storage.writes).toBe(1);
    expect(timers.pendingCount).toBe(0);
  });

  it('a bad scene file changes nothing, so nothing is saved over the session', () => {
    const { store, timers } = setup();
    store.getState().openScene('{', 'bad.json');
    expect(timers.pendingCount).toBe(0);
  });

  it('newSession clears the record instead of saving the demo', async () => {
    const { store, storage, timers } = setup();
    store.getState().toggleMute('a');
    store.getState().newSession();
    expect(timers.pendingCount).toBe(0);
    await settle();
    expect(storage.clears).toBe(1);
    expect(storage.writes).toBe(0);
    expect(storage.value).toBeUndefined();
  });

  it('reports a failing write once until a write succeeds', async () => {
    const store = createStudioStore({ engine: null, scene: testScene() });
    const errors: unknown[] = [];
    let fail = true;
    const storage: AutosaveStorage = {
      read: async () => undefined,
      write: () => (fail ? Promise.reject(new Error('QuotaExceededError')) : Promise.resolve()),
      clear: async () => {},
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
