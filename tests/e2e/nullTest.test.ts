import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { decodeWav } from '../../src/io/wav';
import type { StudioOutputId } from '../../src/core/outputs/studioOutputs';
import { useStudioSession } from './support/studioSession';
import { readPageBytes, releasePageArrays } from './support/pageArrays';
import type { PageArrays } from './support/pageArrays';
import { openStudio } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';

/**
 * The null test (DESIGN.md section 2): the demo scene exported in the page by the
 * studio's AudioWorklet (engine.exportMix, an OfflineAudioContext, 32-bit float WAVs)
 * equals the command-line render of the same scene (32-bit float WAVs) to within
 * -100 dBFS, sample for sample, for every output (binaural, stereo and mono), at the
 * same length.
 *
 * The page's files (5 channels x 1.5 M frames, about 30 MB) are copied out in 1 MiB
 * base64 slices and decoded and compared here, rather than the Node render being sent
 * in: the reference, its decoder and the comparison stay in the test process, the page
 * only renders, and a failure can say which channel and frame differ.
 */

const SCENE = fileURLToPath(new URL('../../scenes/demo.json', import.meta.url));
/** -100 dBFS, the design's bound for "the same samples". */
const NULL_TOLERANCE_DBFS = -100;
const NULL_TOLERANCE = 10 ** (NULL_TOLERANCE_DBFS / 20);
/** The demo is a full mix: every format peaks well above this (a silent render would null trivially). */
const MIN_PEAK_DBFS = -20;

const FORMATS: readonly StudioOutputId[] = ['binaural', 'stereo', 'mono'];

const session = useStudioSession({ open: false });
let outDir: string;
const cli = new Map<string, readonly Float32Array[]>();
const pageRender = new Map<string, readonly Float32Array[]>();
let pageRateHz = 0;
let cliRateHz = 0;

const dbfs = (linear: number): number => 20 * Math.log10(linear);

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'studio-null-test-'));

  const args = parseRenderArgs([SCENE, '--bits', '32f', '--out', outDir]);
  if (args === 'help') throw new Error('unexpected --help');
  const written = await runRender(args, () => {});
  for (const file of written) {
    const audio = decodeWav(new Uint8Array(await readFile(file.file)), file.file);
    cli.set(file.format, audio.channels);
    cliRateHz = audio.sampleRateHz;
  }

  const { page } = session;
  await openStudio(page, session.server.url);
  const files = await page.evaluate(async (outputIds) => {
    const studio = (globalThis as StudioWindow).__studio!;
    if (studio.engine === null) throw new Error('the page has no audio engine');
    const exported = await studio.engine.exportMix(studio.store.getState().scene, { outputIds, sampleFormat: 'float32', baseName: 'demo' });
    // Padded to whole floats, as readPageBytes (support/pageArrays.ts) reads them.
    (globalThis as PageArrays).__e2eArrays = exported.map(({ bytes }) => {
      const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
      padded.set(bytes);
      return new Float32Array(padded.buffer);
    });
    return exported.map(({ outputId, bytes }) => ({ outputId, byteLength: bytes.length }));
  }, FORMATS);
  for (const [index, { outputId, byteLength }] of files.entries()) {
    const audio = decodeWav(await readPageBytes(page, index, byteLength), `${outputId}.wav`);
    pageRender.set(outputId, audio.channels);
    pageRateHz = audio.sampleRateHz;
  }
  await releasePageArrays(page);
});

afterAll(async () => {
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

describe('null test: browser AudioWorklet render = command-line render', () => {
  it('renders at the same rate and length', () => {
    expect(pageRateHz).toBe(48000);
    expect(cliRateHz).toBe(pageRateHz);
    for (const format of FORMATS) {
      const reference = cli.get(format)!;
      const rendered = pageRender.get(format)!;
      expect(rendered.length).toBe(reference.length);
      for (let c = 0; c < reference.length; c++) expect(rendered[c]!.length).toBe(reference[c]!.length);
    }
  });

  it.each(FORMATS)('%s nulls to below -100 dBFS (largest absolute sample difference)', (format) => {
    const reference = cli.get(format)!;
    const rendered = pageRender.get(format)!;
    let largest = 0;
    let where = { channel: 0, frame: 0 };
    let peak = 0;
    for (let c = 0; c < reference.length; c++) {
      const a = reference[c]!;
      const b = rendered[c]!;
      for (let n = 0; n < a.length; n++) {
        const difference = Math.abs(a[n]! - b[n]!);
        if (difference > largest) {
          largest = difference;
          where = { channel: c, frame: n };
        }
        peak = Math.max(peak, Math.abs(a[n]!));
      }
    }
    console.log(
      `null test ${format}: peak ${dbfs(peak).toFixed(2)} dBFS, largest difference ${largest === 0 ? '0 (bit-identical)' : `${largest.toExponential(3)} = ${dbfs(largest).toFixed(1)} dBFS at channel ${where.channel}, frame ${where.frame}`}`,
    );
    expect(dbfs(peak)).toBeGreaterThan(MIN_PEAK_DBFS);
    expect(largest, `largest difference at channel ${where.channel}, frame ${where.frame}`).toBeLessThan(NULL_TOLERANCE);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
