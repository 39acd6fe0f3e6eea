import { useCallback } from 'react';
import { extentLimits, findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { NumberField } from '../controls/NumberField';

export interface ExtentFieldsProps {
  readonly sourceId: string;
}

/**
 * The object's extent as ADM (BS.2076-2) has it: a polar object's width and height in
 * degrees and depth as a fraction of its distance, a Cartesian object's sizes as fractions
 * of the room (cube units). The stage draws it around the object and lights the
 * loudspeakers it reaches. A timeline's blocks may set their own extent over these.
 */
export function ExtentFields({ sourceId }: ExtentFieldsProps) {
  const store = useStudioStoreApi();
  const cartesian = useStudioStore((s) => findSource(s.scene, sourceId)?.cartesianPosition !== undefined);
  const readWidth = useCallback((s: StudioState) => findSource(s.scene, sourceId)?.width ?? 0, [sourceId]);
  const readHeight = useCallback((s: StudioState) => findSource(s.scene, sourceId)?.height ?? 0, [sourceId]);
  const readDepth = useCallback((s: StudioState) => findSource(s.scene, sourceId)?.depth ?? 0, [sourceId]);
  const limits = extentLimits(cartesian);
  const set = store.getState().setExtent;
  const unit = cartesian ? '' : '°';
  return (
    <div className="field-grid">
      <NumberField
        testId="inspector-extent-width"
        label="Width"
        unit={unit}
        read={readWidth}
        onCommit={(v) => set(sourceId, { width: v })}
        decimals={cartesian ? 2 : 0}
        step={cartesian ? 0.05 : 5}
        range={limits.width}
        title={cartesian ? 'Extent along X (left-right), room fraction 0 to 2' : 'Extent across, degrees 0 to 360'}
      />
      <NumberField
        testId="inspector-extent-height"
        label="Height"
        unit={unit}
        read={readHeight}
        onCommit={(v) => set(sourceId, { height: v })}
        decimals={cartesian ? 2 : 0}
        step={cartesian ? 0.05 : 5}
        range={limits.height}
        title={cartesian ? 'Extent along Z (up-down), room fraction 0 to 2' : 'Extent up and down, degrees 0 to 360'}
      />
      <NumberField
        testId="inspector-extent-depth"
        label="Depth"
        read={readDepth}
        onCommit={(v) => set(sourceId, { depth: v })}
        decimals={2}
        step={0.05}
        range={limits.depth}
        title={cartesian ? 'Extent along Y (front-back), room fraction 0 to 2' : 'Extent in distance, fraction 0 to 1'}
      />
    </div>
  );
}
