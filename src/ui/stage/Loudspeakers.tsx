import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { stageSpeakers } from './stageSpeakers';

const DARK = [0.22, 0.25, 0.3] as const;
const LIT = [1, 0.8, 0.2] as const;

/** The monitored layout's loudspeakers on the stage, each lit by the selected source's gain in it. */
export function Loudspeakers() {
  const { outputId, room, gains, yawDeg } = useStudioStore(
    useShallow((s) => ({ outputId: s.monitor.outputId, room: s.monitor.room?.layout ?? null, gains: s.stageGains, yawDeg: s.scene.listener.yawDeg + s.monitorHead.yawDeg })),
  );
  const speakers = useMemo(() => stageSpeakers(outputId, room, gains, yawDeg), [outputId, room, gains, yawDeg]);
  return (
    <group>
      {speakers.map((speaker) => {
        const color = DARK.map((d, i) => d + (LIT[i]! - d) * speaker.lit) as [number, number, number];
        return (
          <mesh key={speaker.label} name={`stage-speaker-${speaker.label}`} position={[speaker.position.x, speaker.position.y, speaker.position.z]}>
            <boxGeometry args={[0.22, 0.3, 0.22]} />
            <meshStandardMaterial color={color} emissive={color} emissiveIntensity={0.35 * speaker.lit} />
          </mesh>
        );
      })}
    </group>
  );
}
