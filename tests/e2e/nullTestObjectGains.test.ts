import { beforeAll, describe, expect, it } from 'vitest';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import type { StudioOutputId } from '../../src/core/outputs/studioOutputs';
import { useStudioSession } from './support/studioSession';
import { storeScene } from './support/studioPage';
import { largestDifference, renderSceneNullTest } from './support/sceneNullTest';
import type { SceneNullRenders } from './support/sceneNullTest';

/**
 * The null test (DESIGN.md section 2) for objects the loudspeaker buses render with
 * BS.2127's gain calculator: the demo with ADM parameters on four objects (the pad wide
 * and diffuse, the arp diverged, the guitar with channel lock and an excluded zone, the
 * drums a Cartesian object, the lead's extent growing over a timeline) exported in the
 * page by the studio's AudioWorklet equals the command-line render of the same scene, to
 * within -100 dBFS, sample for sample, for the stereo and mono outputs (0+2+0 is a
 * loudspeaker bus: its gain calculator, decorrelation filters and latency compensation
 * run in the worklet); and differs from the plain demo by far more, so an export that
 * ignored the parameters fails.
 */
const FORMATS: readonly StudioOutputId[] = ['stereo', 'mono'];
const NULL_TOLERANCE = 10 ** (-100 / 20);
/** The parameters change every output by more than this (largest sample difference). */
const PARAMETERS_AUDIBLE = 10 ** (-40 / 20);

const PARAMETERS: Readonly<Record<string, Partial<SceneSource>>> = {
  pad: { width: 120, height: 30, diffuse: 0.5 },
  arp: { objectDivergence: { value: 0.5, azimuthRange: 30 } },
  guitar: { channelLock: { maxDistance: 1 }, zoneExclusion: [{ minAzimuth: -20, maxAzimuth: 20, minElevation: -90, maxElevation: 90 }] },
  drums: { cartesianPosition: { X: 0.4, Y: 0.7, Z: 0.1 } },
  lead: { timeline: [{ rtimeSec: 0, durationSec: 2 }, { rtimeSec: 2, durationSec: 6, width: 90, diffuse: 0.3 }] },
};

const session = useStudioSession();
let renders: SceneNullRenders;

beforeAll(async () => {
  const demo = await storeScene(session.page);
  const withParameters: Scene = { ...demo, sources: demo.sources.map((source) => ({ ...source, ...PARAMETERS[source.id] })) };
  expect(demo.sources.filter((source) => PARAMETERS[source.id] !== undefined)).toHaveLength(5);
  renders = await renderSceneNullTest(session.page, withParameters, demo, FORMATS);
}, 240_000);

describe('null test of objects with ADM parameters: browser AudioWorklet export = command-line render', () => {
  it.each(FORMATS)('%s nulls to below -100 dBFS and differs from the plain demo', (format) => {
    const reference = renders.cli.get(format)!;
    const rendered = renders.page.get(format)!;
    expect(rendered.map((c) => c.length)).toEqual(reference.map((c) => c.length));
    const difference = largestDifference(reference, rendered);
    const parameters = largestDifference(reference, renders.cliBaseline.get(format)!);
    console.log(`ADM parameters null test ${format}: largest difference ${difference === 0 ? '0 (bit-identical)' : `${(20 * Math.log10(difference)).toFixed(1)} dBFS`}, parameters ${(20 * Math.log10(parameters)).toFixed(1)} dBFS`);
    expect(difference).toBeLessThan(NULL_TOLERANCE);
    expect(parameters).toBeGreaterThan(PARAMETERS_AUDIBLE);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
