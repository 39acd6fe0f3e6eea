import type { StudioState } from '../studioState';
import type { StudioStore } from '../studioStore';
import { autosaveSnapshot } from './autosaveRecord';
import type { AutosaveStorage } from './autosaveStorage';
import { planAutosaveWrite } from './autosaveWritePlan';

/** Edits within this long of each other are saved once. */
const AUTOSAVE_DEBOUNCE_MS = 300;

export interface AutosaveOptions {
  readonly debounceMs?: number;
  /** Clock for the record's savedAtMs (default Date.now). */
  readonly nowMs?: () => number;
  /** Told when a save or clear fails (once per run of failures). */
  readonly onError?: (error: unknown) => void;
  /** Timers (default the global ones; tests pass fakes). */
  readonly timers?: {
    readonly setTimeout: (run: () => void, delayMs: number) => unknown;
    readonly clearTimeout: (handle: unknown) => void;
  };
}

export interface Autosaver {
  /** Saves a pending change now (the page is being hidden or closed); resolves when written. */
  flush(): Promise<void>;
  /** Stops watching the store; a pending change is dropped. */
  dispose(): void;
}

/**
 * Saves the session (scene, name, stem files) whenever it changes, debounced: a change of
 * the scene, its name or the stem files schedules a save after debounceMs of quiet.
 * A save writes the record, and a stem file's bytes only when the storage lacks them (a
 * new or relinked file); stored stem files the session no longer refers to are deleted.
 * Loading, meters, selection and transport are not saved. newSession() (a new
 * sessionEpoch) clears the record instead, so the next start opens the demo afresh.
 */
export function startAutosave(store: StudioStore, storage: AutosaveStorage, options: AutosaveOptions = {}): Autosaver {
  const { debounceMs = AUTOSAVE_DEBOUNCE_MS, nowMs = Date.now, onError = () => {} } = options;
  const timers = options.timers ?? {
    setTimeout: (run: () => void, delayMs: number): unknown => setTimeout(run, delayMs),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let timer: unknown = null;
  let failing = false;
  let writes: Promise<void> = Promise.resolve();
  /** The stem keys the storage holds; null when unknown (not read yet, or after a failed operation). */
  let storedStemKeys: Set<string> | null = null;

  /** Storage operations run in order, so a clear never overtakes an earlier save. */
  const enqueue = (operation: () => Promise<void>): Promise<void> => {
    writes = writes.then(operation).then(
      () => {
        failing = false;
      },
      (error: unknown) => {
        if (!failing) onError(error);
        failing = true;
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
  /** The stored stem keys, read from the storage when not known. */
  const knownStemKeys = async (): Promise<Set<string>> => (storedStemKeys ??= new Set(await storage.stemKeys()));
  const save = (): Promise<void> => {
    const { scene, sceneName, stemFiles } = store.getState();
    const snapshot = autosaveSnapshot({ scene, sceneName, stemFiles }, nowMs());
    return enqueue(async () => {
      const write = planAutosaveWrite(snapshot, await knownStemKeys());
      storedStemKeys = null; // unknown until the write succeeds
      await storage.write(write);
      storedStemKeys = new Set(snapshot.stems.keys());
    });
  };
  const clear = (): Promise<void> =>
    enqueue(async () => {
      storedStemKeys = null;
      await storage.clear();
      storedStemKeys = new Set();
    });
  // Read the stored stem keys now, so a save on page hide needs no read before its write.
  void enqueue(async () => {
    await knownStemKeys();
  });

  const unsubscribe = store.subscribe((state: StudioState, previous: StudioState) => {
    if (state.sessionEpoch !== previous.sessionEpoch) {
      cancelPending();
      void clear();
      return;
    }
    const changed =
      state.scene !== previous.scene || state.sceneName !== previous.sceneName || state.stemFilesVersion !== previous.stemFilesVersion;
    if (!changed) return;
    cancelPending();
    timer = timers.setTimeout(() => {
      timer = null;
      void save();
    }, debounceMs);
  });

  return {
    flush() {
      return cancelPending() ? save() : writes;
    },
    dispose() {
      cancelPending();
      unsubscribe();
    },
  };
}
