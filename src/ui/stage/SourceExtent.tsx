import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide } from 'three';
import type { Mesh } from 'three';
import { createObjectValues } from '../../core/scene/objectValues';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { writeDrawnValues } from './drawnSource';
import { stageExtent } from './stageExtent';
import type { StageExtent } from './stageExtent';
import { useDrawnSource } from './useDrawnSource';

/** The name of the extent's mesh (browser tests find it by it; its userData.extent is what is drawn). */
export const EXTENT_MESH_NAME = 'source-extent';

/**
 * The selected source's extent around it (stageExtent.ts): a translucent patch of the
 * sphere at its distance for a polar object, a box for a Cartesian one; at its values at
 * the transport's time, so it follows the inspector's fields and the timeline.
 */
export function SourceExtent() {
  const selectedId = useStudioStore((s) => s.selectedSourceId);
  const color = useStudioStore((s) => s.scene.sources.find((x) => x.id === s.selectedSourceId)?.color ?? '#8899aa');
  const patchRef = useRef<Mesh>(null);
  const boxRef = useRef<Mesh>(null);
  const patch = useMemo(() => new BufferGeometry(), []);
  const values = useMemo(() => createObjectValues(), []);
  const shown = useRef('');

  useEffect(() => () => patch.dispose(), [patch]);

  useDrawnSource(selectedId, (source, timeSec) => {
    let extent: StageExtent | null = null;
    if (source !== undefined) {
      writeDrawnValues(source, timeSec, values);
      extent = stageExtent(values);
    }
    const key = extent === null ? '' : extentKey(extent, values.azimuthDeg, values.elevationDeg);
    if (key === shown.current) return false;
    shown.current = key;
    const patchMesh = patchRef.current;
    const boxMesh = boxRef.current;
    if (patchMesh === null || boxMesh === null) return false;
    patchMesh.visible = extent?.kind === 'patch';
    boxMesh.visible = extent?.kind === 'box';
    patchMesh.userData.extent = extent;
    boxMesh.userData.extent = extent;
    if (extent?.kind === 'patch') {
      patch.setAttribute('position', new BufferAttribute(extent.positions, 3));
      patch.setIndex(new BufferAttribute(extent.indices, 1));
      patch.computeBoundingSphere();
    } else if (extent?.kind === 'box') {
      boxMesh.position.set(extent.centre.x, extent.centre.y, extent.centre.z);
      // A unit box scaled; a zero size still shows as a flat face.
      boxMesh.scale.set(Math.max(extent.size.x, 1e-3), Math.max(extent.size.y, 1e-3), Math.max(extent.size.z, 1e-3));
    }
    return true;
  });

  return (
    <group>
      <mesh ref={patchRef} name={EXTENT_MESH_NAME} geometry={patch} visible={false} raycast={() => null}>
        <meshBasicMaterial color={color} transparent opacity={0.22} side={DoubleSide} depthWrite={false} />
      </mesh>
      <mesh ref={boxRef} name={`${EXTENT_MESH_NAME}-box`} visible={false} raycast={() => null}>
        <boxGeometry args={[1, 1, 1]} />
        <meshBasicMaterial color={color} transparent opacity={0.18} depthWrite={false} />
      </mesh>
    </group>
  );
}

function extentKey(extent: StageExtent, azimuthDeg: number, elevationDeg: number): string {
  return extent.kind === 'patch'
    ? `patch ${extent.widthDeg} ${extent.heightDeg} ${extent.radiusM} ${azimuthDeg} ${elevationDeg}`
    : `box ${extent.centre.x} ${extent.centre.y} ${extent.centre.z} ${extent.size.x} ${extent.size.y} ${extent.size.z}`;
}
