import type { AutosaveRecord } from './autosaveRecord';

/** One stored session as it is (validate it with sessionFromAutosave). */
export interface StoredAutosave {
  readonly sessionId: string;
  readonly record: unknown;
  /** The stored stem files the record refers to, by stem key (values unvalidated). */
  readonly stems: ReadonlyMap<string, unknown>;
}

/** One save of one session: its record, the stem files to add, and its stored stem files no longer needed. */
export interface AutosaveWrite {
  readonly sessionId: string;
  readonly record: AutosaveRecord;
  /** Stem files by stem key, written only when new to the storage, before the record. */
  readonly putStems: ReadonlyMap<string, Blob>;
  /** Deleted unless another stored session (or the deleted one kept for undo) refers to them. */
  readonly deleteStemKeys: readonly string[];
}

/** A stored session, as the sessions list shows it. */
export interface SessionSummary {
  readonly sessionId: string;
  readonly name: string;
  readonly savedAtMs: number;
}

/**
 * Where sessions live (IndexedDB in the browser, memory in tests): any number of session
 * records by id, the stem files they refer to by stem key (shared, so a duplicate costs no
 * bytes), which session was open last, and the last deleted session (until the next delete).
 */
export interface AutosaveStorage {
  /** The session `sessionId`, or the one open last without an id; undefined when there is none. */
  read(sessionId?: string): Promise<StoredAutosave | undefined>;
  /** The keys of the stored stem files the session `sessionId` refers to. */
  stemKeys(sessionId: string): Promise<readonly string[]>;
  /**
   * Applies one save as a whole (IndexedDB: one transaction, the stem files before the
   * record), so a record never refers to a stem file that is not there; the session
   * becomes the one open last.
   */
  write(change: AutosaveWrite): Promise<void>;
  /** Every stored session, most recently saved first. */
  list(): Promise<readonly SessionSummary[]>;
  rename(sessionId: string, name: string): Promise<void>;
  /** Stores a copy of `sessionId` as `copyId` named `name` (its stem files shared). */
  duplicate(sessionId: string, copyId: string, name: string): Promise<void>;
  /** Deletes a session, keeping it (and its stem files) until the next delete, for restoreDeleted. */
  delete(sessionId: string): Promise<void>;
  /** Brings back the last deleted session; resolves with its id, or undefined when there is none. */
  restoreDeleted(): Promise<string | undefined>;
}
