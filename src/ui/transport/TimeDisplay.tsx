import { useEffect, useRef } from 'react';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { formatTime } from '../format';

export interface TimeDisplayProps {
  readonly testId?: string;
}

/**
 * The playhead as m:ss.t. While playing it reads the engine's live playhead once per
 * animation frame and writes the text node directly (no React render per frame).
 */
export function TimeDisplay({ testId = 'transport-time' }: TimeDisplayProps) {
  const store = useStudioStoreApi();
  const playing = useStudioStore((s) => s.transport.playing);
  const positionSec = useStudioStore((s) => s.transport.positionSec);
  const durationSec = useStudioStore((s) => s.transport.durationSec);
  const timeRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const element = timeRef.current;
    if (element === null) return;
    element.textContent = formatTime(store.getState().live.positionSec);
    if (!playing) return;
    let frame = 0;
    let shown = '';
    const tick = (): void => {
      const text = formatTime(store.getState().live.positionSec);
      if (text !== shown) {
        element.textContent = text;
        shown = text;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [store, playing, positionSec]);

  return (
    <div className="time-display" role="timer" aria-label="Playhead position">
      <span ref={timeRef} className="time-now" data-testid={testId}>
        0:00.0
      </span>
      <span className="time-total">/ {durationSec > 0 ? formatTime(durationSec) : '-:--.-'}</span>
    </div>
  );
}
