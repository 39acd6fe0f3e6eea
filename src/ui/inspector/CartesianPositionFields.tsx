import { useCallback } from 'react';
import type { AdmCartesianPosition } from '../../core/scene/objectMetadata';
import { findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { NumberField } from '../controls/NumberField';

export interface CartesianPositionFieldsProps {
  readonly sourceId: string;
}

/** ADM's Cartesian cube: each coordinate -1 to 1. */
const CUBE_RANGE = { min: -1, max: 1 } as const;

const AXES: readonly { readonly axis: keyof Omit<AdmCartesianPosition, 'extraFields'>; readonly title: string }[] = [
  { axis: 'X', title: 'X in the room: -1 left wall, 0 centre, +1 right wall' },
  { axis: 'Y', title: 'Y in the room: -1 back wall, 0 centre, +1 front wall' },
  { axis: 'Z', title: 'Z in the room: -1 floor, 0 ear height, +1 ceiling' },
];

/**
 * A Cartesian object's ADM X, Y, Z (the position in the room, each -1 to 1). They follow
 * drags on the stage (NumberField subscribes to the store); typed values move the object,
 * which stays Cartesian.
 */
export function CartesianPositionFields({ sourceId }: CartesianPositionFieldsProps) {
  const store = useStudioStoreApi();
  const reader = useCallback((axis: 'X' | 'Y' | 'Z') => (s: StudioState) => findSource(s.scene, sourceId)?.cartesianPosition?.[axis], [sourceId]);
  const move = store.getState().moveCartesianSource;
  return (
    <div className="field-grid">
      {AXES.map(({ axis, title }) => (
        <NumberField
          key={axis}
          testId={`inspector-${axis.toLowerCase()}`}
          label={axis}
          read={reader(axis)}
          onCommit={(v) => move(sourceId, { [axis]: v })}
          decimals={3}
          step={0.05}
          range={CUBE_RANGE}
          title={title}
        />
      ))}
    </div>
  );
}
