import { useEffect, useMemo, useRef } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import type { Mesh } from 'three';
import type { SourcePosition } from '../../core/scene/scene';
import { findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { drawnPosition, samePosition } from './drawnSource';
import { showsChannelPair, sourceThreePosition, spreadObjectThreePosition } from './stageMath';
import { useDrawnSource } from './useDrawnSource';

export interface ChannelPairProps {
  readonly sourceId: string;
  /** The source sphere's radius, metres; the channels' spheres are smaller. */
  readonly radiusM: number;
  readonly color: string;
  readonly opacity: number;
}

/** Straight pieces of the arc between the two channels (smooth up to the widest spread, 180 degrees). */
const ARC_SEGMENTS = 48;
/** The channels' spheres against the source's. */
const CHANNEL_RADIUS_SCALE = 0.55;

/** Whether the source with this id is drawn as its stem's two objects. */
export function selectShowsChannelPair(state: StudioState, sourceId: string): boolean {
  const source = findSource(state.scene, sourceId);
  return source !== undefined && showsChannelPair(state.stemChannels[sourceId], source.spreadDeg);
}

/**
 * A stereo stem's two objects, where the renderer places them (spreadObjectThreePosition):
 * a small sphere per channel, joined by the arc their azimuths span through the source.
 * Drawn inside the source's group, so positions are relative to the source's; like the
 * group they follow the store by subscription, not by re-rendering. Not a handle: the
 * pointer passes through to what is behind (the source's sphere is what is dragged).
 */
export function ChannelPair({ sourceId, radiusM, color, opacity }: ChannelPairProps) {
  const shown = useStudioStore((s) => selectShowsChannelPair(s, sourceId));
  const leftRef = useRef<Mesh>(null);
  const rightRef = useRef<Mesh>(null);
  const arc = useMemo(() => {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(new Float32Array(ARC_SEGMENTS * 2 * 3), 3));
    return geometry;
  }, []);

  const drawn = useRef<{ position: SourcePosition; spreadDeg: number } | null>(null);
  // The channels' meshes are new when the pair appears: draw them afresh.
  useEffect(() => {
    drawn.current = null;
  }, [shown]);
  useDrawnSource(shown ? sourceId : null, (source, timeSec) => {
    if (source === undefined) return false;
    const view = { position: drawnPosition(source, timeSec), spreadDeg: source.spreadDeg };
    if (drawn.current !== null && samePosition(drawn.current.position, view.position) && drawn.current.spreadDeg === view.spreadDeg) return false;
    drawn.current = view;
    const centre = sourceThreePosition(view.position);
    const relative = (side: number): [number, number, number] => {
      const p = spreadObjectThreePosition(view, side);
      return [p.x - centre.x, p.y - centre.y, p.z - centre.z];
    };
    leftRef.current?.position.set(...relative(1));
    rightRef.current?.position.set(...relative(-1));
    const attribute = arc.getAttribute('position') as Float32BufferAttribute;
    let from = relative(-1);
    for (let i = 1; i <= ARC_SEGMENTS; i++) {
      const to = relative(-1 + (2 * i) / ARC_SEGMENTS);
      attribute.setXYZ(2 * i - 2, ...from);
      attribute.setXYZ(2 * i - 1, ...to);
      from = to;
    }
    attribute.needsUpdate = true;
    arc.computeBoundingSphere();
    return true;
  });

  useEffect(() => () => arc.dispose(), [arc]);

  if (!shown) return null;
  const channelRadiusM = radiusM * CHANNEL_RADIUS_SCALE;
  return (
    <group name={`channels-${sourceId}`}>
      <lineSegments geometry={arc} raycast={() => null}>
        <lineBasicMaterial color={color} transparent opacity={0.7 * opacity} />
      </lineSegments>
      {[leftRef, rightRef].map((ref, i) => (
        <mesh key={i === 0 ? 'left' : 'right'} ref={ref} raycast={() => null}>
          <sphereGeometry args={[channelRadiusM, 20, 14]} />
          <meshStandardMaterial color={color} emissive={color} emissiveIntensity={0.2} roughness={0.5} transparent={opacity < 1} opacity={opacity} />
        </mesh>
      ))}
    </group>
  );
}
