import { useEffect } from 'react';
import type { StudioStore } from '../state/studioStore';
import { keyCommand } from './keyboardCommands';
import type { KeyCommand } from './keyboardCommands';

/** True when keys typed at `target` belong to it (text fields, selects, editable content). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    // Buttons-like inputs do not take text; ranges take arrows (handled by the slider itself).
    return !['button', 'checkbox', 'radio', 'color', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

/** Carries out one command on the store. Source commands act on the selected source. */
export function runKeyCommand(store: StudioStore, command: KeyCommand): void {
  const state = store.getState();
  const id = state.selectedSourceId;
  switch (command.kind) {
    case 'togglePlay':
      state.togglePlay();
      return;
    case 'undo':
      state.undo();
      return;
    case 'redo':
      state.redo();
      return;
    case 'deselect':
      state.selectSource(null);
      return;
    case 'toggleMute':
      if (id !== null) state.toggleMute(id);
      return;
    case 'toggleSolo':
      if (id !== null) state.toggleSolo(id);
      return;
    case 'removeSource':
      if (id !== null) state.removeSource(id);
      return;
    case 'nudge':
      if (id !== null) state.nudgeSource(id, command.delta);
      return;
  }
}

/**
 * Installs the studio's keyboard shortcuts (see keyCommand) on the window, ignored while
 * typing in a field. Space on a focused button plays/pauses instead of clicking it.
 */
export function useKeyboardShortcuts(store: StudioStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const command = keyCommand(event);
      if (command === null) return;
      event.preventDefault();
      runKeyCommand(store, command);
    };
    const onKeyUp = (event: KeyboardEvent): void => {
      // A button clicks on Space's keyup: keep it from toggling playback a second time.
      if (event.key === ' ' && !isTypingTarget(event.target)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [store]);
}
