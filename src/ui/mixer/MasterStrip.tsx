import { useCallback, useState } from 'react';
import { MID_SIDE_LIMITS, isNeutral, midSideOrDefault } from '../../core/midSideSettings';
import type { MidSideSettingsPatch } from '../../core/midSideSettings';
import type { StudioState } from '../../state/studioState';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { Fader } from '../controls/Fader';
import { NumberField } from '../controls/NumberField';
import { ToggleButton } from '../controls/ToggleButton';
import { MidSideControls } from '../inspector/MidSideControls';
import '../inspector/midSide.css';

const readMaster = (s: StudioState) => midSideOrDefault(s.scene.master?.midSide);
const readWidth = (s: StudioState) => readMaster(s).widthPercent;

/**
 * The master strip at the end of the mixer: the master's mid/side width at hand, and a
 * panel with every mid/side control (it processes the stereo fold-down, and so the mono
 * one, and the binaural output).
 */
export function MasterStrip() {
  const store = useStudioStoreApi();
  const [open, setOpen] = useState(false);
  const active = useStudioStore((s) => !isNeutral(readMaster(s)));
  const change = useCallback((patch: MidSideSettingsPatch) => store.getState().setMasterMidSide(patch), [store]);
  const reset = useCallback(() => store.getState().resetMasterMidSide(), [store]);
  const setWidth = useCallback((widthPercent: number) => change({ widthPercent }), [change]);

  return (
    <section className="strip master-strip" aria-label="Master" data-testid="master-strip">
      <div className="master-strip-head">
        <span className="strip-name-text">Master</span>
        <span className={`master-ms-badge ${active ? 'is-active' : ''}`} data-testid="master-ms-badge">
          {active ? 'M/S on' : 'M/S off'}
        </span>
      </div>
      <span className="master-strip-label">Width</span>
      <div className="master-width">
        <Fader
          testId="master-width-fader"
          label="Master mid/side width"
          read={readWidth}
          onChange={setWidth}
          min={MID_SIDE_LIMITS.widthPercent.min}
          max={MID_SIDE_LIMITS.widthPercent.max}
          step={1}
          keyStep={5}
          resetValue={100}
          origin={100}
          formatValue={(v) => `${v} percent`}
          title="Master width: 0 % mono, 100 % as is, 200 % side doubled (double-click: 100 %)"
        />
        <NumberField testId="master-width" label="Master width" hideLabel unit="%" read={readWidth} onCommit={setWidth} decimals={0} step={5} />
      </div>
      <ToggleButton testId="master-ms-open" label="Master mid/side controls" className="small" pressed={open} onToggle={() => setOpen(!open)}>
        Mid/side…
      </ToggleButton>
      {open && (
        <div className="master-ms-panel panel" role="dialog" aria-label="Master mid/side" data-testid="master-ms-panel">
          <h3 className="section-title">
            Master mid/side <span className="section-hint">stereo, mono and binaural</span>
          </h3>
          <MidSideControls testIdPrefix="master-ms" owner="the master" read={readMaster} onChange={change} onReset={reset} />
        </div>
      )}
    </section>
  );
}
