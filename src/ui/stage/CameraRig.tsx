import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Vector3 } from 'three';
import type { ViewRequest } from './Stage';
import { STAGE_VIEWS, sceneToThree } from './stageMath';

export interface CameraRigProps {
  readonly view: ViewRequest;
}

interface OrbitLike {
  readonly target: Vector3;
  update(): void;
}

/** Moves the camera (and the orbit target) to the requested view preset. */
export function CameraRig({ view }: CameraRigProps) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    const preset = STAGE_VIEWS[view.name];
    const position = sceneToThree(preset.camera);
    const target = sceneToThree(preset.target);
    camera.up.set(0, 1, 0);
    camera.position.set(position.x, position.y, position.z);
    camera.lookAt(target.x, target.y, target.z);
    if (controls !== null) {
      controls.target.set(target.x, target.y, target.z);
      controls.update();
    }
    camera.updateMatrixWorld();
    invalidate();
  }, [view, camera, controls, invalidate]);

  return null;
}
