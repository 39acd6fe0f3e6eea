import { describe, expect, it } from 'vitest';
import type { PolarPosition } from '../../src/core/coordinates';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import { artifactPath } from './support/artifacts';
import { openStudio, storeScene } from './support/studioPage';
import type { ScreenPoint, StudioWindow } from './support/studioPage';
import { useStudioSession } from './support/studioSession';

/**
 * A Cartesian (allocentric) object on the stage: drawn at its place in the room box (ADM's
 * cube scaled to the loudspeakers' 3 m), the box drawn, X, Y, Z in the inspector, and a
 * drag that moves it in the room and keeps it Cartesian. The page runs without audio.
 */

interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}
interface CartesianHooks {
  sourceDrawnPosition(id: string): Vec3 | null;
  drawnRoomBox(): { readonly min: Vec3; readonly max: Vec3 } | null;
  store: { getState(): { replaceScene(scene: Scene): void; selectSource(id: string | null): void } };
}

/** The stage's drawing is plain float64 arithmetic (room point -> polar -> three.js): far below this. */
const DRAWN_TOLERANCE = 1e-6;
/** A drag lands within a pixel or two of its target: about 1-2 cm in the room box at this view, under 0.01 of the cube. */
const DRAG_TOLERANCE = 0.02;

const session = useStudioSession({ open: false });

async function cartesianOf(id: string): Promise<SceneSource['cartesianPosition']> {
  return (await storeScene(session.page)).sources.find((s) => s.id === id)!.cartesianPosition;
}

async function drawnAt(id: string): Promise<Vec3> {
  const drawn = await session.page.evaluate((sourceId) => (globalThis as unknown as { __studio: CartesianHooks }).__studio.sourceDrawnPosition(sourceId), id);
  if (drawn === null) throw new Error(`source ${id} is not drawn`);
  return drawn;
}

async function screenOf(position: PolarPosition): Promise<ScreenPoint> {
  const point = await session.page.evaluate((p) => (globalThis as StudioWindow).__studio!.positionScreenPosition(p), position);
  if (point === null) throw new Error(`position ${JSON.stringify(position)} is not on screen`);
  return point;
}

/** The stage position (ADM azimuth, elevation, metres) of a point in scene axes (x right, y front, z up). */
function polar(x: number, y: number, z: number): PolarPosition {
  return { azimuthDeg: (Math.atan2(-x, y) * 180) / Math.PI, elevationDeg: (Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI, distanceM: Math.hypot(x, y, z) };
}

/** Where the stage should draw ADM (X, Y, Z): 3 m per cube unit, three.js axes (x right, y up, -z front). */
function expectedDrawn(X: number, Y: number, Z: number): Vec3 {
  return { x: 3 * X, y: 3 * Z, z: -3 * Y };
}

function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
}

async function drag(from: ScreenPoint, to: ScreenPoint, shift: boolean): Promise<void> {
  const { page } = session;
  await page.mouse.move(from.x, from.y);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 25 });
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
}

describe('a Cartesian object on the stage', () => {
  it('is drawn at its room point: (1, 1, 0) at the box\'s front-right edge at ear height, (3, 0, -3) in three.js, within 1e-6; the room box is the cube scaled to 3 m', async () => {
    const { page, server } = session;
    await openStudio(page, server.url, '?engine=none');
    const demo = await storeScene(page);
    const room: SceneSource = {
      id: 'room',
      name: 'Room object',
      stem: { kind: 'generator', generator: 'lead' },
      gainDb: 0,
      mute: false,
      solo: false,
      position: polar(1, 1, 0),
      cartesianPosition: { X: 1, Y: 1, Z: 0 },
      spreadDeg: 0,
      color: '#4fc3f7',
    };
    await page.evaluate((scene) => {
      const state = (globalThis as unknown as { __studio: CartesianHooks }).__studio.store.getState();
      state.replaceScene(scene);
      state.selectSource('room');
    }, { ...demo, sources: [room] });
    await page.waitForFunction(() => (globalThis as unknown as { __studio: CartesianHooks }).__studio.drawnRoomBox() !== null);
    const drawn = await drawnAt('room');
    console.log(`Cartesian (1, 1, 0) drawn at ${JSON.stringify(drawn)}`);
    expect(distance(drawn, expectedDrawn(1, 1, 0))).toBeLessThan(DRAWN_TOLERANCE);
    const box = await page.evaluate(() => (globalThis as unknown as { __studio: CartesianHooks }).__studio.drawnRoomBox());
    expect(distance(box!.min, { x: -3, y: -3, z: -3 }) + distance(box!.max, { x: 3, y: 3, z: 3 })).toBeLessThan(DRAWN_TOLERANCE);
    await page.getByTestId('stage-canvas').screenshot({ path: artifactPath('stage-cartesian.png') });
  });

  it('shows X, Y and Z in the inspector, not azimuth', async () => {
    const { page } = session;
    await expect(page.getByTestId('inspector-x').inputValue()).resolves.toBe('1.000');
    await expect(page.getByTestId('inspector-y').inputValue()).resolves.toBe('1.000');
    await expect(page.getByTestId('inspector-z').inputValue()).resolves.toBe('0.000');
    await expect(page.getByTestId('inspector-azimuth').count()).resolves.toBe(0);
  });

  it('drags on the floor in the room: X and Y follow the pointer, Z stays 0, the object stays Cartesian and is drawn at its new room point', async () => {
    const from = await screenOf(polar(3, 3, 0));
    await drag(from, await screenOf(polar(-1.2, 0.6, 0)), false);
    const after = (await cartesianOf('room'))!;
    console.log(`floor drag: (1, 1, 0) -> ${JSON.stringify(after)}`);
    expect(after).toBeDefined();
    expect(Math.abs(after.X - -0.4)).toBeLessThan(DRAG_TOLERANCE);
    expect(Math.abs(after.Y - 0.2)).toBeLessThan(DRAG_TOLERANCE);
    expect(after.Z).toBe(0);
    expect(distance(await drawnAt('room'), expectedDrawn(after.X, after.Y, after.Z))).toBeLessThan(DRAWN_TOLERANCE);
    await expect(session.page.getByTestId('inspector-x').inputValue()).resolves.toBe(after.X.toFixed(3));
  });

  it('Shift+drags it up: Z grows, X and Y stay exactly, and a drag past the ceiling stops at Z = 1', async () => {
    const before = (await cartesianOf('room'))!;
    const from = await screenOf(polar(3 * before.X, 3 * before.Y, 0));
    await drag(from, { x: from.x, y: from.y - 60 }, true);
    const up = (await cartesianOf('room'))!;
    console.log(`height drag: ${JSON.stringify(before)} -> ${JSON.stringify(up)}`);
    expect([up.X, up.Y]).toEqual([before.X, before.Y]);
    expect(up.Z).toBeGreaterThan(0.1);
    const at = await screenOf(polar(3 * up.X, 3 * up.Y, 3 * up.Z));
    await drag(at, { x: at.x, y: Math.max(5, at.y - 1500) }, true);
    expect((await cartesianOf('room'))!.Z).toBe(1);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
