import { STAGE_RING_RADII_M, sourceThreePosition } from './stageMath';
import { useStageLabel } from './useStageLabel';

export interface RingLabelsProps {
  /** Azimuth (ADM degrees) along which the ring labels sit. */
  readonly azimuthDeg?: number;
}

/** "1 m", "2 m", "5 m", "10 m" on the distance rings. */
export function RingLabels({ azimuthDeg = -135 }: RingLabelsProps) {
  return (
    <>
      {STAGE_RING_RADII_M.map((radiusM) => (
        <RingLabel key={radiusM} radiusM={radiusM} azimuthDeg={azimuthDeg} />
      ))}
    </>
  );
}

interface RingLabelProps {
  readonly radiusM: number;
  readonly azimuthDeg: number;
}

function RingLabel({ radiusM, azimuthDeg }: RingLabelProps) {
  const ref = useStageLabel(() => sourceThreePosition({ azimuthDeg, elevationDeg: 0, distanceM: radiusM }));
  return (
    <div ref={ref} className="stage-label ring-label">
      <span>{radiusM} m</span>
    </div>
  );
}
