export interface FloorGridProps {
  /** Radius of the floor disc and side of the square grid's half, metres. */
  readonly radiusM?: number;
}

/**
 * The horizontal plane at ear height (elevation 0): a dark disc and a faint 1 m grid.
 * Sources above it have positive elevation, below it negative.
 */
export function FloorGrid({ radiusM = 10.5 }: FloorGridProps) {
  const size = Math.ceil(radiusM) * 2;
  return (
    <group>
      <mesh rotation-x={-Math.PI / 2} position-y={-0.004} renderOrder={-2}>
        <circleGeometry args={[radiusM, 96]} />
        <meshBasicMaterial color="#151a21" transparent opacity={0.92} depthWrite={false} />
      </mesh>
      <gridHelper args={[size, size, '#1a2029', '#1a2029']} position-y={-0.002} />
    </group>
  );
}
