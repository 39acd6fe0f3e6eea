import { findSource } from '../../state/sceneEdits';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { selectShowsChannelPair } from './ChannelPair';
import { SOURCE_RADIUS_M, spreadObjectThreePosition } from './stageMath';
import { useStageLabel } from './useStageLabel';

export interface ChannelPairLabelsProps {
  readonly sourceId: string;
}

/** "L" and "R" just above a stereo stem's two objects (ChannelPair); hidden while the source is drawn alone. */
export function ChannelPairLabels({ sourceId }: ChannelPairLabelsProps) {
  return (
    <>
      <ChannelLabel sourceId={sourceId} side={1} text="L" />
      <ChannelLabel sourceId={sourceId} side={-1} text="R" />
    </>
  );
}

interface ChannelLabelProps {
  readonly sourceId: string;
  readonly side: 1 | -1;
  readonly text: string;
}

/** Small, muted, and never over a source's name (those sit above them). */
const LABEL_STYLE = { fontSize: '9px', fontWeight: 700, color: '#9aa6b6', textShadow: '0 0 3px #0f1216' } as const;

function ChannelLabel({ sourceId, side, text }: ChannelLabelProps) {
  const store = useStudioStoreApi();
  const ref = useStageLabel(() => {
    const state = store.getState();
    const source = findSource(state.scene, sourceId);
    if (source === undefined || !selectShowsChannelPair(state, sourceId)) return null;
    const p = spreadObjectThreePosition(source, side);
    return { x: p.x, y: p.y + SOURCE_RADIUS_M * 1.1, z: p.z };
  });
  return (
    <div ref={ref} className="stage-label channel-label" data-testid={`stage-channel-label-${sourceId}-${text}`}>
      <span style={LABEL_STYLE}>{text}</span>
    </div>
  );
}
