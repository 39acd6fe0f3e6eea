import type { StudioState } from '../studioState';
import type { StudioStore } from '../studioStore';
import { autosaveSnapshot } from './autosaveRecord';
import type { SessionView } from './autosaveRecord';
import type { AutosaveStorage } from './autosaveStorage';
import { planAutosaveWrite } from './autosaveWritePlan';

/** Edits within this long of each other are saved once. */
const AUTOSAVE_DEBOUNCE_MS = 300;

export interface AutosaveOptions {
  readonly debounceMs?: number;
  /** Clock for the record's savedAtMs (default Date.now). */
  readonly nowMs?: () => number;
  /** Told when a save fails (once per run of failures). */
  readonly onError?: (error: unknown) => void;
  /** Told when a change waits to be saved ('pending'), when all are saved, and when a save failed. */
  readonly onStatus?: (status: AutosaveStatus) => void;
  /** Timers (default the global ones; tests pass fakes). */
  readonly timers?: {
    readonly setTimeout: (run: () => void, delayMs: number) => unknown;
    readonly clearTimeout: (handle: unknown) => void;
  };
}

export interface Autosaver {
  /** Saves a pending change now (the page is being hidden or closed); resolves when written (or the write failed). */
  flush(): Promise<void>;
  /** Saves the open session now, changed or not (e.g. before duplicating one never saved); resolves when written (or the write failed). */
  saveNow(): Promise<void>;
  /** Whether the last save failed. */
  readonly failing: boolean;
  /** Stops watching the store; a pending change is dropped. */
  dispose(): void;
}

/** What the autosaver tells the store about its saves. */
export type AutosaveStatus = 'saved' | 'pending' | 'failed';

/**
 * Saves the open session (scene, name, stem files, view) under its session id whenever it
 * changes, debounced: a change of the scene, its name, the stem files, the monitor, the
 * selection or the side panel schedules a save after debounceMs of quiet.
 * A save writes the record, and a stem file's bytes only when the storage lacks them (a
 * new or relinked file); stored stem files the session no longer refers to are deleted
 * (unless another session shares them). Another session opened (a new sessionId) is saved
 * as itself; the one before was flushed by whoever switched.
 */
export function startAutosave(store: StudioStore, storage: AutosaveStorage, options: AutosaveOptions = {}): Autosaver {
  const { debounceMs = AUTOSAVE_DEBOUNCE_MS, nowMs = Date.now, onError = () => {}, onStatus = () => {} } = options;
  const timers = options.timers ?? {
    setTimeout: (run: () => void, delayMs: number): unknown => setTimeout(run, delayMs),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let timer: unknown = null;
  let failing = false;
  let writes: Promise<void> = Promise.resolve();
  /** The stem keys the storage holds for the session storedFor; null when unknown (not read yet, or after a failed operation). */
  let storedStemKeys: Set<string> | null = null;
  let storedFor = store.getState().sessionId;

  /** Storage operations run in order. */
  const enqueue = (operation: () => Promise<void>): Promise<void> => {
    writes = writes.then(operation).then(
      () => {
        failing = false;
        if (timer === null) onStatus('saved');
      },
      (error: unknown) => {
        if (!failing) onError(error);
        failing = true;
        onStatus('failed');
      },
    );
    return writes;
  };
  const cancelPending = (): boolean => {
    if (timer === null) return false;
    timers.clearTimeout(timer);
    timer = null;
    return true;
  };
  /** The stored stem keys of `sessionId`, read from the storage when not known. */
  const knownStemKeys = async (sessionId: string): Promise<Set<string>> => {
    if (storedFor !== sessionId) {
      storedFor = sessionId;
      storedStemKeys = null;
    }
    return (storedStemKeys ??= new Set(await storage.stemKeys(sessionId)));
  };
  const save = (): Promise<void> => {
    const state = store.getState();
    const { sessionId } = state;
    const snapshot = autosaveSnapshot({ scene: state.scene, sceneName: state.sceneName, stemFiles: state.stemFiles, view: sessionViewFrom(state) }, nowMs());
    return enqueue(async () => {
      const write = planAutosaveWrite(sessionId, snapshot, await knownStemKeys(sessionId));
      storedStemKeys = null; // unknown until the write succeeds
      await storage.write(write);
      storedStemKeys = new Set(snapshot.stems.keys());
    });
  };
  // Read the stored stem keys now, so a save on page hide needs no read before its write.
  void enqueue(async () => {
    await knownStemKeys(storedFor);
  });

  const unsubscribe = store.subscribe((state: StudioState, previous: StudioState) => {
    const changed =
      state.scene !== previous.scene ||
      state.sceneName !== previous.sceneName ||
      state.stemFilesVersion !== previous.stemFilesVersion ||
      state.sessionId !== previous.sessionId ||
      state.monitor !== previous.monitor ||
      state.selectedSourceId !== previous.selectedSourceId ||
      state.sidePanel !== previous.sidePanel;
    if (!changed) return;
    cancelPending();
    onStatus('pending');
    timer = timers.setTimeout(() => {
      timer = null;
      void save();
    }, debounceMs);
  });

  return {
    flush() {
      return cancelPending() ? save() : writes;
    },
    saveNow() {
      cancelPending();
      return save();
    },
    get failing() {
      return failing;
    },
    dispose() {
      cancelPending();
      unsubscribe();
    },
  };
}

/** The view of the session saved with it. */
function sessionViewFrom(state: StudioState): SessionView {
  return { monitor: state.monitor, selectedSourceId: state.selectedSourceId, sidePanel: state.sidePanel };
}
