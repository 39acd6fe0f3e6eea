import { describe, expect, it } from 'vitest';
import { DEFAULT_MID_SIDE_SETTINGS } from '../../../src/core/scene/midSideSettings';
import { parseSceneJson } from '../../../src/core/scene/sceneParse';
import { serializeScene } from '../../../src/core/scene/sceneWrite';
import { createStudioStore } from '../../../src/state/studioStore';
import { createFakeEngine, testScene } from './fakeEngine';

function setup() {
  const engine = createFakeEngine();
  const store = createStudioStore({ engine, scene: testScene() });
  engine.calls.length = 0;
  return { engine, store };
}

const sourceOf = (store: ReturnType<typeof setup>['store'], id: string) => store.getState().scene.sources.find((s) => s.id === id)!;

describe('source mid/side edits', () => {
  it('set the fields, send them to the engine with the source, and undo in one step', () => {
    const { engine, store } = setup();
    const before = store.getState().scene;
    store.getState().setSourceMidSide('b', { widthPercent: 0 });
    expect(sourceOf(store, 'b').midSide).toEqual({ ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 0 });
    expect(store.getState().scene.sources[0]).toBe(before.sources[0]);
    expect(engine.calls).toEqual([
      { method: 'updateSource', sourceId: 'b', params: expect.objectContaining({ azimuthDeg: -30, midSide: { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 0 } }) },
    ]);
    expect(store.getState().history.past).toHaveLength(1);

    engine.calls.length = 0;
    store.getState().undo();
    expect(store.getState().scene).toBe(before);
    expect(sourceOf(store, 'b').midSide).toBeUndefined();
    // Back to neutral: the engine gets the source without settings (the renderer's defaults).
    expect(engine.calls).toHaveLength(1);
    expect(engine.calls[0]).toMatchObject({ method: 'updateSource', sourceId: 'b' });
    expect((engine.calls[0] as { params: { midSide?: unknown } }).params.midSide).toBeUndefined();

    store.getState().redo();
    expect(sourceOf(store, 'b').midSide?.widthPercent).toBe(0);
  });

  it('clamp into the limits, ignore non-finite numbers, and make no step for a no-op', () => {
    const { engine, store } = setup();
    store.getState().setSourceMidSide('a', { widthPercent: 250, midGainDb: Number.NaN, bassMonoCutoffHz: 5 });
    expect(sourceOf(store, 'a').midSide).toEqual({ ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 200, bassMonoCutoffHz: 20 });
    const scene = store.getState().scene;
    store.getState().setSourceMidSide('a', { widthPercent: 200, sideGainDb: Number.POSITIVE_INFINITY });
    store.getState().setSourceMidSide('nobody', { widthPercent: 10 });
    expect(store.getState().scene).toBe(scene);
    expect(store.getState().history.past).toHaveLength(1);
    expect(engine.calls).toHaveLength(1);
  });

  it('a drag (gesture) of many edits is one undo step', () => {
    const { store } = setup();
    const before = store.getState().scene;
    store.getState().beginGesture();
    for (const widthPercent of [90, 70, 40, 10]) store.getState().setSourceMidSide('c', { widthPercent });
    store.getState().commitGesture();
    expect(sourceOf(store, 'c').midSide?.widthPercent).toBe(10);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().scene).toBe(before);
  });

  it('reset removes the settings (a scene back at the defaults saves without them)', () => {
    const { store } = setup();
    store.getState().setSourceMidSide('a', { bassMono: true, sideHighShelfGainDb: 4 });
    store.getState().resetSourceMidSide('a');
    expect(sourceOf(store, 'a').midSide).toBeUndefined();
    store.getState().setSourceMidSide('a', { widthPercent: 50 });
    store.getState().setSourceMidSide('a', { widthPercent: 100 });
    expect('midSide' in sourceOf(store, 'a')).toBe(false);
    expect(serializeScene(store.getState().scene)).not.toMatch(/midSide/);
    expect(store.getState().history.past).toHaveLength(4);
  });
});

describe('master mid/side edits', () => {
  it('set the master, call engine.setMasterMidSide, save with the scene, and undo', () => {
    const { engine, store } = setup();
    const before = store.getState().scene;
    store.getState().setMasterMidSide({ widthPercent: 0, bassMono: true });
    const settings = { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 0, bassMono: true };
    expect(store.getState().scene.master).toEqual({ midSide: settings });
    expect(engine.calls).toEqual([{ method: 'setMasterMidSide', settings }]);
    const saved = parseSceneJson(serializeScene(store.getState().scene), 'x.json').scene;
    expect(saved.master?.midSide).toEqual(settings);

    engine.calls.length = 0;
    store.getState().undo();
    expect(store.getState().scene).toBe(before);
    expect(engine.calls).toEqual([{ method: 'setMasterMidSide', settings: DEFAULT_MID_SIDE_SETTINGS }]);
  });

  it('reset drops the master, keeping its unknown fields', () => {
    const { store } = setup();
    store.getState().replaceScene({ ...testScene(), master: { midSide: { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 30 }, extraFields: { dither: 'tpdf' } } });
    store.getState().resetMasterMidSide();
    expect(store.getState().scene.master).toEqual({ extraFields: { dither: 'tpdf' } });
    store.getState().replaceScene({ ...testScene(), master: { midSide: { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 30 } } });
    store.getState().setMasterMidSide({ widthPercent: 100 });
    expect('master' in store.getState().scene).toBe(false);
  });
});
