import { describe, expect, it, vi } from 'vitest';
import { createStudioStore } from '../../../src/state/studioStore';
import { createFakeEngine, testScene } from './fakeEngine';

function setup(deviceChannels: number) {
  const engine = createFakeEngine();
  engine.deviceChannels = deviceChannels;
  const store = createStudioStore({ engine, scene: testScene() });
  engine.calls.length = 0;
  return { engine, store };
}

describe('monitoring loudspeaker layouts (store)', () => {
  it('refuses 7.1.4 on a 2-output device with a plain message and keeps the monitor as it was', () => {
    const { engine, store } = setup(2);
    store.getState().setMonitorOutput('7.1.4');
    expect(store.getState().monitor.outputId).toBe('binaural');
    expect(store.getState().monitorRefusal?.message).toBe('This device has 2 outputs; 7.1.4 needs 12. Listen to 7.1.4 on headphones instead?');
    expect(engine.calls).toEqual([]);
    // Taking the offer selects the headphone rendering and clears the message.
    store.getState().setMonitorOutput(store.getState().monitorRefusal!.headphonesId!);
    expect(store.getState().monitor.outputId).toBe('binaural-7.1.4');
    expect(store.getState().monitorRefusal).toBeNull();
  });

  it('takes 7.1.4 on a 12-output device, and reloads the engine when the engine asks for it', async () => {
    const { engine, store } = setup(12);
    engine.emitStatus('ready');
    await vi.waitFor(() => expect(engine.loads.length).toBe(1));
    engine.monitorNeedsReload = true;
    store.getState().setMonitorOutput('7.1.4');
    expect(store.getState().monitor.outputId).toBe('7.1.4');
    expect(store.getState().monitorRefusal).toBeNull();
    await vi.waitFor(() => expect(engine.loads.length).toBe(2));
  });

  it('refuses an unknown monitor id, naming it', () => {
    const { store } = setup(2);
    expect(() => store.getState().setMonitorOutput('7.1.5')).toThrow(/unknown output "7.1.5"/);
  });

  it('keeps the loudspeaker solo out of the scene and the undo history, and sends it to the engine once', () => {
    const { engine, store } = setup(2);
    const scene = store.getState().scene;
    store.getState().setSpeakerSolo('M+110');
    store.getState().setSpeakerSolo('M+110');
    expect(store.getState().speakerSolo).toBe('M+110');
    expect(store.getState().scene).toBe(scene);
    expect(store.getState().history.past.length).toBe(0);
    expect(engine.calls).toEqual([{ method: 'setSpeakerSolo', label: 'M+110' }]);
  });

  it('ends a loudspeaker solo when the new monitor has no such loudspeaker, keeps it when it has', () => {
    const { engine, store } = setup(2);
    store.getState().setMonitorOutput('binaural-7.1.4');
    store.getState().setSpeakerSolo('M+135');
    store.getState().setMonitorOutput('binaural-7.1');
    expect(store.getState().speakerSolo).toBe('M+135');
    store.getState().setMonitorOutput('binaural-5.1');
    expect(store.getState().speakerSolo).toBeNull();
    expect(engine.calls.filter((c) => c.method === 'setSpeakerSolo')).toEqual([
      { method: 'setSpeakerSolo', label: 'M+135' },
      { method: 'setSpeakerSolo', label: null },
    ]);
  });

  it('asks the engine for the selected source\'s loudspeaker gains at its heard direction (scene rotation, then monitor head)', () => {
    const { engine, store } = setup(2);
    engine.speakerGainsResult = [0, 0, 0, 0, 1, 0];
    store.getState().setMonitorOutput('binaural-5.1');
    store.getState().setSceneRotation(20); // the scene turned 20 degrees left
    store.getState().selectSource('b'); // at -30 degrees
    const call = engine.speakerGainsAsked.at(-1);
    expect(call?.outputId).toBe('binaural-5.1');
    // Heard from -30 + 20 = -10 degrees: x = sin(10 deg) (to the right), y = cos(10 deg).
    const direction = call!.direction;
    expect(direction.x).toBeCloseTo(Math.sin((10 * Math.PI) / 180), 12);
    expect(direction.y).toBeCloseTo(Math.cos((10 * Math.PI) / 180), 12);
    expect(direction.z).toBeCloseTo(0, 12);
    expect(store.getState().stageGains).toEqual({ sourceId: 'b', outputId: 'binaural-5.1', gains: [0, 0, 0, 0, 1, 0] });
  });

  it('asks for the gains with the selected source\'s extent as the inspector sets it (clamped to 360 degrees; 0 leaves the field out)', () => {
    const { engine, store } = setup(2);
    store.getState().setMonitorOutput('binaural-5.1');
    store.getState().selectSource('b');
    store.getState().setExtent('b', { width: 400, height: 30, depth: 0.5 });
    expect(engine.speakerGainsAsked.at(-1)?.values).toEqual({ width: 360, height: 30, depth: 0.5, diffuse: 0 });
    store.getState().setExtent('b', { width: 0 });
    expect(store.getState().scene.sources.find((s) => s.id === 'b')!.width).toBeUndefined();
    expect('width' in store.getState().scene.sources.find((s) => s.id === 'b')!).toBe(false);
  });

  it('asks again as the playhead moves a selected source with a timeline: its direction at the playhead\'s time', () => {
    const { engine, store } = setup(2);
    store.getState().setMonitorOutput('binaural-5.1');
    const scene = store.getState().scene;
    store.getState().replaceScene({
      ...scene,
      sources: scene.sources.map((s) =>
        s.id !== 'b' ? s : { ...s, timeline: [{ rtimeSec: 0, durationSec: 1, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 } }, { rtimeSec: 1, durationSec: 2, position: { azimuthDeg: 90, elevationDeg: 0, distanceM: 1 } }] },
      ),
    });
    store.getState().selectSource('b');
    store.getState().seek(2); // half way: azimuth 45, to the left (x < 0)
    const direction = engine.speakerGainsAsked.at(-1)!.direction;
    expect(direction.x).toBeCloseTo(-Math.SQRT1_2, 12);
    expect(direction.y).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('keeps a 7.1.4 monitor restored before audio starts (device unknown) and checks it once the AudioContext exists: kept on 12 outputs', async () => {
    const { engine, store } = setup(2);
    engine.deviceChannels = null;
    store.getState().loadView({ monitor: { outputId: '7.1.4', monoLaw: '-3dB' }, selectedSourceId: null, sidePanel: 'source' });
    expect(store.getState().monitor.outputId).toBe('7.1.4');
    expect(store.getState().monitorRefusal).toBeNull();
    engine.deviceChannels = 12;
    engine.emitStatus('ready');
    expect(store.getState().monitor.outputId).toBe('7.1.4');
    expect(store.getState().monitorRefusal).toBeNull();
    await vi.waitFor(() => expect(engine.loads.length).toBeGreaterThan(0));
  });

  it('refuses a monitor restored before audio starts once the AudioContext shows 2 outputs: binaural, with the reason and the offer', () => {
    const { engine, store } = setup(2);
    engine.deviceChannels = null;
    store.getState().loadView({ monitor: { outputId: '7.1.4', monoLaw: '-3dB' }, selectedSourceId: null, sidePanel: 'source' });
    engine.deviceChannels = 2;
    engine.emitStatus('ready');
    expect(store.getState().monitor.outputId).toBe('binaural');
    expect(store.getState().monitorRefusal?.message).toBe('This device has 2 outputs; 7.1.4 needs 12. Listen to 7.1.4 on headphones instead?');
  });
});
