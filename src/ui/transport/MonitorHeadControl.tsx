import { useCallback } from 'react';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { AngleControl } from '../controls/AngleControl';

export interface MonitorHeadControlProps {
  readonly className?: string;
}

const readYaw = (s: StudioState) => s.monitorHead.yawDeg;

/**
 * The monitor head's yaw (degrees, positive turns to the LEFT): a slider and a numeric
 * field. It turns what is heard only: not the scene, not undone, never exported (the
 * Master strip's Scene rotation is the mix parameter that turns an export).
 */
export function MonitorHeadControl({ className = '' }: MonitorHeadControlProps) {
  const store = useStudioStoreApi();
  const setYaw = useCallback((yawDeg: number) => store.getState().setMonitorHead({ yawDeg }), [store]);

  return (
    <div className={`yaw-control ${className}`}>
      <span className="toolbar-label" title="Monitoring only: not saved in the scene, not undone, never exported">
        Head
      </span>
      <AngleControl
        testId="monitor-head-yaw"
        faderLabel="Monitor head yaw in degrees (positive turns left; monitoring only)"
        fieldLabel="Monitor head yaw"
        read={readYaw}
        onChange={setYaw}
        faderTitle="Head yaw while monitoring: drag to turn your head (double-click: face front). Not saved, not undone, never exported"
        fieldTitle="Head yaw in degrees, + = turned left; monitoring only, never exported"
        faderClassName="yaw-fader"
      />
    </div>
  );
}
