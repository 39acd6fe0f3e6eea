import type { StudioState } from '../studioState';
import type { StudioStore } from '../studioStore';
import { autosaveRecord } from './autosaveRecord';
import type { AutosaveStorage } from './autosaveStorage';

/** Edits within this long of each other are saved once. */
export const AUTOSAVE_DEBOUNCE_MS = 300;

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
  const save = (): Promise<void> => {
    const { scene, sceneName, stemFiles } = store.getState();
    const record = autosaveRecord({ scene, sceneName, stemFiles }, nowMs());
    return enqueue(() => storage.write(record));
  };

  const unsubscribe = store.subscribe((state: StudioState, previous: StudioState) => {
    if (state.sessionEpoch !== previous.sessionEpoch) {
      cancelPending();
      void enqueue(() => storage.clear());
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
