import { describe, expect, it, vi } from 'vitest';
import { serializeScene } from '../../../../src/core/scene/sceneWrite';
import { safeSceneName, sceneNameFromFile } from '../../../../src/state/sceneName';
import { createStudioStore } from '../../../../src/state/studioStore';
import type { StudioStore } from '../../../../src/state/studioStore';
import { createFakeEngine, testScene, testSource } from '../fakeEngine';

function setup() {
  const engine = createFakeEngine();
  const demo = { ...testScene(), sources: [testSource('demo-drums')] };
  const stemFiles = new Map<string, Blob>([['kick.wav', new Blob([new Uint8Array(4)])]]);
  const store: StudioStore = createStudioStore({
    engine,
    scene: testScene(),
    sceneName: 'my mix',
    demoScene: demo,
    stemFiles,
  });
  return { engine, store, demo, stemFiles };
}

const song = {
  ...testScene(),
  sources: [testSource('vox', { stem: { kind: 'file', file: 'stems/vox.wav' } }), testSource('kick', { stem: { kind: 'file', file: 'kick.wav' } })],
};

describe('openScene', () => {
  it.each([
    ['not JSON', '{"format": "spatial-mix-studio/scene", "version": 1,', /^broken\.json: not valid JSON/],
    ['a bad field', serializeScene(testScene()).replace('"azimuthDeg": 30', '"azimuthDeg": "left"'), /^broken\.json: objects\[0\]\.position\.azimuthDeg: expected a number in \(-180, 180\], got "left"$/],
    ['another format', '{"format": "something/else"}', /^broken\.json: format: expected "spatial-mix-studio\/scene"/],
  ])('refuses %s: the store is unchanged but for the error notice naming the file and field', async (_, text, message) => {
    const { engine, store } = setup();
    store.getState().moveSource('a', { azimuthDeg: 50 });
    store.getState().selectSource('b');
    await store.getState().reloadEngine();
    const before = store.getState();
    const loads = engine.loads.length;

    expect(store.getState().openScene(text, 'broken.json')).toBe(false);

    const after = store.getState();
    expect(after.errorNotice).toMatch(message);
    const { errorNotice: _notice, ...rest } = after;
    const { errorNotice: _before, ...restBefore } = before;
    for (const key of Object.keys(rest) as (keyof typeof rest)[]) expect(rest[key], key).toBe(restBefore[key]);
    expect(engine.loads).toHaveLength(loads);
  });

  it('names every bad field of a refused scene in the error notice, one per line', () => {
    const { store } = setup();
    const text = serializeScene(testScene())
      .replace('"azimuthDeg": 30', '"azimuthDeg": "left"')
      .replace('"gainDb": 0', '"gainDb": "loud"')
      .replace('"sampleRateHz": 48000', '"sampleRateHz": 1');
    expect(store.getState().openScene(text, 'broken.json')).toBe(false);
    const lines = store.getState().errorNotice!.split('\n');
    expect(lines[0]).toMatch(/^broken\.json: 3 problems/);
    expect(lines.slice(1).map((line) => line.trim().split(':')[0])).toEqual(expect.arrayContaining(['sampleRateHz', 'objects[0].position.azimuthDeg', 'objects[0].gainDb']));
  });

  it('replaces the scene as one undo step (the history before it kept), names the session after the file and reloads the engine', async () => {
    const { engine, store } = setup();
    store.getState().moveSource('a', { azimuthDeg: 50 });
    const edited = store.getState().scene;
    store.getState().showError('an earlier problem');
    expect(store.getState().openScene(serializeScene(song), 'scenes/Song 2.json')).toBe(true);
    const state = store.getState();
    expect(state.scene).toEqual(song);
    expect(state.history.past).toHaveLength(2);
    expect(state.sceneName).toBe('Song 2');
    expect(state.errorNotice).toBeNull();
    expect(state.notices).toEqual([]);
    expect(state.missingStems).toEqual([{ sourceId: 'vox', file: 'stems/vox.wav', fileName: 'vox.wav' }]);
    await state.reloadEngine();
    expect(engine.loads.at(-1)!.scene).toEqual(song);

    store.getState().undo();
    expect(store.getState().scene).toBe(edited);
    store.getState().undo();
    expect(store.getState().scene.sources[0]!.position.azimuthDeg).toBe(testScene().sources[0]!.position.azimuthDeg);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().scene).toEqual(song);
  });

  it('lists every unknown field in one warning notice (not the console), and opens the scene', () => {
    const { store } = setup();
    const json = JSON.parse(serializeScene(song)) as { objects: Record<string, unknown>[] } & Record<string, unknown>;
    json['mixEngineer'] = 'Ada';
    json.objects[1]!['reverbSend'] = -12;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(store.getState().openScene(JSON.stringify(json), 'extra.json')).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    const [notice, ...others] = store.getState().notices;
    expect(others).toEqual([]);
    expect(notice!.tone).toBe('warning');
    expect([...notice!.lines].sort()).toEqual(['extra.json: mixEngineer: unknown field, kept as is', 'extra.json: objects[1].reverbSend: unknown field, kept as is']);
    store.getState().dismissNotice(notice!.id);
    expect(store.getState().notices).toEqual([]);
  });
});

describe('newSession', () => {
  it('opens the demo as a new session (new id, no stem files, fresh history)', async () => {
    const { engine, store, demo, stemFiles } = setup();
    store.getState().openScene(serializeScene(song), 'song.json');
    store.getState().moveSource('vox', { azimuthDeg: 10 });
    const before = store.getState().sessionId;
    store.getState().newSession();
    const state = store.getState();
    expect(state.scene).toBe(demo);
    expect(state.sceneName).toBe('demo');
    expect(state.sessionId).not.toBe(before);
    expect(state.history.past).toHaveLength(0);
    expect(stemFiles.size).toBe(0);
    expect(state.missingStems).toEqual([]);
    await state.reloadEngine();
    expect(engine.loads.at(-1)!.scene).toBe(demo);
  });
});

describe('scene names', () => {
  it.each([
    ['mix.json', 'mix'],
    ['scenes/My Mix.JSON', 'My Mix'],
    ['C:\\music\\a.b.json', 'a.b'],
    ['what?:*.json', 'what___'],
    ['.json', 'scene'],
    ['..', 'scene'],
  ])('%s -> %s', (file, name) => {
    expect(sceneNameFromFile(file)).toBe(name);
  });

  it('keeps names short enough for the appended format and extension', () => {
    expect(safeSceneName('x'.repeat(500))).toHaveLength(120);
  });
});
