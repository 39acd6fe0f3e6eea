import { isDeliveryCheckStale } from '../../state/slices/deliveryCheckSlice';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { DeliveryReport } from './DeliveryReport';
import './deliveryCheck.css';

/**
 * The delivery check: the session as its ADM export would write it, against the Atmos
 * music delivery rules, rendered off the page's thread (with progress and Cancel); then
 * the QC report, marked stale when the mix changed after the run.
 */
export function DeliveryCheckPanel() {
  const store = useStudioStoreApi();
  const check = useStudioStore((s) => s.deliveryCheck);
  const stale = useStudioStore(isDeliveryCheckStale);
  const running = check.status === 'running';
  const percent = Math.round(check.progress * 100);
  const run = (): void => void store.getState().runDeliveryCheck();

  return (
    <section className="panel delivery-check-panel" aria-label="Delivery check" data-testid="delivery-check-panel" data-status={check.status}>
      <div className="delivery-check-controls">
        <span className="delivery-check-spec">Dolby Atmos music (ADM master)</span>
        {running ? (
          <button type="button" className="bar-button small" data-testid="delivery-check-cancel" onClick={() => store.getState().cancelDeliveryCheck()}>
            Cancel
          </button>
        ) : (
          <button type="button" className="bar-button small bar-button-primary" data-testid="delivery-check-run" onClick={run}>
            {check.result === null ? 'Run delivery check' : 'Check again'}
          </button>
        )}
      </div>

      {running && (
        <>
          <div
            className="delivery-check-progress"
            role="progressbar"
            aria-label="Delivery check progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="delivery-check-progress"
          >
            <div className="delivery-check-progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <p className="delivery-check-note" role="status">
            Rendering 7.1.4 and its 5.1 downmix… {percent}%
          </p>
        </>
      )}

      {check.status === 'idle' && (
        <p className="delivery-check-note">
          Checks the mix as its ADM master would be exported against the Atmos music delivery rules: format, loudness and true peak of the 7.1.4
          render and its 5.1 downmix, the LFE&apos;s band limit, empty objects, binaural render modes.
        </p>
      )}

      {check.error !== null && (
        <p className="delivery-check-error" role="alert" data-testid="delivery-check-error">
          {check.error}
        </p>
      )}

      {stale && (
        <div className="delivery-check-stale" role="status" data-testid="delivery-check-stale">
          <span>The mix changed after this check: the report is stale.</span>
          <button type="button" className="bar-button small" data-testid="delivery-check-rerun" onClick={run}>
            Re-run
          </button>
        </div>
      )}

      {check.result !== null && <DeliveryReport result={check.result} stale={stale} />}
    </section>
  );
}
