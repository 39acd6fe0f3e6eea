/**
 * The key a stem Blob is autosaved under. A Blob's bytes never change, so the Blob object
 * stands for them: a file kept in the session keeps its key, a new or relinked file (a new
 * Blob) gets a new one. A restored Blob keeps the key it was stored under, so saving it
 * again writes nothing. Keys are random (128 bits), so they do not collide with keys
 * stored by an earlier visit.
 */
const keys = new WeakMap<Blob, string>();

export function stemKeyOf(blob: Blob): string {
  let key = keys.get(blob);
  if (key === undefined) {
    key = newStemKey();
    keys.set(blob, key);
  }
  return key;
}

/** Records that `blob` was read from the stored stem file `key`. */
export function rememberStemKey(blob: Blob, key: string): void {
  keys.set(blob, key);
}

function newStemKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `stem-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
