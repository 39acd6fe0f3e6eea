import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useStudioSession } from './support/studioSession';
import { cartesianToPolar } from '../../src/core/coordinates';
import type { PolarPosition } from '../../src/core/coordinates';
import { writeSpreadObjectPosition } from '../../src/core/scene/spreadObjects';
import { artifactPath } from './support/artifacts';
import { decodePng, hexColour, meanColour } from './support/png';
import type { RgbaImage } from './support/png';
import { storeScene } from './support/studioPage';
import type { ScreenPoint, StudioWindow } from './support/studioPage';

/**
 * A stereo stem on the stage: once the studio knows the guitar's stem has two channels
 * (demo: spread 100 at azimuth 0, 3 m), its two objects are drawn where the renderer puts
 * them (azimuth +50 for L, -50 for R), labelled L and R; moving the source moves both, and
 * at spread 0 the source is drawn alone.
 */

const demo = JSON.parse(readFileSync(new URL('../../scenes/demo.json', import.meta.url), 'utf8')) as { objects: { id: string; color: string }[] };
const GUITAR_COLOUR = hexColour(demo.objects.find((s) => s.id === 'guitar')!.color);
/** The stage's clear colour (StageScene.tsx). */
const STAGE_BACKGROUND = hexColour('#0f1216');
/** Mean over a 5x5 pixel square at a channel's centre: the sphere there is about 10 px across. A lit sphere is this far (max over R, G, B) from the background, bare floor much less. */
const MIN_SPHERE_CONTRAST = 40;
/** Samples are the mean over this radius (pixels) around a point. */
const SAMPLE_RADIUS_PX = 2;

const session = useStudioSession();

interface StereoView {
  readonly stemChannels: Readonly<Record<string, number>>;
}

/** Where the renderer puts the guitar's channel at `side` (+1 L, -1 R), as an ADM position. */
async function channelPosition(side: 1 | -1): Promise<PolarPosition> {
  const guitar = (await storeScene(session.page)).sources.find((s) => s.id === 'guitar')!;
  const out = new Float64Array(3);
  writeSpreadObjectPosition({ ...guitar.position, spreadDeg: guitar.spreadDeg }, side, out);
  return cartesianToPolar({ x: out[0]!, y: out[1]!, z: out[2]! });
}

async function screenPoint(position: PolarPosition): Promise<ScreenPoint> {
  const point = await session.page.evaluate((p) => (globalThis as StudioWindow).__studio!.positionScreenPosition(p), position);
  if (point === null) throw new Error('the channel is not on screen');
  return point;
}

/**
 * The stage as shown, saved as `fileName`. With `labels` false the DOM labels over the
 * canvas are hidden for the shot, so a sampled pixel is what WebGL drew (a name's swatch
 * could otherwise sit where a sphere is looked for).
 */
async function stageShot(fileName: string, labels: boolean): Promise<{ image: RgbaImage; origin: ScreenPoint }> {
  const { page } = session;
  const canvas = page.getByTestId('stage-canvas');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the stage canvas is not visible');
  await page.waitForTimeout(200);
  const opacity = labels ? '1' : '0';
  await page.evaluate((o) => document.querySelector<HTMLElement>('.stage-labels')?.style.setProperty('opacity', o), opacity);
  const png = await canvas.screenshot({ animations: 'disabled' });
  await page.evaluate(() => document.querySelector<HTMLElement>('.stage-labels')?.style.removeProperty('opacity'));
  await writeFile(artifactPath(fileName), png);
  return { image: decodePng(png), origin: { x: box.x, y: box.y } };
}

/** The sampled colour at a channel's place, and whether it reads as the guitar's sphere. */
function sphereAt(image: RgbaImage, origin: ScreenPoint, point: ScreenPoint): { sample: number[]; isGuitar: boolean } {
  const sample = meanColour(image, point.x - origin.x, point.y - origin.y, SAMPLE_RADIUS_PX);
  const contrast = Math.max(...sample.map((v, c) => Math.abs(v - STAGE_BACKGROUND[c]!)));
  const dominant = GUITAR_COLOUR.indexOf(Math.max(...GUITAR_COLOUR));
  return { sample, isGuitar: contrast > MIN_SPHERE_CONTRAST && sample.indexOf(Math.max(...sample)) === dominant };
}

const stemChannels = (): Promise<Readonly<Record<string, number>>> =>
  session.page.evaluate(() => ((globalThis as StudioWindow).__studio!.store.getState() as unknown as StereoView).stemChannels);

describe('a stereo stem on the stage', () => {
  it('knows the guitar stem is stereo once the session is loaded', async () => {
    await expect.poll(async () => (await stemChannels()).guitar, { timeout: 60_000 }).toBe(2);
  });

  it('draws its L and R objects where the renderer puts them (test-artifacts/e2e/stereo-pair-stage.png)', async () => {
    const { image, origin } = await stageShot('stereo-pair-stage.png', true);
    for (const side of [1, -1] as const) {
      const point = await screenPoint(await channelPosition(side));
      const found = sphereAt(image, origin, point);
      expect(found.isGuitar, `side ${side} at (${point.x.toFixed(0)}, ${point.y.toFixed(0)}): sampled ${found.sample.map((v) => v.toFixed(0)).join(', ')}`).toBe(true);
    }
    for (const text of ['L', 'R']) {
      await expect(session.page.getByTestId(`stage-channel-label-guitar-${text}`).isVisible()).resolves.toBe(true);
    }
  });

  it('moving the source moves both objects', async () => {
    const { page } = session;
    const before = { L: await channelPosition(1), R: await channelPosition(-1) };
    await page.evaluate(() => {
      const store = (globalThis as StudioWindow).__studio!.store.getState() as unknown as { moveSource(id: string, p: PolarPosition): void };
      store.moveSource('guitar', { azimuthDeg: -60, elevationDeg: 0, distanceM: 3 });
    });
    const { image, origin } = await stageShot('stereo-pair-moved.png', false);
    for (const side of [1, -1] as const) {
      expect(sphereAt(image, origin, await screenPoint(await channelPosition(side))).isGuitar).toBe(true);
    }
    // Their old places (az +50 and -50 at 3 m) are now clear of the guitar.
    expect(sphereAt(image, origin, await screenPoint(before.L)).isGuitar).toBe(false);
  });

  it('at spread 0 both objects sit at the source: it is drawn alone, without L and R', async () => {
    const { page } = session;
    const wide = await channelPosition(1);
    await page.evaluate(() => {
      const store = (globalThis as StudioWindow).__studio!.store.getState() as unknown as { setSpread(id: string, spreadDeg: number): void };
      store.setSpread('guitar', 0);
    });
    const { image, origin } = await stageShot('stereo-pair-spread0.png', false);
    expect(sphereAt(image, origin, await screenPoint(wide)).isGuitar).toBe(false);
    const centre = await page.evaluate(() => (globalThis as StudioWindow).__studio!.sourceScreenPosition('guitar'));
    expect(sphereAt(image, origin, centre!).isGuitar).toBe(true);
    for (const text of ['L', 'R']) {
      await expect(page.getByTestId(`stage-channel-label-guitar-${text}`).isVisible()).resolves.toBe(false);
    }
    expect(session.browser.pageErrors).toEqual([]);
  });
});
