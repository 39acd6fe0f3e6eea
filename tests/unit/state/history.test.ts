import { describe, expect, it } from 'vitest';
import { createStudioStore } from '../../../src/state/studioStore';
import { createFakeEngine, testScene } from './fakeEngine';

function setup(historyDepth?: number) {
  const engine = createFakeEngine();
  const store = createStudioStore({ engine, scene: testScene(), ...(historyDepth === undefined ? {} : { historyDepth }) });
  engine.calls.length = 0;
  return { engine, store };
}

describe('undo and redo', () => {
  it('restore the exact previous scenes (same objects), step by step', () => {
    const { store } = setup();
    const s0 = store.getState().scene;
    store.getState().moveSource('a', { azimuthDeg: 90 });
    const s1 = store.getState().scene;
    store.getState().setGain('b', -12);
    const s2 = store.getState().scene;
    store.getState().toggleMute('c');
    const s3 = store.getState().scene;
    expect(store.getState().history.past).toEqual([s0, s1, s2]);

    store.getState().undo();
    expect(store.getState().scene).toBe(s2);
    store.getState().undo();
    expect(store.getState().scene).toBe(s1);
    store.getState().undo();
    expect(store.getState().scene).toBe(s0);
    store.getState().undo(); // nothing left
    expect(store.getState().scene).toBe(s0);

    store.getState().redo();
    expect(store.getState().scene).toBe(s1);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().scene).toBe(s3);
    store.getState().redo(); // nothing left
    expect(store.getState().scene).toBe(s3);
  });

  it('a new edit after an undo drops the redo steps', () => {
    const { store } = setup();
    store.getState().moveSource('a', { azimuthDeg: 90 });
    store.getState().undo();
    expect(store.getState().history.future.length).toBe(1);
    store.getState().setGain('a', -3);
    expect(store.getState().history.future.length).toBe(0);
    store.getState().redo();
    expect(store.getState().scene.sources[0]?.position.azimuthDeg).toBe(30);
    expect(store.getState().scene.sources[0]?.gainDb).toBe(-3);
  });

  it('sends the engine the restored parameters of exactly the sources that changed', () => {
    const { engine, store } = setup();
    store.getState().moveSource('b', { azimuthDeg: -100, distanceM: 5 });
    store.getState().setSceneRotation(30);
    engine.calls.length = 0;
    store.getState().undo(); // scene rotation back to 0
    store.getState().undo(); // b back to -30, 2 m
    expect(engine.calls).toEqual([
      { method: 'setListener', orientation: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } },
      {
        method: 'updateSource',
        sourceId: 'b',
        params: { gainDb: 0, mute: false, solo: false, azimuthDeg: -30, elevationDeg: 0, distanceM: 2, spreadDeg: 60 },
      },
    ]);
  });

  it('undoing a removal brings the source back; redoing it clears a selection of it', () => {
    const { store } = setup();
    store.getState().removeSource('a');
    store.getState().undo();
    expect(store.getState().scene.sources.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    store.getState().selectSource('a');
    store.getState().redo();
    expect(store.getState().selectedSourceId).toBe(null);
  });

  it('keeps at most historyDepth steps, dropping the oldest', () => {
    const { store } = setup(3);
    for (let step = 1; step <= 5; step += 1) store.getState().moveSource('a', { azimuthDeg: step });
    expect(store.getState().history.past.map((s) => s.sources[0]?.position.azimuthDeg)).toEqual([2, 3, 4]);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().scene.sources[0]?.position.azimuthDeg).toBe(2);
  });

  it('caps at 200 steps by default', () => {
    const { store } = setup();
    for (let step = 1; step <= 250; step += 1) store.getState().setGain('a', -step / 10);
    expect(store.getState().history.past.length).toBe(200);
    expect(store.getState().history.past[0]?.sources[0]?.gainDb).toBe(-5);
  });
});

describe('gestures', () => {
  it('a drag (begin, 20 moves, commit) is one undo step, and every move reaches the engine', () => {
    const { engine, store } = setup();
    const before = store.getState().scene;
    store.getState().beginGesture();
    for (let i = 1; i <= 20; i += 1) store.getState().moveSource('a', { azimuthDeg: 30 + 3 * i, distanceM: 2 + 0.1 * i });
    store.getState().commitGesture();
    const after = store.getState().scene;
    expect(after.sources[0]?.position.azimuthDeg).toBe(90);
    expect(after.sources[0]?.position.distanceM).toBe(4);
    expect(engine.calls.length).toBe(20);
    expect(store.getState().history.past).toEqual([before]);
    store.getState().undo();
    expect(store.getState().scene).toBe(before);
    store.getState().redo();
    expect(store.getState().scene).toBe(after);
  });

  it('a gesture that changes nothing adds no step', () => {
    const { store } = setup();
    store.getState().beginGesture();
    store.getState().commitGesture();
    expect(store.getState().history.past.length).toBe(0);
    expect(store.getState().history.gestureStart).toBe(null);
  });

  it('cancelGesture restores the scene it began with and tells the engine', () => {
    const { engine, store } = setup();
    const before = store.getState().scene;
    store.getState().beginGesture();
    store.getState().moveSource('a', { azimuthDeg: -60 });
    store.getState().moveSource('a', { azimuthDeg: -70 });
    engine.calls.length = 0;
    store.getState().cancelGesture();
    expect(store.getState().scene).toBe(before);
    expect(store.getState().history.past.length).toBe(0);
    expect(engine.calls).toEqual([
      {
        method: 'updateSource',
        sourceId: 'a',
        params: { gainDb: 0, mute: false, solo: false, azimuthDeg: 30, elevationDeg: 0, distanceM: 2, spreadDeg: 60 },
      },
    ]);
  });

  it('undo and redo wait until the gesture is closed; a second begin keeps the first start', () => {
    const { store } = setup();
    const before = store.getState().scene;
    store.getState().setGain('c', -1);
    const afterGain = store.getState().scene;
    store.getState().beginGesture();
    store.getState().moveSource('a', { azimuthDeg: 0 });
    store.getState().beginGesture();
    store.getState().moveSource('a', { azimuthDeg: 5 });
    store.getState().undo();
    expect(store.getState().scene.sources[0]?.position.azimuthDeg).toBe(5);
    store.getState().commitGesture();
    expect(store.getState().history.past).toEqual([before, afterGain]);
  });
});
