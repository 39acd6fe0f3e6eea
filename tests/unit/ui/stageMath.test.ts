import { polarToCartesian } from '../../../src/core/coordinates';
import { describe, expect, it } from 'vitest';
import {
  draggedYawDeg,
  STAGE_VIEWS,
  heightOf,
  constantElevationHit,
  floorDragPosition,
  heightDragPosition,
  orthographicZoom,
  roundDragPosition,
  sourceThreePosition,
} from '../../../src/ui/stage/stageMath';
import { formatAzimuthLabel, formatDb, formatTime, peakToMeterFraction } from '../../../src/ui/format';

const EXACT = 1e-12;

describe('sourceThreePosition', () => {
  it('puts azimuth +90 (left) at three -x and the front at three -z', () => {
    const left = sourceThreePosition({ azimuthDeg: 90, elevationDeg: 0, distanceM: 2 });
    expect(Math.abs(left.x - -2)).toBeLessThan(EXACT);
    expect(Math.abs(left.y)).toBeLessThan(EXACT);
    expect(Math.abs(left.z)).toBeLessThan(EXACT);
    const front = sourceThreePosition({ azimuthDeg: 0, elevationDeg: 30, distanceM: 2 });
    expect(Math.abs(front.y - 1)).toBeLessThan(EXACT); // 2 sin 30
    expect(Math.abs(front.z - -Math.sqrt(3))).toBeLessThan(EXACT); // -2 cos 30
  });
});

describe('drags', () => {
  it('floor drag at ear height: scene point (-3, 0, 0) is azimuth +90 at 3 m', () => {
    expect(floorDragPosition({ x: -3, y: 0, z: 0 }, 0)).toEqual({ azimuthDeg: 90, elevationDeg: 0, distanceM: 3 });
  });

  it('floor drag keeps the elevation angle: at 30 degrees, 2 m out in front is 2 / cos 30 = 2.31 m away (1.15 m up)', () => {
    expect(floorDragPosition({ x: 0, y: 2, z: 1.1547 }, 30)).toEqual({ azimuthDeg: 0, elevationDeg: 30, distanceM: 2.31 });
    // Behind and to the right: scene (1, -1) is azimuth -135, horizontal sqrt 2, distance sqrt 2 / cos 30 = 1.63.
    expect(floorDragPosition({ x: 1, y: -1, z: 0 }, 30)).toEqual({ azimuthDeg: -135, elevationDeg: 30, distanceM: 1.63 });
  });

  it('finds where the pointer ray meets the cone of the source\'s elevation, on the right side of the floor', () => {
    // A ray straight down from 10 m above scene (0, 3) meets the 45-degree cone at height 3.
    const down = constantElevationHit({ x: 0, y: 3, z: 10 }, { x: 0, y: 0, z: -1 }, 45, 0)!;
    expect(down.z).toBeCloseTo(3, 12);
    expect(down.y).toBeCloseTo(3, 12);
    // The same ray with elevation -45 meets the lower cone at height -3; elevation 0 meets the floor.
    expect(constantElevationHit({ x: 0, y: 3, z: 10 }, { x: 0, y: 0, z: -1 }, -45, 0)!.z).toBeCloseTo(-3, 12);
    expect(constantElevationHit({ x: 0, y: 3, z: 10 }, { x: 0, y: 0, z: -1 }, 0, 0)!.z).toBe(0);
    // An oblique ray: every hit lies on its cone, tan(el) * horizontal distance = height.
    for (const el of [10, 30, 60]) {
      const p = constantElevationHit({ x: 3.4, y: -12.5, z: 9.5 }, { x: -0.2, y: 0.8, z: -0.56 }, el, 0)!;
      expect(p.z).toBeCloseTo(Math.tan((el * Math.PI) / 180) * Math.hypot(p.x, p.y), 9);
    }
    // Beyond 80 degrees: the horizontal plane at the given height.
    expect(constantElevationHit({ x: 0, y: 1, z: 10 }, { x: 0, y: 0, z: -1 }, 85, 2)!.z).toBe(2);
    // The same oblique ray misses the narrow 75-degree cone: the plane at the given height instead.
    expect(constantElevationHit({ x: 3.4, y: -12.5, z: 9.5 }, { x: -0.2, y: 0.8, z: -0.56 }, 75, 1.5)!.z).toBeCloseTo(1.5, 12);
    // A ray going down from below the floor meets neither the upper cone nor the plane above it.
    expect(constantElevationHit({ x: 0, y: 0, z: -1 }, { x: 0, y: 0, z: -1 }, 30, 0)).toBeNull();
  });

  it('height drag keeps the horizontal position: 2 m in front raised to 2 m is elevation 45 at 2.83 m, azimuth and 2 m across unchanged', () => {
    expect(heightDragPosition({ x: 0, y: 2 }, 2)).toEqual({ azimuthDeg: 0, elevationDeg: 45, distanceM: 2.83 });
  });

  it('height drag in many small steps never moves the source across the floor (its start is kept, unrounded)', () => {
    const start = polarToCartesian({ azimuthDeg: 37.3, elevationDeg: 0, distanceM: 2.57 });
    let position = { azimuthDeg: 37.3, elevationDeg: 0, distanceM: 2.57 };
    for (let step = 1; step <= 300; step++) position = heightDragPosition(start, step * 0.01);
    const end = polarToCartesian(position);
    // Only the display rounding of the last step (0.1 degree, 0.01 m) separates it from the start's x and y.
    expect(Math.hypot(end.x - start.x, end.y - start.y)).toBeLessThan(0.01);
    expect(position.azimuthDeg).toBe(37.3);
  });

  it('heightOf: elevation 30 at 2 m is 1 m up', () => {
    expect(Math.abs(heightOf({ azimuthDeg: 12, elevationDeg: 30, distanceM: 2 }) - 1)).toBeLessThan(EXACT);
  });

  it('rounds to 0.1 degree and 0.01 m', () => {
    expect(roundDragPosition({ azimuthDeg: 12.345, elevationDeg: -3.21, distanceM: 2.005001 })).toEqual({
      azimuthDeg: 12.3,
      elevationDeg: -3.2,
      distanceM: 2.01,
    });
  });
});

describe('formats', () => {
  it('formatTime gives m:ss.t', () => {
    expect(formatTime(0)).toBe('0:00.0');
    expect(formatTime(65.34)).toBe('1:05.3');
    expect(formatTime(32)).toBe('0:32.0');
    expect(formatTime(-1)).toBe('0:00.0');
  });

  it('formatDb has an explicit sign and one decimal', () => {
    expect(formatDb(3)).toBe('+3.0');
    expect(formatDb(-12.54)).toBe('-12.5');
    expect(formatDb(-0.01)).toBe('0.0');
    expect(formatDb(-120)).toBe('-inf');
  });

  it('formatAzimuthLabel marks the left positive', () => {
    expect(formatAzimuthLabel(90)).toBe('+90°');
    expect(formatAzimuthLabel(-90)).toBe('-90°');
    expect(formatAzimuthLabel(0)).toBe('0°');
    expect(formatAzimuthLabel(180)).toBe('180°');
  });

  it('peakToMeterFraction maps -60..0 dBFS to 0..1', () => {
    expect(peakToMeterFraction(1)).toBe(1);
    expect(peakToMeterFraction(0)).toBe(0);
    expect(peakToMeterFraction(0.001)).toBe(0); // -60 dBFS, the floor
    expect(Math.abs(peakToMeterFraction(10 ** (-30 / 20)) - 0.5)).toBeLessThan(EXACT); // -30 dBFS, half way
    expect(peakToMeterFraction(2)).toBe(1); // over 0 dBFS: clipped
  });
});

describe('dragging the head turns the listener', () => {
  it('turns by the change in the pointer azimuth around the head, wrapped into (-180, 180] (exact)', () => {
    // Front (y) to left (-x): +90 degrees.
    expect(draggedYawDeg(0, { x: 0, y: 1 }, { x: -2, y: 0 })).toBeCloseTo(90, 12);
    // Front to right: -90.
    expect(draggedYawDeg(10, { x: 0, y: 1 }, { x: 1, y: 0 })).toBeCloseTo(-80, 12);
    // Past the back: 170 + 30 wraps to -160.
    expect(draggedYawDeg(170, { x: 0, y: 1 }, { x: -Math.sin(Math.PI / 6), y: Math.cos(Math.PI / 6) })).toBeCloseTo(-160, 12);
  });
});

describe('orthographic views', () => {
  it('zooms so the shorter side of the canvas shows 6.5 m each side of the centre', () => {
    // 960 x 528 px: 528 px / 13 m = 40.6 px per metre.
    expect(orthographicZoom(960, 528)).toBeCloseTo(528 / 13, 12);
    expect(orthographicZoom(400, 800)).toBeCloseTo(400 / 13, 12);
    expect(orthographicZoom(400, 800, 2)).toBe(100);
  });

  it('projects Top, Front and Side orthographically and keeps the free view in perspective', () => {
    expect(STAGE_VIEWS.top.projection).toBe('orthographic');
    expect(STAGE_VIEWS.front.projection).toBe('orthographic');
    expect(STAGE_VIEWS.side.projection).toBe('orthographic');
    expect(STAGE_VIEWS.perspective.projection).toBe('perspective');
    // Front and Side look level: depth moves nothing on screen.
    expect(STAGE_VIEWS.front.camera.z).toBe(STAGE_VIEWS.front.target.z);
    expect(STAGE_VIEWS.side.camera.z).toBe(STAGE_VIEWS.side.target.z);
  });
});
