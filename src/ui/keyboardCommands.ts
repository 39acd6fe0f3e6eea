import type { PositionPatch } from '../state/sceneEdits';

/** What a key press asks the studio to do. */
export type KeyCommand =
  | { readonly kind: 'togglePlay' }
  | { readonly kind: 'toggleMute' }
  | { readonly kind: 'toggleSolo' }
  | { readonly kind: 'removeSource' }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' }
  | { readonly kind: 'deselect' }
  | { readonly kind: 'nudge'; readonly delta: PositionPatch };

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

const NUDGE_AZIMUTH_DEG = 1;
const NUDGE_ELEVATION_DEG = 1;
const NUDGE_DISTANCE_M = 0.1;

/**
 * The studio's shortcuts (pure, so the mapping is testable without a DOM):
 *   Space play/pause; M mute and S solo the selected source; Delete or Backspace removes it;
 *   Escape deselects; Ctrl/Cmd+Z undo; Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo;
 *   Left/Right: azimuth +1/-1 degree (Left moves the source to the LEFT: ADM azimuth grows);
 *   Up/Down: distance +0.1/-0.1 m; Shift+Up/Down: elevation +1/-1 degree.
 * Alt combinations and other modifier combinations are left to the browser.
 */
export function keyCommand(input: KeyInput): KeyCommand | null {
  if (input.altKey) return null;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (input.ctrlKey || input.metaKey) {
    if (key === 'z') return { kind: input.shiftKey ? 'redo' : 'undo' };
    if (key === 'y' && !input.shiftKey) return { kind: 'redo' };
    return null;
  }
  switch (key) {
    case ' ':
      return { kind: 'togglePlay' };
    case 'm':
      return { kind: 'toggleMute' };
    case 's':
      return { kind: 'toggleSolo' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'removeSource' };
    case 'Escape':
      return { kind: 'deselect' };
    case 'ArrowLeft':
      return { kind: 'nudge', delta: { azimuthDeg: NUDGE_AZIMUTH_DEG } };
    case 'ArrowRight':
      return { kind: 'nudge', delta: { azimuthDeg: -NUDGE_AZIMUTH_DEG } };
    case 'ArrowUp':
      return { kind: 'nudge', delta: input.shiftKey ? { elevationDeg: NUDGE_ELEVATION_DEG } : { distanceM: NUDGE_DISTANCE_M } };
    case 'ArrowDown':
      return { kind: 'nudge', delta: input.shiftKey ? { elevationDeg: -NUDGE_ELEVATION_DEG } : { distanceM: -NUDGE_DISTANCE_M } };
    default:
      return null;
  }
}
