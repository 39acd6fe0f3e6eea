import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { AdditiveBlending, BufferGeometry, Float32BufferAttribute } from 'three';
import type { Group, Mesh, MeshBasicMaterial } from 'three';
import { useShallow } from 'zustand/react/shallow';
import type { SourcePosition } from '../../core/scene/scene';
import { findSource } from '../../state/sceneEdits';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { peakToMeterFraction } from '../format';
import { ChannelPair } from './ChannelPair';
import { MonoFindingMarker } from './MonoFindingMarker';
import { drawnPosition, samePosition } from './drawnSource';
import { SOURCE_RADIUS_M, sourceThreePosition } from './stageMath';
import { useDrawnSource } from './useDrawnSource';
import { useSourceDrag } from './useSourceDrag';

export interface SourceObjectProps {
  readonly sourceId: string;
  /** Sphere radius, metres. */
  readonly radiusM?: number;
}

/** Glow fall-back speed: full scale in 0.6 s. */
const GLOW_FALL_PER_SEC = 1 / 0.6;

/**
 * A source on the stage: a coloured sphere (its name is a SourceLabel), a line down to the ear-height
 * plane and a ring where it meets it (showing elevation), a glow that follows the
 * source's level, and for a spread stereo stem its two channels' objects (ChannelPair).
 * Position and level bypass React: the position follows the store by subscription, the
 * level is read from the store's live meters in useFrame.
 */
export function SourceObject({ sourceId, radiusM = SOURCE_RADIUS_M }: SourceObjectProps) {
  const store = useStudioStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const info = useStudioStore(
    useShallow((s) => {
      const source = findSource(s.scene, sourceId);
      const anySolo = s.scene.sources.some((x) => x.solo);
      return {
        color: source?.color ?? '#8899aa',
        audible: source !== undefined && !source.mute && (!anySolo || source.solo),
        selected: s.selectedSourceId === sourceId,
      };
    }),
  );
  const onPointerDown = useSourceDrag(sourceId);

  const groupRef = useRef<Group>(null);
  const baseRef = useRef<Mesh>(null);
  const glowRef = useRef<Mesh>(null);
  const level = useRef(0);
  const stem = useMemo(() => {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(new Float32Array(6), 3));
    return geometry;
  }, []);

  // Position: follow the store (drags update it per pointer move) and, for a moving source, the playhead, without re-rendering.
  const shown = useRef<SourcePosition | null>(null);
  useDrawnSource(sourceId, (source, timeSec) => {
    const group = groupRef.current;
    if (source === undefined || group === null) return false;
    const position = drawnPosition(source, timeSec);
    if (shown.current !== null && samePosition(shown.current, position)) return false;
    shown.current = position;
    const p = sourceThreePosition(position);
    group.position.set(p.x, p.y, p.z);
    const attribute = stem.getAttribute('position') as Float32BufferAttribute;
    attribute.setY(1, -p.y);
    attribute.needsUpdate = true;
    stem.computeBoundingSphere();
    baseRef.current?.position.set(0, -p.y + 0.006, 0);
    return true;
  });

  useEffect(() => () => stem.dispose(), [stem]);

  // Level glow: the latest meter frame, falling back smoothly; keeps drawing while it falls.
  useFrame((_, deltaSec) => {
    const glow = glowRef.current;
    if (glow === null) return;
    const state = store.getState();
    const peak = state.transport.playing ? state.live.meters?.sourcePeak.get(sourceId) ?? 0 : 0;
    const target = peakToMeterFraction(peak);
    const next = Math.max(target, level.current - Math.min(deltaSec, 0.1) * GLOW_FALL_PER_SEC);
    if (next === level.current) return;
    level.current = next;
    glow.scale.setScalar(1 + 1.1 * next);
    (glow.material as MeshBasicMaterial).opacity = 0.08 + 0.42 * next;
    if (next > 0 && target < next) invalidate();
  });

  const opacity = info.audible ? 1 : 0.35;
  return (
    <group ref={groupRef} name={`source-${sourceId}`}>
      <mesh
        onPointerDown={onPointerDown}
        onPointerOver={() => {
          document.body.style.cursor = 'grab';
        }}
        onPointerOut={() => {
          document.body.style.cursor = '';
        }}
      >
        <sphereGeometry args={[radiusM, 32, 20]} />
        <meshStandardMaterial
          color={info.color}
          emissive={info.color}
          emissiveIntensity={info.selected ? 0.55 : 0.25}
          roughness={0.45}
          transparent={opacity < 1}
          opacity={opacity}
        />
      </mesh>
      {info.selected && (
        <mesh scale={1.28}>
          <sphereGeometry args={[radiusM, 24, 16]} />
          <meshBasicMaterial color="#ffffff" wireframe transparent opacity={0.35} />
        </mesh>
      )}
      <mesh ref={glowRef} raycast={() => null}>
        <sphereGeometry args={[radiusM * 1.6, 24, 16]} />
        <meshBasicMaterial color={info.color} transparent opacity={0.08} blending={AdditiveBlending} depthWrite={false} />
      </mesh>
      <MonoFindingMarker sourceId={sourceId} radiusM={radiusM} />
      <ChannelPair sourceId={sourceId} radiusM={radiusM} color={info.color} opacity={opacity} />
      <lineSegments geometry={stem} raycast={() => null}>
        <lineBasicMaterial color={info.color} transparent opacity={0.55 * opacity} />
      </lineSegments>
      <mesh ref={baseRef} rotation-x={-Math.PI / 2} raycast={() => null}>
        <ringGeometry args={[radiusM * 0.9, radiusM * 1.25, 32]} />
        <meshBasicMaterial color={info.color} transparent opacity={(info.selected ? 0.9 : 0.5) * opacity} depthWrite={false} />
      </mesh>
    </group>
  );
}
