import { useStudioStore } from '../../state/StudioStoreProvider';

/** "Decoding 3 stems…" while the engine prepares stems; nothing otherwise. */
export function StemProgress() {
  const count = useStudioStore((s) => s.decodingStemCount);
  return (
    <span className="stem-progress" role="status" data-testid="stems-progress" hidden={count === 0}>
      {count > 0 && (
        <>
          <span className="spinner" aria-hidden="true" />
          Decoding {count} {count === 1 ? 'stem' : 'stems'}…
        </>
      )}
    </span>
  );
}
