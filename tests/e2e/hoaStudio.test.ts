import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admToScene } from '../../src/adm/admToScene';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import type { Scene } from '../../src/core/scene/scene';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import { stemFileName } from '../../src/core/stemFileName';
import { readAdmBwf } from '../../src/io/adm/admBwfRead';
import { decodeWav } from '../../src/io/wav';
import { encodeWav } from '../../src/io/wavEncode';
import { readPageBytes, releasePageArrays } from './support/pageArrays';
import type { PageArrays } from './support/pageArrays';
import { storeScene, waitForStudio } from './support/studioPage';
import type { AudioEngine } from '../../src/engine/audioEngine';
import type { StudioState } from '../../src/state/studioState';
import { useStudioSession } from './support/studioSession';

/**
 * HOA stems in the studio: the EBU production suite's first-order AmbiX master (one
 * HOA pack, the BS.2094 common definition AP_00040001) opens as a session with an HOA
 * stem, gets a mixer strip naming its order and format, and plays: its 7.1.4 rendering
 * (the studio's AudioWorklet, exported) has the command line's per-loudspeaker levels
 * within 0.1 dB and nulls against it, as its binaural and stereo exports do (-100 dBFS,
 * the bound of the other null tests); its ADM export reads back as the same HOA stem;
 * the session keeps it across a reload; a 4-channel file named as an order-2 stem is
 * refused naming the file, the stem and the counts.
 */

const session = useStudioSession();

/** The page's studio hooks (src/main.tsx), with the whole store state. */
interface StudioWindow {
  __studio?: { readonly store: { getState(): StudioState }; readonly engine: AudioEngine | null };
}

const FIXTURE = 'tests/fixtures/adm/eps__hoa_4ch_1stOrderAmbix_commondef.wav';
const SESSION_NAME = 'eps__hoa_4ch_1stOrderAmbix_commondef';
const LEVEL_TOLERANCE_DB = 0.1;
const NULL_TOLERANCE = 10 ** (-100 / 20);
/** 24-bit PCM in the ADM master: a sample comes back within one step. */
const PCM24_STEP = 2 ** -23;
const OUTPUT_IDS = ['binaural', 'stereo', '7.1.4'] as const;

const db = (linear: number): number => 20 * Math.log10(linear);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let outDir = '';
let hoaId = '';

/** The studio's stem file `fileName`, as bytes. */
async function pageStemBytes(fileName: string): Promise<Buffer> {
  const base64 = await session.page.evaluate(async (name) => {
    const blob = (globalThis as unknown as { __studio: { stemFiles: Map<string, Blob> } }).__studio.stemFiles.get(name);
    if (blob === undefined) throw new Error(`no stem file ${name}`);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, fileName);
  return Buffer.from(base64, 'base64');
}

/** The command line's render of `scene` (its stems written beside it from the page) to each output id. */
async function cliRenders(scene: Scene, name: string, formats: readonly string[]): Promise<Map<string, readonly Float32Array[]>> {
  const dir = path.join(outDir, name);
  await mkdir(dir, { recursive: true });
  for (const hoa of scene.ambisonics ?? []) {
    if (hoa.stem.kind !== 'file') continue;
    await mkdir(path.dirname(path.join(dir, hoa.stem.file)), { recursive: true });
    await writeFile(path.join(dir, hoa.stem.file), await pageStemBytes(stemFileName(hoa.stem.file)));
  }
  const scenePath = path.join(dir, 'scene.json');
  await writeFile(scenePath, serializeScene(scene));
  const args = parseRenderArgs([scenePath, '--bits', '32f', '--format', formats.join(','), '--out', path.join(dir, 'renders')]);
  if (args === 'help') throw new Error('unexpected --help');
  const renders = new Map<string, readonly Float32Array[]>();
  for (const file of await runRender(args, () => {})) renders.set(file.format, decodeWav(new Uint8Array(await readFile(file.file)), file.file).channels);
  return renders;
}

/** The studio's export of `scene` (its AudioWorklet in an OfflineAudioContext) to each output id, as 32-bit float channels. */
async function pageExports(scene: Scene, outputIds: readonly string[]): Promise<Map<string, readonly Float32Array[]>> {
  const { page } = session;
  const files = await page.evaluate(
    async ({ current, ids }) => {
      const studio = (globalThis as StudioWindow).__studio!;
      const exported = await studio.engine!.exportMix(current, { outputIds: ids, sampleFormat: 'float32', baseName: 'hoa' });
      (globalThis as PageArrays).__e2eArrays = exported.map(({ bytes }) => {
        const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
        padded.set(bytes);
        return new Float32Array(padded.buffer);
      });
      return exported.map(({ outputId, bytes }) => ({ outputId, byteLength: bytes.length }));
    },
    { current: scene, ids: outputIds },
  );
  const exports = new Map<string, readonly Float32Array[]>();
  for (const [index, { outputId, byteLength }] of files.entries()) exports.set(outputId, decodeWav(await readPageBytes(page, index, byteLength), `${outputId}.wav`).channels);
  await releasePageArrays(page);
  return exports;
}

const rmsDb = (channel: Float32Array): number => {
  let power = 0;
  for (const v of channel) power += v * v;
  return 10 * Math.log10(power / channel.length);
};

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'studio-hoa-'));
  const { page } = session;
  await page.getByTestId('transport-play').click();
  await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.store.getState().engineStatus === 'ready', undefined, { timeout: 30_000 });
  await page.getByTestId('transport-play').click();
  await page.getByTestId('master-open-input').setInputFiles(FIXTURE);
  await page.waitForFunction((name) => (globalThis as StudioWindow).__studio!.store.getState().sceneName === name, SESSION_NAME, { timeout: 30_000 });
  await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.store.getState().scene.ambisonics?.length === 1, undefined, { timeout: 30_000 });
  hoaId = (await storeScene(page)).ambisonics![0]!.id;
});

afterAll(async () => {
  if (outDir !== '') await rm(outDir, { recursive: true, force: true });
});

describe('an ADM master with an HOA pack in the studio', () => {
  it('opens as a session with the HOA stem (order 1, SN3D, ACN) and a strip naming it, with no "not played" warning', async () => {
    const { page } = session;
    const hoa = (await storeScene(page)).ambisonics![0]!;
    expect(hoa).toMatchObject({ order: 1, normalization: 'SN3D', channelOrder: 'ACN', gainDb: 0, mute: false, solo: false });
    expect(await page.getByTestId(`mixer-hoa-${hoaId}`).textContent()).toBe('HOA order 1, AmbiX');
    for (const control of ['gain', 'mute', 'solo', 'remove']) expect(await page.getByTestId(`mixer-${control}-${hoaId}`).count(), control).toBe(1);
    const notices = await page.getByTestId('notice').allTextContents();
    expect(notices.filter((text) => text.includes('not played'))).toEqual([]);
    expect(await page.getByTestId('stem-issues').count()).toBe(0);
  });

  it('plays: 7.1.4 on headphones lights the loudspeaker meters and the strip meter', async () => {
    const { page } = session;
    await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().setMonitorOutput('binaural-7.1.4'));
    await page.getByTestId('transport-play').click();
    await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.engine!.readMeters()?.speakerCount === 12, undefined, { timeout: 30_000 });
    await sleep(800);
    const loudest = await page.evaluate(() => {
      const m = (globalThis as StudioWindow).__studio!.engine!.readMeters()!;
      return Math.max(...Array.from(m.speakerRms.subarray(0, m.speakerCount)));
    });
    const stripLevel = Number(await page.locator(`[data-testid="mixer-meter-${hoaId}"] .meter-cover`).getAttribute('data-level'));
    await page.getByTestId('transport-play').click();
    console.log(`HOA on 7.1.4 (headphones): loudest loudspeaker ${db(loudest).toFixed(1)} dBFS RMS, strip meter level ${stripLevel.toFixed(2)}`);
    expect(db(loudest)).toBeGreaterThan(-40);
    expect(stripLevel).toBeGreaterThan(0.5);
  });

  it('renders 7.1.4 with the command line\'s per-loudspeaker levels (0.1 dB), and 7.1.4, binaural and stereo null against it (-100 dBFS)', async () => {
    const scene = await storeScene(session.page);
    const cli = await cliRenders(scene, 'scene', OUTPUT_IDS);
    const studio = await pageExports(scene, OUTPUT_IDS);
    const levels7 = cli.get('7.1.4')!.map(rmsDb);
    const studio7 = studio.get('7.1.4')!.map(rmsDb);
    console.log(`HOA 7.1.4 levels (dBFS RMS) command line: ${levels7.map((v) => v.toFixed(2)).join(' ')}`);
    console.log(`HOA 7.1.4 levels (dBFS RMS) studio:       ${studio7.map((v) => v.toFixed(2)).join(' ')}`);
    expect(studio7).toHaveLength(12);
    expect(Math.max(...studio7)).toBeGreaterThan(-30);
    levels7.forEach((level, c) => {
      if (Number.isFinite(level)) expect(Math.abs(studio7[c]! - level), `channel ${c}`).toBeLessThan(LEVEL_TOLERANCE_DB);
      else expect(studio7[c]).toBe(-Infinity);
    });
    for (const id of OUTPUT_IDS) {
      const reference = cli.get(id)!;
      const rendered = studio.get(id)!;
      expect(rendered.length, id).toBe(reference.length);
      let largest = 0;
      reference.forEach((channel, c) => {
        expect(rendered[c]!.length).toBe(channel.length);
        for (let n = 0; n < channel.length; n++) largest = Math.max(largest, Math.abs(channel[n]! - rendered[c]![n]!));
      });
      console.log(`HOA null test ${id}: largest difference ${largest === 0 ? '0 (bit-identical)' : `${db(largest).toFixed(1)} dBFS`}`);
      expect(largest, id).toBeLessThan(NULL_TOLERANCE);
    }
  });

  it('moves the HOA stem by its fader: -6 dB on the strip is -6 dB in every loudspeaker of the export (0.01 dB)', async () => {
    const { page } = session;
    const before = (await pageExports(await storeScene(page), ['7.1.4'])).get('7.1.4')!.map(rmsDb);
    await page.getByTestId(`mixer-gain-value-${hoaId}`).fill('-6');
    await page.getByTestId(`mixer-gain-value-${hoaId}`).press('Enter');
    await expect.poll(async () => (await storeScene(page)).ambisonics![0]!.gainDb).toBe(-6);
    const after = (await pageExports(await storeScene(page), ['7.1.4'])).get('7.1.4')!.map(rmsDb);
    before.forEach((level, c) => {
      if (Number.isFinite(level)) expect(Math.abs(after[c]! - level + 6), `channel ${c}`).toBeLessThan(0.01);
    });
  });

  it('exports an ADM BWF master whose HOA pack reads back as the same stem (AP_00040001, SN3D, the -6 dB gain, samples within one 24-bit step)', async () => {
    const { page } = session;
    const scene = await storeScene(page);
    const size = await page.evaluate(async (current) => {
      const master = await (globalThis as StudioWindow).__studio!.engine!.exportAdmMaster(current, 'hoa');
      const padded = new Uint8Array(Math.ceil(master.bytes.length / 4) * 4);
      padded.set(master.bytes);
      (globalThis as PageArrays).__e2eArrays = [new Float32Array(padded.buffer)];
      return master.bytes.length;
    }, scene);
    const bytes = await readPageBytes(page, 0, size);
    await releasePageArrays(page);
    const bwf = readAdmBwf(bytes, 'hoa.adm.wav');
    expect(bwf.document.objects.map((o) => o.packFormatIds)).toEqual([['AP_00040001']]);
    const { scene: back, stems } = admToScene(bwf, 'hoa.adm.wav', 'hoa-stems');
    const hoa = back.ambisonics![0]!;
    expect([hoa.order, hoa.normalization, hoa.channelOrder]).toEqual([1, 'SN3D', 'ACN']);
    expect(Math.abs(hoa.gainDb + 6)).toBeLessThan(1e-9);
    const original = decodeWav(new Uint8Array(await pageStemBytes(stemFileName((scene.ambisonics![0]!.stem as { file: string }).file))), 'stem.wav').channels;
    let worst = 0;
    original.forEach((channel, c) => channel.forEach((v, n) => (worst = Math.max(worst, Math.abs(stems[0]!.channels[c]![n]! - v)))));
    console.log(`HOA ADM round trip: largest sample difference ${worst.toExponential(2)} (one 24-bit step is ${PCM24_STEP.toExponential(2)})`);
    expect(worst).toBeLessThanOrEqual(PCM24_STEP);
  });

  it('keeps the HOA stem and its file in the autosaved session: a reload restores both, the stem byte for byte', async () => {
    const { page } = session;
    const before = await storeScene(page);
    const file = stemFileName((before.ambisonics![0]!.stem as { file: string }).file);
    const sha = createHash('sha256').update(await pageStemBytes(file)).digest('hex');
    await page.evaluate(() => (globalThis as unknown as { __studio: { flushAutosave(): Promise<void> } }).__studio.flushAutosave());
    await page.reload();
    await waitForStudio(page);
    const after = await storeScene(page);
    expect(after.ambisonics).toEqual(before.ambisonics);
    expect(createHash('sha256').update(await pageStemBytes(file)).digest('hex')).toBe(sha);
    expect(await page.getByTestId(`missing-stem-${hoaId}`).count()).toBe(0);
  });

  it('refuses a 4-channel file as the stem of an order-2 HOA stem, naming the file, the stem, the order and both counts', async () => {
    const { page } = session;
    const scene = {
      format: 'spatial-mix-studio/scene',
      version: 2,
      sampleRateHz: 48000,
      listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
      objects: [],
      ambisonics: [{ id: 'room', name: 'Room', stem: { file: 'room-b-format.wav' }, order: 2, gainDb: 0, mute: false, solo: false }],
    };
    await page.getByTestId('scene-open-input').setInputFiles({ name: 'hoa-bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scene)) });
    await page.getByTestId('missing-stem-room').waitFor({ timeout: 15_000 });
    const fourChannels = Array.from({ length: 4 }, () => new Float32Array(4800).fill(0.1));
    await page.getByTestId('relink-room').setInputFiles({ name: 'room-b-format.wav', mimeType: 'audio/wav', buffer: Buffer.from(encodeWav({ sampleRateHz: 48000, channels: fourChannels }, { sampleFormat: 'float32' })) });
    await page.getByTestId('failed-stem-room').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('failed-stem-room').textContent()).toContain('room-b-format.wav: HOA stem "Room" of order 2 needs 9 channels ((order + 1)^2) but its stem has 4');
  });

  it('takes an added 4-channel WAV as a first-order AmbiX HOA stem with a strip, and its notice\'s Use FuMa reads it as FuMa', async () => {
    const { page } = session;
    const fourChannels = Array.from({ length: 4 }, (_, c) => Float32Array.from({ length: 4800 }, (_, n) => 0.1 * Math.sin((2 * Math.PI * 375 * (c + 1) * n) / 48000)));
    await page.getByTestId('stems-add-input').setInputFiles({ name: 'Field B.wav', mimeType: 'audio/wav', buffer: Buffer.from(encodeWav({ sampleRateHz: 48000, channels: fourChannels }, { sampleFormat: 'float32' })) });
    await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.store.getState().scene.ambisonics?.some((a) => a.name === 'Field B') === true, undefined, { timeout: 30_000 });
    const added = (await storeScene(page)).ambisonics!.find((a) => a.name === 'Field B')!;
    expect([added.order, added.normalization, added.channelOrder]).toEqual([1, 'SN3D', 'ACN']);
    expect(await page.getByTestId(`mixer-hoa-${added.id}`).textContent()).toBe('HOA order 1, AmbiX');
    const notice = page.getByTestId('notice').filter({ hasText: '"Field B" is an HOA stem of order 1 (AmbiX)' });
    await notice.getByTestId('notice-action').click();
    await expect.poll(async () => (await storeScene(page)).ambisonics!.find((a) => a.id === added.id)!.normalization).toBe('FuMa');
    expect(await page.getByTestId(`mixer-hoa-${added.id}`).textContent()).toBe('HOA order 1, FuMa');
  });
});
