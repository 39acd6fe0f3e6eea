import type { AutosaveRecord } from './autosaveRecord';

/** Where the autosave record lives: one record under one key (IndexedDB in the browser, memory in tests). */
export interface AutosaveStorage {
  /** The stored value as it is (validate it with sessionFromAutosave), or undefined when there is none. */
  read(): Promise<unknown>;
  write(record: AutosaveRecord): Promise<void>;
  clear(): Promise<void>;
}
