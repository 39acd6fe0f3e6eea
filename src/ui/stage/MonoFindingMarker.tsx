import { Billboard } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { findingSeverityBySource, isMonoCheckStale } from '../../state/slices/monoCheckSlice';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { SEVERITY_COLORS, findingSeverity } from '../monocheck/monoCheckFormat';

export interface MonoFindingMarkerProps {
  readonly sourceId: string;
  /** The source sphere's radius, metres. */
  readonly radiusM: number;
}

/**
 * A warning ring around a source the mono check found at fault, coloured by its most
 * severe finding (red severe, amber moderate). It faces the camera and draws over the
 * other objects so it is never hidden; faded while the result is stale, gone without one.
 * Not tone-mapped, so it shows the panel's severity colour exactly.
 */
export function MonoFindingMarker({ sourceId, radiusM }: MonoFindingMarkerProps) {
  const severityDb = useStudioStore((s) => findingSeverityBySource(s.monoCheck.analysis).get(sourceId) ?? null);
  const stale = useStudioStore(isMonoCheckStale);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [severityDb, stale, invalidate]);

  if (severityDb === null) return null;
  const color = SEVERITY_COLORS[findingSeverity(severityDb)];
  return (
    <Billboard name={`mono-marker-${sourceId}`}>
      <mesh raycast={() => null} renderOrder={10}>
        <ringGeometry args={[radiusM * 1.75, radiusM * 2.3, 48]} />
        <meshBasicMaterial color={color} transparent opacity={stale ? 0.35 : 0.95} depthTest={false} depthWrite={false} toneMapped={false} />
      </mesh>
    </Billboard>
  );
}
