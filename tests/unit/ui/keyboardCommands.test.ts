import { describe, expect, it } from 'vitest';
import { keyCommand } from '../../../src/ui/keyboardCommands';
import type { KeyInput } from '../../../src/ui/keyboardCommands';
import { runKeyCommand } from '../../../src/ui/useKeyboardShortcuts';
import { createStudioStore } from '../../../src/state/studioStore';
import { testScene } from '../state/fakeEngine';

function key(k: string, modifiers: Partial<KeyInput> = {}): KeyInput {
  return { key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...modifiers };
}

describe('keyCommand', () => {
  it('maps the arrows to nudges: Left = azimuth +1 (to the left), Right = -1, Up/Down = distance +/-0.1 m', () => {
    expect(keyCommand(key('ArrowLeft'))).toEqual({ kind: 'nudge', delta: { azimuthDeg: 1 } });
    expect(keyCommand(key('ArrowRight'))).toEqual({ kind: 'nudge', delta: { azimuthDeg: -1 } });
    expect(keyCommand(key('ArrowUp'))).toEqual({ kind: 'nudge', delta: { distanceM: 0.1 } });
    expect(keyCommand(key('ArrowDown'))).toEqual({ kind: 'nudge', delta: { distanceM: -0.1 } });
  });

  it('maps Shift+Up/Down to elevation +/-1 degree', () => {
    expect(keyCommand(key('ArrowUp', { shiftKey: true }))).toEqual({ kind: 'nudge', delta: { elevationDeg: 1 } });
    expect(keyCommand(key('ArrowDown', { shiftKey: true }))).toEqual({ kind: 'nudge', delta: { elevationDeg: -1 } });
  });

  it('maps Space, M, S, Delete, Backspace and Escape', () => {
    expect(keyCommand(key(' '))).toEqual({ kind: 'togglePlay' });
    expect(keyCommand(key('m'))).toEqual({ kind: 'toggleMute' });
    expect(keyCommand(key('M', { shiftKey: true }))).toEqual({ kind: 'toggleMute' });
    expect(keyCommand(key('s'))).toEqual({ kind: 'toggleSolo' });
    expect(keyCommand(key('Delete'))).toEqual({ kind: 'removeSource' });
    expect(keyCommand(key('Backspace'))).toEqual({ kind: 'removeSource' });
    expect(keyCommand(key('Escape'))).toEqual({ kind: 'deselect' });
  });

  it('maps Ctrl/Cmd+Z to undo and Ctrl+Shift+Z, Ctrl+Y to redo', () => {
    expect(keyCommand(key('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(keyCommand(key('z', { metaKey: true }))).toEqual({ kind: 'undo' });
    expect(keyCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(keyCommand(key('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
  });

  it('leaves other keys and Ctrl or Alt combinations to the browser', () => {
    expect(keyCommand(key('s', { ctrlKey: true }))).toBe(null);
    expect(keyCommand(key('m', { altKey: true }))).toBe(null);
    expect(keyCommand(key('q'))).toBe(null);
    expect(keyCommand(key('Enter'))).toBe(null);
  });
});

describe('runKeyCommand', () => {
  it('nudges, mutes, solos and removes the selected source; undo reverts the last', () => {
    const store = createStudioStore({ engine: null, scene: testScene() });
    const run = (input: KeyInput): void => {
      const command = keyCommand(input);
      if (command !== null) runKeyCommand(store, command);
    };
    run(key('ArrowLeft')); // nothing selected: no effect
    expect(store.getState().history.past.length).toBe(0);
    store.getState().selectSource('a');
    run(key('ArrowLeft'));
    run(key('ArrowLeft'));
    run(key('ArrowRight'));
    run(key('ArrowUp'));
    run(key('ArrowUp', { shiftKey: true }));
    const a = () => store.getState().scene.sources.find((s) => s.id === 'a');
    expect(a()?.position).toEqual({ azimuthDeg: 31, elevationDeg: 1, distanceM: 2.1 });
    run(key('m'));
    run(key('s'));
    expect(a()?.mute).toBe(true);
    expect(a()?.solo).toBe(true);
    run(key('z', { ctrlKey: true }));
    expect(a()?.solo).toBe(false);
    run(key('Delete'));
    expect(a()).toBe(undefined);
    expect(store.getState().selectedSourceId).toBe(null);
    run(key(' '));
    expect(store.getState().transport.playing).toBe(true);
  });
});
