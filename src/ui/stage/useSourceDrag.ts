import { useThree } from '@react-three/fiber';
import type { ThreeEvent } from '@react-three/fiber';
import { useCallback } from 'react';
import { Plane, Raycaster, Vector2, Vector3 } from 'three';
import type { Camera } from 'three';
import { polarToCartesian } from '../../core/coordinates';
import type { CartesianPosition, PolarPosition } from '../../core/coordinates';
import { sceneToThree, threeToScene } from '../../core/threeAxes';
import { findSource } from '../../state/sceneEdits';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { constantElevationHit, floorDragPosition, heightDragPosition, roomFloorDragPosition, roomHeightDragPosition, roomPoint } from './stageMath';

/** Height change per screen pixel for Shift-drags when the camera looks straight down. */
const PIXEL_HEIGHT_M = 0.02;
/** Hits farther than this (a ray almost parallel to the floor) are ignored. */
const MAX_DRAG_RADIUS_M = 200;

interface OrbitLike {
  enabled: boolean;
}

/**
 * Pointer-down handler that selects a source and drags it: one undo gesture per drag
 * (beginGesture ... commitGesture; Escape cancels). Without Shift the source keeps its
 * elevation angle and follows the pointer around the head (azimuth and distance change;
 * stageMath floorDragPosition). With Shift it keeps its horizontal position and moves up
 * and down only, on the vertical plane through the source facing the camera (elevation and
 * distance follow from the height; heightDragPosition). What a mode keeps is taken when the
 * mode starts (pressing or releasing Shift mid-drag starts the other), unrounded, so the
 * rounding of each move never accumulates. Orbit controls are off while dragging.
 * Moves are read from window pointer events and raycast against the camera, so the drag
 * keeps working when the pointer leaves the sphere. A Cartesian object stays Cartesian: it
 * is dragged in the room box (stageMath roomPoint), on the horizontal plane at its height
 * (X and Y change) or, with Shift, up and down (Z changes), clamped to the cube.
 */
export function useSourceDrag(sourceId: string): (event: ThreeEvent<PointerEvent>) => void {
  const store = useStudioStoreApi();
  const getThree = useThree((s) => s.get);

  return useCallback(
    (event: ThreeEvent<PointerEvent>) => {
      if (event.button !== 0) return;
      event.stopPropagation();
      const initial = store.getState();
      initial.selectSource(sourceId);
      if (findSource(initial.scene, sourceId) === undefined) return;

      const three = getThree();
      const controls = three.controls as unknown as OrbitLike | null;
      if (controls !== null) controls.enabled = false;
      initial.beginGesture();
      document.body.style.cursor = 'grabbing';

      const pointerId = event.pointerId;
      const dom = three.gl.domElement;
      const raycaster = new Raycaster();
      const ndc = new Vector2();
      const plane = new Plane();
      const hit = new Vector3();
      const normal = new Vector3();
      const floorNormal = new Vector3(0, 1, 0);
      let lastClientY = event.nativeEvent.clientY;
      /** What the current mode keeps: the position when it began, in scene axes (a Cartesian object's room point), and its elevation. */
      let anchor: { shift: boolean; at: CartesianPosition; elevationDeg: number } | null = null;
      const toScene = (v: Vector3): CartesianPosition => threeToScene({ x: v.x, y: v.y, z: v.z });

      /** Shift-drags: the pointer on the vertical plane through `at` (at height `heightM`) facing the camera, or, looking straight down, the height moved by the pointer's vertical travel. */
      const heightHit = (camera: Camera, at: CartesianPosition, heightM: number, clientY: number): CartesianPosition | null => {
        camera.getWorldDirection(normal);
        normal.y = 0;
        if (normal.lengthSq() < 0.01) return { ...at, z: heightM - (clientY - lastClientY) * PIXEL_HEIGHT_M };
        const point = sceneToThree({ ...at, z: heightM });
        plane.setFromNormalAndCoplanarPoint(normal.normalize(), hit.set(point.x, point.y, point.z));
        return raycaster.ray.intersectPlane(plane, hit) === null ? null : toScene(hit);
      };
      /** Floor drags of a Cartesian object: the pointer on the horizontal plane at height `heightM`. */
      const floorHit = (heightM: number): CartesianPosition | null => {
        plane.set(floorNormal, -sceneToThree({ x: 0, y: 0, z: heightM }).y);
        if (raycaster.ray.intersectPlane(plane, hit) === null) return null;
        const onFloor = toScene(hit);
        return Math.hypot(onFloor.x, onFloor.y) < MAX_DRAG_RADIUS_M ? onFloor : null;
      };

      const move = (ev: PointerEvent): void => {
        if (ev.pointerId !== pointerId) return;
        const source = findSource(store.getState().scene, sourceId);
        if (source === undefined) {
          finish(false);
          return;
        }
        const rect = dom.getBoundingClientRect();
        ndc.set(((ev.clientX - rect.left) / rect.width) * 2 - 1, -((ev.clientY - rect.top) / rect.height) * 2 + 1);
        const { camera } = getThree();
        raycaster.setFromCamera(ndc, camera);
        const cartesian = source.cartesianPosition;
        if (cartesian !== undefined) {
          if (anchor === null || anchor.shift !== ev.shiftKey) anchor = { shift: ev.shiftKey, at: roomPoint(cartesian.X, cartesian.Y, cartesian.Z), elevationDeg: 0 };
          const next = ev.shiftKey ? heightHit(camera, anchor.at, roomPoint(0, 0, cartesian.Z).z, ev.clientY) : floorHit(anchor.at.z);
          lastClientY = ev.clientY;
          if (next === null) return;
          store.getState().moveCartesianSource(sourceId, ev.shiftKey ? roomHeightDragPosition(cartesian.X, cartesian.Y, next.z) : roomFloorDragPosition(next, cartesian.Z));
          return;
        }
        if (anchor === null || anchor.shift !== ev.shiftKey) {
          anchor = { shift: ev.shiftKey, at: polarToCartesian(source.position), elevationDeg: source.position.elevationDeg };
        }
        const heightM = polarToCartesian(source.position).z;
        let next: PolarPosition | null = null;
        if (ev.shiftKey) {
          const onPlane = heightHit(camera, anchor.at, heightM, ev.clientY);
          if (onPlane !== null) next = heightDragPosition(anchor.at, onPlane.z);
        } else {
          const onCone = constantElevationHit(toScene(raycaster.ray.origin), toScene(raycaster.ray.direction), anchor.elevationDeg, anchor.at.z);
          if (onCone !== null && Math.hypot(onCone.x, onCone.y) < MAX_DRAG_RADIUS_M) next = floorDragPosition(onCone, anchor.elevationDeg);
        }
        lastClientY = ev.clientY;
        if (next !== null) store.getState().moveSource(sourceId, next);
      };

      const onKeyDown = (ev: KeyboardEvent): void => {
        if (ev.key !== 'Escape') return;
        ev.preventDefault();
        ev.stopPropagation();
        finish(true);
      };

      const finish = (cancel: boolean): void => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', onUp);
        window.removeEventListener('pointercancel', onCancel);
        window.removeEventListener('keydown', onKeyDown, true);
        if (cancel) store.getState().cancelGesture();
        else store.getState().commitGesture();
        if (controls !== null) controls.enabled = true;
        document.body.style.cursor = '';
      };
      const onUp = (ev: PointerEvent): void => {
        if (ev.pointerId === pointerId) finish(false);
      };
      const onCancel = (ev: PointerEvent): void => {
        if (ev.pointerId === pointerId) finish(true);
      };

      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', onCancel);
      window.addEventListener('keydown', onKeyDown, true);
    },
    [store, sourceId, getThree],
  );
}
