import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../src/cli/renderArgs';
import { runRender } from '../../src/cli/renderCommand';
import { decodeWav } from '../../src/io/wav';
import type { OutputFormat } from '../../src/render/renderBlock';
import { useStudioSession } from './support/studioSession';
import { readPageArray, releasePageArrays } from './support/pageArrays';
import type { PageArrays } from './support/pageArrays';
import { openStudio } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';

/**
 * The null test (DESIGN.md section 2): the demo scene rendered in the page by the
 * studio's AudioWorklet (engine.renderOffline(), an OfflineAudioContext) equals the
 * command-line render of the same scene (32-bit float WAVs) to within -100 dBFS, sample
 * for sample, in binaural, stereo and mono, at the same length.
 *
 * The page's render (5 channels x 1.5 M frames, about 30 MB of floats) is copied out in
 * 1 MiB base64 slices and compared here, rather than the Node render being sent in: the
 * reference, its decoder and the comparison stay in the test process, the page only
 * renders, and a failure can say which channel and frame differ.
 */

const SCENE = fileURLToPath(new URL('../../scenes/demo.json', import.meta.url));
/** -100 dBFS, the design's bound for "the same samples". */
const NULL_TOLERANCE_DBFS = -100;
const NULL_TOLERANCE = 10 ** (NULL_TOLERANCE_DBFS / 20);
/** The demo is a full mix: every format peaks well above this (a silent render would null trivially). */
const MIN_PEAK_DBFS = -20;

const FORMATS: readonly OutputFormat[] = ['binaural', 'stereo', 'mono'];
/** Channels of each format in the page's array list [binaural L, binaural R, stereo L, stereo R, mono]. */
const PAGE_CHANNELS: Readonly<Record<OutputFormat, readonly number[]>> = { binaural: [0, 1], stereo: [2, 3], mono: [4] };

const session = useStudioSession({ open: false });
let outDir: string;
const cli = new Map<OutputFormat, readonly Float32Array[]>();
const pageRender = new Map<OutputFormat, Float32Array[]>();
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
  pageRateHz = await page.evaluate(async () => {
    const engine = (globalThis as StudioWindow).__studio!.engine;
    if (engine === null) throw new Error('the page has no audio engine');
    const mix = await engine.renderOffline();
    (globalThis as PageArrays).__e2eArrays = [mix.binaural[0], mix.binaural[1], mix.stereo[0], mix.stereo[1], mix.mono];
    return mix.sampleRateHz;
  });
  for (const format of FORMATS) {
    const channels: Float32Array[] = [];
    for (const index of PAGE_CHANNELS[format]) channels.push(await readPageArray(page, index));
    pageRender.set(format, channels);
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
