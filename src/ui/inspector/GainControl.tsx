import { useCallback } from 'react';
import { findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { SCENE_LIMITS } from '../../core/scene/scene';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { Fader } from '../controls/Fader';
import { GAIN_FADER_TAPER } from '../controls/faderTaper';
import { NumberField } from '../controls/NumberField';
import { formatDb } from '../format';

export interface GainControlProps {
  readonly sourceId: string;
}

/** The gain faders' tooltip. */
export const GAIN_FADER_TITLE = 'Gain (Shift+drag: fine; double-click: 0 dB)';

/** Screen-reader text of a gain fader. */
export function formatGain(gainDb: number): string {
  return `${formatDb(gainDb)} dB`;
}

/**
 * Gain in dB: a fader on the console taper (GAIN_FADER_TAPER, -120 to +12 dB) and a
 * numeric field that agree; the field takes the whole -120..+24 dB of the scene limits and
 * refuses anything outside with a message naming that range.
 */
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
        min={GAIN_FADER_TAPER.minDb}
        max={GAIN_FADER_TAPER.maxDb}
        taper={GAIN_FADER_TAPER}
        step={0.1}
        keyStep={0.5}
        resetValue={0}
        formatValue={formatGain}
        className="gain-fader"
        title={GAIN_FADER_TITLE}
      />
      <NumberField testId="inspector-gain" label="Gain" hideLabel unit="dB" read={read} onCommit={set} decimals={1} step={0.5} range={SCENE_LIMITS.gainDb} />
    </div>
  );
}
