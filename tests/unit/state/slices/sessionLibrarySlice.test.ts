import { describe, expect, it } from 'vitest';
import type { AutosaveStorage } from '../../../../src/state/autosave/autosaveStorage';
import { startAutosave } from '../../../../src/state/autosave/autosaver';
import { sessionFromAutosave } from '../../../../src/state/autosave/sessionFromAutosave';
import { createStudioStore } from '../../../../src/state/studioStore';
import { testScene, testSource } from '../fakeEngine';
import { manualTimers } from '../manualTimers';
import { memoryAutosaveStorage } from '../autosave/memoryAutosaveStorage';

const demo = { ...testScene(), sources: [testSource('demo-drums')] };

async function setup(storage: AutosaveStorage = memoryAutosaveStorage()) {
  const store = createStudioStore({ engine: null, scene: testScene(), sceneName: 'song', demoScene: demo, stemFiles: new Map() });
  const autosaver = startAutosave(store, storage, {
    timers: manualTimers(),
    onStatus: (status) => store.getState().setSaveState(status),
    onError: (error) => store.getState().setSaveState('failed', String(error)),
  });
  await store.getState().connectSessionStorage(storage, autosaver);
  return { store, autosaver };
}

const names = (sessions: readonly { name: string }[]): string[] => sessions.map((s) => s.name).sort();

describe('replacing the open session', () => {
  it('New session saves the open one first (its last edit too) and lists both; no question asked', async () => {
    const storage = memoryAutosaveStorage();
    const { store } = await setup(storage);
    store.getState().setGain('a', -9);
    const first = store.getState().sessionId;
    await store.getState().startNewSession();
    expect(store.getState().confirmation).toBeNull();
    expect(store.getState().scene).toBe(demo);
    expect(sessionFromAutosave(storage.records.get(first), storage.stems).scene.sources[0]!.gainDb).toBe(-9);

    await store.getState().openSession(first);
    await expect.poll(() => store.getState().sessionId).toBe(first);
    expect(store.getState().scene.sources[0]!.gainDb).toBe(-9);
    expect(store.getState().sceneName).toBe('song');
    expect(names(store.getState().sessions)).toEqual(['demo', 'song']);
  });

  it('asks before New session or Open scene when the open session could not be saved; Cancel keeps everything', async () => {
    const failing: AutosaveStorage = { ...memoryAutosaveStorage(), write: () => Promise.reject(new DOMException('disk full', 'QuotaExceededError')) };
    const { store } = await setup(failing);
    store.getState().setGain('a', -9);
    const edited = store.getState().scene;
    let opened = false;
    const answered = store.getState().replaceOpenSession('Open scene', () => {
      opened = true;
    });
    await expect.poll(() => store.getState().confirmation).not.toBeNull();
    expect(store.getState().saveState).toBe('failed');
    expect(store.getState().confirmation?.message).toMatch(/could not be saved.*QuotaExceededError/);
    store.getState().answerConfirmation(false);
    await expect(answered).resolves.toBe(false);
    expect(opened).toBe(false);

    const cancelled = store.getState().startNewSession();
    await expect.poll(() => store.getState().confirmation).not.toBeNull();
    store.getState().answerConfirmation(false);
    await cancelled;
    expect(store.getState().scene).toBe(edited);

    const confirmed = store.getState().startNewSession();
    await expect.poll(() => store.getState().confirmation).not.toBeNull();
    store.getState().answerConfirmation(true);
    await confirmed;
    expect(store.getState().scene).toBe(demo);
  });
});

describe('the sessions list', () => {
  it('renames and duplicates stored sessions; the copy shares the stem files', async () => {
    const storage = memoryAutosaveStorage();
    const { store, autosaver } = await setup(storage);
    store.getState().setGain('a', -3);
    const first = store.getState().sessionId;
    await store.getState().startNewSession();
    await autosaver.flush();
    await store.getState().renameSession(first, 'Album mix');
    expect(names(store.getState().sessions)).toContain('Album mix');
    await store.getState().duplicateSession(first);
    expect(names(store.getState().sessions)).toContain('Album mix copy');
    const copy = store.getState().sessions.find((s) => s.name === 'Album mix copy')!;
    expect(sessionFromAutosave(storage.records.get(copy.sessionId), storage.stems).scene.sources[0]!.gainDb).toBe(-3);

    // The open session is renamed in the store (it is saved under its new name).
    await store.getState().renameSession(store.getState().sessionId, 'Sketch');
    expect(store.getState().sceneName).toBe('Sketch');
  });

  it('duplicates the open session even before its first save', async () => {
    const storage = memoryAutosaveStorage();
    const { store } = await setup(storage);
    await store.getState().duplicateSession(store.getState().sessionId);
    expect(names(store.getState().sessions)).toEqual(['song', 'song copy']);
  });

  it('deletes a session other than the open one with an "Undo delete" notice that brings it back', async () => {
    const storage = memoryAutosaveStorage();
    const { store } = await setup(storage);
    store.getState().setGain('a', -3);
    const first = store.getState().sessionId;
    await store.getState().startNewSession();

    await store.getState().deleteSession(store.getState().sessionId);
    expect(storage.deleted).toBeUndefined();

    await store.getState().deleteSession(first);
    expect(store.getState().sessions.map((s) => s.sessionId)).not.toContain(first);
    const notice = store.getState().notices.find((n) => n.action?.label === 'Undo delete')!;
    expect(notice.title).toBe('Deleted "song"');
    notice.action!.run();
    await expect.poll(() => store.getState().sessions.map((s) => s.sessionId)).toContain(first);
    expect(sessionFromAutosave(storage.records.get(first), storage.stems).scene.sources[0]!.gainDb).toBe(-3);
  });
});
