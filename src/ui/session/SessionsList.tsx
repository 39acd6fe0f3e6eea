import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { SessionRow } from './SessionRow';

export interface SessionsListProps {
  readonly onClose: () => void;
}

/** The sessions stored in the browser, most recent first; the open one is marked and cannot be deleted. */
export function SessionsList({ onClose }: SessionsListProps) {
  const store = useStudioStoreApi();
  const sessions = useStudioStore((s) => s.sessions);
  const openId = useStudioStore((s) => s.sessionId);
  const openName = useStudioStore((s) => s.sceneName);
  // The open session is listed even before its first save.
  const rows = sessions.some((s) => s.sessionId === openId) ? sessions : [{ sessionId: openId, name: openName, savedAtMs: Date.now() }, ...sessions];
  return (
    <div className="export-dialog sessions-dialog" role="dialog" aria-label="Sessions" data-testid="sessions-dialog">
      <ul className="sessions-list">
        {rows.map((session) => (
          <SessionRow
            key={`${session.sessionId}:${session.sessionId === openId ? openName : session.name}`}
            session={session.sessionId === openId ? { ...session, name: openName } : session}
            isOpen={session.sessionId === openId}
            onOpen={() => {
              onClose();
              void store.getState().openSession(session.sessionId);
            }}
          />
        ))}
      </ul>
      <button type="button" className="bar-button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
