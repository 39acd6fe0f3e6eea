import type { AutosaveStorage, AutosaveWrite } from '../../../../src/state/autosave/autosaveStorage';

/** An AutosaveStorage in memory that counts what is written. */
export interface MemoryAutosaveStorage extends AutosaveStorage {
  record: unknown;
  readonly stems: Map<string, unknown>;
  /** Records written (one per save). */
  recordWrites: number;
  /** The stem keys whose bytes were written, in order (one entry per Blob put). */
  readonly stemPuts: string[];
  /** Bytes of stem files written, in total. */
  stemBytesWritten: number;
  clears: number;
}

/**
 * A storage holding `record` and `stems`. Like IndexedDB, read() gives new Blob objects
 * (same bytes) and a copy of the record, so nothing may rely on getting back the objects
 * it stored.
 */
export function memoryAutosaveStorage(record?: unknown, stems: Map<string, unknown> = new Map()): MemoryAutosaveStorage {
  const storage: MemoryAutosaveStorage = {
    record,
    stems,
    recordWrites: 0,
    stemPuts: [],
    stemBytesWritten: 0,
    clears: 0,
    async read() {
      if (storage.record === undefined) return undefined;
      const copy = (value: unknown): unknown => (value instanceof Blob ? new Blob([value], { type: value.type }) : value);
      const stems = new Map([...storage.stems].map(([key, value]) => [key, copy(value)]));
      return { record: structuredClone(storage.record), stems };
    },
    async stemKeys() {
      return [...storage.stems.keys()];
    },
    async write(change: AutosaveWrite) {
      storage.recordWrites += 1;
      storage.record = change.record;
      for (const [key, blob] of change.putStems) {
        storage.stemPuts.push(key);
        storage.stemBytesWritten += blob.size;
        storage.stems.set(key, blob);
      }
      for (const key of change.deleteStemKeys) storage.stems.delete(key);
    },
    async clear() {
      storage.clears += 1;
      storage.record = undefined;
      storage.stems.clear();
    },
  };
  return storage;
}
