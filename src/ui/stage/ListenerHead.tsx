import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { Group } from 'three';
import { yawDegToThreeRotationY } from '../../core/threeAxes';
import { wrapAzimuthDeg } from '../../core/units';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import type { StudioState } from '../../state/studioState';
import { useHeadYawDrag } from './useHeadYawDrag';

export interface ListenerHeadProps {
  /** Head radius on the stage, metres (larger than life so it reads at mixing distances). */
  readonly radiusM?: number;
}

/**
 * The listener at the centre: a head with a nose (pointing where the listener faces) and
 * ears, and an arrow on the floor. It faces where the sources are heard from: its yaw
 * (positive = to the left) is the scene rotation's listener yaw plus the monitor head's,
 * followed from the store without a React render. Dragging the head turns the monitor head.
 */
export function ListenerHead({ radiusM = 0.3 }: ListenerHeadProps) {
  const store = useStudioStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const groupRef = useRef<Group>(null);
  const onPointerDown = useHeadYawDrag();

  useEffect(() => {
    let shownYaw = Number.NaN;
    const apply = (state: StudioState): void => {
      const group = groupRef.current;
      const yawDeg = wrapAzimuthDeg(state.scene.listener.yawDeg + state.monitorHead.yawDeg);
      if (group === null || yawDeg === shownYaw) return;
      shownYaw = yawDeg;
      group.rotation.y = yawDegToThreeRotationY(yawDeg);
      invalidate();
    };
    apply(store.getState());
    return store.subscribe(apply);
  }, [store, invalidate]);

  const r = radiusM;
  return (
    <group ref={groupRef} name="listener" onPointerDown={onPointerDown}>
      <mesh scale={[0.88, 1.05, 1]}>
        <sphereGeometry args={[r, 32, 24]} />
        <meshStandardMaterial color="#aab4c3" roughness={0.55} metalness={0.05} />
      </mesh>
      {/* Nose: a cone whose tip points to three -z, the listener's front. */}
      <mesh position={[0, -r * 0.05, -r * 1.02]} rotation-x={-Math.PI / 2}>
        <coneGeometry args={[r * 0.22, r * 0.55, 16]} />
        <meshStandardMaterial color="#4cc2ff" roughness={0.4} emissive="#0f4a66" />
      </mesh>
      {/* Ears on the left (-x) and right (+x). */}
      <mesh position={[-r * 0.9, 0, r * 0.05]} scale={[0.45, 1, 0.75]}>
        <sphereGeometry args={[r * 0.3, 16, 12]} />
        <meshStandardMaterial color="#8390a2" roughness={0.6} />
      </mesh>
      <mesh position={[r * 0.9, 0, r * 0.05]} scale={[0.45, 1, 0.75]}>
        <sphereGeometry args={[r * 0.3, 16, 12]} />
        <meshStandardMaterial color="#8390a2" roughness={0.6} />
      </mesh>
      {/* Facing arrow on the floor, in front of the head. */}
      <mesh position={[0, 0.004, -r * 2.6]} rotation-x={-Math.PI / 2} scale={[1, 1, 0.05]}>
        <coneGeometry args={[r * 0.55, r * 1.1, 3]} />
        <meshBasicMaterial color="#4cc2ff" transparent opacity={0.75} />
      </mesh>
    </group>
  );
}
