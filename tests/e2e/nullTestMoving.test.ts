import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import type { ObjectBlock } from '../../src/core/scene/objectTimeline';
import type { Scene } from '../../src/core/scene/scene';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import type { StudioOutputId } from '../../src/core/outputs/studioOutputs';
import { decodeWav } from '../../src/io/wav';
import { readPageBytes, releasePageArrays } from './support/pageArrays';
import type { PageArrays } from './support/pageArrays';
import { useStudioSession } from './support/studioSession';
import { storeScene } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';

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
let workDir: string;
const cli = new Map<string, readonly Float32Array[]>();
const cliStatic = new Map<string, readonly Float32Array[]>();
const page = new Map<string, readonly Float32Array[]>();

async function renderFile(scene: Scene, name: string, into: Map<string, readonly Float32Array[]>): Promise<void> {
  const file = path.join(workDir, `${name}.json`);
  await writeFile(file, serializeScene(scene));
  const args = parseRenderArgs([file, '--bits', '32f', '--out', path.join(workDir, name)]);
  if (args === 'help') throw new Error('unexpected --help');
  for (const written of await runRender(args, () => {})) {
    into.set(written.format, decodeWav(new Uint8Array(await readFile(written.file)), written.file).channels);
  }
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'studio-null-moving-'));
  const demo = await storeScene(session.page);
  const moving: Scene = { ...demo, sources: demo.sources.map((source) => (TIMELINES[source.id] === undefined ? source : { ...source, timeline: TIMELINES[source.id]! })) };
  expect(moving.sources.filter((source) => source.timeline !== undefined)).toHaveLength(2);
  await renderFile(moving, 'moving', cli);
  await renderFile(demo, 'static', cliStatic);

  const files = await session.page.evaluate(
    async ({ scene, outputIds }) => {
      const studio = (globalThis as StudioWindow).__studio!;
      if (studio.engine === null) throw new Error('the page has no audio engine');
      const exported = await studio.engine.exportMix(scene, { outputIds, sampleFormat: 'float32', baseName: 'moving' });
      (globalThis as PageArrays).__e2eArrays = exported.map(({ bytes }) => {
        const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
        padded.set(bytes);
        return new Float32Array(padded.buffer);
      });
      return exported.map(({ outputId, bytes }) => ({ outputId, byteLength: bytes.length }));
    },
    { scene: moving, outputIds: FORMATS },
  );
  for (const [index, { outputId, byteLength }] of files.entries()) {
    page.set(outputId, decodeWav(await readPageBytes(session.page, index, byteLength), `${outputId}.wav`).channels);
  }
  await releasePageArrays(session.page);
}, 240_000);

afterAll(async () => {
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

function largestDifference(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let largest = 0;
  for (let c = 0; c < a.length; c++) {
    for (let n = 0; n < a[c]!.length; n++) largest = Math.max(largest, Math.abs(a[c]![n]! - b[c]![n]!));
  }
  return largest;
}

describe('null test of a moving scene: browser AudioWorklet export = command-line render', () => {
  it.each(FORMATS)('%s nulls to below -100 dBFS and differs from the static demo', (format) => {
    const reference = cli.get(format)!;
    const rendered = page.get(format)!;
    expect(rendered.map((c) => c.length)).toEqual(reference.map((c) => c.length));
    const difference = largestDifference(reference, rendered);
    const movement = largestDifference(reference, cliStatic.get(format)!);
    console.log(`moving null test ${format}: largest difference ${difference === 0 ? '0 (bit-identical)' : `${(20 * Math.log10(difference)).toFixed(1)} dBFS`}, movement ${(20 * Math.log10(movement)).toFixed(1)} dBFS`);
    expect(difference).toBeLessThan(NULL_TOLERANCE);
    expect(movement).toBeGreaterThan(MOVEMENT_AUDIBLE);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
