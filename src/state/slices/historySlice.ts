import type { Scene } from '../../core/scene/scene';
import { syncEngine } from '../engineSync';
import { isSelectable } from '../sceneEdits';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

/**
 * Undo and redo by snapshots of the immutable Scene. Every scene edit outside a gesture is
 * one step; a gesture (a drag of a source, a fader or a slider) is one step however many
 * edits it makes: beginGesture() remembers the scene, the edits change it without history,
 * commitGesture() records the remembered scene as one step (none if nothing changed).
 * The monitor (its output, M/S and band solo, and head), selection and transport are not
 * scene edits and have no undo.
 */
export interface HistoryState {
  /** Older scenes, oldest first. */
  readonly past: readonly Scene[];
  /** Undone scenes, the next redo last. */
  readonly future: readonly Scene[];
  /** The scene when the open gesture began, or null when no gesture is open. */
  readonly gestureStart: Scene | null;
}

export interface HistorySlice {
  readonly history: HistoryState;
  /** Steps back one edit (no-op while a gesture is open or with nothing to undo). */
  undo(): void;
  /** Re-applies the last undone edit (no-op while a gesture is open or with nothing to redo). */
  redo(): void;
  /** Opens a gesture: until commitGesture, scene edits make no undo steps. A second begin is ignored. */
  beginGesture(): void;
  /** Closes the gesture: one undo step if the scene changed since beginGesture. */
  commitGesture(): void;
  /** Closes the gesture and restores the scene it began with. */
  cancelGesture(): void;
}

export const DEFAULT_HISTORY_DEPTH = 200;

export const EMPTY_HISTORY: HistoryState = { past: [], future: [], gestureStart: null };

/**
 * Makes `next` the current scene: records an undo step (unless a gesture is open), forwards
 * the differences to the engine, and clears a selection whose source no longer exists.
 * The one way scene edits reach the store.
 */
export function commitSceneEdit(set: SetStudioState, get: GetStudioState, context: StudioContext, next: Scene): void {
  const state = get();
  const previous = state.scene;
  if (next === previous) return;
  const { history } = state;
  const nextHistory =
    history.gestureStart !== null ? history : { past: pushCapped(history.past, previous, context.historyDepth), future: [], gestureStart: null };
  set({ scene: next, history: nextHistory, ...selectionAfter(state.selectedSourceId, next) });
  syncEngine(context, previous, next);
}

/**
 * Makes `next`, a whole new scene (a scene file opened), the current scene as one undo
 * step, without telling the engine: the caller reloads it. Closes an open gesture.
 */
export function commitSceneReplacement(set: SetStudioState, get: GetStudioState, context: StudioContext, next: Scene): void {
  const state = get();
  if (next === state.scene) return;
  const history = { past: pushCapped(state.history.past, state.scene, context.historyDepth), future: [], gestureStart: null };
  set({ scene: next, history, ...selectionAfter(state.selectedSourceId, next) });
}

export function createHistorySlice(set: SetStudioState, get: GetStudioState, context: StudioContext): HistorySlice {
  const restore = (next: Scene, history: HistoryState): void => {
    const state = get();
    set({ scene: next, history, ...selectionAfter(state.selectedSourceId, next) });
    syncEngine(context, state.scene, next);
  };
  return {
    history: EMPTY_HISTORY,
    undo() {
      const { history, scene } = get();
      const target = history.past[history.past.length - 1];
      if (history.gestureStart !== null || target === undefined) return;
      restore(target, { past: history.past.slice(0, -1), future: [...history.future, scene], gestureStart: null });
    },
    redo() {
      const { history, scene } = get();
      const target = history.future[history.future.length - 1];
      if (history.gestureStart !== null || target === undefined) return;
      restore(target, {
        past: pushCapped(history.past, scene, context.historyDepth),
        future: history.future.slice(0, -1),
        gestureStart: null,
      });
    },
    beginGesture() {
      const { history, scene } = get();
      if (history.gestureStart !== null) return;
      set({ history: { ...history, gestureStart: scene } });
    },
    commitGesture() {
      const { history, scene } = get();
      const start = history.gestureStart;
      if (start === null) return;
      if (start === scene) {
        set({ history: { ...history, gestureStart: null } });
        return;
      }
      set({ history: { past: pushCapped(history.past, start, context.historyDepth), future: [], gestureStart: null } });
    },
    cancelGesture() {
      const { history } = get();
      const start = history.gestureStart;
      if (start === null) return;
      restore(start, { ...history, gestureStart: null });
    },
  };
}

function pushCapped(past: readonly Scene[], scene: Scene, depth: number): readonly Scene[] {
  const next = [...past, scene];
  return next.length > depth ? next.slice(next.length - depth) : next;
}

function selectionAfter(selectedSourceId: string | null, scene: Scene): { selectedSourceId?: null } {
  if (selectedSourceId === null || isSelectable(scene, selectedSourceId)) return {};
  return { selectedSourceId: null };
}
