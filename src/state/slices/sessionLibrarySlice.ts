import type { AutosaveStatus, Autosaver } from '../autosave/autosaver';
import type { AutosaveStorage, SessionSummary } from '../autosave/autosaveStorage';
import { errorText, restoreAutosavedSession } from '../autosave/restoreSession';
import { newSessionId } from '../autosave/sessionIds';
import type { GetStudioState, SetStudioState } from '../studioContext';

/** A question before something replaces the open session's unsaved work. */
export interface Confirmation {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  /** Goes on with the action (the user confirmed). */
  readonly run: () => void;
  /** Drops the action (the user cancelled). */
  readonly cancel: () => void;
}

/** 'off': no session storage (no IndexedDB), so nothing is kept past this page. */
export type SessionSaveState = AutosaveStatus | 'off';

/** How long "Undo delete" is offered (ms); the deleted session is kept until the next delete anyway. */
export const UNDO_DELETE_NOTICE_MS = 20_000;

/**
 * The sessions stored in the browser: the list, opening one, and renaming, duplicating and
 * deleting them (a delete can be undone), and whether the open one is saved. Anything that
 * replaces the open session first saves it; when that is impossible (no storage, or the
 * save failed) it asks (confirmation) before going on.
 */
export interface SessionLibrarySlice {
  readonly sessions: readonly SessionSummary[];
  readonly saveState: SessionSaveState;
  /** Why the last save failed, for the user; null when saving works. */
  readonly saveProblem: string | null;
  readonly confirmation: Confirmation | null;
  /** Connects the storage and the autosaver (main.tsx, once both exist), and lists the sessions. */
  connectSessionStorage(storage: AutosaveStorage, autosaver: Autosaver): Promise<void>;
  /** The autosaver's reports (see AutosaveOptions.onStatus and onError). */
  setSaveState(state: SessionSaveState, problem?: string): void;
  refreshSessions(): Promise<void>;
  /**
   * Runs `run` once the open session is saved, or after the user confirms losing its
   * unsaved work; resolves true when it ran, false when the user cancelled. `what` names
   * the action ("New session").
   */
  replaceOpenSession(what: string, run: () => void): Promise<boolean>;
  answerConfirmation(confirmed: boolean): void;
  /** New session, after replaceOpenSession. */
  startNewSession(): Promise<void>;
  /** Opens the stored session `sessionId`, after replaceOpenSession. */
  openSession(sessionId: string): Promise<void>;
  renameSession(sessionId: string, name: string): Promise<void>;
  /** Stores a copy named "<name> copy" (the open session is saved first). */
  duplicateSession(sessionId: string): Promise<void>;
  /** Deletes a stored session other than the open one, with an "Undo delete" notice. */
  deleteSession(sessionId: string): Promise<void>;
  undoDeleteSession(): Promise<void>;
}

export function createSessionLibrarySlice(set: SetStudioState, get: GetStudioState): SessionLibrarySlice {
  let storage: AutosaveStorage | null = null;
  let autosaver: Autosaver | null = null;

  /** Runs a storage operation; a failure becomes the error banner and false. */
  const attempt = async (what: string, operation: (storage: AutosaveStorage) => Promise<void>): Promise<boolean> => {
    if (storage === null) {
      get().showError(`${what}: this browser keeps no sessions (IndexedDB is unavailable)`);
      return false;
    }
    try {
      await operation(storage);
      return true;
    } catch (error) {
      get().showError(`${what}: ${errorText(error)}`);
      return false;
    }
  };
  const saveOpenSession = async (): Promise<void> => {
    await autosaver?.flush();
  };

  return {
    sessions: [],
    saveState: 'off',
    saveProblem: null,
    confirmation: null,
    async connectSessionStorage(nextStorage, nextAutosaver) {
      storage = nextStorage;
      autosaver = nextAutosaver;
      if (get().saveState === 'off') set({ saveState: 'saved' });
      await get().refreshSessions();
    },
    setSaveState(state, problem) {
      const saveProblem = state === 'saved' ? null : (problem ?? get().saveProblem);
      // 'pending' comes with every edit (every drag event): change the store only when something changed.
      if (state !== get().saveState || saveProblem !== get().saveProblem) set({ saveState: state, saveProblem });
      if (state === 'saved') void get().refreshSessions();
    },
    async refreshSessions() {
      if (storage === null) return;
      try {
        set({ sessions: await storage.list() });
      } catch {
        // The list stays as it was; the save's own failure is what the user is told.
      }
    },
    async replaceOpenSession(what, run) {
      await saveOpenSession();
      const { saveState, saveProblem } = get();
      if (saveState === 'saved') {
        run();
        return true;
      }
      const why =
        saveState === 'off'
          ? 'This browser keeps no sessions (IndexedDB is unavailable), so the open session is not saved anywhere.'
          : `The open session's latest changes could not be saved${saveProblem === null ? '' : ` (${saveProblem})`}.`;
      return new Promise<boolean>((resolve) => {
        set({
          confirmation: {
            title: `${what}: the open session has unsaved work`,
            message: `${why} ${what} replaces it, and that work will be lost. Export or save the scene first to keep it.`,
            confirmLabel: `${what} anyway`,
            run: () => {
              run();
              resolve(true);
            },
            cancel: () => resolve(false),
          },
        });
      });
    },
    answerConfirmation(confirmed) {
      const { confirmation } = get();
      if (confirmation === null) return;
      set({ confirmation: null });
      if (confirmed) confirmation.run();
      else confirmation.cancel();
    },
    async startNewSession() {
      await get().replaceOpenSession('New session', () => get().newSession());
    },
    async openSession(sessionId) {
      if (sessionId === get().sessionId || storage === null) return;
      const from = storage;
      await get().replaceOpenSession('Open session', () => {
        void restoreAutosavedSession(from, sessionId).then((result) => {
          if (result.kind === 'restored') get().loadSession(result.sessionId, result.session);
          else get().showError(`The session could not be opened: ${result.kind === 'none' ? 'it is no longer stored' : result.message}`);
        });
      });
    },
    async renameSession(sessionId, name) {
      if (sessionId === get().sessionId) {
        get().setSceneName(name);
        return;
      }
      if (name.trim() === '') return;
      if (await attempt('Renaming the session', (s) => s.rename(sessionId, name.trim()))) await get().refreshSessions();
    },
    async duplicateSession(sessionId) {
      const neverSaved = sessionId === get().sessionId && !get().sessions.some((s) => s.sessionId === sessionId);
      await (neverSaved ? autosaver?.saveNow() : saveOpenSession());
      const name = get().sessions.find((s) => s.sessionId === sessionId)?.name ?? get().sceneName;
      if (await attempt('Duplicating the session', (s) => s.duplicate(sessionId, newSessionId(), `${name} copy`))) await get().refreshSessions();
    },
    async deleteSession(sessionId) {
      if (sessionId === get().sessionId) return;
      const name = get().sessions.find((s) => s.sessionId === sessionId)?.name ?? 'the session';
      if (!(await attempt('Deleting the session', (s) => s.delete(sessionId)))) return;
      await get().refreshSessions();
      const noticeId = get().showNotice({
        tone: 'info',
        title: `Deleted "${name}"`,
        lines: ['It is kept until you delete another session.'],
        action: { label: 'Undo delete', run: () => void get().undoDeleteSession() },
      });
      setTimeout(() => get().dismissNotice(noticeId), UNDO_DELETE_NOTICE_MS);
    },
    async undoDeleteSession() {
      if (await attempt('Bringing the session back', (s) => s.restoreDeleted().then(() => undefined))) await get().refreshSessions();
    },
  };
}
