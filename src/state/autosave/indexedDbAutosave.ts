import type { AutosaveStorage, SessionSummary } from './autosaveStorage';
import { migrateSingleAutosave } from './indexedDbMigration';

const DATABASE_NAME = 'spatial-mix-studio';
/**
 * Version 3 holds any number of sessions ("sessions", by session id) and "meta" (the
 * session open last, the last deleted session). Version 2 held one record under "session"
 * in "autosave" (stem files in "stems"), version 1 the same with the stem files inline:
 * the upgrade moves that record into "sessions" as it is (sessionFromAutosave still reads
 * versions 1 and 2) and makes it the session open last.
 */
const DATABASE_VERSION = 3;
const SESSION_STORE = 'sessions';
const STEM_STORE = 'stems';
const META_STORE = 'meta';
const CURRENT_KEY = 'current';
const DELETED_KEY = 'deleted';

/** How long an open may go unanswered (no success, upgrade, error or blocked event) before it is taken as blocked. */
const OPEN_TIMEOUT_MS = 8000;
/** The message of an upgrade blocked by a tab still holding the database at an older version. */
export const BLOCKED_MESSAGE =
  'the session storage needs an upgrade, but another tab of the studio (an older version) still has it open: close that tab, then reload this one';

interface DeletedSession {
  readonly sessionId: string;
  readonly record: unknown;
}

/**
 * AutosaveStorage on IndexedDB: database "spatial-mix-studio", session records by id in
 * "sessions", each stem file's Blob under its stem key in "stems", and "meta". The
 * connection is opened once and kept, so a write from a pagehide handler starts its
 * transaction at once; it closes when another tab upgrades the database. An upgrade
 * blocked by another tab rejects (BLOCKED_MESSAGE) instead of waiting.
 */
export function createIndexedDbAutosave(factory: IDBFactory): AutosaveStorage {
  let database: Promise<IDBDatabase> | null = null;
  // A blocked open request stays queued until the other tab lets go, and a request queued
  // behind another one (this tab's or another's) gets no blocked event of its own and
  // would wait forever: while one of ours is pending, every open is refused at once, and
  // a request with no answer within OPEN_TIMEOUT_MS is taken as blocked.
  let blockedRequestPending = false;
  const open = (): Promise<IDBDatabase> => {
    if (blockedRequestPending) return Promise.reject(new Error(BLOCKED_MESSAGE));
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      let settled = false;
      const request = factory.open(DATABASE_NAME, DATABASE_VERSION);
      const blocked = (): void => {
        clearTimeout(timer);
        blockedRequestPending = true;
        settled = true;
        reject(new Error(BLOCKED_MESSAGE));
      };
      const timer = setTimeout(blocked, OPEN_TIMEOUT_MS);
      request.onupgradeneeded = (event) => {
        clearTimeout(timer);
        const db = request.result;
        for (const name of [SESSION_STORE, STEM_STORE, META_STORE]) {
          if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
        }
        if (event.oldVersion > 0 && event.oldVersion < 3) migrateSingleAutosave(db, request.transaction!, { sessions: SESSION_STORE, meta: META_STORE, currentKey: CURRENT_KEY });
      };
      request.onsuccess = () => {
        clearTimeout(timer);
        const db = request.result;
        // Opened after the block was reported: this page gave up on it, so let others have it.
        if (settled) {
          blockedRequestPending = false;
          db.close();
          return;
        }
        settled = true;
        db.onversionchange = () => {
          db.close();
          database = null;
        };
        resolve(db);
      };
      request.onerror = () => {
        clearTimeout(timer);
        if (settled) blockedRequestPending = false;
        settled = true;
        reject(request.error ?? new Error('IndexedDB could not be opened'));
      };
      request.onblocked = blocked;
    });
    database.catch(() => {
      database = null;
    });
    return database;
  };

  /**
   * Runs `operate` in one transaction over the three stores; resolves with what `result`
   * gives once it has committed. `commitNow` commits as soon as `operate` has made its
   * requests (a write from pagehide must not wait to auto-commit: the page may be gone);
   * operations that make more requests from callbacks let it auto-commit.
   */
  const run = async <T>(
    mode: IDBTransactionMode,
    operate: (stores: { sessions: IDBObjectStore; stems: IDBObjectStore; meta: IDBObjectStore }) => () => T,
    commitNow = mode === 'readonly',
  ): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction([SESSION_STORE, STEM_STORE, META_STORE], mode);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
      let result: () => T;
      try {
        result = operate({
          sessions: transaction.objectStore(SESSION_STORE),
          stems: transaction.objectStore(STEM_STORE),
          meta: transaction.objectStore(META_STORE),
        });
      } catch (error) {
        // Nothing of a half-made write is kept (a stem file without its record, say).
        transaction.abort();
        reject(error);
        return;
      }
      transaction.oncomplete = () => resolve(result());
      if (commitNow) transaction.commit();
    });
  };

  /** Deletes the stem files `candidates` that no stored session and not the deleted one refer to (within a running transaction). */
  const deleteUnreferenced = (sessions: IDBObjectStore, stems: IDBObjectStore, meta: IDBObjectStore, candidates: readonly string[]): void => {
    if (candidates.length === 0) return;
    const records = sessions.getAll();
    const deleted = meta.get(DELETED_KEY);
    deleted.onsuccess = () => {
      const referenced = new Set<string>();
      const all = [...(records.result as unknown[]), (deleted.result as DeletedSession | undefined)?.record];
      for (const record of all) for (const key of stemKeysOf(record)) referenced.add(key);
      for (const key of candidates) if (!referenced.has(key)) stems.delete(key);
    };
  };

  return {
    async read(sessionId) {
      const id = sessionId ?? (await run('readonly', ({ meta }) => {
        const current = meta.get(CURRENT_KEY);
        return () => (typeof current.result === 'string' ? current.result : undefined);
      }));
      if (id === undefined) return undefined;
      return run('readonly', ({ sessions, stems }) => {
        const record = sessions.get(id);
        const keys = stems.getAllKeys();
        const blobs = stems.getAll();
        return () => {
          if (record.result === undefined) return undefined;
          const wanted = new Set(stemKeysOf(record.result));
          const stored = new Map<string, unknown>();
          keys.result.forEach((key, index) => {
            if (typeof key === 'string' && wanted.has(key)) stored.set(key, blobs.result[index]);
          });
          return { sessionId: id, record: record.result as unknown, stems: stored };
        };
      });
    },
    stemKeys: (sessionId) =>
      run('readonly', ({ sessions, stems }) => {
        const record = sessions.get(sessionId);
        const keys = stems.getAllKeys();
        return () => {
          const stored = new Set(keys.result);
          return stemKeysOf(record.result).filter((key) => stored.has(key));
        };
      }),
    write: (change) =>
      run(
        'readwrite',
        ({ sessions, stems, meta }) => {
          for (const [key, blob] of change.putStems) stems.put(blob, key);
          sessions.put(change.record, change.sessionId);
          meta.put(change.sessionId, CURRENT_KEY);
          deleteUnreferenced(sessions, stems, meta, change.deleteStemKeys);
          return () => undefined;
        },
        change.deleteStemKeys.length === 0,
      ),
    list: () =>
      run('readonly', ({ sessions }) => {
        const keys = sessions.getAllKeys();
        const records = sessions.getAll();
        return () =>
          keys.result
            .map((key, index): SessionSummary => summaryOf(String(key), records.result[index]))
            .sort((a, b) => b.savedAtMs - a.savedAtMs);
      }),
    rename: (sessionId, name) =>
      run('readwrite', ({ sessions }) => {
        const record = sessions.get(sessionId);
        record.onsuccess = () => {
          if (isObject(record.result)) sessions.put({ ...record.result, sceneName: name }, sessionId);
        };
        return () => undefined;
      }),
    duplicate: (sessionId, copyId, name) =>
      run('readwrite', ({ sessions }) => {
        const record = sessions.get(sessionId);
        record.onsuccess = () => {
          if (isObject(record.result)) sessions.put({ ...record.result, sceneName: name }, copyId);
        };
        return () => undefined;
      }),
    delete: (sessionId) =>
      run('readwrite', ({ sessions, stems, meta }) => {
        const record = sessions.get(sessionId);
        const previous = meta.get(DELETED_KEY);
        previous.onsuccess = () => {
          if (record.result === undefined) return;
          const kept: DeletedSession = { sessionId, record: record.result as unknown };
          meta.put(kept, DELETED_KEY);
          sessions.delete(sessionId);
          // The session deleted before this one is gone for good now, with its stem files no one else needs.
          deleteUnreferenced(sessions, stems, meta, stemKeysOf((previous.result as DeletedSession | undefined)?.record));
        };
        return () => undefined;
      }),
    restoreDeleted: () =>
      run('readwrite', ({ sessions, meta }) => {
        const deleted = meta.get(DELETED_KEY);
        let restored: string | undefined;
        deleted.onsuccess = () => {
          const kept = deleted.result as DeletedSession | undefined;
          if (kept === undefined) return;
          sessions.put(kept.record, kept.sessionId);
          meta.delete(DELETED_KEY);
          restored = kept.sessionId;
        };
        return () => restored;
      }),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stem keys a stored record (version 2 or 3) refers to; none for anything else. */
function stemKeysOf(record: unknown): string[] {
  if (!isObject(record) || !Array.isArray(record['stems'])) return [];
  return record['stems'].flatMap((ref: unknown) => (isObject(ref) && typeof ref['stemKey'] === 'string' ? [ref['stemKey']] : []));
}

function summaryOf(sessionId: string, record: unknown): SessionSummary {
  const name = isObject(record) && typeof record['sceneName'] === 'string' ? record['sceneName'] : sessionId;
  const savedAtMs = isObject(record) && typeof record['savedAtMs'] === 'number' ? record['savedAtMs'] : 0;
  return { sessionId, name, savedAtMs };
}
