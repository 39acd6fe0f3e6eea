import { useCallback } from 'react';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { Fader } from '../controls/Fader';
import { NumberField } from '../controls/NumberField';

export interface ListenerYawControlProps {
  readonly className?: string;
}

/** The listener's head yaw (degrees, positive turns to the LEFT): a slider and a numeric field. */
export function ListenerYawControl({ className = '' }: ListenerYawControlProps) {
  const store = useStudioStoreApi();
  const readYaw = useCallback((s: StudioState) => s.scene.listener.yawDeg, []);
  const setYaw = useCallback((value: number) => store.getState().setListenerYaw(value), [store]);

  return (
    <div className={`yaw-control ${className}`}>
      <span className="toolbar-label">Yaw</span>
      <Fader
        testId="listener-yaw-slider"
        label="Listener head yaw in degrees (positive turns left)"
        read={readYaw}
        onChange={setYaw}
        min={-180}
        max={180}
        step={1}
        keyStep={1}
        origin={0}
        resetValue={0}
        formatValue={(v) => `${v} degrees${v > 0 ? ' left' : v < 0 ? ' right' : ''}`}
        className="yaw-fader"
        title="Head yaw: drag to turn the listener (double-click: face front)"
      />
      <NumberField
        testId="listener-yaw"
        label="Head yaw"
        hideLabel
        unit="°"
        read={readYaw}
        onCommit={setYaw}
        decimals={0}
        title="Head yaw in degrees, + = turned left"
      />
    </div>
  );
}
