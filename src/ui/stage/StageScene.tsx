import { OrbitControls } from '@react-three/drei';
import { AzimuthMarks } from './AzimuthMarks';
import { CameraRig } from './CameraRig';
import { DistanceRings } from './DistanceRings';
import { FloorGrid } from './FloorGrid';
import { LabelProjector } from './LabelProjector';
import { ListenerHead } from './ListenerHead';
import { Loudspeakers } from './Loudspeakers';
import { MeterInvalidator } from './MeterInvalidator';
import { RoomBox } from './RoomBox';
import { SourceExtent } from './SourceExtent';
import { SourceObjects } from './SourceObjects';
import type { ViewRequest } from './Stage';
import type { StageLabelRegistry } from './stageLabels';
import type { StageProbe } from './stageProbe';
import { StageProbeBridge } from './StageProbeBridge';

export interface StageSceneProps {
  readonly view: ViewRequest;
  /** The DOM labels to keep over their 3D anchors. */
  readonly labels: StageLabelRegistry;
  readonly onProbe?: (probe: StageProbe | null) => void;
}

/** Everything inside the stage's canvas. */
export function StageScene({ view, labels, onProbe }: StageSceneProps) {
  return (
    <>
      <color attach="background" args={['#0f1216']} />
      <ambientLight intensity={0.55} />
      <directionalLight position={[4, 9, 5]} intensity={1.6} />
      <directionalLight position={[-5, 3, -4]} intensity={0.35} />
      <FloorGrid />
      <DistanceRings />
      <AzimuthMarks />
      <ListenerHead />
      <Loudspeakers />
      <RoomBox />
      <SourceObjects />
      <SourceExtent />
      <OrbitControls makeDefault enableDamping={false} minDistance={1.2} maxDistance={80} />
      <CameraRig view={view} />
      <MeterInvalidator />
      <LabelProjector registry={labels} />
      {onProbe !== undefined && <StageProbeBridge onProbe={onProbe} />}
    </>
  );
}
