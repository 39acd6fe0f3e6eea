import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { AzimuthLabels } from './AzimuthLabels';
import { RingLabels } from './RingLabels';
import { SourceLabel } from './SourceLabel';

/** The DOM layer over the stage canvas: floor labels first, source names on top. */
export function StageLabels() {
  const ids = useStudioStore(useShallow((s) => s.scene.sources.map((source) => source.id)));
  return (
    <div className="stage-labels" aria-hidden="true">
      <RingLabels />
      <AzimuthLabels />
      {ids.map((id) => (
        <SourceLabel key={id} sourceId={id} />
      ))}
    </div>
  );
}
