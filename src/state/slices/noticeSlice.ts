import type { SetStudioState } from '../studioContext';

/** One dismissable message for the user: a file that could not be opened, an autosave that could not be restored. */
export interface NoticeSlice {
  /** The message shown in the error banner, or null. */
  readonly errorNotice: string | null;
  /** Shows `message` in the error banner (replacing an earlier one). */
  showError(message: string): void;
  dismissError(): void;
}

export function createNoticeSlice(set: SetStudioState): NoticeSlice {
  return {
    errorNotice: null,
    showError(message) {
      set({ errorNotice: message });
    },
    dismissError() {
      set({ errorNotice: null });
    },
  };
}
