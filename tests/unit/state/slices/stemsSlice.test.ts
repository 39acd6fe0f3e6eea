import { describe, expect, it, vi } from 'vitest';
import { serializeScene } from '../../../../src/core/scene/sceneWrite';
import type { SceneLoadReport } from '../../../../src/engine/audioEngine';
import { createStudioStore } from '../../../../src/state/studioStore';
import type { StudioStore } from '../../../../src/state/studioStore';
import { createFakeEngine, testScene, testSource } from '../fakeEngine';

const audio = (name: string, bytes = 16): File => new File([new Uint8Array(bytes)], name, { type: 'audio/wav' });

function setup(stemFiles = new Map<string, Blob>()) {
  const engine = createFakeEngine();
  const store: StudioStore = createStudioStore({
    engine,
    scene: testScene(),
    stemFiles,
  });
  return { engine, store, stemFiles };
}

const ids = (store: StudioStore): string[] => store.getState().scene.sources.map((s) => s.id);

describe('addStemFiles', () => {
  it('adds one source per file with unique ids, keeps the files, and adds them to the engine once, without reloading the others', async () => {
    const { engine, store, stemFiles } = setup();
    const added = await store.getState().addStemFiles([audio('Bass.wav'), audio('Keys.flac')]);
    expect(added).toEqual(['bass', 'keys']);
    expect(ids(store)).toEqual(['a', 'b', 'c', 'bass', 'keys']);
    expect([...stemFiles.keys()]).toEqual(['Bass.wav', 'Keys.flac']);
    expect(store.getState().stemFilesVersion).toBe(1);
    await vi.waitFor(() => expect(store.getState().stemChannels['keys']).toBe(1));
    expect(engine.calls.filter((call) => call.method === 'addSources')).toEqual([{ method: 'addSources', sourceIds: ['bass', 'keys'] }]);
    expect(engine.loads).toEqual([]);
    expect(store.getState().decodingStemCount).toBe(0);
  });

  it('places the new sources at free azimuths in front, 2 m away', async () => {
    const { store } = setup();
    await store.getState().addStemFiles([audio('x.wav'), audio('y.wav')]);
    const positions = store.getState().scene.sources.slice(3).map((s) => s.position);
    expect(positions).toEqual([
      { azimuthDeg: 0, elevationDeg: 0, distanceM: 2 },
      { azimuthDeg: 15, elevationDeg: 0, distanceM: 2 },
    ]);
  });

  it('is one undo step; undo removes the sources from the engine and redo adds them again, by id', async () => {
    const { engine, store } = setup();
    const sourceChanges = () => engine.calls.filter((call) => call.method === 'addSources' || call.method === 'removeSource');
    await store.getState().addStemFiles([audio('x.wav'), audio('y.wav')]);
    await vi.waitFor(() => expect(sourceChanges()).toHaveLength(1));
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(ids(store)).toEqual(['a', 'b', 'c']);
    store.getState().redo();
    expect(ids(store)).toEqual(['a', 'b', 'c', 'x', 'y']);
    await vi.waitFor(() => expect(sourceChanges()).toHaveLength(4));
    expect(sourceChanges()).toEqual([
      { method: 'addSources', sourceIds: ['x', 'y'] },
      { method: 'removeSource', sourceId: 'x' },
      { method: 'removeSource', sourceId: 'y' },
      { method: 'addSources', sourceIds: ['x', 'y'] },
    ]);
    expect(engine.loads).toEqual([]);
  });

  it('counts only the added stems not prepared by an earlier load', async () => {
    const { store } = setup();
    await store.getState().reloadEngine();
    const counts: number[] = [];
    store.subscribe((state, previous) => {
      if (state.decodingStemCount !== previous.decodingStemCount) counts.push(state.decodingStemCount);
    });
    await store.getState().addStemFiles([audio('x.wav'), audio('y.wav'), audio('z.wav')]);
    // 3 while the files are checked (decoded) before any source is made, then 3 again while
    // the engine adds the sources (from what the check decoded), 0 when done.
    await vi.waitFor(() => expect(counts).toEqual([3, 0, 3, 0]));
  });

  it('keeps a source whose file the engine cannot read, and reports it with the reason', async () => {
    const { engine, store } = setup();
    engine.loadReport = async (scene): Promise<SceneLoadReport> => ({
      missing: [],
      failed: [{ sourceId: 'broken', message: 'broken.wav: no complete "fmt " chunk found' }],
      stemChannels: Object.fromEntries(scene.sources.filter((s) => s.id !== 'broken').map((s) => [s.id, 1])),
      lengthSec: 3,
    });
    await store.getState().addStemFiles([audio('broken.wav')]);
    await vi.waitFor(() => expect(store.getState().failedStems).toHaveLength(1));
    expect(ids(store)).toContain('broken');
    expect(store.getState().failedStems).toEqual([
      { sourceId: 'broken', fileName: 'broken.wav', message: 'broken.wav: no complete "fmt " chunk found' },
    ]);
    expect(store.getState().transport.durationSec).toBe(3);
  });
});

describe('refusing stem files that cannot be used', () => {
  it('adds no source for a file the engine cannot decode or that is not mono or stereo, and names each in one error notice', async () => {
    const { engine, store, stemFiles } = setup();
    const reasons: Record<string, string> = {
      'six.wav': 'six.wav: expected a mono or stereo stem, got 6 channels',
      'empty.wav': 'the file is empty',
    };
    engine.stemFileCheck = async (_, fileName) => {
      const reason = reasons[fileName];
      if (reason !== undefined) throw new Error(reason);
      return { channelCount: 2, warnings: [] };
    };
    const added = await store.getState().addStemFiles([audio('six.wav'), audio('good.wav'), audio('empty.wav')]);
    expect(added).toEqual(['good']);
    expect(ids(store)).toEqual(['a', 'b', 'c', 'good']);
    expect([...stemFiles.keys()]).toEqual(['good.wav']);
    expect(store.getState().history.past).toHaveLength(1);
    const [notice, ...others] = store.getState().notices;
    expect(others).toEqual([]);
    expect(notice!.tone).toBe('error');
    expect(notice!.lines.slice(0, 2)).toEqual(['six.wav: expected a mono or stereo stem, got 6 channels', 'empty.wav: the file is empty']);
    await vi.waitFor(() => expect(engine.calls.filter((call) => call.method === 'addSources')).toEqual([{ method: 'addSources', sourceIds: ['good'] }]));
    expect(store.getState().failedStems).toEqual([]);
  });

  it('adds a stem its reader read despite a fault, and names the fault in one warning notice', async () => {
    const { engine, store } = setup();
    const cutShort = 'cut.wav: "data" chunk declares 96000 bytes but the file ends after 48000 of them; read the 24000 whole frames there';
    engine.stemFileCheck = async (_, fileName) => ({ channelCount: 1, warnings: fileName === 'cut.wav' ? [cutShort] : [] });
    await expect(store.getState().addStemFiles([audio('cut.wav'), audio('good.wav')])).resolves.toEqual(['cut', 'good']);
    expect(store.getState().notices.map((notice) => [notice.tone, notice.lines])).toEqual([['warning', [cutShort]]]);
  });

  it('adds nothing, and makes no undo step, when every file is refused', async () => {
    const { engine, store } = setup();
    engine.stemFileCheck = async () => {
      throw new Error('notes.wav: not a WAV, FLAC or MP3 file');
    };
    await expect(store.getState().addStemFiles([audio('notes.wav')])).resolves.toEqual([]);
    expect(ids(store)).toEqual(['a', 'b', 'c']);
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().notices[0]!.lines[0]).toBe('notes.wav: not a WAV, FLAC or MP3 file');
  });
});

describe('missing stems and relinking', () => {
  const sceneWithFiles = () => ({
    ...testScene(),
    sources: [
      testSource('vox', { stem: { kind: 'file', file: 'stems/vox.wav' } }),
      testSource('gtr', { stem: { kind: 'file', file: 'stems\\gtr.wav' } }),
      testSource('pad'),
    ],
  });

  it('lists file stems the session has no file for, by the name a relink is kept under', () => {
    const { store } = setup(new Map([['gtr.wav', audio('gtr.wav')]]));
    expect(store.getState().openScene(serializeScene(sceneWithFiles()), 'song.json')).toBe(true);
    expect(store.getState().missingStems).toEqual([{ sourceId: 'vox', file: 'stems/vox.wav', fileName: 'vox.wav' }]);
  });

  it('relink keeps the file under the expected name, clears the entry, reloads, and adds no undo step', async () => {
    const { engine, store, stemFiles } = setup();
    store.getState().openScene(serializeScene(sceneWithFiles()), 'song.json');
    await store.getState().reloadEngine();
    const steps = store.getState().history.past.length;
    const picked = audio('Vocal final (3).wav');
    store.getState().relinkStem('vox', picked);
    expect(stemFiles.get('vox.wav')).toBe(picked);
    expect(store.getState().missingStems.map((m) => m.sourceId)).toEqual(['gtr']);
    expect(store.getState().history.past).toHaveLength(steps);
    await store.getState().reloadEngine();
    expect(engine.loads.at(-1)!.stemFiles.get('vox.wav')).toBe(picked);
  });

  it('relink ignores generator stems and unknown sources', () => {
    const { store, stemFiles } = setup();
    store.getState().relinkStem('a', audio('x.wav'));
    store.getState().relinkStem('nope', audio('x.wav'));
    expect(stemFiles.size).toBe(0);
    expect(store.getState().stemFilesVersion).toBe(0);
  });
});

describe('engine reloads', () => {
  it('run one at a time, and requests made before a load starts share it', async () => {
    const { engine, store } = setup();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const defaultReport = engine.loadReport;
    engine.loadReport = async (scene, files) => {
      await gate;
      return defaultReport(scene, files);
    };
    const first = store.getState().reloadEngine();
    expect(store.getState().reloadEngine()).toBe(first);
    await Promise.resolve();
    expect(engine.loads).toHaveLength(1); // started: later requests wait for it
    const second = store.getState().reloadEngine();
    const third = store.getState().reloadEngine();
    expect(third).toBe(second);
    expect(second).not.toBe(first);
    await Promise.resolve();
    expect(engine.loads).toHaveLength(1);
    release();
    await Promise.all([first, second]);
    expect(engine.loads).toHaveLength(2);
  });

  it('turn a load the engine refuses into an error notice', async () => {
    const { engine, store } = setup();
    engine.loadReport = async () => {
      throw new Error('the session runs at 48000 Hz; reload the page to open a 96000 Hz scene');
    };
    await store.getState().reloadEngine();
    expect(store.getState().errorNotice).toMatch(/96000 Hz/);
    expect(store.getState().decodingStemCount).toBe(0);
  });

  it('without an engine, only refresh the missing stems', async () => {
    const store = createStudioStore({ engine: null, scene: testScene() });
    await store.getState().addStemFiles([audio('x.wav')]);
    await store.getState().reloadEngine();
    expect(store.getState().missingStems).toEqual([]);
    expect(store.getState().decodingStemCount).toBe(0);
    await expect(store.getState().exportMix({ outputIds: ['stereo'], sampleFormat: 'pcm24', baseName: 'x' }, {})).rejects.toThrow(/audio engine/);
  });
});


describe('multichannel stem files become beds', () => {
  /** 7.1.2's WAVE mask: L R C LFE, back pair (M+/-135), side pair (M+/-090), top front pair (U+/-090). */
  const MASK_7_1_2 = 0x563f;
  const bedIds = (store: StudioStore): string[] => (store.getState().scene.beds ?? []).map((b) => b.id);

  it('routes a 10-channel file with the 7.1.2 mask to 2+7+0 in mask-bit order, reloads the engine for it, as one undo step', async () => {
    const { engine, store } = setup();
    engine.stemFileCheck = async () => ({ channelCount: 10, channelMask: MASK_7_1_2, warnings: [] });
    await expect(store.getState().addStemFiles([audio('Music 7.1.2.wav')])).resolves.toEqual(['music-7-1-2']);
    const bed = store.getState().scene.beds![0]!;
    expect(bed).toMatchObject({ id: 'music-7-1-2', name: 'Music 7.1.2', layout: '2+7+0', gainDb: 0, mute: false, solo: false, stem: { kind: 'file', file: 'Music 7.1.2.wav' } });
    expect(bed.channels).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+090', 'M-090', 'U+090', 'U-090']);
    expect(ids(store)).toEqual(['a', 'b', 'c']);
    expect(store.getState().stemChannels['music-7-1-2']).toBe(10);
    expect(store.getState().notices).toEqual([]);
    await vi.waitFor(() => expect(engine.loads).toHaveLength(1));
    expect(engine.loads[0]!.scene.beds).toEqual([bed]);
    expect(engine.calls.filter((call) => call.method === 'addSources')).toEqual([]);
    store.getState().undo();
    expect(bedIds(store)).toEqual([]);
    expect(engine.calls.filter((call) => call.method === 'removeSource')).toEqual([{ method: 'removeSource', sourceId: 'music-7-1-2' }]);
  });

  it('takes a 10-channel file without a mask as 7.1.2 and offers 5.1.4 in a notice, whose action reroutes the bed in 4+5+0 file order', async () => {
    const { engine, store } = setup();
    engine.stemFileCheck = async () => ({ channelCount: 10, warnings: [] });
    await store.getState().addStemFiles([audio('bed.wav')]);
    expect(store.getState().scene.beds![0]!.layout).toBe('2+7+0');
    const [notice] = store.getState().notices;
    expect(notice!.tone).toBe('info');
    expect(notice!.title).toBe('"bed" is a 7.1.2 bed (2+7+0)');
    expect(notice!.action!.label).toBe('Use 5.1.4 (4+5+0)');
    notice!.action!.run();
    const bed = store.getState().scene.beds![0]!;
    expect(bed.layout).toBe('4+5+0');
    // 5.1.4 (mask 0x2D60F): L R C LFE, side pair (M+/-110), then the tops by bit: U+030 (0x1000), U-030 (0x4000), U+110 (0x8000), U-110 (0x20000).
    expect(bed.channels).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110', 'U+030', 'U-030', 'U+110', 'U-110']);
  });

  it('refuses a file of a channel count no layout has, naming it and the bed sizes', async () => {
    const { engine, store } = setup();
    engine.stemFileCheck = async () => ({ channelCount: 5, warnings: [] });
    await expect(store.getState().addStemFiles([audio('five.wav')])).resolves.toEqual([]);
    expect(store.getState().notices[0]!.lines[0]).toBe('five.wav: a stem of 5 channels fits no loudspeaker layout; a bed has 6, 8, 10, 11, 12, 14, 24 channels (objects are mono or stereo)');
    expect(store.getState().scene.beds).toBeUndefined();
  });

  it('sends a bed\'s gain, mute and solo to the engine by its id, and removes it by id', async () => {
    const { engine, store } = setup();
    engine.stemFileCheck = async () => ({ channelCount: 6, channelMask: 0x60f, warnings: [] });
    await store.getState().addStemFiles([audio('five-one.wav')]);
    expect(store.getState().scene.beds![0]!.channels).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110']);
    store.getState().setGain('five-one', -6);
    store.getState().toggleMute('five-one');
    store.getState().toggleSolo('five-one');
    const updates = engine.calls.filter((call) => call.method === 'updateSource' && call.sourceId === 'five-one');
    expect(updates.map((call) => (call.method === 'updateSource' ? [call.params.gainDb, call.params.mute, call.params.solo] : []))).toEqual([
      [-6, false, false],
      [-6, true, false],
      [-6, true, true],
    ]);
    store.getState().removeSource('five-one');
    expect(store.getState().scene.beds).toBeUndefined();
    expect(engine.calls.at(-1)).toEqual({ method: 'removeSource', sourceId: 'five-one' });
  });
});

describe('stem files of (N + 1)^2 channels become HOA stems', () => {
  /** 4.0 quad's WAVE mask (FL FR BL BR): no BS.2051 layout has 4 loudspeakers, so the mask does not make a bed. */
  const MASK_QUAD = 0x33;

  it('takes a 4-channel file (quad mask or none) as first-order AmbiX, reloads the engine for it, and offers FuMa, whose action is an undoable edit', async () => {
    const { engine, store } = setup();
    engine.stemFileCheck = async () => ({ channelCount: 4, channelMask: MASK_QUAD, warnings: [] });
    await expect(store.getState().addStemFiles([audio('Room B.wav')])).resolves.toEqual(['room-b']);
    const hoa = store.getState().scene.ambisonics![0]!;
    expect(hoa).toMatchObject({ id: 'room-b', name: 'Room B', order: 1, normalization: 'SN3D', channelOrder: 'ACN', gainDb: 0, mute: false, solo: false, stem: { kind: 'file', file: 'Room B.wav' } });
    expect(store.getState().scene.beds).toBeUndefined();
    expect(store.getState().stemChannels['room-b']).toBe(4);
    await vi.waitFor(() => expect(engine.loads).toHaveLength(1));
    expect(engine.loads[0]!.scene.ambisonics).toEqual([hoa]);
    const [notice] = store.getState().notices;
    expect(notice!.tone).toBe('info');
    expect(notice!.title).toBe('"Room B" is an HOA stem of order 1 (AmbiX)');
    expect(notice!.action!.label).toBe('Use FuMa');
    notice!.action!.run();
    expect(store.getState().scene.ambisonics![0]).toMatchObject({ normalization: 'FuMa', channelOrder: 'FuMa' });
    await vi.waitFor(() => expect(engine.loads).toHaveLength(2));
    store.getState().undo();
    expect(store.getState().scene.ambisonics![0]).toMatchObject({ normalization: 'SN3D', channelOrder: 'ACN' });
  });

  it('takes 9, 16 and 64 channels as orders 2, 3 and 7; FuMa is offered up to order 3 only', async () => {
    const { engine, store } = setup();
    const counts = new Map([['two.wav', 9], ['three.wav', 16], ['seven.wav', 64]]);
    engine.stemFileCheck = async (_file, name) => ({ channelCount: counts.get(name)!, warnings: [] });
    await store.getState().addStemFiles([audio('two.wav'), audio('three.wav'), audio('seven.wav')]);
    expect(store.getState().scene.ambisonics!.map((a) => a.order)).toEqual([2, 3, 7]);
    expect(store.getState().notices.map((n) => n.action?.label ?? null)).toEqual(['Use FuMa', 'Use FuMa', null]);
    store.getState().setAmbisonicFormat('seven', 'FuMa', 'FuMa');
    expect(store.getState().scene.ambisonics![2]).toMatchObject({ normalization: 'SN3D', channelOrder: 'ACN' });
  });

  it('sends an HOA stem\'s gain, mute and solo to the engine by its id, and removes it by id (undo brings it back)', async () => {
    const { engine, store } = setup();
    engine.stemFileCheck = async () => ({ channelCount: 4, warnings: [] });
    await store.getState().addStemFiles([audio('amb.wav')]);
    store.getState().setGain('amb', -6);
    store.getState().toggleMute('amb');
    store.getState().toggleSolo('amb');
    const updates = engine.calls.filter((call) => call.method === 'updateSource' && call.sourceId === 'amb');
    expect(updates.map((call) => (call.method === 'updateSource' ? [call.params.gainDb, call.params.mute, call.params.solo] : []))).toEqual([
      [-6, false, false],
      [-6, true, false],
      [-6, true, true],
    ]);
    store.getState().removeSource('amb');
    expect(store.getState().scene.ambisonics).toBeUndefined();
    expect(engine.calls.at(-1)).toEqual({ method: 'removeSource', sourceId: 'amb' });
    store.getState().undo();
    expect(store.getState().scene.ambisonics!.map((a) => a.id)).toEqual(['amb']);
  });
});
