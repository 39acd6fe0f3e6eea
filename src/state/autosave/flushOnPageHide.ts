import type { Autosaver } from './autosaver';

/**
 * Saves a pending change as soon as the page is hidden or left (pagehide, and
 * visibilitychange to hidden, which mobile browsers send instead). Returns a function
 * that removes the listeners.
 */
export function flushOnPageHide(autosaver: Autosaver, target: Window): () => void {
  const flush = (): void => void autosaver.flush();
  const onVisibility = (): void => {
    if (target.document.visibilityState === 'hidden') flush();
  };
  target.addEventListener('pagehide', flush);
  target.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', flush);
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}
