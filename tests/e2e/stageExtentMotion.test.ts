import { beforeAll, describe, expect, it } from 'vitest';
import { getLayout } from '../../src/core/layouts';
import { createObjectValues, createObjectValuesScratch, writeObjectValuesAt } from '../../src/core/scene/objectValues';
import type { Scene } from '../../src/core/scene/scene';
import { sourceParamsOf } from '../../src/core/scene/sourceParams';
import { createLayoutObjectGains } from '../../src/dsp/panners/objectGains/layoutObjectGains';
import { DEFAULT_OBJECT_BLOCK } from '../../src/dsp/panners/objectGains/objectBlock';
import { computeObjectGains, createObjectGains } from '../../src/dsp/panners/objectGains/objectGainCalculator';
import type { StudioState } from '../../src/state/studioState';
import type { StageExtent } from '../../src/ui/stage/stageExtent';
import { sourceThreePosition } from '../../src/ui/stage/stageMath';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';

/**
 * The stage draws the selected object's extent and lights the loudspeakers BS.2127's object
 * gain calculator gives it, and draws a moving object where its timeline has it at the
 * transport's time. On the demo in headless Chromium, monitoring 7.1.4 on headphones.
 */

const session = useStudioSession();

interface Window {
  __studio?: {
    readonly store: { getState(): StudioState };
    sourceDrawnPosition(sourceId: string): { x: number; y: number; z: number } | null;
    drawnExtent(): StageExtent | null;
  };
}

/** The stage's gains are the calculator's in float64 on both sides: 1e-6 leaves room for nothing but rounding. */
const GAIN_TOLERANCE = 1e-6;
/** Drawn positions are float64 three.js vectors: 1e-6 m. */
const POSITION_TOLERANCE = 1e-6;

const LABELS_7_1_4 = getLayout('4+7+0').channels.map((channel) => channel.label);

let sourceId = '';

beforeAll(async () => {
  const { page } = session;
  await page.waitForFunction(() => (globalThis as Window).__studio?.store.getState().scene.sources.length !== undefined, undefined, { timeout: 30_000 });
  sourceId = await page.evaluate(() => {
    const s = (globalThis as Window).__studio!.store.getState();
    s.setSceneRotation(0);
    s.setMonitorOutput('binaural-7.1.4');
    const id = s.scene.sources[0]!.id;
    s.selectSource(id);
    s.moveSource(id, { azimuthDeg: 20, elevationDeg: 10, distanceM: 2 });
    return id;
  });
});

/** The stage's gains and the loudspeakers the stage shows lit (its labels' text is not "off"). */
async function stageState(): Promise<{ gains: readonly number[]; lit: string[] }> {
  const { page } = session;
  await page.waitForFunction(() => document.querySelector('[data-testid="stage-speaker-M+030"]')?.getAttribute('data-gain') !== '', undefined, { timeout: 5000 });
  const gains = await page.evaluate(() => (globalThis as Window).__studio!.store.getState().stageGains!.gains);
  const lit = await page.evaluate(
    (labels) => labels.filter((label) => {
      const gain = document.querySelector(`[data-testid="stage-speaker-${label}"]`)?.getAttribute('data-gain');
      return gain !== undefined && gain !== null && gain !== 'off';
    }),
    LABELS_7_1_4,
  );
  return { gains, lit };
}

/** BS.2127's gains for a polar block at (20, 10) on 7.1.4, direct and diffuse by power. */
function calculatorGains(width: number, height: number): number[] {
  const calculator = createLayoutObjectGains(getLayout('4+7+0'));
  const out = createObjectGains(calculator);
  computeObjectGains(calculator, { ...DEFAULT_OBJECT_BLOCK, position: { azimuth: 20, elevation: 10, distance: 1 }, width, height }, out);
  return Array.from(out.direct, (direct, c) => Math.hypot(direct, out.diffuse[c]!));
}

describe('the stage\'s extent and moving objects, in the browser', () => {
  it('lights more loudspeakers for a 90 x 30 degree extent typed in the inspector, each gain the calculator\'s within 1e-6, and draws the patch', async () => {
    const { page } = session;
    const point = await stageState();
    const expectedPoint = calculatorGains(0, 0);
    point.gains.forEach((g, c) => expect(Math.abs(g - expectedPoint[c]!), `point, ${LABELS_7_1_4[c]}`).toBeLessThan(GAIN_TOLERANCE));
    expect(await page.evaluate(() => (globalThis as Window).__studio!.drawnExtent())).toBeNull();

    await page.getByTestId('inspector-extent-width').fill('90');
    await page.getByTestId('inspector-extent-width').press('Enter');
    await page.getByTestId('inspector-extent-height').fill('30');
    await page.getByTestId('inspector-extent-height').press('Enter');
    await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().scene.sources[0]!.height === 30, undefined, { timeout: 5000 });
    const wide = await stageState();
    const expectedWide = calculatorGains(90, 30);
    wide.gains.forEach((g, c) => expect(Math.abs(g - expectedWide[c]!), `90 x 30, ${LABELS_7_1_4[c]}`).toBeLessThan(GAIN_TOLERANCE));
    const litByCalculator = LABELS_7_1_4.filter((label, c) => !label.startsWith('LFE') && 20 * Math.log10(expectedWide[c]!) >= -60);
    console.log(`lit loudspeakers: point ${point.lit.join(' ')}; 90 x 30 ${wide.lit.join(' ')}`);
    expect(wide.lit).toEqual(litByCalculator);
    expect(wide.lit.length).toBeGreaterThan(point.lit.length);

    const extent = await page.evaluate(() => (globalThis as Window).__studio!.drawnExtent());
    expect(extent?.kind).toBe('patch');
    if (extent?.kind !== 'patch') return;
    expect([extent.widthDeg, extent.heightDeg, extent.radiusM]).toEqual([90, 30, 2]);
    await page.screenshot({ path: artifactPath('stage-extent-90x30.png') });
  });

  it('draws a moving object at its timeline\'s position at the transport\'s time (within 1e-6 m), paused after seeks to 0.5, 2 and 3.5 s', async () => {
    const { page } = session;
    const scene = await page.evaluate(() => (globalThis as Window).__studio!.store.getState().scene);
    const moving: Scene = {
      ...scene,
      sources: scene.sources.map((source) =>
        source.id !== sourceId
          ? source
          : {
              ...source,
              timeline: [
                { rtimeSec: 0, durationSec: 1 },
                { rtimeSec: 1, durationSec: 2, position: { azimuthDeg: -90, elevationDeg: 30, distanceM: 3 } },
                { rtimeSec: 3, durationSec: 1, jumpPosition: { flag: true, interpolationLengthSec: 0 }, position: { azimuthDeg: 170, elevationDeg: 0, distanceM: 1.5 } },
              ],
            },
      ),
    };
    await page.evaluate((next) => (globalThis as Window).__studio!.store.getState().replaceScene(next), moving);
    const source = moving.sources.find((s) => s.id === sourceId)!;
    for (const timeSec of [0.5, 2, 3.5]) {
      await page.evaluate((t) => (globalThis as Window).__studio!.store.getState().seek(t), timeSec);
      const drawn = await page.evaluate((id) => (globalThis as Window).__studio!.sourceDrawnPosition(id), sourceId);
      const values = createObjectValues();
      writeObjectValuesAt(sourceParamsOf(source), timeSec, createObjectValuesScratch(), values);
      const expected = sourceThreePosition(values);
      expect(drawn, `at ${timeSec} s`).not.toBeNull();
      const error = Math.hypot(drawn!.x - expected.x, drawn!.y - expected.y, drawn!.z - expected.z);
      expect(error, `at ${timeSec} s: drawn ${JSON.stringify(drawn)}, timeline ${JSON.stringify(expected)}`).toBeLessThan(POSITION_TOLERANCE);
    }
    // At 2 s the object is half way from (20, 10, 2 m) to (-90, 30, 3 m): azimuth -35 along the shorter arc.
    const half = createObjectValues();
    writeObjectValuesAt(sourceParamsOf(source), 2, createObjectValuesScratch(), half);
    expect([half.azimuthDeg, half.elevationDeg, half.distanceM]).toEqual([-35, 20, 2.5]);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
