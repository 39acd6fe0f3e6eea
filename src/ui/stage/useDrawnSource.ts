import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { SceneSource } from '../../core/scene/scene';
import { findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { sourceMoves } from './drawnSource';

/**
 * Keeps something drawn for a source up to date without re-rendering: `draw(source, timeSec)`
 * runs on every store change (edits, seeks) and, for a source that moves, on every frame
 * (at the engine's latest playhead), and returns whether it changed what is drawn (a
 * frame is then requested). `sourceId` null draws nothing.
 */
export function useDrawnSource(sourceId: string | null, draw: (source: SceneSource | undefined, timeSec: number) => boolean): void {
  const store = useStudioStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const drawRef = useRef(draw);
  drawRef.current = draw;

  useEffect(() => {
    const apply = (state: StudioState): void => {
      const source = sourceId === null ? undefined : findSource(state.scene, sourceId);
      if (drawRef.current(source, state.live.positionSec)) invalidate();
    };
    apply(store.getState());
    return store.subscribe(apply);
  }, [store, sourceId, invalidate]);

  useFrame(() => {
    if (sourceId === null) return;
    const state = store.getState();
    const source = findSource(state.scene, sourceId);
    if (source === undefined || !sourceMoves(source)) return;
    if (drawRef.current(source, state.live.positionSec)) invalidate();
  });
}
