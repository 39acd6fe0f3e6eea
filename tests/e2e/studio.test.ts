import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { PolarPosition } from '../../src/core/coordinates';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import { decodePng, hexColour, meanColour, pixelStats } from './support/png';
import type { RgbaImage } from './support/png';
import { DEMO_SOURCE_IDS, storeMonitorHead, storeScene, undoSteps } from './support/studioPage';
import type { ScreenPoint, StudioWindow } from './support/studioPage';

/**
 * The studio page as a person uses it: the demo scene loads, the 3D stage draws, a click
 * starts audio, the inspector shows the selected source, a drag on the stage moves a
 * source and Ctrl+Z undoes it. The tests run in order on one page (the audio test's click
 * is the page's first user gesture).
 */

interface DemoSource {
  readonly id: string;
  readonly name: string;
  readonly gainDb: number;
  readonly position: PolarPosition;
  readonly color: string;
}
const demo = JSON.parse(readFileSync(new URL('../../scenes/demo.json', import.meta.url), 'utf8')) as { objects: DemoSource[] };
const demoSource = (id: string): DemoSource => demo.objects.find((s) => s.id === id)!;

/** The stage's clear colour (StageScene.tsx). */
const STAGE_BACKGROUND = hexColour('#0f1216');
/** A pixel within this distance (max over R, G, B) of the background counts as background. */
const BACKGROUND_TOLERANCE = 12;
/** A rendered stage (grid, rings, head, seven lit spheres) is far from flat (measured: luma std. dev. about 19, 5-7 % of pixels off the background); a blank or single-colour canvas gives 0. */
const MIN_LUMA_STD_DEV = 6;
const MIN_NON_BACKGROUND_FRACTION = 0.02;
/** Numeric fields show one decimal (distance two): a shown value is within half a step of the store's. */
const DISPLAY_TOLERANCE = 0.05;
const DISPLAY_TOLERANCE_DISTANCE = 0.005;
/**
 * A drag lands within this many degrees of its target. At the default camera one CSS pixel
 * is about 0.02 m at the sources' distance (about 0.4 degree at 3 m), and drags are
 * rounded to 0.1 degree, so 2 degrees leaves room for a few pixels of rounding.
 */
const DRAG_AZIMUTH_TOLERANCE_DEG = 2;
/** A plain drag keeps the elevation angle, so to a target at the same distance elevation and distance stay within rounding. */
const DRAG_ELEVATION_TOLERANCE_DEG = 1;
const DRAG_DISTANCE_TOLERANCE_M = 0.05;

const session = useStudioSession();

async function stageScreenshot(fileName: string): Promise<{ image: RgbaImage; origin: ScreenPoint }> {
  const canvas = session.page.getByTestId('stage-canvas');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the stage canvas is not visible');
  const png = await canvas.screenshot({ animations: 'disabled' });
  await writeFile(artifactPath(fileName), png);
  const image = decodePng(png);
  // One image pixel per CSS pixel (device scale factor 1), within a pixel of rounding.
  expect(Math.abs(image.width - box.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(image.height - box.height)).toBeLessThanOrEqual(1);
  return { image, origin: { x: box.x, y: box.y } };
}

async function sourcePoint(sourceId: string): Promise<ScreenPoint> {
  const point = await session.page.evaluate((id) => (globalThis as StudioWindow).__studio!.sourceScreenPosition(id), sourceId);
  if (point === null) throw new Error(`source ${sourceId} is not on screen`);
  return point;
}

/** Asserts the mean colour around a screen point has the source colour's dominant channel and is far from the background. */
function expectSourceColourAt(image: RgbaImage, origin: ScreenPoint, point: ScreenPoint, colour: string): void {
  const sample = meanColour(image, point.x - origin.x, point.y - origin.y, 2);
  const expected = hexColour(colour);
  const dominant = expected.indexOf(Math.max(...expected));
  expect(sample.indexOf(Math.max(...sample)), `dominant channel of ${colour} at (${point.x.toFixed(0)}, ${point.y.toFixed(0)}): sampled ${sample.map((v) => v.toFixed(0)).join(', ')}`).toBe(dominant);
  const distance = Math.max(...sample.map((v, c) => Math.abs(v - STAGE_BACKGROUND[c]!)));
  expect(distance).toBeGreaterThan(40);
}

async function fieldValue(testId: string): Promise<number> {
  return Number(await session.page.getByTestId(testId).inputValue());
}

describe('the studio page', () => {
  it('loads the demo scene: seven sources listed in the mixer', async () => {
    const { page } = session;
    await expect.poll(() => page.locator('[data-testid^="source-list-item-"]').count(), { timeout: 30_000 }).toBe(7);
    for (const id of DEMO_SOURCE_IDS) {
      await expect(page.getByTestId(`source-list-item-${id}`).count()).resolves.toBe(1);
      await expect(page.getByTestId(`mixer-select-${id}`).textContent()).resolves.toContain(demoSource(id).name);
    }
    const scene = await storeScene(page);
    expect(scene.sources.map((s) => s.id)).toEqual([...DEMO_SOURCE_IDS]);
  });

  it('draws the 3D stage (screenshot test-artifacts/e2e/studio-stage.png is not blank)', async () => {
    await session.page.screenshot({ path: artifactPath('studio-page.png') });
    const { image, origin } = await stageScreenshot('studio-stage.png');
    const stats = pixelStats(image, STAGE_BACKGROUND, BACKGROUND_TOLERANCE);
    expect(stats.lumaStdDev).toBeGreaterThan(MIN_LUMA_STD_DEV);
    expect(stats.nonBackgroundFraction).toBeGreaterThan(MIN_NON_BACKGROUND_FRACTION);
    // WebGL drew the spheres (the DOM labels alone would not put these colours there).
    for (const id of ['arp', 'pad', 'ambience']) {
      expectSourceColourAt(image, origin, await sourcePoint(id), demoSource(id).color);
    }
  });

  it('starts audio on the first click: the banner goes and the engine is ready', async () => {
    const { page } = session;
    await expect(page.getByTestId('audio-start-banner').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().engineStatus)).resolves.toBe('needs-gesture');
    // A click on a quiet part of the page (the mixer's heading), not on the banner itself.
    await page.getByRole('region', { name: 'Mixer', exact: true }).click({ position: { x: 40, y: 12 } });
    await page.getByTestId('audio-start-banner').waitFor({ state: 'detached', timeout: 30_000 });
    await expect
      .poll(() => page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().engineStatus), { timeout: 30_000 })
      .toBe('ready');
    await expect(page.getByTestId('engine-status').getAttribute('class')).resolves.toContain('status-ready');
    await expect(page.getByTestId('audio-error-banner').count()).resolves.toBe(0);
  });

  it('shows the selected source in the inspector (each value within half a display step)', async () => {
    const { page } = session;
    for (const id of DEMO_SOURCE_IDS) {
      const source = demoSource(id);
      await page.getByTestId(`mixer-select-${id}`).click();
      await expect.poll(() => page.getByTestId('inspector-name').inputValue()).toBe(source.name);
      expect(Math.abs((await fieldValue('inspector-azimuth')) - source.position.azimuthDeg)).toBeLessThanOrEqual(DISPLAY_TOLERANCE);
      expect(Math.abs((await fieldValue('inspector-elevation')) - source.position.elevationDeg)).toBeLessThanOrEqual(DISPLAY_TOLERANCE);
      expect(Math.abs((await fieldValue('inspector-distance')) - source.position.distanceM)).toBeLessThanOrEqual(DISPLAY_TOLERANCE_DISTANCE);
      expect(Math.abs((await fieldValue('inspector-gain')) - source.gainDb)).toBeLessThanOrEqual(DISPLAY_TOLERANCE);
    }
  });

  it('moves a source by dragging it on the stage, and Ctrl+Z restores the exact previous position', async () => {
    const { page } = session;
    const id = 'arp';
    const before = (await storeScene(page)).sources.find((s) => s.id === id)!.position;
    // Same elevation and distance, 50 degrees to the right (ADM azimuth decreases): a plain drag keeps the elevation, so it reaches it.
    const target: PolarPosition = { ...before, azimuthDeg: before.azimuthDeg - 50 };
    const from = await sourcePoint(id);
    const to = await page.evaluate((p) => (globalThis as StudioWindow).__studio!.positionScreenPosition(p), target);
    if (to === null) throw new Error('the drag target is not on screen');

    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 25 });
    await page.mouse.up();

    const after = (await storeScene(page)).sources.find((s) => s.id === id)!.position;
    const movedDeg = after.azimuthDeg - before.azimuthDeg;
    expect(Math.sign(movedDeg)).toBe(-1);
    expect(Math.abs(movedDeg - (target.azimuthDeg - before.azimuthDeg))).toBeLessThanOrEqual(DRAG_AZIMUTH_TOLERANCE_DEG);
    expect(Math.abs(after.elevationDeg - before.elevationDeg)).toBeLessThanOrEqual(DRAG_ELEVATION_TOLERANCE_DEG);
    expect(Math.abs(after.distanceM - before.distanceM)).toBeLessThanOrEqual(DRAG_DISTANCE_TOLERANCE_M);
    // The inspector shows the dragged value (the drag selected the source).
    await expect.poll(() => page.getByTestId('inspector-name').inputValue()).toBe(demoSource(id).name);
    expect(Math.abs((await fieldValue('inspector-azimuth')) - after.azimuthDeg)).toBeLessThanOrEqual(DISPLAY_TOLERANCE);
    // The stage redrew the sphere where it now is.
    await page.waitForTimeout(200);
    const { image, origin } = await stageScreenshot('studio-stage-after-drag.png');
    expectSourceColourAt(image, origin, await sourcePoint(id), demoSource(id).color);

    // One drag is one undo step.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await storeScene(page)).sources.find((s) => s.id === id)!.position).toEqual(before);
    await expect.poll(() => page.getByTestId('inspector-azimuth').inputValue()).toBe(before.azimuthDeg.toFixed(1));
  });

  it('turns the monitor head by dragging the head: a quarter turn to the left reads head yaw +90 (within 3 degrees), in the top bar too; the scene and its undo history stay as they were', async () => {
    const { page } = session;
    const screen = (p: PolarPosition) => page.evaluate((q) => (globalThis as StudioWindow).__studio!.positionScreenPosition(q), p);
    // The floor point 0.2 m in front of the centre lies under the head (radius 0.3 m), so
    // the press lands on the head; the release is over the floor at azimuth +90.
    const from = await screen({ azimuthDeg: 0, elevationDeg: 0, distanceM: 0.2 });
    const to = await screen({ azimuthDeg: 90, elevationDeg: 0, distanceM: 2 });
    if (from === null || to === null) throw new Error('the head is not on screen');
    const sceneBefore = await storeScene(page);
    const stepsBefore = await undoSteps(page);
    const yawBefore = (await storeMonitorHead(page)).yawDeg;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 25 });
    await page.mouse.up();
    const yawAfter = (await storeMonitorHead(page)).yawDeg;
    expect(Math.abs(yawAfter - (yawBefore + 90))).toBeLessThanOrEqual(3);
    // The top bar's field shows whole degrees: within half a degree of the store.
    const shown = Number(await page.getByTestId('monitor-head-yaw').inputValue());
    expect(Math.abs(shown - yawAfter)).toBeLessThanOrEqual(0.5);
    expect(await storeScene(page)).toEqual(sceneBefore);
    expect(await undoSteps(page)).toBe(stepsBefore);
    // Monitoring is not undone: Ctrl+Z has no head turn to take back (the head stays, exactly).
    await page.keyboard.press('Control+z');
    expect((await storeMonitorHead(page)).yawDeg).toBe(yawAfter);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
