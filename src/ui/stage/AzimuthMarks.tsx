import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import { STAGE_AZIMUTH_STEP_DEG, sourceThreePosition } from './stageMath';

export interface AzimuthMarksProps {
  /** Angle between marks, degrees. */
  readonly stepDeg?: number;
  readonly innerRadiusM?: number;
  readonly outerRadiusM?: number;
}

/**
 * Spokes on the floor every `stepDeg` degrees (labelled in ADM azimuth by AzimuthLabels).
 * The front spoke (azimuth 0) is highlighted.
 */
export function AzimuthMarks({ stepDeg = STAGE_AZIMUTH_STEP_DEG, innerRadiusM = 0.45, outerRadiusM = 10 }: AzimuthMarksProps) {
  const azimuths = useMemo(() => {
    const list: number[] = [];
    for (let a = -180 + stepDeg; a <= 180; a += stepDeg) list.push(a);
    return list;
  }, [stepDeg]);
  const spokes = useMemo(
    () => spokeGeometry(azimuths.filter((a) => a !== 0), innerRadiusM, outerRadiusM),
    [azimuths, innerRadiusM, outerRadiusM],
  );
  const front = useMemo(() => spokeGeometry([0], innerRadiusM, outerRadiusM), [innerRadiusM, outerRadiusM]);

  return (
    <group>
      <lineSegments geometry={spokes}>
        <lineBasicMaterial color="#2c343f" />
      </lineSegments>
      <lineSegments geometry={front}>
        <lineBasicMaterial color="#3f7fa6" />
      </lineSegments>
    </group>
  );
}

function spokeGeometry(azimuthsDeg: readonly number[], innerM: number, outerM: number): BufferGeometry {
  const positions = new Float32Array(azimuthsDeg.length * 6);
  azimuthsDeg.forEach((azimuthDeg, i) => {
    const a = sourceThreePosition({ azimuthDeg, elevationDeg: 0, distanceM: innerM });
    const b = sourceThreePosition({ azimuthDeg, elevationDeg: 0, distanceM: outerM });
    positions.set([a.x, 0, a.z, b.x, 0, b.z], i * 6);
  });
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  return geometry;
}
