import { describe, expect, it } from 'vitest';
import { serializeScene } from '../../../../src/core/scene/sceneWrite';
import { AUTOSAVE_FORMAT, autosaveSnapshot } from '../../../../src/state/autosave/autosaveRecord';
import type { AutosaveSnapshot, SessionView } from '../../../../src/state/autosave/autosaveRecord';
import type { AutosaveStorage } from '../../../../src/state/autosave/autosaveStorage';
import { planAutosaveWrite } from '../../../../src/state/autosave/autosaveWritePlan';
import { restoreAutosavedSession } from '../../../../src/state/autosave/restoreSession';
import { sessionFromAutosave } from '../../../../src/state/autosave/sessionFromAutosave';
import { testScene, testSource } from '../fakeEngine';
import { memoryAutosaveStorage } from './memoryAutosaveStorage';

const scene = {
  ...testScene(),
  sources: [
    testSource('vox', { stem: { kind: 'file', file: 'stems/vox.wav' }, extraFields: { reverb: { sendDb: -12 } } }),
    testSource('pad'),
  ],
};
const vox = new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/wav' });
const unused = new Blob([new Uint8Array([9])]);
const STEM_KEY = /^stem-[0-9a-f]{32}$/;

const view: SessionView = { monitor: { outputId: 'mono', monoLaw: '-6dB' }, selectedSourceId: 'vox', sidePanel: 'meters' };

function goodSnapshot(): AutosaveSnapshot {
  return autosaveSnapshot({ scene, sceneName: 'song', stemFiles: new Map([['vox.wav', vox], ['old.wav', unused]]), view }, 1234);
}

/** The stored stems of a snapshot as IndexedDB gives them back: new Blob objects, same bytes. */
function storedCopies(snapshot: AutosaveSnapshot): Map<string, unknown> {
  return new Map([...snapshot.stems].map(([key, blob]) => [key, new Blob([blob])]));
}

async function bytes(blob: Blob | undefined): Promise<number[]> {
  return blob === undefined ? [] : [...new Uint8Array(await blob.arrayBuffer())];
}

describe('the autosave snapshot', () => {
  it('holds the serialized scene, its name, and references (by stem key) to only the stem files the scene refers to', () => {
    const { record, stems } = goodSnapshot();
    expect(record).toEqual({
      format: AUTOSAVE_FORMAT,
      version: 3,
      savedAtMs: 1234,
      sceneName: 'song',
      sceneJson: serializeScene(scene),
      stems: [{ fileName: 'vox.wav', stemKey: expect.stringMatching(STEM_KEY) }],
      view,
    });
    expect([...stems]).toEqual([[record.stems[0]!.stemKey, vox]]);
  });

  it('keeps a Blob\'s stem key from save to save, and gives another Blob (a relinked file) a new one', () => {
    const first = goodSnapshot().record.stems[0]!.stemKey;
    expect(goodSnapshot().record.stems[0]!.stemKey).toBe(first);
    const relinked = autosaveSnapshot({ scene, sceneName: 'song', stemFiles: new Map([['vox.wav', new Blob([vox])]]), view }, 0);
    expect(relinked.record.stems[0]!.stemKey).not.toBe(first);
  });
});

describe('planAutosaveWrite', () => {
  it('writes the stem files the storage lacks and deletes the ones the record no longer refers to', () => {
    const snapshot = goodSnapshot();
    const [key] = snapshot.stems.keys();
    expect(planAutosaveWrite('s1', snapshot, new Set())).toEqual({ sessionId: 's1', record: snapshot.record, putStems: new Map([[key, vox]]), deleteStemKeys: [] });
    expect(planAutosaveWrite('s1', snapshot, new Set([key!, 'stem-gone']))).toEqual({
      sessionId: 's1',
      record: snapshot.record,
      putStems: new Map(),
      deleteStemKeys: ['stem-gone'],
    });
  });
});

describe('sessionFromAutosave', () => {
  it('round-trips: restoring gives back the scene (unknown fields kept), the name, the view and the stem bytes', async () => {
    const snapshot = goodSnapshot();
    const session = sessionFromAutosave(structuredClone(snapshot.record), storedCopies(snapshot));
    expect(session.scene).toEqual(scene);
    expect(session.sceneName).toBe('song');
    expect(session.view).toEqual(view);
    expect([...session.stemFiles.keys()]).toEqual(['vox.wav']);
    expect(await bytes(session.stemFiles.get('vox.wav'))).toEqual([1, 2, 3]);
  });

  it('gives a restored Blob the key it was stored under, so saving it again writes no bytes', () => {
    const snapshot = goodSnapshot();
    const session = sessionFromAutosave(snapshot.record, storedCopies(snapshot));
    const again = autosaveSnapshot({ ...session, view }, 0);
    expect(again.record.stems).toEqual(snapshot.record.stems);
    expect(planAutosaveWrite('s1', again, new Set(snapshot.stems.keys())).putStems.size).toBe(0);
  });

  it('still restores a version 1 record (stem files inline), as written before stems were stored apart', async () => {
    const v1 = { format: AUTOSAVE_FORMAT, version: 1, savedAtMs: 1, sceneName: 'song', sceneJson: serializeScene(scene), stemFiles: [{ fileName: 'vox.wav', blob: vox }] };
    const session = sessionFromAutosave(v1, new Map());
    expect(session.scene).toEqual(scene);
    expect(await bytes(session.stemFiles.get('vox.wav'))).toEqual([1, 2, 3]);
  });

  it('still restores a version 2 record (no view): the session opens with the default view', () => {
    const { view: _view, ...v2 } = { ...goodSnapshot().record, version: 2 };
    const session = sessionFromAutosave(v2, storedCopies(goodSnapshot()));
    expect(session.scene).toEqual(scene);
    expect(session.view).toBeUndefined();
  });

  it('opens with the default view when the stored view is not as written', () => {
    const session = sessionFromAutosave({ ...goodSnapshot().record, view: { monitor: { outputId: '7.1.5', monoLaw: '-3dB' }, selectedSourceId: null, sidePanel: 'source' } }, new Map());
    expect(session.view).toBeUndefined();
  });

  it('leaves out a stem whose file is not stored, keeping the scene (the source shows as missing)', () => {
    const session = sessionFromAutosave(goodSnapshot().record, new Map());
    expect(session.scene).toEqual(scene);
    expect(session.stemFiles.size).toBe(0);
  });

  const record = () => goodSnapshot().record;
  const v1 = { format: AUTOSAVE_FORMAT, version: 1, sceneName: 'song', sceneJson: serializeScene(scene) };
  it.each([
    ['null', null, /^autosaved session: expected a record, got null$/],
    ['a string', 'session', /expected a record/],
    ['another format', { ...record(), format: 'x' }, /^autosaved session: format: expected "spatial-mix-studio\/autosave", got "x"$/],
    ['a newer version', { ...record(), version: 4 }, /^autosaved session: version: expected 1 to 3, got 4$/],
    ['no name', { ...record(), sceneName: '' }, /sceneName: expected a non-empty string/],
    ['no scene', { ...record(), sceneJson: 42 }, /sceneJson: expected scene JSON text, got 42/],
    ['cut-off scene JSON', { ...record(), sceneJson: '{"format":' }, /^autosaved session \(scene\): not valid JSON/],
    ['an invalid scene', { ...record(), sceneJson: serializeScene(scene).replace('"distanceM": 2', '"distanceM": -1') }, /^autosaved session \(scene\): objects\[0\]\.position\.distanceM/],
    ['stems not a list', { ...record(), stems: {} }, /stems: expected an array/],
    ['a stem reference without a key', { ...record(), stems: [{ fileName: 'vox.wav' }] }, /stems\[0\]\.stemKey: expected a non-empty string, got nothing/],
    ['a stem reference without a name', { ...record(), stems: [{ stemKey: 'stem-1' }] }, /stems\[0\]\.fileName: expected a non-empty string, got nothing/],
    ['a version 1 record whose stem files are not a list', { ...v1, stemFiles: {} }, /stemFiles: expected an array/],
    ['a version 1 stem without its data', { ...v1, stemFiles: [{ fileName: 'vox.wav', blob: 'bytes' }] }, /stemFiles\[0\]\.blob: expected a Blob, got "bytes"/],
  ])('refuses %s with a message naming the field', (_, value, message) => {
    expect(() => sessionFromAutosave(value, new Map())).toThrow(message);
  });

  it('refuses a stored stem that is not a Blob, naming its key', () => {
    const { record: good } = goodSnapshot();
    const key = good.stems[0]!.stemKey;
    expect(() => sessionFromAutosave(good, new Map([[key, 'bytes']]))).toThrow(`autosaved session: stem file "${key}": expected a Blob, got "bytes"`);
  });
});

describe('restoreAutosavedSession', () => {
  it('restores a good record, reports none for an empty store, and never rejects on a bad one', async () => {
    const snapshot = goodSnapshot();
    expect(await restoreAutosavedSession(memoryAutosaveStorage(snapshot.record, storedCopies(snapshot)))).toMatchObject({
      kind: 'restored',
      sessionId: 'session-initial',
      session: { sceneName: 'song' },
    });
    expect(await restoreAutosavedSession(memoryAutosaveStorage())).toEqual({ kind: 'none' });
    expect(await restoreAutosavedSession(memoryAutosaveStorage({ format: AUTOSAVE_FORMAT, version: 2 }))).toEqual({
      kind: 'unreadable',
      message: 'autosaved session: sceneName: expected a non-empty string, got nothing',
    });
    const failing: AutosaveStorage = { ...memoryAutosaveStorage(), read: () => Promise.reject(new Error('quota')) };
    expect(await restoreAutosavedSession(failing)).toEqual({ kind: 'unreadable', message: 'the autosave storage could not be read (quota)' });
  });
});
