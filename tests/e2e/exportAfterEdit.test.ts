import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import type { Scene } from '../../src/core/scene/scene';
import { sceneRotationDeg } from '../../src/core/scene/sceneRotation';
import { sceneWithoutSolos } from '../../src/core/scene/sceneSolos';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import { decodeWav } from '../../src/io/wav';
import type { StudioOutputId } from '../../src/core/outputs/studioOutputs';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import { storeMonitorHead, storeScene } from './support/studioPage';

/**
 * The export is the mix that was heard (AudioEngine.exportMix): after the demo scene is
 * loaded, a person mutes a source, solos one, changes a gain, moves a source, narrows a
 * stereo stem, turns the Scene rotation and widens the master, then turns the monitor
 * head (monitoring only) and exports 32-bit float WAVs from the Export dialog, choosing
 * the full mix over the solo. The dialog names the solo and the head turn first. Each
 * downloaded file nulls against the command-line render of the edited scene (the store's
 * scene written to a file, its solos cleared as the choice asks; the head is in no scene
 * file) to below -100 dBFS, the design's bound for "the same samples", and differs from
 * the render of the scene as loaded (before the edits) by far more than that, so an export
 * that missed the edits, kept the solo or had the head turn fails.
 */

const DEMO_SCENE = fileURLToPath(new URL('../../scenes/demo.json', import.meta.url));
const FORMATS: readonly StudioOutputId[] = ['binaural', 'stereo', 'mono'];
/** -100 dBFS: the design's bound for "the same samples". */
const NULL_TOLERANCE_DBFS = -100;
/** The edits change every format by much more than this (largest sample difference). */
const EDITS_AUDIBLE_DBFS = -40;
/** The edited mix still peaks above this in every format (a silent export would null trivially). */
const MIN_PEAK_DBFS = -20;
/** Offline render of the 32 s demo in the page, then three downloads. */
const EXPORT_TIMEOUT_MS = 120_000;

/** The edits, as typed into the studio's fields. */
const EDITS = {
  mutedSource: 'drums',
  soloedSource: 'arp',
  gain: { sourceId: 'bass', gainDb: -12 },
  azimuth: { sourceId: 'lead', azimuthDeg: 90 },
  width: { sourceId: 'pad', widthPercent: 0 },
  sceneRotationDeg: 30,
  masterWidthPercent: 150,
} as const;
/** The monitor head's yaw, typed in the top bar: heard, never exported. */
const MONITOR_HEAD_YAW_DEG = 60;

const session = useStudioSession();
let workDir: string;
/** The store's scene after the edits. */
let edited: Scene;
const exported = new Map<string, readonly Float32Array[]>();
/** Command-line renders of the edited scene and of the scene as loaded (scenes/demo.json). */
let cliEdited: Map<string, readonly Float32Array[]>;
let cliLoaded: Map<string, readonly Float32Array[]>;

const dbfs = (linear: number): number => 20 * Math.log10(linear);

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'studio-export-after-edit-'));
});

afterAll(async () => {
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

/** Types `value` into a number field and commits it with Enter. */
async function typeInto(testId: string, value: number): Promise<void> {
  const field = session.page.getByTestId(testId);
  await field.scrollIntoViewIfNeeded();
  await field.fill(String(value));
  await field.press('Enter');
}

async function selectSource(sourceId: string): Promise<void> {
  await session.page.getByTestId(`mixer-select-${sourceId}`).click();
}

/** Renders `scenePath` with the command line as 32-bit float WAVs into `outDir`; the channels by format. */
async function cliRender(scenePath: string, outDir: string): Promise<Map<string, readonly Float32Array[]>> {
  const args = parseRenderArgs([scenePath, '--bits', '32f', '--out', outDir]);
  if (args === 'help') throw new Error('unexpected --help');
  const rendered = new Map<string, readonly Float32Array[]>();
  for (const file of await runRender(args, () => {})) {
    rendered.set(file.format, decodeWav(new Uint8Array(await readFile(file.file)), file.file).channels);
  }
  return rendered;
}

/** Largest absolute sample difference over all channels (lengths must match), and the reference's peak. */
function compare(reference: readonly Float32Array[], rendered: readonly Float32Array[]): { largest: number; peak: number } {
  expect(rendered.length).toBe(reference.length);
  let largest = 0;
  let peak = 0;
  reference.forEach((a, c) => {
    const b = rendered[c]!;
    expect(b.length, `channel ${c} length`).toBe(a.length);
    for (let n = 0; n < a.length; n++) {
      largest = Math.max(largest, Math.abs(a[n]! - b[n]!));
      peak = Math.max(peak, Math.abs(a[n]!));
    }
  });
  return { largest, peak };
}

describe('an export after edits has the edits', () => {
  it('edits the loaded demo scene through the studio\'s controls', async () => {
    const { page } = session;
    await page.getByTestId(`mixer-mute-${EDITS.mutedSource}`).click();
    await page.getByTestId(`mixer-solo-${EDITS.soloedSource}`).click();
    await selectSource(EDITS.gain.sourceId);
    await typeInto('inspector-gain', EDITS.gain.gainDb);
    await selectSource(EDITS.azimuth.sourceId);
    await typeInto('inspector-azimuth', EDITS.azimuth.azimuthDeg);
    await selectSource(EDITS.width.sourceId);
    await typeInto('inspector-ms-width', EDITS.width.widthPercent);
    await typeInto('scene-rotation', EDITS.sceneRotationDeg);
    await page.getByTestId('master-ms-open').click();
    await typeInto('master-ms-width', EDITS.masterWidthPercent);
    await typeInto('monitor-head-yaw', MONITOR_HEAD_YAW_DEG);

    edited = await storeScene(page);
    const source = (id: string) => edited.sources.find((s) => s.id === id)!;
    expect(source(EDITS.mutedSource).mute).toBe(true);
    expect(source(EDITS.soloedSource).solo).toBe(true);
    expect(source(EDITS.gain.sourceId).gainDb).toBe(EDITS.gain.gainDb);
    expect(source(EDITS.azimuth.sourceId).position.azimuthDeg).toBe(EDITS.azimuth.azimuthDeg);
    expect(source(EDITS.width.sourceId).midSide?.widthPercent).toBe(EDITS.width.widthPercent);
    // The scene file keeps the rotation as the listener turned the other way; the head is not in it.
    expect(sceneRotationDeg(edited.listener)).toBe(EDITS.sceneRotationDeg);
    expect(edited.listener.yawDeg).toBe(-EDITS.sceneRotationDeg);
    expect((await storeMonitorHead(page)).yawDeg).toBe(MONITOR_HEAD_YAW_DEG);
    expect(edited.master?.midSide?.widthPercent).toBe(EDITS.masterWidthPercent);
  });

  it('exports binaural, stereo and mono as 32-bit float WAVs of the full mix from the Export dialog, which first names the solo and the head turn', async () => {
    const { page } = session;
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await page.getByTestId('export-open').click();
    const soloedName = edited.sources.find((s) => s.id === EDITS.soloedSource)!.name;
    await expect(page.getByTestId('export-solo-note').textContent()).resolves.toContain(`Solo is on for ${soloedName}`);
    await expect(page.getByTestId('export-solo-as-soloed').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('export-monitor-note').textContent()).resolves.toContain(`the monitor head turned ${MONITOR_HEAD_YAW_DEG}° left`);
    await page.getByTestId('export-solo-full-mix').check();
    await page.getByTestId('export-dialog').screenshot({ path: artifactPath('export-dialog-scope.png') });
    await page.getByTestId('export-bits-32f').check();
    for (const format of FORMATS) await expect(page.getByTestId(`export-format-${format}`).isChecked()).resolves.toBe(true);
    await page.getByTestId('export-start').click();
    await expect
      .poll(() => page.getByTestId('export-status').textContent(), { timeout: EXPORT_TIMEOUT_MS })
      .toMatch(/^Done/);
    await expect.poll(() => downloads.length).toBe(FORMATS.length);
    for (const download of downloads) {
      const name = download.suggestedFilename();
      const format = FORMATS.find((f) => name.endsWith(`.${f}.wav`));
      if (format === undefined) throw new Error(`unexpected download ${name}`);
      const file = path.join(workDir, name);
      await download.saveAs(file);
      exported.set(format, decodeWav(new Uint8Array(await readFile(file)), name).channels);
    }
    expect([...exported.keys()].sort()).toEqual([...FORMATS].sort());
    // The export ignored the solo without touching the scene.
    expect(await storeScene(page)).toEqual(edited);
  });

  it('renders the edited scene (the store\'s, written to a file, solos cleared for the full mix) and the scene as loaded with the command line', async () => {
    const editedPath = path.join(workDir, 'edited.json');
    await writeFile(editedPath, serializeScene(sceneWithoutSolos(edited)));
    cliEdited = await cliRender(editedPath, path.join(workDir, 'cli-edited'));
    cliLoaded = await cliRender(DEMO_SCENE, path.join(workDir, 'cli-loaded'));
    expect([...cliEdited.keys()]).toEqual(FORMATS);
    expect([...cliLoaded.keys()]).toEqual(FORMATS);
  });

  it.each(FORMATS)('the %s export nulls against the render of the edited scene (below -100 dBFS) and not against the scene as loaded', (format) => {
    const file = exported.get(format)!;
    const same = compare(cliEdited.get(format)!, file);
    const before = compare(cliLoaded.get(format)!, file);
    console.log(
      `export after edits, ${format}: peak ${dbfs(same.peak).toFixed(2)} dBFS, largest difference from the edited scene's render ${same.largest === 0 ? '0 (bit-identical)' : `${dbfs(same.largest).toFixed(1)} dBFS`}, from the loaded scene's render ${dbfs(before.largest).toFixed(1)} dBFS`,
    );
    expect(dbfs(same.peak)).toBeGreaterThan(MIN_PEAK_DBFS);
    expect(same.largest).toBeLessThan(10 ** (NULL_TOLERANCE_DBFS / 20));
    expect(before.largest).toBeGreaterThan(10 ** (EDITS_AUDIBLE_DBFS / 20));
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
