import type { StudioEngineStatus } from '../state/slices/engineSlice';
import { useStudioStore } from '../state/StudioStoreProvider';

const LABELS: Readonly<Record<StudioEngineStatus, string>> = {
  none: 'No audio engine',
  'needs-gesture': 'Audio off',
  starting: 'Audio starting',
  ready: 'Audio on',
  failed: 'Audio failed',
};

/** A small status light for the audio engine. */
export function EngineStatusBadge() {
  const status = useStudioStore((s) => s.engineStatus);
  return (
    <div className={`engine-status status-${status}`} data-testid="engine-status" role="status" title={LABELS[status]}>
      <span className="status-dot" aria-hidden="true" />
      {LABELS[status]}
    </div>
  );
}
