import { useEffect, useMemo } from 'react';
import { BoxGeometry, EdgesGeometry } from 'three';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { ROOM_BOX_HALF_M } from './stageMath';

/** The room box's three.js object name (browser tests find it by it). */
export const ROOM_BOX_NAME = 'stage-room-box';

/**
 * The room of Cartesian objects: the edges of ADM's cube [-1, 1]^3 scaled to the
 * loudspeakers' distance (stageMath ROOM_BOX_HALF_M), centred on the head, drawn while the
 * scene has a Cartesian object (the selected one among them).
 */
export function RoomBox() {
  const shown = useStudioStore((s) => s.scene.sources.some((source) => source.cartesianPosition !== undefined));
  const edges = useMemo(() => {
    const box = new BoxGeometry(2 * ROOM_BOX_HALF_M, 2 * ROOM_BOX_HALF_M, 2 * ROOM_BOX_HALF_M);
    const geometry = new EdgesGeometry(box);
    box.dispose();
    return geometry;
  }, []);
  useEffect(() => () => edges.dispose(), [edges]);
  if (!shown) return null;
  return (
    <lineSegments name={ROOM_BOX_NAME} geometry={edges} raycast={() => null}>
      <lineBasicMaterial color="#6f8fb0" transparent opacity={0.45} />
    </lineSegments>
  );
}
