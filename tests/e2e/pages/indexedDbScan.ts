/// <reference lib="dom" />
/**
 * Page-side helper for tests/e2e/session.test.ts, imported into the studio page by URL
 * (`import('/tests/e2e/pages/indexedDbScan.ts')`, served by the dev server): whether any
 * record of any IndexedDB database of the page's origin, written as JSON, matches a
 * pattern. It lets the test wait until the autosave has stored an edit, without knowing
 * the autosave's database layout or debounce time.
 */
export async function indexedDbMatches(pattern: string): Promise<boolean> {
  const regex = new RegExp(pattern);
  for (const info of await indexedDB.databases()) {
    if (info.name === undefined) continue;
    const db = await request(indexedDB.open(info.name));
    try {
      for (const storeName of Array.from(db.objectStoreNames)) {
        const records = await request(db.transaction(storeName, 'readonly').objectStore(storeName).getAll());
        for (const record of records) {
          const text = typeof record === 'string' ? record : JSON.stringify(record);
          if (text !== undefined && regex.test(text)) return true;
        }
      }
    } finally {
      db.close();
    }
  }
  return false;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}
