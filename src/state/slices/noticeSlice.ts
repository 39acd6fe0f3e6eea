import type { SetStudioState, GetStudioState } from '../studioContext';

/** A message for the user beside the error banner: refused stem files, a scene's warnings, a deleted session to bring back. */
export interface Notice {
  readonly id: number;
  readonly tone: 'error' | 'warning' | 'info';
  readonly title: string;
  /** One line per item (a file and what was wrong with it, a warning). */
  readonly lines: readonly string[];
  /** A button beside the dismiss button (e.g. "Undo delete"); running it dismisses the notice. */
  readonly action?: { readonly label: string; readonly run: () => void };
}

export type NoticeContent = Omit<Notice, 'id'>;

/**
 * The studio's messages for the user, each until dismissed: the error banner (a file that
 * could not be opened, an autosave that could not be restored: one at a time) and the
 * notices (any number, newest last).
 */
export interface NoticeSlice {
  /** The message shown in the error banner, or null. */
  readonly errorNotice: string | null;
  readonly notices: readonly Notice[];
  /** Shows `message` in the error banner (replacing an earlier one). */
  showError(message: string): void;
  dismissError(): void;
  /** Adds a notice; returns its id. */
  showNotice(notice: NoticeContent): number;
  dismissNotice(id: number): void;
}

export function createNoticeSlice(set: SetStudioState, get: GetStudioState): NoticeSlice {
  let nextId = 1;
  return {
    errorNotice: null,
    notices: [],
    showError(message) {
      set({ errorNotice: message });
    },
    dismissError() {
      set({ errorNotice: null });
    },
    showNotice(notice) {
      const id = nextId++;
      set({ notices: [...get().notices, { ...notice, id }] });
      return id;
    },
    dismissNotice(id) {
      const { notices } = get();
      if (notices.some((n) => n.id === id)) set({ notices: notices.filter((n) => n.id !== id) });
    },
  };
}
