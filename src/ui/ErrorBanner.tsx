import { useStudioStore, useStudioStoreApi } from '../state/StudioStoreProvider';

/** The store's error notice (a file that could not be opened, an autosave that could not be restored), until dismissed. */
export function ErrorBanner() {
  const store = useStudioStoreApi();
  const message = useStudioStore((s) => s.errorNotice);
  if (message === null) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="error-banner">
      <span className="notice-text" data-testid="error-banner-message">
        {message}
      </span>
      <button
        type="button"
        className="notice-dismiss"
        data-testid="error-banner-dismiss"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={() => store.getState().dismissError()}
      >
        ×
      </button>
    </div>
  );
}
