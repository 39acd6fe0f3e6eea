import { useCallback } from 'react';
import { midSideOrDefault } from '../../core/scene/midSideSettings';
import type { MidSideSettingsPatch } from '../../core/scene/midSideSettings';
import { findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { MidSideControls } from './MidSideControls';

export interface MidSideSectionProps {
  readonly sourceId: string;
  readonly sourceName: string;
  /** Channel count of the stem, when loaded. */
  readonly channels: number | undefined;
}

/** The inspector's "Mid/side" section: the selected source's stem processing before it becomes objects. */
export function MidSideSection({ sourceId, sourceName, channels }: MidSideSectionProps) {
  const store = useStudioStoreApi();
  const read = useCallback((s: StudioState) => {
    const source = findSource(s.scene, sourceId);
    return source === undefined ? undefined : midSideOrDefault(source.midSide);
  }, [sourceId]);
  const change = useCallback((patch: MidSideSettingsPatch) => store.getState().setSourceMidSide(sourceId, patch), [store, sourceId]);
  const reset = useCallback(() => store.getState().resetSourceMidSide(sourceId), [store, sourceId]);
  return (
    <section className="inspector-section" aria-label="Mid/side" data-testid="inspector-midside">
      <h3 className="section-title">
        Mid/side <span className="section-hint">on the stem, before placement</span>
      </h3>
      <MidSideControls testIdPrefix="inspector-ms" owner={sourceName} read={read} onChange={change} onReset={reset} monoStem={channels === 1} />
    </section>
  );
}
