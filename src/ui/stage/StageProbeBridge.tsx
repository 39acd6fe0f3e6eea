import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { LineSegments, Vector3 } from 'three';
import type { PolarPosition } from '../../core/coordinates';
import { findSource } from '../../state/sceneEdits';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { drawnPosition } from './drawnSource';
import { ROOM_BOX_NAME } from './RoomBox';
import { EXTENT_MESH_NAME } from './SourceExtent';
import type { StageExtent } from './stageExtent';
import type { ScreenPoint, StageProbe } from './stageProbe';
import { sourceThreePosition } from './stageMath';

export interface StageProbeBridgeProps {
  readonly onProbe: (probe: StageProbe | null) => void;
}

/** Hands a StageProbe (projection of scene positions to screen pixels) to the page. */
export function StageProbeBridge({ onProbe }: StageProbeBridgeProps) {
  const store = useStudioStoreApi();
  const getThree = useThree((s) => s.get);

  useEffect(() => {
    const project = (position: PolarPosition): ScreenPoint | null => {
      const { camera, gl } = getThree();
      camera.updateMatrixWorld();
      const p = sourceThreePosition(position);
      const v = new Vector3(p.x, p.y, p.z).project(camera);
      if (v.z > 1 || v.z < -1) return null;
      const rect = gl.domElement.getBoundingClientRect();
      return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
    };
    const probe: StageProbe = {
      sourceScreenPosition(sourceId) {
        const state = store.getState();
        const source = findSource(state.scene, sourceId);
        return source === undefined ? null : project(drawnPosition(source, state.live.positionSec));
      },
      positionScreenPosition: project,
      sourceDrawnPosition(sourceId) {
        const group = getThree().scene.getObjectByName(`source-${sourceId}`);
        return group === undefined ? null : { x: group.position.x, y: group.position.y, z: group.position.z };
      },
      speakerDrawnPosition(label) {
        const mesh = getThree().scene.getObjectByName(`stage-speaker-${label}`);
        return mesh === undefined ? null : { x: mesh.position.x, y: mesh.position.y, z: mesh.position.z };
      },
      drawnExtent() {
        const { scene } = getThree();
        for (const name of [EXTENT_MESH_NAME, `${EXTENT_MESH_NAME}-box`]) {
          const mesh = scene.getObjectByName(name);
          if (mesh?.visible === true) return (mesh.userData.extent as StageExtent | null | undefined) ?? null;
        }
        return null;
      },
      drawnRoomBox() {
        const box = getThree().scene.getObjectByName(ROOM_BOX_NAME);
        if (!(box instanceof LineSegments) || !box.visible) return null;
        box.geometry.computeBoundingBox();
        const { min, max } = box.geometry.boundingBox!;
        return { min: { x: min.x, y: min.y, z: min.z }, max: { x: max.x, y: max.y, z: max.z } };
      },
    };
    onProbe(probe);
    return () => onProbe(null);
  }, [store, getThree, onProbe]);

  return null;
}
