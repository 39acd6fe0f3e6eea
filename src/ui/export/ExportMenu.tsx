import { useState } from 'react';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { ExportDialog } from './ExportDialog';

/** The Export button and, while open, its dialog (closing it cancels a running export). */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const hasEngine = useStudioStore((s) => s.engine !== null);
  return (
    <div className="export-menu">
      <button
        type="button"
        className="bar-button"
        data-testid="export-open"
        aria-expanded={open}
        disabled={!hasEngine}
        title={hasEngine ? 'Export binaural, stereo, mono and loudspeaker layout WAV files, or the ADM BWF master' : 'Export needs the audio engine (Web Audio)'}
        onClick={() => setOpen((current) => !current)}
      >
        Export…
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
