import type { StudioSession } from './autosaveRecord';
import type { AutosaveStorage, StoredAutosave } from './autosaveStorage';
import { sessionFromAutosave } from './sessionFromAutosave';

export type RestoreResult =
  | { readonly kind: 'restored'; readonly session: StudioSession }
  | { readonly kind: 'none' }
  /** The record (or the storage) could not be read: `message` says why, for the user. */
  | { readonly kind: 'unreadable'; readonly message: string };

/** Reads and validates the autosaved session. Never rejects: a bad record or storage is reported as 'unreadable'. */
export async function restoreAutosavedSession(storage: AutosaveStorage): Promise<RestoreResult> {
  let stored: StoredAutosave | undefined;
  try {
    stored = await storage.read();
  } catch (error) {
    return { kind: 'unreadable', message: `the autosave storage could not be read (${errorText(error)})` };
  }
  if (stored === undefined) return { kind: 'none' };
  try {
    return { kind: 'restored', session: sessionFromAutosave(stored.record, stored.stems) };
  } catch (error) {
    return { kind: 'unreadable', message: errorText(error) };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
