import type { StudioSession } from './autosaveRecord';
import type { AutosaveStorage, StoredAutosave } from './autosaveStorage';
import { sessionFromAutosave } from './sessionFromAutosave';

export type RestoreResult =
  | { readonly kind: 'restored'; readonly sessionId: string; readonly session: StudioSession }
  | { readonly kind: 'none' }
  /** The record (or the storage) could not be read: `message` says why, for the user. */
  | { readonly kind: 'unreadable'; readonly message: string };

/**
 * Reads and validates a stored session: `sessionId`, or the one open last. Never rejects:
 * a bad record or storage is reported as 'unreadable'.
 */
export async function restoreAutosavedSession(storage: AutosaveStorage, sessionId?: string): Promise<RestoreResult> {
  let stored: StoredAutosave | undefined;
  try {
    stored = await storage.read(sessionId);
  } catch (error) {
    return { kind: 'unreadable', message: `the autosave storage could not be read (${errorText(error)})` };
  }
  if (stored === undefined) return { kind: 'none' };
  try {
    return { kind: 'restored', sessionId: stored.sessionId, session: sessionFromAutosave(stored.record, stored.stems) };
  } catch (error) {
    return { kind: 'unreadable', message: errorText(error) };
  }
}

/** An error of the storage in words for the user (a full disk is named as such). */
export function errorText(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return `the browser has no room left for this site's data (QuotaExceededError: ${error.message})`;
  }
  return error instanceof Error ? error.message : String(error);
}
