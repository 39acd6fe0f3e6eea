import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import type { StudioOutputId } from '../../src/core/outputs/studioOutputs';
import { decodeWav } from '../../src/io/wav';
import { readPageBytes, releasePageArrays } from './support/pageArrays';
import type { PageArrays } from './support/pageArrays';
import { useStudioSession } from './support/studioSession';
import { storeScene } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';

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
let workDir: string;
const cli = new Map<string, readonly Float32Array[]>();
const cliPlain = new Map<string, readonly Float32Array[]>();
const page = new Map<string, readonly Float32Array[]>();

async function renderFile(scene: Scene, name: string, into: Map<string, readonly Float32Array[]>): Promise<void> {
  const file = path.join(workDir, `${name}.json`);
  await writeFile(file, serializeScene(scene));
  const args = parseRenderArgs([file, '--bits', '32f', '--format', FORMATS.join(','), '--out', path.join(workDir, name)]);
  if (args === 'help') throw new Error('unexpected --help');
  for (const written of await runRender(args, () => {})) {
    into.set(written.format, decodeWav(new Uint8Array(await readFile(written.file)), written.file).channels);
  }
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'studio-null-gains-'));
  const demo = await storeScene(session.page);
  const withParameters: Scene = { ...demo, sources: demo.sources.map((source) => ({ ...source, ...PARAMETERS[source.id] })) };
  expect(demo.sources.filter((source) => PARAMETERS[source.id] !== undefined)).toHaveLength(5);
  await renderFile(withParameters, 'parameters', cli);
  await renderFile(demo, 'plain', cliPlain);

  const files = await session.page.evaluate(
    async ({ scene, outputIds }) => {
      const studio = (globalThis as StudioWindow).__studio!;
      if (studio.engine === null) throw new Error('the page has no audio engine');
      const exported = await studio.engine.exportMix(scene, { outputIds, sampleFormat: 'float32', baseName: 'parameters' });
      (globalThis as PageArrays).__e2eArrays = exported.map(({ bytes }) => {
        const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
        padded.set(bytes);
        return new Float32Array(padded.buffer);
      });
      return exported.map(({ outputId, bytes }) => ({ outputId, byteLength: bytes.length }));
    },
    { scene: withParameters, outputIds: FORMATS },
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

describe('null test of objects with ADM parameters: browser AudioWorklet export = command-line render', () => {
  it.each(FORMATS)('%s nulls to below -100 dBFS and differs from the plain demo', (format) => {
    const reference = cli.get(format)!;
    const rendered = page.get(format)!;
    expect(rendered.map((c) => c.length)).toEqual(reference.map((c) => c.length));
    const difference = largestDifference(reference, rendered);
    const parameters = largestDifference(reference, cliPlain.get(format)!);
    console.log(`ADM parameters null test ${format}: largest difference ${difference === 0 ? '0 (bit-identical)' : `${(20 * Math.log10(difference)).toFixed(1)} dBFS`}, parameters ${(20 * Math.log10(parameters)).toFixed(1)} dBFS`);
    expect(difference).toBeLessThan(NULL_TOLERANCE);
    expect(parameters).toBeGreaterThan(PARAMETERS_AUDIBLE);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
