import { useEffect } from 'react';
import type { StudioStore } from '../state/studioStore';

/**
 * Starts the audio engine on the first pointer press or key press anywhere (browsers
 * allow an AudioContext to start only from a user gesture). Listens in the capture phase,
 * so the press that starts audio still does what it was meant to (e.g. Play).
 */
export function useAudioStartOnGesture(store: StudioStore): void {
  useEffect(() => {
    const onGesture = (): void => {
      if (store.getState().engineStatus === 'needs-gesture') void store.getState().startAudio();
    };
    window.addEventListener('pointerdown', onGesture, true);
    window.addEventListener('keydown', onGesture, true);
    return () => {
      window.removeEventListener('pointerdown', onGesture, true);
      window.removeEventListener('keydown', onGesture, true);
    };
  }, [store]);
}
