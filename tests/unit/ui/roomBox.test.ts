import { describe, expect, it } from 'vitest';
import type { SceneSource } from '../../../src/core/scene/scene';
import { drawnPosition } from '../../../src/ui/stage/drawnSource';
import { ROOM_BOX_HALF_M, SPEAKER_RADIUS_M, roomFloorDragPosition, roomHeightDragPosition, roomPoint, sourceThreePosition } from '../../../src/ui/stage/stageMath';

const EXACT = 1e-9;

const cartesianSource = (fields: Partial<SceneSource>): SceneSource => ({
  id: 'c',
  name: 'c',
  stem: { kind: 'generator', generator: 'lead' },
  gainDb: 0,
  mute: false,
  solo: false,
  position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
  spreadDeg: 0,
  cartesianPosition: { X: 1, Y: 1, Z: 0 },
  ...fields,
});

describe('the room box of Cartesian objects', () => {
  it('is ADM\'s cube scaled to the loudspeakers\' distance: (1, 1, 0) at 3 m right and 3 m front, at ear height', () => {
    expect(ROOM_BOX_HALF_M).toBe(SPEAKER_RADIUS_M);
    expect(roomPoint(1, 1, 0)).toEqual({ x: 3, y: 3, z: 0 });
    expect(roomPoint(-1, 1, 1)).toEqual({ x: -3, y: 3, z: 3 });
  });

  it('draws a static Cartesian object at its room point (three.js axes: x right, y up, -z front), not at the plain direction of (X, Y, Z) at 1 m', () => {
    const drawn = sourceThreePosition(drawnPosition(cartesianSource({}), 0));
    expect(Math.abs(drawn.x - 3) + Math.abs(drawn.y) + Math.abs(drawn.z + 3)).toBeLessThan(EXACT);
  });

  it('draws a moving Cartesian object at the room point of its X, Y, Z at the playhead (halfway along a one-second move)', () => {
    const source = cartesianSource({
      timeline: [
        { rtimeSec: 0, durationSec: 1, cartesianPosition: { X: -1, Y: 0, Z: 0 } },
        { rtimeSec: 1, durationSec: 1, cartesianPosition: { X: 1, Y: 0, Z: 1 } },
      ],
    });
    const drawn = sourceThreePosition(drawnPosition(source, 1.5));
    expect(Math.abs(drawn.x) + Math.abs(drawn.y - 1.5) + Math.abs(drawn.z)).toBeLessThan(EXACT);
  });

  it('drags in the room: on the floor X and Y follow the pointer, Z kept; with Shift Z follows, X and Y kept; clamped to the cube and rounded to 0.001', () => {
    expect(roomFloorDragPosition({ x: 1.5, y: -0.75004, z: 0.6 }, 0.2)).toEqual({ X: 0.5, Y: -0.25, Z: 0.2 });
    expect(roomFloorDragPosition({ x: -9, y: 4, z: 0 }, 0)).toEqual({ X: -1, Y: 1, Z: 0 });
    expect(roomHeightDragPosition(0.3, -0.4, 1.2)).toEqual({ X: 0.3, Y: -0.4, Z: 0.4 });
    expect(roomHeightDragPosition(0.3, -0.4, -7)).toEqual({ X: 0.3, Y: -0.4, Z: -1 });
  });
});
