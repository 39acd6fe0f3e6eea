import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { AzimuthLabels } from './AzimuthLabels';
import { ChannelPairLabels } from './ChannelPairLabels';
import { RingLabels } from './RingLabels';
import { SourceLabel } from './SourceLabel';

/** The DOM layer over the stage canvas: floor labels first, stereo channels' L and R, source names on top. */
export function StageLabels() {
  const ids = useStudioStore(useShallow((s) => s.scene.sources.map((source) => source.id)));
  return (
    <div className="stage-labels" aria-hidden="true">
      <RingLabels />
      <AzimuthLabels />
      {ids.map((id) => (
        <ChannelPairLabels key={id} sourceId={id} />
      ))}
      {ids.map((id) => (
        <SourceLabel key={id} sourceId={id} />
      ))}
    </div>
  );
}
