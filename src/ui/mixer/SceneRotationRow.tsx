import { useCallback } from 'react';
import { sceneRotationDeg } from '../../core/scene/sceneRotation';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { AngleControl } from '../controls/AngleControl';

const readRotation = (s: StudioState) => sceneRotationDeg(s.scene.listener);

/**
 * The scene rotation, a mix parameter (core/scene/sceneRotation.ts): degrees, positive turns the
 * whole scene to the left. An undoable scene edit (a fader drag is one step), saved in the
 * scene and in every export; the top bar's head yaw only turns what is heard.
 */
export function SceneRotationRow() {
  const store = useStudioStoreApi();
  const setRotation = useCallback((rotationDeg: number) => store.getState().setSceneRotation(rotationDeg), [store]);

  return (
    <div className="master-row">
      <span className="master-strip-label">Scene rotation</span>
      <AngleControl
        testId="scene-rotation"
        faderLabel="Scene rotation in degrees (positive turns the scene left)"
        fieldLabel="Scene rotation"
        read={readRotation}
        onChange={setRotation}
        faderTitle="Scene rotation: turns the whole mix, in the scene file and every export (double-click: 0)"
        fieldTitle="Scene rotation in degrees, + = the scene turned left; part of the mix and of exports"
      />
    </div>
  );
}
