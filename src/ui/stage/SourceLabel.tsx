import { useShallow } from 'zustand/react/shallow';
import { findSource } from '../../state/sceneEdits';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { drawnPosition } from './drawnSource';
import { SOURCE_RADIUS_M, sourceThreePosition } from './stageMath';
import { useStageLabel } from './useStageLabel';

export interface SourceLabelProps {
  readonly sourceId: string;
}

/** A source's name (and M/S flags) just above its sphere, moved up or down where names would overlap (the selected one keeps its place); follows drags through its anchor. */
export function SourceLabel({ sourceId }: SourceLabelProps) {
  const store = useStudioStoreApi();
  const info = useStudioStore(
    useShallow((s) => {
      const source = findSource(s.scene, sourceId);
      const anySolo = s.scene.sources.some((x) => x.solo);
      return {
        name: source?.name ?? '',
        color: source?.color ?? '#8899aa',
        mute: source?.mute ?? false,
        solo: source?.solo ?? false,
        audible: source !== undefined && !source.mute && (!anySolo || source.solo),
        selected: s.selectedSourceId === sourceId,
      };
    }),
  );
  const ref = useStageLabel(() => {
    const state = store.getState();
    const source = findSource(state.scene, sourceId);
    if (source === undefined) return null;
    const p = sourceThreePosition(drawnPosition(source, state.live.positionSec));
    return { x: p.x, y: p.y + SOURCE_RADIUS_M * 1.6, z: p.z };
  }, () => (store.getState().selectedSourceId === sourceId ? 1 : 0));
  return (
    <div ref={ref} className={`stage-label source-label-anchor ${info.selected ? 'is-selected' : ''}`}>
      <div className={`source-label ${info.selected ? 'is-selected' : ''} ${info.audible ? '' : 'is-silent'}`} data-testid={`stage-label-${sourceId}`}>
        <span className="swatch" style={{ background: info.color }} />
        {info.name}
        {info.mute && <span className="label-flag mute">M</span>}
        {info.solo && <span className="label-flag solo">S</span>}
      </div>
    </div>
  );
}
