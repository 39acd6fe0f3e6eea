import { beforeAll, describe, expect, it } from 'vitest';
import type { ObjectBlock } from '../../src/core/scene/objectTimeline';
import type { Scene } from '../../src/core/scene/scene';
import type { StudioOutputId } from '../../src/core/outputs/studioOutputs';
import { useStudioSession } from './support/studioSession';
import { storeScene } from './support/studioPage';
import { largestDifference, renderSceneNullTest } from './support/sceneNullTest';
import type { SceneNullRenders } from './support/sceneNullTest';

/**
 * The null test (DESIGN.md section 2) for a scene that moves: the demo with timelines on
 * two objects (the lead interpolating around the head and up, the arp jumping and then
 * gliding over an interpolationLength) exported in the page by the studio's AudioWorklet
 * equals the command-line render of the same scene written as a version 2 file, to within
 * -100 dBFS, sample for sample, for every output; and differs from the static demo by far
 * more, so an export that ignored the timelines fails.
 */
const FORMATS: readonly StudioOutputId[] = ['binaural', 'stereo', 'mono'];
const NULL_TOLERANCE = 10 ** (-100 / 20);
/** The movement changes every output by more than this (largest sample difference). */
const MOVEMENT_AUDIBLE = 10 ** (-40 / 20);

const polar = (azimuthDeg: number, elevationDeg: number, distanceM: number) => ({ azimuthDeg, elevationDeg, distanceM });
const TIMELINES: Readonly<Record<string, ObjectBlock[]>> = {
  lead: [
    { rtimeSec: 0, durationSec: 2 },
    { rtimeSec: 2, durationSec: 6, position: polar(120, 30, 2.5), gainDb: -4 },
    { rtimeSec: 8, durationSec: 6, position: polar(-100, 10, 1.2) },
  ],
  arp: [
    { rtimeSec: 0, durationSec: 3 },
    { rtimeSec: 3, durationSec: 5, jumpPosition: { flag: true, interpolationLengthSec: 0 }, position: polar(-60, 0, 2) },
    { rtimeSec: 9.5, durationSec: 4, jumpPosition: { flag: true, interpolationLengthSec: 1.5 }, position: polar(170, 45, 5) },
  ],
};

const session = useStudioSession();
let renders: SceneNullRenders;

beforeAll(async () => {
  const demo = await storeScene(session.page);
  const moving: Scene = { ...demo, sources: demo.sources.map((source) => (TIMELINES[source.id] === undefined ? source : { ...source, timeline: TIMELINES[source.id]! })) };
  expect(moving.sources.filter((source) => source.timeline !== undefined)).toHaveLength(2);
  renders = await renderSceneNullTest(session.page, moving, demo, FORMATS);
}, 240_000);

describe('null test of a moving scene: browser AudioWorklet export = command-line render', () => {
  it.each(FORMATS)('%s nulls to below -100 dBFS and differs from the static demo', (format) => {
    const reference = renders.cli.get(format)!;
    const rendered = renders.page.get(format)!;
    expect(rendered.map((c) => c.length)).toEqual(reference.map((c) => c.length));
    const difference = largestDifference(reference, rendered);
    const movement = largestDifference(reference, renders.cliBaseline.get(format)!);
    console.log(`moving null test ${format}: largest difference ${difference === 0 ? '0 (bit-identical)' : `${(20 * Math.log10(difference)).toFixed(1)} dBFS`}, movement ${(20 * Math.log10(movement)).toFixed(1)} dBFS`);
    expect(difference).toBeLessThan(NULL_TOLERANCE);
    expect(movement).toBeGreaterThan(MOVEMENT_AUDIBLE);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
