import { describe, expect, it } from 'vitest';
import { ROOM_HEADPHONES_ID, ROOM_OUTPUT_ID, monitorChoices, monitorOutput } from '../../../src/core/outputs/monitorOutputs';
import { parseUserLayoutJson } from '../../../src/core/userLayout';
import { sessionViewOf } from '../../../src/state/autosave/sessionView';
import { errorLines } from '../../../src/state/errorLines';
import { createStudioStore } from '../../../src/state/studioStore';
import { createFakeEngine, testScene } from './fakeEngine';

/** tests/fixtures/layouts/studio-b-7.1.4.json's room (this project's store tests have no file system). */
const TEXT = JSON.stringify(
  {
    name: 'Studio B (7.1.4, measured)',
    baseLayout: '4+7+0',
    speakers: [
      { label: 'M+030', azimuthDeg: 33, elevationDeg: 0 },
      { label: 'M-030', azimuthDeg: -31, elevationDeg: 0 },
      { label: 'M+000', azimuthDeg: 0, elevationDeg: 0 },
      { label: 'LFE1' },
      { label: 'M+090', azimuthDeg: 95, elevationDeg: 0 },
      { label: 'M-090', azimuthDeg: -100, elevationDeg: 0 },
      { label: 'M+135', azimuthDeg: 140, elevationDeg: 0 },
      { label: 'M-135', azimuthDeg: -128, elevationDeg: 0 },
      { label: 'U+045', azimuthDeg: 40, elevationDeg: 35 },
      { label: 'U-045', azimuthDeg: -42, elevationDeg: 38 },
      { label: 'U+135', azimuthDeg: 125, elevationDeg: 40 },
      { label: 'U-135', azimuthDeg: -140, elevationDeg: 33 },
    ],
  },
  null,
  2,
);

function setup(deviceChannels: number) {
  const engine = createFakeEngine();
  engine.deviceChannels = deviceChannels;
  const store = createStudioStore({ engine, scene: testScene() });
  engine.calls.length = 0;
  return { engine, store };
}

describe('a room layout in the monitor (store)', () => {
  it('loads Studio B and monitors it on a 12-output device: the room\'s choices are offered, the engine gets the room', () => {
    const { engine, store } = setup(12);
    expect(store.getState().loadRoomLayout('studio-b-7.1.4.json', TEXT)).toBe(true);
    const { monitor } = store.getState();
    expect(monitor.outputId).toBe(ROOM_OUTPUT_ID);
    expect(monitor.room?.layout.roomName).toBe('Studio B (7.1.4, measured)');
    expect(monitorChoices(monitor.room!.layout).filter((c) => c.id === ROOM_OUTPUT_ID || c.id === ROOM_HEADPHONES_ID).map((c) => c.label)).toEqual([
      'Studio B (7.1.4, measured) (4+7+0)',
      'Studio B (7.1.4, measured) on headphones',
    ]);
    const sent = engine.calls.filter((c) => c.method === 'setMonitor').at(-1);
    expect(sent).toMatchObject({ settings: { outputId: ROOM_OUTPUT_ID, room: { fileName: 'studio-b-7.1.4.json' } } });
    // The room's output plays its base layout's channels at the room's angles: M+090 at 95 degrees.
    const output = monitorOutput(ROOM_OUTPUT_ID, '-3dB', monitor.room!.layout);
    expect(output.kind === 'loudspeakers' && output.layout.channels[4]).toMatchObject({ label: 'M+090', azimuthDeg: 95 });
  });

  it('refuses the room on a 2-output device and offers the room (not its base layout) on headphones', () => {
    const { store } = setup(2);
    store.getState().loadRoomLayout('studio-b-7.1.4.json', TEXT);
    expect(store.getState().monitor.outputId).toBe('binaural');
    expect(store.getState().monitorRefusal).toEqual({
      outputId: ROOM_OUTPUT_ID,
      message: 'This device has 2 outputs; Studio B (7.1.4, measured) needs 12. Listen to Studio B (7.1.4, measured) on headphones instead?',
      headphonesId: ROOM_HEADPHONES_ID,
    });
    store.getState().setMonitorOutput(ROOM_HEADPHONES_ID);
    expect(store.getState().monitor.outputId).toBe(ROOM_HEADPHONES_ID);
  });

  it('shows the reader\'s message for a bad file and changes nothing', () => {
    const { store } = setup(12);
    const bad = TEXT.replace('"azimuthDeg": 33', '"azimuthDeg": 50');
    const before = store.getState().monitor;
    expect(store.getState().loadRoomLayout('bad-room.json', bad)).toBe(false);
    let expected = '';
    try {
      parseUserLayoutJson(bad, 'bad-room.json');
    } catch (error) {
      expected = errorLines(error).join('\n');
    }
    expect(expected).toContain('bad-room.json');
    expect(expected).toContain('M+030 at azimuth 50 is outside its BS.2051 range');
    expect(store.getState().errorNotice).toBe(expected);
    expect(store.getState().monitor).toBe(before);
  });

  it('keeps the room in the session\'s view: the stored view reads back (the text read again) and restores the room monitored', () => {
    const { store } = setup(12);
    store.getState().loadRoomLayout('studio-b-7.1.4.json', TEXT);
    const stored = structuredClone({ monitor: store.getState().monitor, selectedSourceId: null, sidePanel: 'source' });
    const view = sessionViewOf(stored);
    expect(view?.monitor.outputId).toBe(ROOM_OUTPUT_ID);
    expect(view?.monitor.room?.layout.roomName).toBe('Studio B (7.1.4, measured)');
    const other = setup(12).store;
    other.getState().loadView(view!);
    expect(other.getState().monitor.outputId).toBe(ROOM_OUTPUT_ID);
    expect(other.getState().monitor.room?.text).toBe(TEXT);
    // A stored room whose text no longer reads is dropped, and with it a view that monitored it.
    expect(sessionViewOf({ ...stored, monitor: { ...stored.monitor, room: { fileName: 'x.json', text: '{' } } })).toBeUndefined();
  });
});
