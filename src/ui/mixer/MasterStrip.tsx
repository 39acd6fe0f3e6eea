import { useCallback, useState } from 'react';
import { isNeutral, midSideOrDefault } from '../../core/scene/midSideSettings';
import type { MidSideSettingsPatch } from '../../core/scene/midSideSettings';
import type { StudioState } from '../../state/studioState';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { ToggleButton } from '../controls/ToggleButton';
import { MidSideControls } from '../inspector/MidSideControls';
import { WidthRow } from '../inspector/WidthRow';
import { SceneRotationRow } from './SceneRotationRow';
import '../inspector/midSide.css';

const readMaster = (s: StudioState) => midSideOrDefault(s.scene.master?.midSide);
const readWidth = (s: StudioState) => readMaster(s).widthPercent;

/**
 * The master strip at the end of the mixer, the mix parameters of the whole scene in two
 * columns: the master's mid/side width at hand with a panel of every mid/side control (it
 * processes the stereo fold-down, and so the mono one, and the binaural output), and the
 * scene rotation.
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
      <div className="master-columns">
        <div className="master-column">
          <WidthRow testId="master-width" label="Master mid/side width" fieldLabel="Master width" read={readWidth} onChange={setWidth} layout="strip" />
          <ToggleButton testId="master-ms-open" label="Master mid/side controls" className="small" pressed={open} onToggle={() => setOpen(!open)}>
            Mid/side…
          </ToggleButton>
        </div>
        <div className="master-column">
          <SceneRotationRow />
        </div>
      </div>
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
