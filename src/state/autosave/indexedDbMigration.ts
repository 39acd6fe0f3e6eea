import { newSessionId } from './sessionIds';

const OLD_RECORD_STORE = 'autosave';
const OLD_RECORD_KEY = 'session';

/**
 * Within the upgrade from version 1 or 2: moves the one autosaved record ("session" in
 * "autosave") into `stores.sessions` under a new session id, as it is, makes it the
 * session open last, and drops the old store. The stem files stay where version 2 put
 * them; a version 1 record keeps its files inline until its first save.
 */
export function migrateSingleAutosave(
  db: IDBDatabase,
  transaction: IDBTransaction,
  stores: { readonly sessions: string; readonly meta: string; readonly currentKey: string },
): void {
  if (!db.objectStoreNames.contains(OLD_RECORD_STORE)) return;
  const old = transaction.objectStore(OLD_RECORD_STORE).get(OLD_RECORD_KEY);
  old.onsuccess = () => {
    if (old.result !== undefined) {
      const sessionId = newSessionId();
      transaction.objectStore(stores.sessions).put(old.result, sessionId);
      transaction.objectStore(stores.meta).put(sessionId, stores.currentKey);
    }
    db.deleteObjectStore(OLD_RECORD_STORE);
  };
}
