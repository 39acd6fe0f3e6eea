import { Canvas } from '@react-three/fiber';
import { useState } from 'react';
import { createStageLabelRegistry } from './stageLabels';
import { StageLabels } from './StageLabels';
import { StageLabelContext } from './useStageLabel';
import { StudioStoreProvider, useStudioStoreApi } from '../../state/StudioStoreProvider';
import type { StageProbe } from './stageProbe';
import { StageErrorBoundary } from './StageErrorBoundary';
import { StageScene } from './StageScene';
import { STAGE_VIEWS, sceneToThree } from './stageMath';
import type { StageViewName } from './stageMath';
import { StageObjectList } from './StageObjectList';
import { ViewButtons } from './ViewButtons';

export interface StageProps {
  readonly className?: string;
  /** Receives the stage's probe (screen positions, for browser tests) once the canvas is up; null on unmount. */
  readonly onProbe?: (probe: StageProbe | null) => void;
}

/** A camera view request: the serial makes a second click on the same view reset the camera. */
export interface ViewRequest {
  readonly name: StageViewName;
  readonly serial: number;
}

const INITIAL_CAMERA = sceneToThree(STAGE_VIEWS.perspective.camera);

/**
 * The 3D stage: the listener's head at the centre, sources around it, the floor's distance
 * rings and azimuth marks. Renders on demand (frameloop "demand"): a frame is drawn when
 * the camera moves, the scene changes, or a meter frame arrives, so an idle studio costs
 * no GPU time; while playing, meter frames (about 30 per second) drive the redraws.
 */
export function Stage({ className = '', onProbe }: StageProps) {
  const store = useStudioStoreApi();
  const [view, setView] = useState<ViewRequest>({ name: 'perspective', serial: 0 });
  const [labels] = useState(createStageLabelRegistry);

  return (
    <div className={`stage ${className}`} data-testid="stage">
      <StageErrorBoundary>
        <div className="stage-canvas" data-testid="stage-canvas" role="region" aria-label="3D stage: sources around the listener's head">
          <Canvas
            frameloop="demand"
            dpr={[1, 2]}
            gl={{ antialias: true, powerPreference: 'default', preserveDrawingBuffer: false }}
            camera={{ fov: 40, near: 0.05, far: 400, position: [INITIAL_CAMERA.x, INITIAL_CAMERA.y, INITIAL_CAMERA.z] }}
            onPointerMissed={() => store.getState().selectSource(null)}
          >
            <StudioStoreProvider store={store}>
              <StageScene view={view} labels={labels} {...(onProbe === undefined ? {} : { onProbe })} />
            </StudioStoreProvider>
          </Canvas>
        </div>
        <StageLabelContext.Provider value={labels}>
          <StageLabels />
        </StageLabelContext.Provider>
      </StageErrorBoundary>
      <StageObjectList />
      <ViewButtons current={view.name} onSelect={(name) => setView((v) => ({ name, serial: v.serial + 1 }))} />
      <p className="stage-hint" aria-hidden="true">
        Drag a source: move · Shift+drag: height · Drag space: orbit · Right-drag: pan · Wheel: zoom
      </p>
    </div>
  );
}
