import { describe, expect, it } from 'vitest';
import { createStudioStore } from '../../../../src/state/studioStore';
import { createFakeEngine, testScene } from '../fakeEngine';

function setup() {
  const engine = createFakeEngine();
  const store = createStudioStore({ engine, scene: testScene() });
  engine.calls.length = 0;
  return { engine, store };
}

describe('meters and monitor solo slice', () => {
  it('starts with 0.3 s integration, the streaming target and no solo (the engine defaults, so nothing is sent)', () => {
    const { engine, store } = setup();
    expect(store.getState().meterSettings).toEqual({ integrationSec: 0.3, loudnessTarget: 'streaming' });
    expect(store.getState().monitorSolo).toEqual({ midSide: 'stereo', band: null });
    expect(engine.calls).toEqual([]);
  });

  it('sends each integration time change to the engine once, and refuses a time that is not a preset', () => {
    const { engine, store } = setup();
    store.getState().setIntegrationTime(3);
    store.getState().setIntegrationTime(3);
    store.getState().setIntegrationTime(1);
    expect(engine.calls).toEqual([
      { method: 'setMeterSettings', settings: { integrationSec: 3 } },
      { method: 'setMeterSettings', settings: { integrationSec: 1 } },
    ]);
    expect(() => store.getState().setIntegrationTime(2)).toThrow('meter integration time: expected one of 0.3, 1, 3 s, got 2');
    expect(store.getState().meterSettings.integrationSec).toBe(1);
  });

  it('keeps the loudness target in the store only (the panel compares), refusing unknown ids', () => {
    const { engine, store } = setup();
    store.getState().setLoudnessTarget('ebu-r128');
    expect(store.getState().meterSettings.loudnessTarget).toBe('ebu-r128');
    expect(engine.calls).toEqual([]);
    expect(() => store.getState().setLoudnessTarget('loud' as never)).toThrow(/loudness target: expected one of ebu-r128, streaming.*got loud/);
  });

  it('sends mid/side and band solo together, keeping the other half, and skips repeats', () => {
    const { engine, store } = setup();
    store.getState().setMidSideSolo('side');
    store.getState().soloMonitorBand({ lowerHz: 891, upperHz: 1122 });
    store.getState().soloMonitorBand({ lowerHz: 891, upperHz: 1122 });
    store.getState().setMidSideSolo('stereo');
    store.getState().soloMonitorBand(null);
    expect(engine.calls).toEqual([
      { method: 'setMonitorSolo', solo: { midSide: 'side', band: null } },
      { method: 'setMonitorSolo', solo: { midSide: 'side', band: { lowerHz: 891, upperHz: 1122 } } },
      { method: 'setMonitorSolo', solo: { midSide: 'stereo', band: { lowerHz: 891, upperHz: 1122 } } },
      { method: 'setMonitorSolo', solo: { midSide: 'stereo', band: null } },
    ]);
    // Monitoring is not a scene edit.
    expect(store.getState().history.past.length).toBe(0);
  });

  it('refuses a band with its edges the wrong way round or not finite, naming them, and keeps the solo', () => {
    const { engine, store } = setup();
    expect(() => store.getState().soloMonitorBand({ lowerHz: 4000, upperHz: 2000 })).toThrow('monitor solo band: expected finite edges with 0 < lowerHz < upperHz (Hz), got lowerHz 4000, upperHz 2000');
    expect(() => store.getState().soloMonitorBand({ lowerHz: Number.NaN, upperHz: 2000 })).toThrow(/got lowerHz NaN/);
    expect(() => store.getState().setMidSideSolo('left' as never)).toThrow(/mid\/side solo: expected 'stereo', 'mid' or 'side', got left/);
    expect(store.getState().monitorSolo).toEqual({ midSide: 'stereo', band: null });
    expect(engine.calls).toEqual([]);
  });

  it('passes resetLoudness to the engine, and runs without an engine', () => {
    const { engine, store } = setup();
    store.getState().resetLoudness();
    expect(engine.calls).toEqual([{ method: 'resetLoudness' }]);
    const silent = createStudioStore({ engine: null, scene: testScene() });
    silent.getState().setMidSideSolo('mid');
    silent.getState().resetLoudness();
    expect(silent.getState().monitorSolo.midSide).toBe('mid');
  });
});
