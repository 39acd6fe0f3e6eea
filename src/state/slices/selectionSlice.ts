import { isSelectable } from '../sceneEdits';
import type { GetStudioState, SetStudioState } from '../studioContext';

/** The selected source (the inspector's subject, the keyboard's target), or bed or HOA stem (a mono check finding's: its mixer strip). */
export interface SelectionSlice {
  readonly selectedSourceId: string | null;
  /** Selects a source, bed or HOA stem by id, or nothing with null; an unknown id selects nothing. */
  selectSource(id: string | null): void;
}

export function createSelectionSlice(set: SetStudioState, get: GetStudioState): SelectionSlice {
  return {
    selectedSourceId: null,
    selectSource(id) {
      const known = id !== null && isSelectable(get().scene, id);
      const next = known ? id : null;
      if (get().selectedSourceId !== next) set({ selectedSourceId: next });
    },
  };
}
