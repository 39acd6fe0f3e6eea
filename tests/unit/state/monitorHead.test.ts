import { describe, expect, it } from 'vitest';
import { parseSceneJson } from '../../../src/core/scene/sceneParse';
import { sceneRotationDeg } from '../../../src/core/scene/sceneRotation';
import { serializeScene } from '../../../src/core/scene/sceneWrite';
import { startAutosave } from '../../../src/state/autosave/autosaver';
import { sessionFromAutosave } from '../../../src/state/autosave/sessionFromAutosave';
import { createStudioStore } from '../../../src/state/studioStore';
import { createFakeEngine, testScene } from './fakeEngine';
import { manualTimers } from './manualTimers';
import { memoryAutosaveStorage } from './autosave/memoryAutosaveStorage';

/**
 * Monitoring apart from the mix: the monitor head (where the engineer's head points) is
 * monitor state, outside the scene, the undo history and the autosave; the scene rotation
 * is a mix parameter, undoable and saved. Angles here are sums of whole degrees, so every
 * comparison is exact (tolerance 0).
 */

function setup() {
  const engine = createFakeEngine();
  const store = createStudioStore({ engine, scene: testScene() });
  engine.calls.length = 0;
  return { engine, store };
}

describe('the monitor head', () => {
  it('turns what the engine hears (setMonitorHead) and leaves the scene and the undo history alone', () => {
    const { engine, store } = setup();
    const scene = store.getState().scene;
    store.getState().setMonitorHead({ yawDeg: 30 });
    store.getState().setMonitorHead({ yawDeg: -200 });
    expect(store.getState().monitorHead).toEqual({ yawDeg: 160, pitchDeg: 0, rollDeg: 0 });
    expect(store.getState().scene).toBe(scene);
    expect(store.getState().history.past).toHaveLength(0);
    expect(engine.calls).toEqual([
      { method: 'setMonitorHead', orientation: { yawDeg: 30, pitchDeg: 0, rollDeg: 0 } },
      { method: 'setMonitorHead', orientation: { yawDeg: 160, pitchDeg: 0, rollDeg: 0 } },
    ]);
  });

  it('is not undone: undo steps back over the scene edits only, the head stays turned', () => {
    const { store } = setup();
    store.getState().moveSource('a', { azimuthDeg: 90 });
    store.getState().setMonitorHead({ yawDeg: 45 });
    store.getState().undo();
    expect(store.getState().scene.sources[0]!.position.azimuthDeg).toBe(30);
    expect(store.getState().monitorHead.yawDeg).toBe(45);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('keeps pitch and roll for head tracking: pitch clamps to [-90, 90], roll wraps, non-finite values are ignored', () => {
    const { store } = setup();
    store.getState().setMonitorHead({ pitchDeg: 120, rollDeg: 190 });
    store.getState().setMonitorHead({ yawDeg: Number.NaN, pitchDeg: Number.POSITIVE_INFINITY });
    expect(store.getState().monitorHead).toEqual({ yawDeg: 0, pitchDeg: 90, rollDeg: -170 });
  });

  it('schedules no autosave, and a saved scene holds the scene rotation without the head', async () => {
    const store = createStudioStore({ engine: null, scene: testScene(), sceneName: 'song' });
    const storage = memoryAutosaveStorage();
    const timers = manualTimers();
    const autosaver = startAutosave(store, storage, { timers, nowMs: () => 1 });
    store.getState().setMonitorHead({ yawDeg: 60 });
    expect(timers.pendingCount).toBe(0);
    store.getState().setSceneRotation(25);
    expect(timers.pendingCount).toBe(1);
    await autosaver.flush();
    const saved = sessionFromAutosave(storage.record, storage.stems).scene;
    // The whole saved session is the scene, which has no place for the head.
    expect(saved).toEqual(store.getState().scene);
    expect(saved.listener).toEqual({ yawDeg: -25, pitchDeg: 0, rollDeg: 0 });
    autosaver.dispose();
  });
});

describe('the scene rotation', () => {
  it('is one undo step per edit, and undo and redo reach the engine as setListener', () => {
    const { engine, store } = setup();
    store.getState().setSceneRotation(30);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(sceneRotationDeg(store.getState().scene.listener)).toBe(0);
    store.getState().redo();
    expect(sceneRotationDeg(store.getState().scene.listener)).toBe(30);
    expect(engine.calls.filter((c) => c.method === 'setListener')).toEqual([
      { method: 'setListener', orientation: { yawDeg: -30, pitchDeg: 0, rollDeg: 0 } },
      { method: 'setListener', orientation: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } },
      { method: 'setListener', orientation: { yawDeg: -30, pitchDeg: 0, rollDeg: 0 } },
    ]);
  });

  it('a fader drag (a gesture) is one undo step however many values it passes', () => {
    const { store } = setup();
    store.getState().beginGesture();
    for (const rotationDeg of [5, 10, 15, 20]) store.getState().setSceneRotation(rotationDeg);
    store.getState().commitGesture();
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(sceneRotationDeg(store.getState().scene.listener)).toBe(0);
  });

  it('is saved in the version 1 scene file as the listener yaw, and reads back as the same rotation', () => {
    const { store } = setup();
    store.getState().setSceneRotation(-75);
    const text = serializeScene(store.getState().scene);
    expect(JSON.parse(text).listener).toEqual({ yawDeg: 75, pitchDeg: 0, rollDeg: 0 });
    const reopened = parseSceneJson(text, 'rotated.json').scene;
    expect(sceneRotationDeg(reopened.listener)).toBe(-75);
    expect(serializeScene(reopened)).toBe(text);
  });
});
