import { describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import type { PolarPosition } from '../../src/core/coordinates';
import { DEMO_SOURCE_IDS, openStudio, storeScene } from './support/studioPage';
import type { ScreenPoint, StudioWindow } from './support/studioPage';

/**
 * The stage stays readable: the demo's source names do not cover each other on the first
 * load; Top, Front and Side are orthographic (a point's place on screen does not depend on
 * its depth along the view). The page runs without audio (`?engine=none`): only the stage is under test.
 */

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Screen positions are rounded to CSS pixels nowhere here, but the probe's projection and ours differ by float rounding only. */
const SAME_POINT_PX = 0.5;

/** A drag lands within a few pixels of its target: about 0.4 degree and a few cm at these distances. */
const DRAG_AZIMUTH_TOLERANCE_DEG = 2;
const DRAG_DISTANCE_TOLERANCE_M = 0.1;
/** Rounding of a dragged position (0.01 m, 0.1 degree at up to 3.5 m): under 1.5 cm across the floor. */
const HORIZONTAL_TOLERANCE_M = 0.015;

/** The stage's sources come after the top bar's and session bar's controls: well under this many Tab presses. */
const MAX_TABS = 60;

const session = useStudioSession({ open: false });

async function sourcePosition(sourceId: string): Promise<PolarPosition> {
  return (await storeScene(session.page)).sources.find((s) => s.id === sourceId)!.position;
}

async function sourceScreen(sourceId: string): Promise<ScreenPoint> {
  const point = await session.page.evaluate((id) => (globalThis as StudioWindow).__studio!.sourceScreenPosition(id), sourceId);
  if (point === null) throw new Error(`source ${sourceId} is not on screen`);
  return point;
}

async function dragOnStage(from: ScreenPoint, to: ScreenPoint, shift: boolean, steps = 25): Promise<void> {
  const { page } = session;
  await page.mouse.move(from.x, from.y);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
}

async function screenOf(position: PolarPosition): Promise<ScreenPoint> {
  const point = await session.page.evaluate((p) => (globalThis as StudioWindow).__studio!.positionScreenPosition(p), position);
  if (point === null) throw new Error(`position ${JSON.stringify(position)} is not on screen`);
  return point;
}

/** The ADM position of scene point (x right, y front, z up), metres. */
function polar(x: number, y: number, z: number): PolarPosition {
  const horizontal = Math.hypot(x, y);
  return { azimuthDeg: (Math.atan2(-x, y) * 180) / Math.PI, elevationDeg: (Math.atan2(z, horizontal) * 180) / Math.PI, distanceM: Math.hypot(x, y, z) };
}

async function labelBoxes(): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const id of DEMO_SOURCE_IDS) {
    const box = await session.page.getByTestId(`stage-label-${id}`).boundingBox();
    if (box === null) throw new Error(`the label of ${id} is not visible`);
    boxes.push({ id, ...box });
  }
  return boxes;
}

function overlappingPairs(boxes: readonly Box[]): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push(`${a.id} and ${b.id}`);
    }),
  );
  return pairs;
}

describe('the stage', () => {
  it('shows the demo\'s seven source names without any two overlapping on the first load', async () => {
    const { page, server } = session;
    await openStudio(page, server.url, '?engine=none');
    await page.waitForTimeout(300);
    await page.getByTestId('stage-canvas').screenshot({ path: artifactPath('stage-labels.png') });
    expect(overlappingPairs(await labelBoxes())).toEqual([]);
  });

  it.each([
    // Top: a source 1.5 m above the floor point 1 m in front and 1 m left is drawn on it.
    ['top', polar(-1, 1, 1.5), polar(-1, 1, 0)],
    // Front (looking forward): 3 m farther in front, same left and height.
    ['front', polar(-2, 0.5, 1), polar(-2, 3.5, 1)],
    // Side (from the right): 3 m farther left, same front and height.
    ['side', polar(-0.5, 2, 1), polar(-3.5, 2, 1)],
  ] as const)('draws the %s view orthographically: two points differing only in depth fall on one screen point', async (view, near, far) => {
    const { page } = session;
    await page.getByTestId(`view-${view}`).click();
    await page.waitForTimeout(100);
    const a = await screenOf(near);
    const b = await screenOf(far);
    console.log(`${view} view: points ${Math.hypot(a.x - b.x, a.y - b.y).toFixed(2)} px apart`);
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeLessThanOrEqual(SAME_POINT_PX);
    // And the view is not degenerate: 1 m across the view is tens of pixels.
    const across = view === 'side' ? await screenOf(polar(-0.5, 3, 1)) : await screenOf(polar(view === 'top' ? 0 : -1, view === 'top' ? 1 : 0.5, view === 'top' ? 0 : 1));
    expect(Math.hypot(across.x - a.x, across.y - a.y)).toBeGreaterThan(20);
    await page.getByTestId('stage-canvas').screenshot({ path: artifactPath(`stage-view-${view}.png`) });
  });

  it('keeps the free view in perspective: the nearer of two such points is drawn elsewhere', async () => {
    const { page } = session;
    await page.getByTestId('view-perspective').click();
    await page.waitForTimeout(100);
    const a = await screenOf(polar(-1, 1, 1.5));
    const b = await screenOf(polar(-1, 1, 0));
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(20);
  });

  it('drags an elevated source around the floor keeping its elevation angle: pad (30 degrees up, 4 m) to azimuth 140 at 5 m', async () => {
    const { page } = session;
    const before = await sourcePosition('pad');
    const target: PolarPosition = { azimuthDeg: 140, elevationDeg: before.elevationDeg, distanceM: 5 };
    await dragOnStage(await sourceScreen('pad'), await screenOf(target), false);
    const after = await sourcePosition('pad');
    console.log(`floor drag: pad ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
    expect(after.elevationDeg).toBe(before.elevationDeg);
    expect(Math.abs(after.azimuthDeg - target.azimuthDeg)).toBeLessThanOrEqual(DRAG_AZIMUTH_TOLERANCE_DEG);
    expect(Math.abs(after.distanceM - target.distanceM)).toBeLessThanOrEqual(DRAG_DISTANCE_TOLERANCE_M);
    await page.keyboard.press('Control+z');
  });

  it('Shift+drags a source up by 150 px in 1 px steps keeping its place on the floor (azimuth and horizontal distance)', async () => {
    const before = await sourcePosition('arp');
    const from = await sourceScreen('arp');
    await dragOnStage(from, { x: from.x, y: from.y - 150 }, true, 150);
    const after = await sourcePosition('arp');
    const horizontal = (p: PolarPosition): number => p.distanceM * Math.cos((p.elevationDeg * Math.PI) / 180);
    console.log(`height drag: arp ${JSON.stringify(before)} -> ${JSON.stringify(after)}; horizontal ${horizontal(before).toFixed(4)} -> ${horizontal(after).toFixed(4)} m`);
    expect(after.elevationDeg).toBeGreaterThan(before.elevationDeg + 10);
    expect(after.azimuthDeg).toBe(before.azimuthDeg);
    // The last move's rounding (0.1 degree, 0.01 m) is all that may differ.
    expect(Math.abs(horizontal(after) - horizontal(before))).toBeLessThanOrEqual(HORIZONTAL_TOLERANCE_M);
    await session.page.keyboard.press('Control+z');
  });

  it('reaches and moves the sources with the keyboard alone: Tab to a source selects it, arrows turn it, PageUp moves it out, the move is announced', async () => {
    const { page } = session;
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const before = await sourcePosition('drums');
    // Tab from the top of the page until the stage's drums has the focus.
    let presses = 0;
    while ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'stage-object-drums') {
      await page.keyboard.press('Tab');
      presses++;
      if (presses > MAX_TABS) throw new Error(`the stage's drums was not reached in ${MAX_TABS} Tab presses`);
    }
    console.log(`keyboard: the stage's first source after ${presses} Tab presses`);
    expect(await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().selectedSourceId)).toBe('drums');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('PageUp');
    const after = await sourcePosition('drums');
    expect(after.azimuthDeg).toBeCloseTo(before.azimuthDeg + 3 - 10, 9);
    expect(after.elevationDeg).toBeCloseTo(before.elevationDeg + 2, 9);
    expect(after.distanceM).toBeCloseTo(before.distanceM + 0.1, 9);
    await expect(page.getByTestId('stage-object-status').textContent()).resolves.toBe(`Drums: azimuth -7°, elevation +2°, distance ${(before.distanceM + 0.1).toFixed(2)} m`);
    await page.getByTestId('stage').screenshot({ path: artifactPath('stage-keyboard.png') });
    // The next Tab goes to the next source and selects it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stage-object-bass');
    expect(await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().selectedSourceId)).toBe('bass');
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
