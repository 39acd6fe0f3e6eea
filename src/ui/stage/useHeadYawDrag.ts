import { useThree } from '@react-three/fiber';
import type { ThreeEvent } from '@react-three/fiber';
import { useCallback } from 'react';
import { Plane, Raycaster, Vector2, Vector3 } from 'three';
import { threeToScene } from '../../core/threeAxes';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { draggedYawDeg } from './stageMath';

interface OrbitLike {
  enabled: boolean;
}

/**
 * Pointer-down handler that turns the monitor head by dragging the head around its centre
 * (the pointer's floor position, raycast on the ear-height plane): monitoring only, so no
 * undo step and nothing in the scene. Escape puts the head back where the drag began;
 * orbiting is off meanwhile.
 */
export function useHeadYawDrag(): (event: ThreeEvent<PointerEvent>) => void {
  const store = useStudioStoreApi();
  const getThree = useThree((s) => s.get);

  return useCallback(
    (event: ThreeEvent<PointerEvent>) => {
      if (event.button !== 0) return;
      event.stopPropagation();
      const three = getThree();
      const controls = three.controls as unknown as OrbitLike | null;
      const dom = three.gl.domElement;
      const raycaster = new Raycaster();
      const ndc = new Vector2();
      const floor = new Plane(new Vector3(0, 1, 0), 0);
      const hit = new Vector3();
      const floorHit = (ev: PointerEvent): { x: number; y: number } | null => {
        const rect = dom.getBoundingClientRect();
        ndc.set(((ev.clientX - rect.left) / rect.width) * 2 - 1, -((ev.clientY - rect.top) / rect.height) * 2 + 1);
        raycaster.setFromCamera(ndc, getThree().camera);
        if (raycaster.ray.intersectPlane(floor, hit) === null) return null;
        const scene = threeToScene(hit);
        return Math.hypot(scene.x, scene.y) < 1e-3 ? null : scene;
      };
      const start = floorHit(event.nativeEvent);
      if (start === null) return;
      const startYawDeg = store.getState().monitorHead.yawDeg;
      if (controls !== null) controls.enabled = false;
      const pointerId = event.pointerId;

      const move = (ev: PointerEvent): void => {
        if (ev.pointerId !== pointerId) return;
        const at = floorHit(ev);
        if (at !== null) store.getState().setMonitorHead({ yawDeg: draggedYawDeg(startYawDeg, start, at) });
      };
      const finish = (cancel: boolean): void => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', onUp);
        window.removeEventListener('keydown', onKeyDown, true);
        if (cancel) store.getState().setMonitorHead({ yawDeg: startYawDeg });
        if (controls !== null) controls.enabled = true;
      };
      const onUp = (ev: PointerEvent): void => {
        if (ev.pointerId === pointerId) finish(false);
      };
      const onKeyDown = (ev: KeyboardEvent): void => {
        if (ev.key !== 'Escape') return;
        ev.preventDefault();
        finish(true);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('keydown', onKeyDown, true);
    },
    [store, getThree],
  );
}
