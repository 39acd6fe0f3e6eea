import { useState } from 'react';
import type { SessionSummary } from '../../state/autosave/autosaveStorage';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';

export interface SessionRowProps {
  readonly session: SessionSummary;
  /** The session open in the studio now. */
  readonly isOpen: boolean;
  readonly onOpen: () => void;
}

/** One stored session: its name (renamed in place), when it was saved, Open, Duplicate, Delete. */
export function SessionRow({ session, isOpen, onOpen }: SessionRowProps) {
  const store = useStudioStoreApi();
  const [name, setName] = useState(session.name);
  const commitName = (): void => {
    if (name.trim() === '' || name === session.name) {
      setName(session.name);
      return;
    }
    void store.getState().renameSession(session.sessionId, name);
  };
  return (
    <li className={isOpen ? 'session-row open' : 'session-row'} data-testid="session-row" data-session-id={session.sessionId}>
      <input
        className="session-name"
        data-testid="session-name"
        aria-label="Session name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        onBlur={commitName}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
          if (event.key === 'Escape') setName(session.name);
        }}
      />
      <span className="session-saved">{isOpen ? 'open' : new Date(session.savedAtMs).toLocaleString()}</span>
      <button type="button" className="bar-button small" data-testid="session-open" disabled={isOpen} onClick={onOpen}>
        Open
      </button>
      <button type="button" className="bar-button small" data-testid="session-duplicate" onClick={() => void store.getState().duplicateSession(session.sessionId)}>
        Duplicate
      </button>
      <button
        type="button"
        className="bar-button small"
        data-testid="session-delete"
        disabled={isOpen}
        title={isOpen ? 'The open session cannot be deleted: open another one first' : 'Delete (you can undo it)'}
        onClick={() => void store.getState().deleteSession(session.sessionId)}
      >
        Delete
      </button>
    </li>
  );
}
