import { useStudioStore, useStudioStoreApi } from '../state/StudioStoreProvider';

export interface AudioStartBannerProps {
  readonly className?: string;
}

/**
 * Browsers start an AudioContext only from a user gesture: this banner says so while the
 * engine waits for one, and shows why audio failed if it did.
 */
export function AudioStartBanner({ className = '' }: AudioStartBannerProps) {
  const store = useStudioStoreApi();
  const status = useStudioStore((s) => s.engineStatus);
  const message = useStudioStore((s) => s.engineMessage);
  if (status === 'needs-gesture') {
    return (
      <button
        type="button"
        className={`banner banner-info ${className}`}
        data-testid="audio-start-banner"
        onClick={() => void store.getState().startAudio()}
      >
        Click anywhere or press Play to start audio
      </button>
    );
  }
  if (status === 'failed') {
    return (
      <div className={`banner banner-error ${className}`} role="alert" data-testid="audio-error-banner">
        Audio could not start{message === null ? '.' : `: ${message}`}
      </div>
    );
  }
  return null;
}
