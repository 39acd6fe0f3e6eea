import { useCallback } from 'react';
import { SCENE_LIMITS } from '../../core/scene/scene';
import { findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { Fader } from '../controls/Fader';
import { NumberField } from '../controls/NumberField';

export interface SpreadFieldProps {
  readonly sourceId: string;
  /** The stem has two channels: spread places them at azimuth +/- spread/2. */
  readonly stereo: boolean;
  /** The stem's channel count is known. */
  readonly loaded: boolean;
}

/** Stereo spread in degrees (stereo stems only; mono stems have no width to set). */
export function SpreadField({ sourceId, stereo, loaded }: SpreadFieldProps) {
  const store = useStudioStoreApi();
  const read = useCallback((s: StudioState) => findSource(s.scene, sourceId)?.spreadDeg, [sourceId]);
  const set = useCallback((value: number) => store.getState().setSpread(sourceId, value), [store, sourceId]);
  if (!stereo) {
    return (
      <p className="empty-note small" data-testid="inspector-spread-unavailable">
        {loaded ? 'Mono stem: spread applies to stereo stems only.' : 'Spread is available once the stem is loaded (stereo stems only).'}
      </p>
    );
  }
  return (
    <div className="gain-control">
      <Fader
        testId="inspector-spread-fader"
        label="Spread fader"
        read={read}
        onChange={set}
        min={0}
        max={180}
        step={1}
        keyStep={5}
        resetValue={60}
        formatValue={(v) => `${v} degrees`}
        title="Spread (double-click: 60°)"
      />
      <NumberField
        testId="inspector-spread"
        label="Spread"
        hideLabel
        unit="°"
        read={read}
        onCommit={set}
        decimals={0}
        step={5}
        range={SCENE_LIMITS.spreadDeg}
        title="Angle between the left and right channels, centred on the azimuth"
      />
    </div>
  );
}
