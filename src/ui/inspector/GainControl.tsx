import { useCallback } from 'react';
import { findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { Fader } from '../controls/Fader';
import { NumberField } from '../controls/NumberField';
import { formatDb } from '../format';

export interface GainControlProps {
  readonly sourceId: string;
}

/** Fader range in dB (the numeric field accepts the whole -120..+24 dB of the scene limits). */
export const FADER_MIN_DB = -60;
export const FADER_MAX_DB = 12;

/** Screen-reader text of a gain fader. */
export function formatGain(gainDb: number): string {
  return `${formatDb(gainDb)} dB`;
}

/** Gain in dB: a fader and a numeric field that agree. */
export function GainControl({ sourceId }: GainControlProps) {
  const store = useStudioStoreApi();
  const read = useCallback((s: StudioState) => findSource(s.scene, sourceId)?.gainDb, [sourceId]);
  const set = useCallback((value: number) => store.getState().setGain(sourceId, value), [store, sourceId]);
  return (
    <div className="gain-control">
      <Fader
        testId="inspector-gain-fader"
        label="Gain fader"
        read={read}
        onChange={set}
        min={FADER_MIN_DB}
        max={FADER_MAX_DB}
        step={0.1}
        keyStep={0.5}
        resetValue={0}
        formatValue={formatGain}
        className="gain-fader"
        title="Gain (double-click: 0 dB)"
      />
      <NumberField testId="inspector-gain" label="Gain" hideLabel unit="dB" read={read} onCommit={set} decimals={1} step={0.5} />
    </div>
  );
}
