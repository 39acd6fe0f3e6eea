import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MID_SIDE_SETTINGS } from '../../../src/core/scene/midSideSettings';
import { createStudioStore } from '../../../src/state/studioStore';
import { createFakeEngine, testScene } from './fakeEngine';
import type { EngineCall } from './fakeEngine';

function setup() {
  const engine = createFakeEngine();
  const store = createStudioStore({ engine, scene: testScene() });
  return { engine, store };
}

describe('monitor', () => {
  it('sends the initial settings, then each change, to engine.setMonitor', () => {
    const { engine, store } = setup();
    store.getState().setMonitorOutput('stereo');
    store.getState().setMonitorOutput('mono');
    store.getState().setMonoLaw('-6dB');
    store.getState().setMonoLaw('-6dB'); // unchanged: not sent again
    expect(engine.calls).toEqual([
      { method: 'setMonitor', settings: { outputId: 'binaural', monoLaw: '-3dB' } },
      { method: 'setMonitor', settings: { outputId: 'stereo', monoLaw: '-3dB' } },
      { method: 'setMonitor', settings: { outputId: 'mono', monoLaw: '-3dB' } },
      { method: 'setMonitor', settings: { outputId: 'mono', monoLaw: '-6dB' } },
    ]);
    expect(store.getState().monitor).toEqual({ outputId: 'mono', monoLaw: '-6dB' });
    // Monitoring is not a scene edit.
    expect(store.getState().history.past.length).toBe(0);
  });
});

describe('transport', () => {
  it('plays, pauses, and stops back to 0', () => {
    const { engine, store } = setup();
    engine.calls.length = 0;
    store.getState().togglePlay();
    expect(store.getState().transport.playing).toBe(true);
    store.getState().togglePlay();
    expect(store.getState().transport.playing).toBe(false);
    store.getState().seek(12.5);
    store.getState().stop();
    expect(store.getState().transport.positionSec).toBe(0);
    expect(engine.calls.map((c) => c.method)).toEqual(['play', 'pause', 'seek', 'stop']);
  });

  it('mirrors the playhead into the store only on steps of 0.25 s or a play/pause change', () => {
    const { engine, store } = setup();
    let notifications = 0;
    store.subscribe(() => {
      notifications += 1;
    });
    engine.emitPlayhead({ positionSec: 0.0, playing: true }); // playing changed: mirrored
    for (let i = 1; i <= 9; i += 1) engine.emitPlayhead({ positionSec: i * 0.03, playing: true }); // up to 0.27 s
    expect(store.getState().live.positionSec).toBe(0.27);
    expect(store.getState().transport.positionSec).toBe(0.27);
    expect(notifications).toBe(2); // at 0 s and at 0.27 s (the first step >= 0.25 s)
    engine.emitPlayhead({ positionSec: 0.3, playing: true });
    expect(store.getState().live.positionSec).toBe(0.3);
    expect(store.getState().transport.positionSec).toBe(0.27);
    expect(notifications).toBe(2);
  });

  it('keeps meter frames in live values without notifying subscribers', () => {
    const { engine, store } = setup();
    let notifications = 0;
    store.subscribe(() => {
      notifications += 1;
    });
    const frame = { outputPeak: [0.5, 0.25], sourcePeak: new Map([['a', 0.125]]) };
    engine.emitMeters(frame);
    expect(store.getState().live.meters).toBe(frame);
    expect(notifications).toBe(0);
  });

  it('loops the whole session when no region is set, and stops to the loop start', () => {
    const { engine, store } = setup();
    store.getState().setDurationSec(32);
    engine.calls.length = 0;
    store.getState().toggleLoop();
    expect(store.getState().transport.loop).toEqual({ enabled: true, startSec: 0, endSec: 32 });
    store.getState().setLoopRegion(8, 16);
    store.getState().setLoopRegion(20, 10); // ignored: end before start
    store.getState().stop();
    expect(store.getState().transport.positionSec).toBe(8);
    store.getState().toggleLoop();
    expect(engine.calls).toEqual([
      { method: 'setLoop', region: { startSec: 0, endSec: 32 } },
      { method: 'setLoop', region: { startSec: 8, endSec: 16 } },
      { method: 'stop' },
      { method: 'setLoop', region: null },
    ]);
  });

  it('clamps seek to [0, duration]', () => {
    const { store } = setup();
    store.getState().setDurationSec(10);
    store.getState().seek(-3);
    expect(store.getState().transport.positionSec).toBe(0);
    store.getState().seek(99);
    expect(store.getState().transport.positionSec).toBe(10);
  });
});

describe('engine status', () => {
  it('follows the engine, and startAudio starts it', async () => {
    const { engine, store } = setup();
    expect(store.getState().engineStatus).toBe('needs-gesture');
    await store.getState().startAudio();
    expect(engine.calls.some((c) => c.method === 'start')).toBe(true);
    expect(store.getState().engineStatus).toBe('ready');
    engine.emitStatus('failed', 'device lost');
    expect(store.getState().engineStatus).toBe('failed');
    expect(store.getState().engineMessage).toBe('device lost');
    store.getState().detachEngine();
    engine.emitStatus('ready');
    expect(store.getState().engineStatus).toBe('failed');
  });
});

describe('engine becoming ready', () => {
  it('loads the scene into the new audio graph, then re-sends every source, the scene rotation, the master mid/side, the monitor, its solo, the monitor head, the meter settings and the loop, so edits made before audio started are heard', async () => {
    const { engine, store } = setup();
    store.getState().moveSource('a', { azimuthDeg: -45 });
    store.getState().setSceneRotation(-20);
    store.getState().setMonitorHead({ yawDeg: 35 });
    store.getState().setMasterMidSide({ widthPercent: 150 });
    store.getState().setMonitorOutput('stereo');
    store.getState().setMidSideSolo('side');
    store.getState().soloMonitorBand({ lowerHz: 200, upperHz: 2000 });
    store.getState().setIntegrationTime(3);
    engine.calls.length = 0;
    engine.emitStatus('starting');
    engine.emitStatus('ready');
    engine.emitStatus('ready'); // already ready: nothing more
    await vi.waitFor(() => expect(engine.calls.length).toBeGreaterThan(0));
    expect(engine.loads.map((load) => load.scene)).toEqual([store.getState().scene]);
    expect(engine.calls).toEqual([
      {
        method: 'updateSource',
        sourceId: 'a',
        params: { gainDb: 0, mute: false, solo: false, azimuthDeg: -45, elevationDeg: 0, distanceM: 2, spreadDeg: 60 },
      },
      {
        method: 'updateSource',
        sourceId: 'b',
        params: { gainDb: 0, mute: false, solo: false, azimuthDeg: -30, elevationDeg: 0, distanceM: 2, spreadDeg: 60 },
      },
      {
        method: 'updateSource',
        sourceId: 'c',
        params: { gainDb: 0, mute: false, solo: false, azimuthDeg: 180, elevationDeg: 10, distanceM: 3, spreadDeg: 60 },
      },
      { method: 'setListener', orientation: { yawDeg: 20, pitchDeg: 0, rollDeg: 0 } },
      { method: 'setMasterMidSide', settings: { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 150 } },
      { method: 'setMonitor', settings: { outputId: 'stereo', monoLaw: '-3dB' } },
      { method: 'setMonitorSolo', solo: { midSide: 'side', band: { lowerHz: 200, upperHz: 2000 } } },
      { method: 'setSpeakerSolo', label: null },
      { method: 'setMonitorHead', orientation: { yawDeg: 35, pitchDeg: 0, rollDeg: 0 } },
      { method: 'setMeterSettings', settings: { integrationSec: 3 } },
      { method: 'setLoop', region: null },
    ]);
  });

  it('after a reload of the scene into the engine, re-sends the master mid/side, the monitor solo and the meter settings the store holds', async () => {
    const { engine, store } = setup();
    store.getState().setMasterMidSide({ bassMono: true });
    store.getState().setMidSideSolo('mid');
    store.getState().setIntegrationTime(1);
    engine.calls.length = 0;
    await store.getState().reloadEngine();
    expect(engine.loads.length).toBe(1);
    const sent = (method: EngineCall['method']) => engine.calls.filter((c) => c.method === method);
    expect(sent('setMasterMidSide')).toEqual([{ method: 'setMasterMidSide', settings: { ...DEFAULT_MID_SIDE_SETTINGS, bassMono: true } }]);
    expect(sent('setMonitorSolo')).toEqual([{ method: 'setMonitorSolo', solo: { midSide: 'mid', band: null } }]);
    expect(sent('setMeterSettings')).toEqual([{ method: 'setMeterSettings', settings: { integrationSec: 1 } }]);
  });
});

describe('transport settle time', () => {
  it('ignores stale "not playing" frames for 500 ms after play, then follows the engine', () => {
    const engine = createFakeEngine('ready');
    let nowMs = 1000;
    const store = createStudioStore({ engine, scene: testScene(), nowMs: () => nowMs });
    store.getState().play();
    nowMs = 1100; // 100 ms later the engine still reports the state before the play message
    engine.emitPlayhead({ positionSec: 0, playing: false });
    expect(store.getState().transport.playing).toBe(true);
    nowMs = 1499;
    engine.emitPlayhead({ positionSec: 0, playing: false });
    expect(store.getState().transport.playing).toBe(true);
    nowMs = 1500; // settled: the engine stopped on its own (e.g. the end of the session)
    engine.emitPlayhead({ positionSec: 32, playing: false });
    expect(store.getState().transport.playing).toBe(false);
    expect(store.getState().transport.positionSec).toBe(32);
  });

  it('plays when the engine becomes ready if Play was pressed while it was starting', async () => {
    const engine = createFakeEngine('starting');
    const store = createStudioStore({ engine, scene: testScene(), nowMs: () => 0 });
    store.getState().play();
    engine.calls.length = 0;
    engine.emitStatus('ready');
    await vi.waitFor(() => expect(engine.calls[engine.calls.length - 1]).toEqual({ method: 'play' }));
  });
});
