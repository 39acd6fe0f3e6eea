import type { AutosaveRecord } from './autosaveRecord';

/** What the storage holds, as it is (validate it with sessionFromAutosave). */
export interface StoredAutosave {
  readonly record: unknown;
  /** The stored stem files by stem key (values unvalidated). */
  readonly stems: ReadonlyMap<string, unknown>;
}

/** One save: the record, the stem files to add, and the stored stem files no longer needed. */
export interface AutosaveWrite {
  readonly record: AutosaveRecord;
  /** Stem files by stem key, written only when new to the storage. */
  readonly putStems: ReadonlyMap<string, Blob>;
  readonly deleteStemKeys: readonly string[];
}

/**
 * Where the autosave lives (IndexedDB in the browser, memory in tests): one record, which
 * refers to stem files stored beside it by stem key, so a save rewrites only what changed.
 */
export interface AutosaveStorage {
  /** The record and the stem files, or undefined when there is no record. */
  read(): Promise<StoredAutosave | undefined>;
  /** The keys of the stored stem files. */
  stemKeys(): Promise<readonly string[]>;
  /** Applies one save as a whole (IndexedDB: one transaction), so the record never refers to a stem file that is not there. */
  write(change: AutosaveWrite): Promise<void>;
  /** Removes the record and every stem file. */
  clear(): Promise<void>;
}
