import { useState } from 'react';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { SessionsList } from './SessionsList';

/** The Sessions button and, while open, the list of sessions stored in the browser. */
export function SessionsMenu() {
  const [open, setOpen] = useState(false);
  const stored = useStudioStore((s) => s.saveState !== 'off');
  return (
    <div className="export-menu">
      <button
        type="button"
        className="bar-button"
        data-testid="sessions-open"
        aria-expanded={open}
        disabled={!stored}
        title={stored ? 'Sessions saved in this browser: open, rename, duplicate, delete' : 'This browser keeps no sessions (IndexedDB is unavailable)'}
        onClick={() => setOpen((current) => !current)}
      >
        Sessions…
      </button>
      {open && <SessionsList onClose={() => setOpen(false)} />}
    </div>
  );
}
