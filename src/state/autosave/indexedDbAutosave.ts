import type { AutosaveStorage } from './autosaveStorage';

const DATABASE_NAME = 'spatial-mix-studio';
/**
 * Version 2 added the stem store. The upgrade from version 1 only creates it: the version 1
 * record (stem files inline) stays where it is, is still restored (sessionFromAutosave
 * reads it), and the next save replaces it with a version 2 record and stored stems.
 */
const DATABASE_VERSION = 2;
const RECORD_STORE = 'autosave';
const STEM_STORE = 'stems';
const SESSION_KEY = 'session';

/**
 * AutosaveStorage on IndexedDB: database "spatial-mix-studio", the record under the key
 * "session" of the object store "autosave", and each stem file's Blob under its stem key in
 * the object store "stems". The connection is opened once and kept, so a write from a
 * pagehide handler starts its transaction at once; it closes when another tab upgrades the
 * database.
 */
export function createIndexedDbAutosave(factory: IDBFactory): AutosaveStorage {
  let database: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE_NAME, DATABASE_VERSION);
      request.onupgradeneeded = () => {
        for (const name of [RECORD_STORE, STEM_STORE]) {
          if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
        }
      };
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => {
          db.close();
          database = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of the studio'));
    });
    database.catch(() => {
      database = null;
    });
    return database;
  };
  /** Runs `operate` in one transaction over both stores; resolves with what `result` gives once it has committed. */
  const run = async <T>(mode: IDBTransactionMode, operate: (record: IDBObjectStore, stems: IDBObjectStore) => () => T): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction([RECORD_STORE, STEM_STORE], mode);
      const result = operate(transaction.objectStore(RECORD_STORE), transaction.objectStore(STEM_STORE));
      transaction.oncomplete = () => resolve(result());
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
      // Commit now rather than when the requests' callbacks are done: a transaction still
      // waiting to auto-commit is aborted when the page unloads (the pagehide flush).
      transaction.commit();
    });
  };
  return {
    read: () =>
      run('readonly', (records, stems) => {
        const record = records.get(SESSION_KEY);
        const keys = stems.getAllKeys();
        const blobs = stems.getAll();
        return () => {
          if (record.result === undefined) return undefined;
          const stored = new Map<string, unknown>();
          keys.result.forEach((key, index) => {
            if (typeof key === 'string') stored.set(key, blobs.result[index]);
          });
          return { record: record.result as unknown, stems: stored };
        };
      }),
    stemKeys: () =>
      run('readonly', (_, stems) => {
        const keys = stems.getAllKeys();
        return () => keys.result.filter((key): key is string => typeof key === 'string');
      }),
    write: (change) =>
      run('readwrite', (records, stems) => {
        records.put(change.record, SESSION_KEY);
        for (const [key, blob] of change.putStems) stems.put(blob, key);
        for (const key of change.deleteStemKeys) stems.delete(key);
        return () => undefined;
      }),
    clear: () =>
      run('readwrite', (records, stems) => {
        records.delete(SESSION_KEY);
        stems.clear();
        return () => undefined;
      }),
  };
}
