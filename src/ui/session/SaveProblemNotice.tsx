import { useStudioStore } from '../../state/StudioStoreProvider';

/** Says, while it is so, that the open session is not being saved: the storage failed (full, blocked) or the browser has none. */
export function SaveProblemNotice() {
  const saveState = useStudioStore((s) => s.saveState);
  const problem = useStudioStore((s) => s.saveProblem);
  if (saveState !== 'failed') return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="save-problem">
      <span className="notice-text">
        The session is not being saved: {problem ?? 'the browser refused to store it'}. Your work is still here; export or save the scene to keep
        it, and free space or close other tabs of the studio.
      </span>
    </div>
  );
}
