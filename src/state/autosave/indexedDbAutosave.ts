import type { AutosaveStorage } from './autosaveStorage';

const DATABASE_NAME = 'spatial-mix-studio';
const DATABASE_VERSION = 1;
const STORE_NAME = 'autosave';
const SESSION_KEY = 'session';

/**
 * AutosaveStorage on IndexedDB: database "spatial-mix-studio", object store "autosave",
 * one record under the key "session". The connection is opened once and kept, so a
 * write from a pagehide handler starts its transaction at once.
 */
export function createIndexedDbAutosave(factory: IDBFactory): AutosaveStorage {
  let database: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE_NAME, DATABASE_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE_NAME)) request.result.createObjectStore(STORE_NAME);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of the studio'));
    });
    database.catch(() => {
      database = null;
    });
    return database;
  };
  const run = async <T>(mode: IDBTransactionMode, operate: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE_NAME, mode);
      const request = operate(transaction.objectStore(STORE_NAME));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
      // Commit now rather than when the request's callbacks are done: a transaction still
      // waiting to auto-commit is aborted when the page unloads (the pagehide flush).
      transaction.commit();
    });
  };
  return {
    read: () => run<unknown>('readonly', (store) => store.get(SESSION_KEY)),
    write: async (record) => {
      await run('readwrite', (store) => store.put(record, SESSION_KEY));
    },
    clear: async () => {
      await run('readwrite', (store) => store.delete(SESSION_KEY));
    },
  };
}
