import { useCallback } from 'react';
import { SCENE_LIMITS } from '../../core/scene/scene';
import { findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { NumberField } from '../controls/NumberField';

export interface PositionFieldsProps {
  readonly sourceId: string;
}

/**
 * Azimuth, elevation and distance in the ADM convention. They follow drags on the stage
 * without re-rendering (NumberField subscribes to the store), and typed values move the source.
 */
export function PositionFields({ sourceId }: PositionFieldsProps) {
  const store = useStudioStoreApi();
  const readAzimuth = useCallback((s: StudioState) => findSource(s.scene, sourceId)?.position.azimuthDeg, [sourceId]);
  const readElevation = useCallback((s: StudioState) => findSource(s.scene, sourceId)?.position.elevationDeg, [sourceId]);
  const readDistance = useCallback((s: StudioState) => findSource(s.scene, sourceId)?.position.distanceM, [sourceId]);
  const move = store.getState().moveSource;
  return (
    <div className="field-grid">
      <NumberField
        testId="inspector-azimuth"
        label="Azimuth"
        unit="°"
        read={readAzimuth}
        onCommit={(v) => move(sourceId, { azimuthDeg: v })}
        decimals={1}
        step={1}
        title="Azimuth in degrees: 0 front, +90 left, -90 right, 180 behind"
      />
      <NumberField
        testId="inspector-elevation"
        label="Elevation"
        unit="°"
        read={readElevation}
        onCommit={(v) => move(sourceId, { elevationDeg: v })}
        decimals={1}
        step={1}
        range={SCENE_LIMITS.elevationDeg}
        title="Elevation in degrees: 0 ear height, +90 overhead, -90 below"
      />
      <NumberField
        testId="inspector-distance"
        label="Distance"
        unit="m"
        read={readDistance}
        onCommit={(v) => move(sourceId, { distanceM: v })}
        decimals={2}
        step={0.1}
        range={SCENE_LIMITS.distanceM}
        title="Distance from the centre of the head in metres (0.1 to 1000)"
      />
    </div>
  );
}
