import type { AutosaveSnapshot } from './autosaveRecord';
import type { AutosaveWrite } from './autosaveStorage';

/**
 * What saving `snapshot` as the session `sessionId`, whose stored stem files are `storedKeys`, writes: the
 * record always (it is small), the stem files it needs that are not stored yet, and the
 * deletion of stored ones it no longer needs.
 */
export function planAutosaveWrite(sessionId: string, snapshot: AutosaveSnapshot, storedKeys: ReadonlySet<string>): AutosaveWrite {
  const putStems = new Map([...snapshot.stems].filter(([key]) => !storedKeys.has(key)));
  const deleteStemKeys = [...storedKeys].filter((key) => !snapshot.stems.has(key));
  return { sessionId, record: snapshot.record, putStems, deleteStemKeys };
}
