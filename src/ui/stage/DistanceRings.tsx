import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import { STAGE_RING_RADII_M, sourceThreePosition } from './stageMath';

export interface DistanceRingsProps {
  readonly radiiM?: readonly number[];
}

const RING_SEGMENTS = 128;

/** Circles on the floor at the given distances from the head (labelled by RingLabels). */
export function DistanceRings({ radiiM = STAGE_RING_RADII_M }: DistanceRingsProps) {
  const rings = useMemo(() => radiiM.map((radiusM) => ({ radiusM, geometry: ringGeometry(radiusM) })), [radiiM]);
  return (
    <group>
      {rings.map(({ radiusM, geometry }) => (
        <lineLoop key={radiusM} geometry={geometry}>
          <lineBasicMaterial color={radiusM === 1 ? '#55606f' : '#3a4350'} transparent opacity={radiusM >= 10 ? 0.7 : 1} />
        </lineLoop>
      ))}
    </group>
  );
}

function ringGeometry(radiusM: number): BufferGeometry {
  const positions = new Float32Array(RING_SEGMENTS * 3);
  for (let i = 0; i < RING_SEGMENTS; i += 1) {
    const p = sourceThreePosition({ azimuthDeg: (360 * i) / RING_SEGMENTS, elevationDeg: 0, distanceM: radiusM });
    positions[i * 3] = p.x;
    positions[i * 3 + 1] = 0;
    positions[i * 3 + 2] = p.z;
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  return geometry;
}
