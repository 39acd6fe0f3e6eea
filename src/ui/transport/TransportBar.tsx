import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { ToggleButton } from '../controls/ToggleButton';
import { TimeDisplay } from './TimeDisplay';

export interface TransportBarProps {
  readonly className?: string;
}

/** Play/pause, stop, the time, loop, and undo/redo. */
export function TransportBar({ className = '' }: TransportBarProps) {
  const store = useStudioStoreApi();
  const playing = useStudioStore((s) => s.transport.playing);
  const looping = useStudioStore((s) => s.transport.loop.enabled);
  const canUndo = useStudioStore((s) => s.history.past.length > 0);
  const canRedo = useStudioStore((s) => s.history.future.length > 0);

  return (
    <div className={`transport ${className}`} role="toolbar" aria-label="Transport">
      <button
        type="button"
        className={`transport-button play ${playing ? 'is-playing' : ''}`}
        data-testid="transport-play"
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        onClick={() => store.getState().togglePlay()}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button
        type="button"
        className="transport-button"
        data-testid="transport-stop"
        aria-label="Stop"
        title="Stop and return to the start"
        onClick={() => store.getState().stop()}
      >
        <StopIcon />
      </button>
      <TimeDisplay />
      <ToggleButton
        testId="transport-loop"
        label="Loop"
        pressed={looping}
        onToggle={() => store.getState().toggleLoop()}
        title="Loop the session"
      />
      <span className="toolbar-gap" />
      <button
        type="button"
        className="icon-button"
        data-testid="history-undo"
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
        disabled={!canUndo}
        onClick={() => store.getState().undo()}
      >
        <UndoIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        data-testid="history-redo"
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
        disabled={!canRedo}
        onClick={() => store.getState().redo()}
      >
        <UndoIcon mirrored />
      </button>
    </div>
  );
}

function PlayIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" fill="currentColor" />
    </svg>
  );
}

function StopIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path d="M3 3h10v10H3z" fill="currentColor" />
    </svg>
  );
}

function UndoIcon({ mirrored = false }: { readonly mirrored?: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" style={mirrored ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M5.5 3.5 2 7l3.5 3.5M2.5 7h7a4 4 0 0 1 0 8H7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
