import type { AutosaveStorage, AutosaveWrite, SessionSummary } from '../../../../src/state/autosave/autosaveStorage';

/** An AutosaveStorage in memory that counts what is written. */
export interface MemoryAutosaveStorage extends AutosaveStorage {
  /** The record of the session open last (setting it stores it as that session). */
  record: unknown;
  /** Records by session id. */
  readonly records: Map<string, unknown>;
  readonly stems: Map<string, unknown>;
  current: string | undefined;
  deleted: { sessionId: string; record: unknown } | undefined;
  /** Records written (one per save). */
  recordWrites: number;
  /** The stem keys whose bytes were written, in order (one entry per Blob put). */
  readonly stemPuts: string[];
  /** Bytes of stem files written, in total. */
  stemBytesWritten: number;
}

const INITIAL_SESSION_ID = 'session-initial';

function stemKeysOf(record: unknown): string[] {
  const refs = (record as { stems?: unknown } | undefined)?.stems;
  return Array.isArray(refs) ? refs.flatMap((ref: { stemKey?: unknown }) => (typeof ref?.stemKey === 'string' ? [ref.stemKey] : [])) : [];
}

/**
 * A storage holding `record` (as the session open last) and `stems`. Like IndexedDB,
 * read() gives new Blob objects (same bytes) and a copy of the record, so nothing may rely
 * on getting back the objects it stored; a stem file another session or the deleted one
 * refers to is not deleted.
 */
export function memoryAutosaveStorage(record?: unknown, stems: Map<string, unknown> = new Map()): MemoryAutosaveStorage {
  const records = new Map<string, unknown>(record === undefined ? [] : [[INITIAL_SESSION_ID, record]]);
  const copy = (value: unknown): unknown => (value instanceof Blob ? new Blob([value], { type: value.type }) : value);
  const referencedElsewhere = (sessionId: string): Set<string> => {
    const others = [...records].filter(([id]) => id !== sessionId).map(([, r]) => r);
    return new Set([...others, storage.deleted?.record].flatMap(stemKeysOf));
  };
  const storage: MemoryAutosaveStorage = {
    get record() {
      return storage.current === undefined ? undefined : records.get(storage.current);
    },
    set record(value: unknown) {
      storage.current ??= INITIAL_SESSION_ID;
      records.set(storage.current, value);
    },
    records,
    stems,
    current: record === undefined ? undefined : INITIAL_SESSION_ID,
    deleted: undefined,
    recordWrites: 0,
    stemPuts: [],
    stemBytesWritten: 0,
    async read(sessionId) {
      const id = sessionId ?? storage.current;
      const stored = id === undefined ? undefined : records.get(id);
      if (id === undefined || stored === undefined) return undefined;
      const wanted = (stored as { version?: unknown }).version === 1 ? [] : stemKeysOf(stored);
      const found = new Map([...storage.stems].filter(([key]) => wanted.includes(key)).map(([key, value]) => [key, copy(value)]));
      return { sessionId: id, record: structuredClone(stored), stems: found };
    },
    async stemKeys(sessionId) {
      return stemKeysOf(records.get(sessionId)).filter((key) => storage.stems.has(key));
    },
    async write(change: AutosaveWrite) {
      storage.recordWrites += 1;
      for (const [key, blob] of change.putStems) {
        storage.stemPuts.push(key);
        storage.stemBytesWritten += blob.size;
        storage.stems.set(key, blob);
      }
      records.set(change.sessionId, change.record);
      storage.current = change.sessionId;
      const kept = referencedElsewhere(change.sessionId);
      for (const key of change.deleteStemKeys) if (!kept.has(key)) storage.stems.delete(key);
    },
    async list() {
      return [...records]
        .map(([sessionId, r]): SessionSummary => ({ sessionId, name: (r as { sceneName: string }).sceneName, savedAtMs: (r as { savedAtMs: number }).savedAtMs }))
        .sort((a, b) => b.savedAtMs - a.savedAtMs);
    },
    async rename(sessionId, name) {
      const stored = records.get(sessionId);
      if (stored !== undefined) records.set(sessionId, { ...(stored as object), sceneName: name });
    },
    async duplicate(sessionId, copyId, name) {
      const stored = records.get(sessionId);
      if (stored !== undefined) records.set(copyId, { ...(stored as object), sceneName: name });
    },
    async delete(sessionId) {
      const stored = records.get(sessionId);
      if (stored === undefined) return;
      const previous = storage.deleted;
      storage.deleted = { sessionId, record: stored };
      records.delete(sessionId);
      const kept = referencedElsewhere('');
      for (const key of stemKeysOf(previous?.record)) if (!kept.has(key)) storage.stems.delete(key);
    },
    async restoreDeleted() {
      const kept = storage.deleted;
      if (kept === undefined) return undefined;
      records.set(kept.sessionId, kept.record);
      storage.deleted = undefined;
      return kept.sessionId;
    },
  };
  return storage;
}
