import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { SourceObject } from './SourceObject';

/** One SourceObject per source of the scene (re-renders only when sources are added or removed). */
export function SourceObjects() {
  const ids = useStudioStore(useShallow((s) => s.scene.sources.map((source) => source.id)));
  return (
    <group name="sources">
      {ids.map((id) => (
        <SourceObject key={id} sourceId={id} />
      ))}
    </group>
  );
}
