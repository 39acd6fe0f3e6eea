import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { AzimuthLabels } from './AzimuthLabels';
import { ChannelPairLabels } from './ChannelPairLabels';
import { RingLabels } from './RingLabels';
import { SourceLabel } from './SourceLabel';
import { SpeakerLabels } from './SpeakerLabels';

/** The DOM layer over the stage canvas: floor labels first, the monitored loudspeakers, stereo channels' L and R, source names on top. */
export function StageLabels() {
  const ids = useStudioStore(useShallow((s) => s.scene.sources.map((source) => source.id)));
  return (
    <div className="stage-labels" aria-hidden="true">
      <RingLabels />
      <AzimuthLabels />
      <SpeakerLabels />
      {ids.map((id) => (
        <ChannelPairLabels key={id} sourceId={id} />
      ))}
      {ids.map((id) => (
        <SourceLabel key={id} sourceId={id} />
      ))}
    </div>
  );
}
