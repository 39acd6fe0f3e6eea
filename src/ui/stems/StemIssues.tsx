import { useState } from 'react';
import { sceneStrips } from '../../core/scene/scene';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { RelinkButton } from './RelinkButton';

/**
 * Sources, beds and HOA stems that play silence for want of a stem: "Missing stems" (the session has no file
 * of that name) and "Unreadable stems" (the decoder refused the file, with its reason),
 * each with a file picker to relink it. Dismissing the panels hides them until the list
 * of issues changes.
 */
export function StemIssues() {
  const scene = useStudioStore((s) => s.scene);
  const missingStems = useStudioStore((s) => s.missingStems);
  const failedStems = useStudioStore((s) => s.failedStems);
  const names = new Map(sceneStrips(scene).map((strip) => [strip.id, strip.name]));
  const missing = missingStems.map((m) => ({ ...m, sourceName: names.get(m.sourceId) ?? m.sourceId }));
  // A failure is from the last load: drop sources removed since.
  const failed = failedStems.flatMap((f) => {
    const sourceName = names.get(f.sourceId);
    return sourceName === undefined ? [] : [{ ...f, sourceName }];
  });
  const issuesKey = JSON.stringify([missing.map((m) => m.sourceId), failed.map((f) => [f.sourceId, f.message])]);
  const [dismissedKey, setDismissedKey] = useState<string | null>(null);
  if ((missing.length === 0 && failed.length === 0) || dismissedKey === issuesKey) return null;
  return (
    <div className="stem-issues notice-dismissable" data-testid="stem-issues">
      <div className="notice-body stem-issues">
        {missing.length > 0 && (
          <section className="notice notice-panel" aria-label="Missing stems" data-testid="missing-stems">
            <h2 className="notice-title">Missing stems</h2>
            <p className="notice-hint">These sources are silent until you give them their file.</p>
            <ul className="issue-list">
              {missing.map((m) => (
                <li key={m.sourceId} className="issue" data-testid={`missing-stem-${m.sourceId}`}>
                  <span className="issue-text">
                    <strong>{m.sourceName}</strong> <span className="issue-file">{m.file}</span>
                  </span>
                  <RelinkButton sourceId={m.sourceId} fileName={m.fileName} />
                </li>
              ))}
            </ul>
          </section>
        )}
        {failed.length > 0 && (
          <section className="notice notice-panel notice-error" aria-label="Unreadable stems" data-testid="failed-stems">
            <h2 className="notice-title">Unreadable stems</h2>
            <ul className="issue-list">
              {failed.map((f) => (
                <li key={f.sourceId} className="issue" data-testid={`failed-stem-${f.sourceId}`}>
                  <span className="issue-text">
                    <strong>{f.sourceName}</strong> is silent: {f.message}
                  </span>
                  {f.fileName !== null && <RelinkButton sourceId={f.sourceId} fileName={f.fileName} />}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <button
        type="button"
        className="notice-dismiss"
        data-testid="stem-issues-dismiss"
        aria-label="Dismiss stem issues"
        title="Hide until the list changes (the sources stay silent until relinked)"
        onClick={() => setDismissedKey(issuesKey)}
      >
        ×
      </button>
    </div>
  );
}
