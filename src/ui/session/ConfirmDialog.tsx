import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';

/** The store's question before unsaved work is replaced (SessionLibrarySlice.confirmation): go on, or cancel. */
export function ConfirmDialog() {
  const store = useStudioStoreApi();
  const confirmation = useStudioStore((s) => s.confirmation);
  if (confirmation === null) return null;
  return (
    <div className="modal-backdrop">
      <div className="confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="confirm-dialog">
        <h2 id="confirm-title" className="notice-title">
          {confirmation.title}
        </h2>
        <p className="confirm-message">{confirmation.message}</p>
        <div className="confirm-buttons">
          <button type="button" className="bar-button" data-testid="confirm-cancel" autoFocus onClick={() => store.getState().answerConfirmation(false)}>
            Cancel
          </button>
          <button type="button" className="bar-button bar-button-danger" data-testid="confirm-accept" onClick={() => store.getState().answerConfirmation(true)}>
            {confirmation.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
