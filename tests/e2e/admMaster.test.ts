import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BED_PACK_OF_LAYOUT, commonPackLabels } from '../../src/adm/bedPacks';
import { importAdmScene } from '../../src/cli/admScene/importAdmScene';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { parseSceneJson } from '../../src/core/scene/sceneParse';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import type { Scene } from '../../src/core/scene/scene';
import { stemFileName } from '../../src/core/stemFileName';
import { readAdmBwf } from '../../src/io/adm/admBwfRead';
import type { StudioState } from '../../src/state/studioState';
import { readPageBytes, releasePageArrays } from './support/pageArrays';
import type { PageArrays } from './support/pageArrays';
import { useStudioSession } from './support/studioSession';

/**
 * ADM BWF masters in the studio, with the command line's importer and exporter (src/adm):
 * Open master on an ADM fixture gives the scene `npm run scene:from-adm` writes (the same
 * objects, beds and timelines; positions within 1e-6) and its tracks as the session's
 * stems (the same samples); an invalid file is refused with the importer's message and the
 * session is kept; the Export dialog offers the master with notes on what it bakes; and the
 * studio's master of the imported scene reads back as the command line's `--format adm`
 * file does: the same ADM model (numbers within 1e-9: a position computed with Math.sin
 * is 1 in Node and 0.9999999999999998 in Chromium), the same chna tracks and the same
 * samples within one 24-bit step.
 */

const session = useStudioSession();

interface Window {
  __studio?: { readonly store: { getState(): StudioState }; readonly stemFiles: Map<string, Blob> };
}

const FIXTURE = 'tests/fixtures/adm/ear__test_bwf.wav';
const INVALID = 'tests/fixtures/adm/invalid/eps__two_object_pack_adm.wav';
const POSITION_TOLERANCE = 1e-6;
/** Numbers in the master's XML: the same computation in two engines (Chromium's V8 and Node's). */
const XML_NUMBER_TOLERANCE = 1e-9;
/** One step of 24-bit PCM. */
const PCM24_STEP = 2 ** -23;

let outDir = '';
let cliScene: Scene;
let cliScenePath = '';

const studioScene = (): Promise<Scene> => session.page.evaluate(() => (globalThis as Window).__studio!.store.getState().scene);

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'studio-adm-'));
  cliScenePath = await importAdmScene(FIXTURE, outDir, () => {});
  cliScene = parseSceneJson(await readFile(cliScenePath, 'utf8'), cliScenePath).scene;
});

afterAll(async () => {
  if (outDir !== '') await rm(outDir, { recursive: true, force: true });
});

/** Every number of `a` within `tolerance` of `b`'s, everything else equal. */
function expectClose(a: unknown, b: unknown, tolerance: number, at = 'scene'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), at).toBeLessThanOrEqual(tolerance);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, at).toBe(b.length);
    a.forEach((item, i) => expectClose(item, b[i], tolerance, `${at}[${i}]`));
  } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    expect(Object.keys(a).sort(), at).toEqual(Object.keys(b).sort());
    for (const key of Object.keys(a)) expectClose((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], tolerance, `${at}.${key}`);
  } else {
    expect(a, at).toEqual(b);
  }
}

describe('ADM BWF masters in the studio', () => {
  it('opens an ADM fixture as the scene scene:from-adm gives: objects, beds, timelines, positions within 1e-6', async () => {
    const { page } = session;
    await page.getByTestId('master-open-input').setInputFiles(FIXTURE);
    await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().sceneName === 'ear__test_bwf', undefined, { timeout: 30_000 });
    const scene = await studioScene();
    console.log(`opened ${FIXTURE}: ${scene.sources.length} objects, beds ${(scene.beds ?? []).map((b) => b.layout).join(', ')}`);
    expect(scene.sources.length).toBe(cliScene.sources.length);
    expect(scene.sources.length).toBeGreaterThan(0);
    expect(scene.beds?.map((b) => [b.layout, b.channels])).toEqual(cliScene.beds?.map((b) => [b.layout, b.channels]));
    expectClose(scene, cliScene, POSITION_TOLERANCE);
  });

  it('holds the file\'s tracks as the session\'s stems, sample for sample what scene:from-adm writes', async () => {
    const { page } = session;
    const stems = [...cliScene.sources, ...(cliScene.beds ?? [])].map((item) => (item.stem.kind === 'file' ? item.stem.file : ''));
    for (const file of stems) {
      const name = stemFileName(file);
      const pageBytes = await page.evaluate(async (key) => {
        const blob = (globalThis as Window).__studio!.stemFiles.get(key);
        if (blob === undefined) return null;
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
        return btoa(binary);
      }, name);
      expect(pageBytes, name).not.toBeNull();
      expect(Buffer.from(pageBytes!, 'base64').equals(await readFile(path.join(outDir, file))), name).toBe(true);
    }
  });

  it('refuses an invalid file with the importer\'s message and keeps the session', async () => {
    const { page } = session;
    let cliMessage = '';
    try {
      await importAdmScene(INVALID, path.join(outDir, 'invalid'), () => {});
    } catch (error) {
      cliMessage = (error as Error).message;
    }
    expect(cliMessage).not.toBe('');
    await page.getByTestId('master-open-input').setInputFiles(INVALID);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor({ state: 'visible', timeout: 30_000 });
    const shown = (await banner.textContent()) ?? '';
    // The importer names the file by the path it was given: the page has only the name.
    expect(shown).toContain(cliMessage.replace(INVALID, path.basename(INVALID)).split('\n')[0]!);
    expect(await page.evaluate(() => (globalThis as Window).__studio!.store.getState().sceneName)).toBe('ear__test_bwf');
  });

  it('offers the ADM BWF master in the Export dialog, saying what it bakes and that it is 48 kHz', async () => {
    const { page } = session;
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-format-adm').check();
    const note = (await page.getByTestId('export-adm-note').textContent()) ?? '';
    for (const words of ['mid/side, gain, distance level and air absorption baked in', 'ITU-R BS.2094', 'Masters are 48 kHz, 24-bit.']) expect(note).toContain(words);
    await page.getByTestId('export-close').click();
  });

  it('exports the master the command line writes for the same scene: the same XML model (numbers within 1e-9), chna tracks and samples (within one 24-bit step)', async () => {
    const { page } = session;
    const scene = await studioScene();
    const scenePath = path.join(outDir, 'ear__test_bwf.json');
    await writeFile(scenePath, serializeScene(scene));
    // The studio's stems are the imported ones: the scene refers to them in the folder scene:from-adm wrote.
    const args = parseRenderArgs([scenePath, '--format', 'adm', '--out', path.join(outDir, 'renders')]);
    if (args === 'help') throw new Error('unexpected --help');
    const [cliFile] = await runRender(args, () => {});
    const cliBytes = new Uint8Array(await readFile(cliFile!.file));

    const byteLength = await page.evaluate(async () => {
      const master = await (globalThis as Window).__studio!.store.getState().exportAdmMaster({});
      const padded = new Uint8Array(Math.ceil(master.bytes.length / 4) * 4);
      padded.set(master.bytes);
      (globalThis as PageArrays).__e2eArrays = [new Float32Array(padded.buffer)];
      return master.bytes.length;
    });
    const pageBytes = await readPageBytes(page, 0, byteLength);
    await releasePageArrays(page);
    const read = readAdmBwf(pageBytes, 'studio.adm.wav');
    const cli = readAdmBwf(cliBytes, 'cli.adm.wav');
    console.log(`ADM master: studio ${pageBytes.length} bytes, command line ${cliBytes.length} bytes, ${read.document.objects.length} objects, ${read.tracks.length} tracks`);
    // The page's V8 and Node's may differ in the last bit of a sine (a position written 1 or 0.9999999999999998).
    expectClose(read.document, cli.document, XML_NUMBER_TOLERANCE, 'document');
    expect(read.tracks).toEqual(cli.tracks);
    // One track per (mono) object and one per channel of each bed's pack.
    const packChannels = (scene.beds ?? []).reduce((sum, bed) => sum + commonPackLabels(BED_PACK_OF_LAYOUT[bed.layout]).length, 0);
    expect(read.tracks.length).toBe(scene.sources.length + packChannels);
    expect(read.audio.sampleRateHz).toBe(48000);
    let largest = 0;
    cli.audio.channels.forEach((channel, c) => {
      expect(read.audio.channels[c]!.length).toBe(channel.length);
      for (let n = 0; n < channel.length; n++) largest = Math.max(largest, Math.abs(channel[n]! - read.audio.channels[c]![n]!));
    });
    console.log(`ADM master samples: largest difference ${largest}`);
    expect(largest).toBeLessThanOrEqual(PCM24_STEP);
  });

  it('opens a master given as a stem (Add stems, or dropped) as a new session, found by its axml and chna chunks', async () => {
    const { page } = session;
    const sessionBefore = await page.evaluate(() => (globalThis as Window).__studio!.store.getState().sessionId);
    await page.getByTestId('stems-add-input').setInputFiles('tests/fixtures/adm/eps__panned_noise_adm.wav');
    await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().sceneName === 'eps__panned_noise_adm', undefined, { timeout: 30_000 });
    const state = await page.evaluate(() => {
      const s = (globalThis as Window).__studio!.store.getState();
      return { sessionId: s.sessionId, objects: s.scene.sources.length, beds: s.scene.beds?.length ?? 0 };
    });
    expect(state.sessionId).not.toBe(sessionBefore);
    expect(state.objects).toBeGreaterThan(0);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
