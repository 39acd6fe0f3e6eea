import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';

/** Why the monitor did not take a layout (the device has too few outputs), with the offer of the layout on headphones; among the notices above the stage. */
export function MonitorRefusalNotice() {
  const store = useStudioStoreApi();
  const refusal = useStudioStore((s) => s.monitorRefusal);
  if (refusal === null) return null;
  return (
    <section className="notice notice-warning notice-dismissable" role="alert" aria-label="Monitor" data-testid="monitor-refusal">
      <div className="notice-body">
        <h2 className="notice-title">Monitor</h2>
        <ul className="notice-lines">
          <li>{refusal.message}</li>
        </ul>
      </div>
      {refusal.headphonesId !== null && (
        <button type="button" className="bar-button small" data-testid="monitor-refusal-headphones" onClick={() => store.getState().setMonitorOutput(refusal.headphonesId!)}>
          On headphones
        </button>
      )}
      <button type="button" className="notice-dismiss" aria-label="Dismiss" title="Dismiss" onClick={() => store.getState().dismissMonitorRefusal()}>
        ×
      </button>
    </section>
  );
}
