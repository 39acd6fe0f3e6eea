import { describe, expect, it, vi } from 'vitest';
import { createStudioStore } from '../../../../src/state/studioStore';
import { createFakeEngine, testScene, testSource } from '../fakeEngine';

function setup() {
  const engine = createFakeEngine();
  const store = createStudioStore({ engine, scene: testScene() });
  engine.calls.length = 0;
  return { engine, store };
}

function positionOf(store: ReturnType<typeof setup>['store'], id: string) {
  const source = store.getState().scene.sources.find((s) => s.id === id);
  if (source === undefined) throw new Error(`no source ${id}`);
  return source.position;
}

describe('moveSource', () => {
  it('sets the position and sends all the source parameters to engine.updateSource', () => {
    const { engine, store } = setup();
    store.getState().moveSource('a', { azimuthDeg: 75, elevationDeg: 20, distanceM: 4.5 });
    expect(positionOf(store, 'a')).toEqual({ azimuthDeg: 75, elevationDeg: 20, distanceM: 4.5 });
    expect(engine.calls).toEqual([
      {
        method: 'updateSource',
        sourceId: 'a',
        params: { gainDb: 0, mute: false, solo: false, azimuthDeg: 75, elevationDeg: 20, distanceM: 4.5, spreadDeg: 60 },
      },
    ]);
  });

  it('makes a Cartesian object polar when it is moved (its ADM X, Y, Z would be stale), keeping its timeline', () => {
    const engine = createFakeEngine();
    const timeline = [{ rtimeSec: 0, durationSec: 1 }];
    const cartesian = testSource('a', { cartesianPosition: { X: 0, Y: 1, Z: 0 }, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }, timeline });
    const store = createStudioStore({ engine, scene: { ...testScene(), sources: [cartesian] } });
    store.getState().moveSource('a', { azimuthDeg: 40 });
    const moved = store.getState().scene.sources[0]!;
    expect(moved.cartesianPosition).toBeUndefined();
    expect(moved.position).toEqual({ azimuthDeg: 40, elevationDeg: 0, distanceM: 1 });
    expect(moved.timeline).toBe(timeline);
  });

  it('moves a Cartesian object in the room with moveCartesianSource: it stays Cartesian, X, Y, Z clamped to the cube, its scene position following; a polar source is left alone', () => {
    const engine = createFakeEngine();
    const cartesian = testSource('a', { cartesianPosition: { X: 0, Y: 1, Z: 0 }, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 } });
    const store = createStudioStore({ engine, scene: { ...testScene(), sources: [cartesian, testSource('b')] } });
    store.getState().moveCartesianSource('a', { X: -1.5, Z: 0.25 });
    const moved = store.getState().scene.sources[0]!;
    expect(moved.cartesianPosition).toEqual({ X: -1, Y: 1, Z: 0.25 });
    // The scene's polar position is the plain direction of (X, Y, Z): 45 degrees left, up atan(0.25 / sqrt 2).
    expect(moved.position.azimuthDeg).toBeCloseTo(45, 12);
    expect(moved.position.elevationDeg).toBeCloseTo((Math.atan2(0.25, Math.SQRT2) * 180) / Math.PI, 12);
    const polar = store.getState().scene.sources[1]!;
    store.getState().moveCartesianSource('b', { X: 0.5 });
    expect(store.getState().scene.sources[1]).toBe(polar);
  });

  it('nudges a Cartesian object along the room axes (0.01 a key: left/right on X, out/in on Y, Shift-up/down on Z), keeping it Cartesian and in the cube', () => {
    const engine = createFakeEngine();
    const cartesian = testSource('a', { cartesianPosition: { X: 0.5, Y: 0.995, Z: 0 }, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 } });
    const store = createStudioStore({ engine, scene: { ...testScene(), sources: [cartesian] } });
    const at = () => store.getState().scene.sources[0]!.cartesianPosition;
    store.getState().nudgeSource('a', { azimuthDeg: 1 }); // ArrowLeft
    expect(at()).toEqual({ X: 0.49, Y: 0.995, Z: 0 });
    store.getState().nudgeSource('a', { distanceM: 0.1 }); // ArrowUp: out, to the front wall
    expect(at()).toEqual({ X: 0.49, Y: 1, Z: 0 });
    store.getState().nudgeSource('a', { distanceM: 0.1 }); // at the wall: clamped, nothing changes
    expect(at()).toEqual({ X: 0.49, Y: 1, Z: 0 });
    store.getState().nudgeSource('a', { elevationDeg: -1 }); // Shift+ArrowDown
    expect(at()).toEqual({ X: 0.49, Y: 1, Z: -0.01 });
    store.getState().nudgeSource('a', { azimuthDeg: -1 }); // ArrowRight
    expect(at()).toEqual({ X: 0.5, Y: 1, Z: -0.01 });
  });

  it('changes only the given fields and leaves the other sources as they were (same objects)', () => {
    const { store } = setup();
    const before = store.getState().scene;
    store.getState().moveSource('a', { distanceM: 7 });
    const after = store.getState().scene;
    expect(positionOf(store, 'a')).toEqual({ azimuthDeg: 30, elevationDeg: 0, distanceM: 7 });
    expect(after.sources[1]).toBe(before.sources[1]);
    expect(after.sources[2]).toBe(before.sources[2]);
  });

  it.each([
    [190, -170],
    [-180, 180],
    [180, 180],
    [540, 180],
    [-190, 170],
    [359, -1],
    [720.5, 0.5],
  ])('wraps azimuth %d into (-180, 180] as %d', (azimuthDeg, expected) => {
    const { store } = setup();
    store.getState().moveSource('a', { azimuthDeg });
    expect(positionOf(store, 'a').azimuthDeg).toBe(expected);
  });

  it.each([
    [95, 90],
    [-120, -90],
    [45, 45],
  ])('clamps elevation %d to %d', (elevationDeg, expected) => {
    const { store } = setup();
    store.getState().moveSource('a', { elevationDeg });
    expect(positionOf(store, 'a').elevationDeg).toBe(expected);
  });

  it.each([
    [0, 0.1],
    [-3, 0.1],
    [5000, 1000],
    [0.25, 0.25],
  ])('clamps distance %d m to %d m', (distanceM, expected) => {
    const { store } = setup();
    store.getState().moveSource('a', { distanceM });
    expect(positionOf(store, 'a').distanceM).toBe(expected);
  });

  it('ignores non-finite values, unknown ids and no-op moves (no engine call, no undo step)', () => {
    const { engine, store } = setup();
    const before = store.getState().scene;
    store.getState().moveSource('a', { azimuthDeg: Number.NaN, distanceM: Number.POSITIVE_INFINITY });
    store.getState().moveSource('nope', { azimuthDeg: 10 });
    store.getState().moveSource('a', { azimuthDeg: 30 });
    expect(store.getState().scene).toBe(before);
    expect(engine.calls).toEqual([]);
    expect(store.getState().history.past.length).toBe(0);
  });
});

describe('nudgeSource', () => {
  it('adds azimuth, elevation and distance steps without float noise', () => {
    const { store } = setup();
    store.getState().nudgeSource('a', { azimuthDeg: 1 });
    expect(positionOf(store, 'a').azimuthDeg).toBe(31);
    store.getState().nudgeSource('a', { azimuthDeg: -1 });
    store.getState().nudgeSource('a', { azimuthDeg: -1 });
    expect(positionOf(store, 'a').azimuthDeg).toBe(29);
    store.getState().nudgeSource('a', { elevationDeg: 1 });
    expect(positionOf(store, 'a').elevationDeg).toBe(1);
    store.getState().moveSource('a', { distanceM: 0.7 });
    store.getState().nudgeSource('a', { distanceM: 0.1 });
    expect(positionOf(store, 'a').distanceM).toBe(0.8);
    store.getState().nudgeSource('a', { distanceM: -0.1 });
    expect(positionOf(store, 'a').distanceM).toBe(0.7);
  });

  it('wraps azimuth across 180 and clamps distance at 0.1 m and elevation at 90', () => {
    const { store } = setup();
    store.getState().nudgeSource('c', { azimuthDeg: 1 });
    expect(positionOf(store, 'c').azimuthDeg).toBe(-179);
    store.getState().nudgeSource('c', { azimuthDeg: -1 });
    expect(positionOf(store, 'c').azimuthDeg).toBe(180);
    store.getState().moveSource('c', { distanceM: 0.15, elevationDeg: 89.5 });
    store.getState().nudgeSource('c', { distanceM: -0.1, elevationDeg: 1 });
    expect(positionOf(store, 'c')).toEqual({ azimuthDeg: 180, elevationDeg: 90, distanceM: 0.1 });
  });
});

describe('gain, mute, solo, spread, colour, name', () => {
  it('sets and clamps gain to [-120, 24] dB and forwards it', () => {
    const { engine, store } = setup();
    store.getState().setGain('b', -6.5);
    expect(store.getState().scene.sources[1]?.gainDb).toBe(-6.5);
    expect(engine.calls[0]).toEqual({
      method: 'updateSource',
      sourceId: 'b',
      params: { gainDb: -6.5, mute: false, solo: false, azimuthDeg: -30, elevationDeg: 0, distanceM: 2, spreadDeg: 60 },
    });
    store.getState().setGain('b', 40);
    expect(store.getState().scene.sources[1]?.gainDb).toBe(24);
    store.getState().setGain('b', -500);
    expect(store.getState().scene.sources[1]?.gainDb).toBe(-120);
  });

  it('toggles mute and solo on and off, each forwarded with the flag', () => {
    const { engine, store } = setup();
    store.getState().toggleMute('a');
    expect(store.getState().scene.sources[0]?.mute).toBe(true);
    store.getState().toggleSolo('b');
    expect(store.getState().scene.sources[1]?.solo).toBe(true);
    store.getState().toggleMute('a');
    store.getState().toggleSolo('b');
    expect(store.getState().scene.sources[0]?.mute).toBe(false);
    expect(store.getState().scene.sources[1]?.solo).toBe(false);
    const flags = engine.calls.map((c) => (c.method === 'updateSource' ? [c.sourceId, c.params.mute, c.params.solo] : null));
    expect(flags).toEqual([
      ['a', true, false],
      ['b', false, true],
      ['a', false, false],
      ['b', false, false],
    ]);
  });

  it('clamps spread to [0, 180] degrees', () => {
    const { store } = setup();
    store.getState().setSpread('a', 90);
    expect(store.getState().scene.sources[0]?.spreadDeg).toBe(90);
    store.getState().setSpread('a', 270);
    expect(store.getState().scene.sources[0]?.spreadDeg).toBe(180);
    store.getState().setSpread('a', -5);
    expect(store.getState().scene.sources[0]?.spreadDeg).toBe(0);
  });

  it('accepts "#rrggbb" colours only (stored lower case) and trimmed non-empty names', () => {
    const { engine, store } = setup();
    store.getState().setColor('a', '#FF8800');
    store.getState().setColor('a', 'red');
    store.getState().setColor('a', '#ff880');
    expect(store.getState().scene.sources[0]?.color).toBe('#ff8800');
    store.getState().rename('a', '  Lead vox ');
    store.getState().rename('a', '   ');
    expect(store.getState().scene.sources[0]?.name).toBe('Lead vox');
    // Colour and name are not engine parameters.
    expect(engine.calls).toEqual([]);
    expect(store.getState().history.past.length).toBe(2);
  });
});

describe('selection, removal and addition', () => {
  it('removing the selected source clears the selection and removes it from the engine', () => {
    const { engine, store } = setup();
    store.getState().selectSource('b');
    expect(store.getState().selectedSourceId).toBe('b');
    store.getState().removeSource('b');
    expect(store.getState().selectedSourceId).toBe(null);
    expect(store.getState().scene.sources.map((s) => s.id)).toEqual(['a', 'c']);
    expect(engine.calls).toEqual([{ method: 'removeSource', sourceId: 'b' }]);
  });

  it('removing another source keeps the selection', () => {
    const { store } = setup();
    store.getState().selectSource('a');
    store.getState().removeSource('c');
    expect(store.getState().selectedSourceId).toBe('a');
  });

  it('selecting an unknown id selects nothing', () => {
    const { store } = setup();
    store.getState().selectSource('a');
    store.getState().selectSource('zzz');
    expect(store.getState().selectedSourceId).toBe(null);
  });

  it('tells the engine of a removed source by id, and adds it back on undo without reloading the others', async () => {
    const engine = createFakeEngine();
    const store = createStudioStore({ engine, scene: testScene() });
    engine.calls.length = 0;
    store.getState().removeSource('a');
    expect(engine.calls).toEqual([{ method: 'removeSource', sourceId: 'a' }]);
    store.getState().undo();
    await vi.waitFor(() => expect(engine.calls.some((call) => call.method === 'updateSource' && call.sourceId === 'a')).toBe(true));
    expect(engine.calls.filter((call) => call.method === 'addSources')).toEqual([{ method: 'addSources', sourceIds: ['a'] }]);
    // Its parameters follow once it is in; nothing was loaded whole.
    expect(engine.loads).toEqual([]);
  });

  it('adds a source with its stem channel count, brought into the limits; refuses a duplicate id', () => {
    const { store } = setup();
    const added = store.getState().addSource(
      testSource('d', { position: { azimuthDeg: 200, elevationDeg: 100, distanceM: 0 }, gainDb: 30 }),
      2,
    );
    expect(added).toBe(true);
    const d = store.getState().scene.sources[3];
    expect(d?.position).toEqual({ azimuthDeg: -160, elevationDeg: 90, distanceM: 0.1 });
    expect(d?.gainDb).toBe(24);
    expect(store.getState().stemChannels).toEqual({ d: 2 });
    expect(store.getState().addSource(testSource('a'))).toBe(false);
    expect(store.getState().scene.sources.length).toBe(4);
  });

  it('replaceScene clears history and a stale selection, and sets stem channels', () => {
    const { engine, store } = setup();
    store.getState().selectSource('c');
    store.getState().moveSource('a', { azimuthDeg: 0 });
    const next = { ...testScene(), sources: [testSource('x')] };
    store.getState().replaceScene(next, { x: 1 });
    expect(store.getState().scene).toBe(next);
    expect(store.getState().history.past.length).toBe(0);
    expect(store.getState().selectedSourceId).toBe(null);
    expect(store.getState().stemChannels).toEqual({ x: 1 });
    // Only the move reached the engine; the replacement is the loader's engine.loadScene.
    expect(engine.calls.length).toBe(1);
  });
});

describe('scene rotation', () => {
  it('stores a rotation as the listener yaw turned the other way, wrapped into (-180, 180], and sends it to engine.setListener', () => {
    const { engine, store } = setup();
    store.getState().setSceneRotation(45);
    store.getState().setSceneRotation(200);
    // Rotation 200 wraps to -160: the listener's yaw is +160 (exact: sums of whole degrees).
    expect(store.getState().scene.listener.yawDeg).toBe(160);
    store.getState().setSceneRotation(0);
    expect(Object.is(store.getState().scene.listener.yawDeg, 0)).toBe(true);
    expect(engine.calls).toEqual([
      { method: 'setListener', orientation: { yawDeg: -45, pitchDeg: 0, rollDeg: 0 } },
      { method: 'setListener', orientation: { yawDeg: 160, pitchDeg: 0, rollDeg: 0 } },
      { method: 'setListener', orientation: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } },
    ]);
  });
});

describe('without an engine', () => {
  it('edits, undoes and plays with engine null', () => {
    const store = createStudioStore({ engine: null, scene: testScene() });
    store.getState().moveSource('a', { azimuthDeg: -45 });
    store.getState().togglePlay();
    store.getState().setMonitorOutput('mono');
    expect(positionOf(store as never, 'a').azimuthDeg).toBe(-45);
    expect(store.getState().transport.playing).toBe(true);
    expect(store.getState().monitor).toEqual({ outputId: 'mono', monoLaw: '-3dB' });
    expect(store.getState().engineStatus).toBe('none');
    store.getState().undo();
    expect(positionOf(store as never, 'a').azimuthDeg).toBe(30);
  });
});
