import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNMIX_LEVEL_SETTINGS } from '../../../src/core/outputs/downmixLevelSettings';
import { sessionViewOf } from '../../../src/state/autosave/sessionView';
import { createStudioStore } from '../../../src/state/studioStore';
import { createFakeEngine, testScene } from './fakeEngine';

const LEVELS = { loRo: { centreDb: 0, surroundDb: -6 }, ltRt: { centreDb: -3, surroundDb: 1.5 } };

function setup() {
  const engine = createFakeEngine();
  engine.deviceChannels = 2;
  const store = createStudioStore({ engine, scene: testScene() });
  engine.calls.length = 0;
  return { engine, store };
}

describe('the downmix levels in the store', () => {
  it('start at -3 dB each (no levels of its own), and a change reaches the engine once, outside the scene and the undo history', () => {
    const { engine, store } = setup();
    expect(store.getState().monitor.downmixLevels).toBeUndefined();
    store.getState().setMonitorOutput('7.1.4-to-loro');
    const scene = store.getState().scene;
    engine.calls.length = 0;
    store.getState().setDownmixLevels(LEVELS);
    store.getState().setDownmixLevels(structuredClone(LEVELS));
    expect(engine.calls).toEqual([{ method: 'setMonitor', settings: { outputId: '7.1.4-to-loro', monoLaw: '-3dB', downmixLevels: LEVELS } }]);
    expect(store.getState().scene).toBe(scene);
    expect(store.getState().history.past.length).toBe(0);
    // The defaults set explicitly are the same levels as none: no call.
    const other = setup();
    other.store.getState().setDownmixLevels(DEFAULT_DOWNMIX_LEVEL_SETTINGS);
    expect(other.engine.calls).toEqual([]);
  });

  it('refuses a level between the steps, naming it, and keeps the levels', () => {
    const { engine, store } = setup();
    const bad = { ...LEVELS, loRo: { centreDb: 0.5, surroundDb: -6 } };
    expect(() => store.getState().setDownmixLevels(bad)).toThrow('downmix levels: loRo.centreDb: expected one of -6, -4.5, -3, -1.5, 0, 1.5, 3 (dB), got 0.5');
    expect(store.getState().monitor.downmixLevels).toBeUndefined();
    expect(engine.calls).toEqual([]);
  });

  it('keeps them in the session\'s view: the stored view reads back and restores them', () => {
    const { store } = setup();
    store.getState().setMonitorOutput('7.1.4-to-ltrt');
    store.getState().setDownmixLevels(LEVELS);
    const stored = structuredClone({ monitor: store.getState().monitor, selectedSourceId: null, sidePanel: 'source' });
    const view = sessionViewOf(stored);
    expect(view).toEqual({ monitor: { outputId: '7.1.4-to-ltrt', monoLaw: '-3dB', downmixLevels: LEVELS }, selectedSourceId: null, sidePanel: 'source' });
    const other = setup();
    other.store.getState().loadView(view!);
    expect(other.store.getState().monitor).toEqual({ outputId: '7.1.4-to-ltrt', monoLaw: '-3dB', downmixLevels: LEVELS });
    expect(other.store.getState().notices).toEqual([]);
  });

  it('sets stored levels that are not as written to -3 dB, keeping the rest of the view, with a notice naming the field and why', () => {
    const stored = { monitor: { outputId: '7.1.4-to-loro', monoLaw: '-6dB', downmixLevels: { ...LEVELS, loRo: { centreDb: -5, surroundDb: -6 } } }, selectedSourceId: null, sidePanel: 'meters' };
    const view = sessionViewOf(stored);
    const reason =
      'autosaved session: view.monitor.downmixLevels.loRo.centreDb: expected one of -6, -4.5, -3, -1.5, 0, 1.5, 3 (dB), got -5; the downmix levels are set to -3 dB each';
    expect(view).toEqual({ monitor: { outputId: '7.1.4-to-loro', monoLaw: '-6dB' }, selectedSourceId: null, sidePanel: 'meters', defaulted: [reason] });
    const { store } = setup();
    store.getState().setDownmixLevels(LEVELS);
    store.getState().loadView(view!);
    expect(store.getState().monitor.outputId).toBe('7.1.4-to-loro');
    expect(store.getState().monitor.downmixLevels).toEqual(DEFAULT_DOWNMIX_LEVEL_SETTINGS);
    expect(store.getState().notices.map((notice) => ({ tone: notice.tone, lines: notice.lines }))).toEqual([{ tone: 'warning', lines: [reason] }]);
  });

  it('reads a view stored before the levels existed as the defaults, with no notice', () => {
    const view = sessionViewOf({ monitor: { outputId: 'mono', monoLaw: '-6dB' }, selectedSourceId: 'vox', sidePanel: 'meters' });
    expect(view).toEqual({ monitor: { outputId: 'mono', monoLaw: '-6dB' }, selectedSourceId: 'vox', sidePanel: 'meters' });
  });
});
