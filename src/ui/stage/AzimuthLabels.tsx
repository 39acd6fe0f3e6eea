import { formatAzimuthLabel } from '../format';
import { STAGE_AZIMUTH_LABEL_RADIUS_M, STAGE_AZIMUTH_STEP_DEG, sourceThreePosition } from './stageMath';
import { useStageLabel } from './useStageLabel';

/** ADM azimuth labels around the floor: 0 in front, +90 on the LEFT, -90 on the right, 180 behind. */
export function AzimuthLabels() {
  const azimuths: number[] = [];
  for (let a = -180 + STAGE_AZIMUTH_STEP_DEG; a <= 180; a += STAGE_AZIMUTH_STEP_DEG) azimuths.push(a);
  return (
    <>
      {azimuths.map((azimuthDeg) => (
        <AzimuthLabel key={azimuthDeg} azimuthDeg={azimuthDeg} />
      ))}
    </>
  );
}

interface AzimuthLabelProps {
  readonly azimuthDeg: number;
}

function AzimuthLabel({ azimuthDeg }: AzimuthLabelProps) {
  const ref = useStageLabel(() => sourceThreePosition({ azimuthDeg, elevationDeg: 0, distanceM: STAGE_AZIMUTH_LABEL_RADIUS_M }));
  return (
    <div ref={ref} className={`stage-label azimuth-label ${azimuthDeg === 0 ? 'is-front' : ''}`} data-testid={`stage-azimuth-${azimuthDeg}`}>
      <span>{formatAzimuthLabel(azimuthDeg)}</span>
    </div>
  );
}
