import { useThree } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import { OrthographicCamera, PerspectiveCamera } from 'three';
import type { Vector3 } from 'three';
import type { ViewRequest } from './Stage';
import { STAGE_VIEWS, orthographicZoom, sceneToThree } from './stageMath';

export interface CameraRigProps {
  readonly view: ViewRequest;
}

interface OrbitLike {
  readonly target: Vector3;
  update(): void;
}

/** Near and far planes of both cameras, metres (as the canvas's perspective camera). */
const NEAR_M = 0.05;
const FAR_M = 400;

/**
 * Moves the camera (and the orbit target) to the requested view preset, and switches
 * between the canvas's perspective camera (the free view) and one orthographic camera
 * (Top, Front, Side) as the preset asks. The orthographic frustum spans the canvas in
 * pixels, as react-three-fiber keeps it on resize; its zoom (pixels per metre) is set so
 * the 5 m ring fits, and the orbit controls' wheel changes it from there.
 */
export function CameraRig({ view }: CameraRigProps) {
  const camera = useThree((s) => s.camera);
  const set = useThree((s) => s.set);
  const getThree = useThree((s) => s.get);
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const invalidate = useThree((s) => s.invalidate);
  const perspective = useRef<PerspectiveCamera | null>(null);
  const [orthographic] = useState(() => new OrthographicCamera(-1, 1, 1, -1, NEAR_M, FAR_M));

  if (perspective.current === null && camera instanceof PerspectiveCamera) perspective.current = camera;

  // Choose the view's camera; a new camera re-runs this effect through `camera` and `controls`.
  useEffect(() => {
    const preset = STAGE_VIEWS[view.name];
    const wanted = preset.projection === 'orthographic' ? orthographic : (perspective.current ?? camera);
    if (!(wanted instanceof OrthographicCamera || wanted instanceof PerspectiveCamera)) return;
    const { size } = getThree();
    if (wanted instanceof OrthographicCamera) {
      wanted.left = size.width / -2;
      wanted.right = size.width / 2;
      wanted.top = size.height / 2;
      wanted.bottom = size.height / -2;
      wanted.zoom = orthographicZoom(size.width, size.height);
      wanted.updateProjectionMatrix();
    } else {
      wanted.aspect = size.width / Math.max(1, size.height);
      wanted.updateProjectionMatrix();
    }
    if (wanted !== camera) {
      set({ camera: wanted });
      return;
    }
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
  }, [view, camera, controls, invalidate, orthographic, set, getThree]);

  return null;
}
