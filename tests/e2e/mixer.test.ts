import { describe, expect, it } from 'vitest';
import type { Scene } from '../../src/core/scene/scene';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import { openStudio, storeScene } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';

/**
 * The mixer with many sources: every strip can be reached with the mouse alone (the wheel
 * over the strips scrolls them sideways; a strip is then seen and clicked), however many
 * sources there are. Before the strips took the wheel, only the 6 or 7 strips that fit
 * at 1280 px could be clicked (headless Chromium shows no scroll bars). The page runs without audio (`?engine=none`): only the
 * controls are under test.
 */

/** More strips than fit across the page at 1280 px (about 8 did before the mixer scrolled). */
const SOURCE_COUNT = 23;

/** One notch of a mouse wheel in Chromium (pixels, vertical). */
const WHEEL_STEP_PX = 100;
/** 23 strips of 158 px need about 30 notches in all: this bounds one strip's search. */
const MAX_WHEEL_TURNS = 60;

/** The last strip, in view after the first test's scrolling. */
const LAST_SOURCE_ID = `source-${SOURCE_COUNT}`;
/** A fader drag of this many pixels measures its resolution. */
const DRAG_PX = 20;
/** Drags snap to 0.1 dB, Shift drags to 0.01 dB. */
const SNAP_DB = 0.1;
const FINE_SNAP_DB = 0.01;

const session = useStudioSession({ open: false });

async function gainOf(sourceId: string): Promise<number> {
  return (await storeScene(session.page)).sources.find((s) => s.id === sourceId)!.gainDb;
}

function manySources(scene: Scene, count: number): Scene {
  const template = scene.sources[0]!;
  return {
    ...scene,
    sources: Array.from({ length: count }, (_, index) => ({
      ...template,
      id: `source-${index + 1}`,
      name: `Source ${index + 1}`,
      position: { ...template.position, azimuthDeg: 180 - (index * 360) / count },
    })),
  };
}

describe('the mixer with many sources', () => {
  it(`reaches each of ${SOURCE_COUNT} strips with the mouse: the wheel brings it inside the mixer and the window, uncovered, and a click selects it`, async () => {
    const { page, server } = session;
    await openStudio(page, server.url, '?engine=none');
    const scene = manySources(await storeScene(page), SOURCE_COUNT);
    await page.evaluate((s) => (globalThis as StudioWindow).__studio!.store.getState().replaceScene(s), scene);
    await expect.poll(() => page.locator('[data-testid^="source-list-item-"]').count()).toBe(SOURCE_COUNT);
    const mixer = await page.getByRole('region', { name: 'Mixer', exact: true }).boundingBox();
    const viewport = page.viewportSize()!;
    if (mixer === null) throw new Error('the mixer is not visible');
    const unreachable: string[] = [];
    const strips = await page.getByTestId('source-list').boundingBox();
    if (strips === null) throw new Error('the strips are not visible');
    await page.mouse.move(strips.x + strips.width / 2, strips.y + strips.height / 2);
    for (const source of scene.sources) {
      const button = page.getByTestId(`mixer-select-${source.id}`);
      // Wheel down (as a mouse does) until the strip's name is wholly within the strips' row.
      for (let turns = 0; turns < MAX_WHEEL_TURNS; turns++) {
        const at = await button.boundingBox();
        if (at !== null && at.x >= strips.x && at.x + at.width <= strips.x + strips.width) break;
        await page.mouse.wheel(0, WHEEL_STEP_PX);
        await page.waitForTimeout(20);
      }
      const box = await button.boundingBox();
      if (box === null) {
        unreachable.push(`${source.id}: no box`);
        continue;
      }
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const inside = x >= Math.max(0, mixer.x) && x <= Math.min(viewport.width, mixer.x + mixer.width) && y >= mixer.y && y <= Math.min(viewport.height, mixer.y + mixer.height);
      const onTop = await page.evaluate(({ px, py, id }) => document.elementFromPoint(px, py)?.closest(`[data-testid="mixer-select-${id}"]`) != null, { px: x, py: y, id: source.id });
      if (!inside || !onTop) {
        unreachable.push(`${source.id}: centre (${x.toFixed(0)}, ${y.toFixed(0)}) ${inside ? 'covered' : 'outside the mixer or the window'}`);
        continue;
      }
      await page.mouse.click(x, y);
      const selected = await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().selectedSourceId);
      if (selected !== source.id) unreachable.push(`${source.id}: a click selected ${selected}`);
    }
    expect(unreachable).toEqual([]);
    // The master strip stays in view beside the strips.
    const master = await page.getByTestId('master-strip').boundingBox();
    expect(master).not.toBeNull();
    expect(master!.x + master!.width).toBeLessThanOrEqual(viewport.width);
  });

  it('moves the gain fader 0.1-0.2 dB per pixel around 0 dB, ten times finer with Shift, and double-click resets it to 0 dB', async () => {
    const { page } = session;
    const id = LAST_SOURCE_ID;
    const fader = page.getByTestId(`mixer-gain-${id}`);
    const box = await fader.boundingBox();
    if (box === null) throw new Error('the fader is not visible');
    console.log(`mixer strip fader: ${box.width.toFixed(0)} px wide, ${(box.width - 12).toFixed(0)} px of travel`);
    expect(await gainOf(id)).toBe(0);
    const y = box.y + box.height / 2;
    const drag = async (fromX: number, dxPx: number, shift: boolean): Promise<void> => {
      if (shift) await page.keyboard.down('Shift');
      await page.mouse.move(fromX, y);
      await page.mouse.down();
      await page.mouse.move(fromX + dxPx, y, { steps: 10 });
      await page.mouse.up();
      if (shift) await page.keyboard.up('Shift');
    };
    await drag(box.x + box.width / 2, -DRAG_PX, false);
    const coarse = await gainOf(id);
    console.log(`fader: ${DRAG_PX} px left from 0 dB gives ${coarse} dB (${(-coarse / DRAG_PX).toFixed(3)} dB per pixel)`);
    expect(-coarse / DRAG_PX).toBeGreaterThanOrEqual(0.1 - SNAP_DB / DRAG_PX);
    expect(-coarse / DRAG_PX).toBeLessThanOrEqual(0.2 + SNAP_DB / DRAG_PX);
    await page.mouse.dblclick(box.x + box.width / 2, y);
    await expect.poll(() => gainOf(id)).toBe(0);
    await drag(box.x + box.width / 2, -DRAG_PX, true);
    const fine = await gainOf(id);
    console.log(`fader with Shift: ${DRAG_PX} px left from 0 dB gives ${fine} dB`);
    expect(Math.abs(fine - coarse / 10)).toBeLessThanOrEqual(FINE_SNAP_DB);
    await page.mouse.dblclick(box.x + box.width / 2, y);
    await expect.poll(() => gainOf(id)).toBe(0);
  });

  it('refuses a typed +30 dB with a message naming the range, keeping the gain; +24 dB is taken', async () => {
    const { page } = session;
    const id = LAST_SOURCE_ID;
    const field = page.getByTestId(`mixer-gain-value-${id}`);
    await field.fill('30');
    await field.press('Enter');
    await expect(page.getByTestId(`mixer-gain-value-${id}-refusal`).textContent()).resolves.toContain('type -120 to +24 dB');
    await expect(field.inputValue()).resolves.toBe('0.0');
    expect(await gainOf(id)).toBe(0);
    await page.screenshot({ path: artifactPath('mixer-gain-refused.png') });
    await field.fill('24');
    await field.press('Enter');
    await expect.poll(() => gainOf(id)).toBe(24);
    await expect(page.getByTestId(`mixer-gain-value-${id}-refusal`).count()).resolves.toBe(0);
  });

  it('shows a held peak and latches the clip light on a 0 dBFS sample until it is clicked; the strip has a dB scale', async () => {
    const { page } = session;
    const id = LAST_SOURCE_ID;
    await expect(page.getByTestId(`source-list-item-${id}`).locator('.meter-scale-tick').allTextContents()).resolves.toEqual(['-48', '-36', '-24', '-12', '0']);
    const clip = page.getByTestId(`mixer-clip-${id}`);
    const hold = page.getByTestId(`mixer-meter-${id}`).locator('.meter-hold');
    // Meter frames as the engine publishes them (store live.meters), while playing without audio.
    const publish = (peak: number) =>
      page.evaluate(
        ({ sourceId, value }) => {
          const state = (globalThis as StudioWindow).__studio!.store.getState() as unknown as { live: { meters: unknown }; play(): void };
          state.live.meters = { outputPeak: [value, value], sourcePeak: new Map([[sourceId, value]]) };
          state.play();
        },
        { sourceId: id, value: peak },
      );
    await publish(0.5);
    // -6.02 dBFS: 0.900 of the bar; no clip.
    await expect.poll(() => hold.getAttribute('data-hold')).toBe('0.900');
    await expect(clip.getAttribute('data-clipped')).resolves.toBeNull();
    await publish(1);
    await expect.poll(() => clip.getAttribute('data-clipped')).toBe('true');
    await expect.poll(() => hold.getAttribute('data-hold')).toBe('1.000');
    // The level drops: the held peak stays (it holds 2 s), the clip light stays lit.
    await publish(0.001);
    await expect(hold.getAttribute('data-hold')).resolves.toBe('1.000');
    await expect(clip.getAttribute('data-clipped')).resolves.toBe('true');
    await page.getByTestId(`source-list-item-${id}`).screenshot({ path: artifactPath('mixer-strip-clip.png') });
    await clip.click();
    await expect(clip.getAttribute('data-clipped')).resolves.toBeNull();
    await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().pause());
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
