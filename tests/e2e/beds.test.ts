import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLayout } from '../../src/core/layouts';
import { bedChannelsInFileOrder } from '../../src/core/scene/bedRouting';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import type { Scene } from '../../src/core/scene/scene';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { directSpeakersMatrix } from '../../src/dsp/panners/directSpeakers/directSpeakersGains';
import type { AudioEngine } from '../../src/engine/audioEngine';
import { decodeWav } from '../../src/io/wav';
import { encodeWav } from '../../src/io/wavEncode';
import { createLayoutPanner } from '../../src/render/buses/layoutPanners';
import type { StudioState } from '../../src/state/studioState';
import { readPageBytes, releasePageArrays } from './support/pageArrays';
import type { PageArrays } from './support/pageArrays';
import { storeScene, waitForStudio } from './support/studioPage';
import { useStudioSession } from './support/studioSession';

/**
 * Beds in the studio: a 7.1.2 WAV with its channel mask (0x563F), dropped on a scene
 * without objects, becomes a bed on 2+7+0 with the channels in the mask's file order (the
 * back pair M+/-135 before the side pair M+/-090), a mixer strip (gain, mute, solo) and no
 * object on the stage. Monitored as 7.1.4 on headphones, each 7.1.4 loudspeaker's meter
 * reads what BS.2127's DirectSpeakers rendering sends it (every channel to its own label,
 * U+/-090 split over M+/-090, U+/-045 and U+/-135; gains held to the EBU ADM Renderer's in
 * the unit tests), each file channel a sine of its own frequency (multiples of 750 Hz,
 * whole periods in every meter period, so the powers add): within 0.1 dB. The bed's
 * fader moves every loudspeaker by its gain; the page's export equals the command line's
 * render of the same scene to -100 dBFS; the reopened session has the bed and its stem.
 */

const session = useStudioSession();

interface Window {
  __studio?: { readonly store: { getState(): StudioState }; readonly engine: AudioEngine | null; ready(): Promise<void> };
}

const RATE_HZ = 48000;
const LENGTH_SEC = 6;
const BED_LAYOUT = getLayout('2+7+0');
const MONITOR_LAYOUT = getLayout('4+7+0');
/** 7.1.2's WAVE mask: L R C LFE, back pair, side pair, top front pair. */
const MASK_7_1_2 = 0x563f;
const FILE_LABELS = bedChannelsInFileOrder('2+7+0');
/** File channel k: a sine of 750 (k + 1) Hz (64 / (k + 1) samples a period), amplitude AMPLITUDES[k]. */
const AMPLITUDES = FILE_LABELS.map((_, k) => 0.05 + 0.02 * k);
const frequencyHz = (k: number): number => 750 * (k + 1);
/** The meters read RMS over whole periods of every channel: the only error is float rounding and the gain ramps long past. */
const METER_TOLERANCE_DB = 0.1;
const NULL_TOLERANCE = 10 ** (-100 / 20);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const db = (linear: number): number => 20 * Math.log10(linear);

function bedWav(): Buffer {
  const frames = LENGTH_SEC * RATE_HZ;
  const channels = AMPLITUDES.map((a, k) => Float32Array.from({ length: frames }, (_, n) => a * Math.sin((2 * Math.PI * frequencyHz(k) * n) / RATE_HZ)));
  return Buffer.from(encodeWav({ sampleRateHz: RATE_HZ, channels, channelMask: MASK_7_1_2 }, { sampleFormat: 'float32' }));
}

/** Per 7.1.4 loudspeaker (layout order), the RMS the bed gives it: sum over file channels of (gain x amplitude)^2 / 2. */
function expectedSpeakerRms(gainDb: number): number[] {
  const matrix = directSpeakersMatrix(BED_LAYOUT, MONITOR_LAYOUT, createLayoutPanner(MONITOR_LAYOUT));
  const gain = 10 ** (gainDb / 20);
  return MONITOR_LAYOUT.channels.map((_, o) => {
    let power = 0;
    FILE_LABELS.forEach((label, k) => {
      const input = BED_LAYOUT.channels.findIndex((c) => c.label === label);
      power += (matrix[o]![input]! * AMPLITUDES[k]! * gain) ** 2 / 2;
    });
    return Math.sqrt(power);
  });
}

const EMPTY_SCENE = { format: 'spatial-mix-studio/scene', version: 2, sampleRateHz: RATE_HZ, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, objects: [] };

let bedId = '';
let outDir = '';

async function speakerRms(): Promise<number[]> {
  return session.page.evaluate(() => {
    const m = (globalThis as Window).__studio!.engine!.readMeters()!;
    return Array.from(m.speakerRms.subarray(0, m.speakerCount));
  });
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'studio-beds-'));
  const { page } = session;
  await page.getByTestId('scene-open-input').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(EMPTY_SCENE)) });
  await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().scene.sources.length === 0, undefined, { timeout: 15_000 });
  await writeFile(path.join(outDir, 'bed-7.1.2.wav'), bedWav());
  await page.getByTestId('stems-add-input').setInputFiles(path.join(outDir, 'bed-7.1.2.wav'));
  await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().scene.beds?.length === 1, undefined, { timeout: 30_000 });
  bedId = (await storeScene(page)).beds![0]!.id;
});

afterAll(async () => {
  if (outDir !== '') await rm(outDir, { recursive: true, force: true });
});

describe('a multichannel stem becomes a bed', () => {
  it('routes the 7.1.2 file to 2+7+0 by its channel mask, in file order', async () => {
    const bed = (await storeScene(session.page)).beds![0]!;
    expect(bed.layout).toBe('2+7+0');
    expect(bed.channels).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+090', 'M-090', 'U+090', 'U-090']);
    expect(bed.stem).toEqual({ kind: 'file', file: 'bed-7.1.2.wav' });
    // Routed from the mask: no notice asks for the layout.
    expect(await session.page.getByTestId('notice').count()).toBe(0);
  });

  it('shows a mixer strip with gain, mute and solo, and nothing on the stage', async () => {
    const { page } = session;
    expect(await page.getByTestId(`mixer-bed-${bedId}`).textContent()).toBe('7.1.2 bed');
    for (const control of ['gain', 'mute', 'solo']) expect(await page.getByTestId(`mixer-${control}-${bedId}`).count(), control).toBe(1);
    expect(await page.evaluate((id) => (globalThis as { __studio?: { sourceScreenPosition(id: string): unknown } }).__studio!.sourceScreenPosition(id), bedId)).toBeNull();
  });

  it('reaches the right loudspeakers of the monitored 7.1.4 (on headphones), each within 0.1 dB', async () => {
    const { page } = session;
    await page.getByTestId('transport-play').click();
    await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().engineStatus === 'ready', undefined, { timeout: 30_000 });
    await page.evaluate(() => (globalThis as Window).__studio!.store.getState().setMonitorOutput('binaural-7.1.4'));
    await page.waitForFunction(() => (globalThis as Window).__studio!.engine!.readMeters()?.speakerCount === 12, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as Window).__studio!.engine!.readMeters()?.playing === true, undefined, { timeout: 30_000 });
    await sleep(1000);
    const measured = await speakerRms();
    const expected = expectedSpeakerRms(0);
    MONITOR_LAYOUT.channels.forEach((channel, o) => {
      console.log(`bed to 7.1.4 ${channel.label}: ${db(measured[o]!).toFixed(3)} dBFS, expected ${db(expected[o]!).toFixed(3)}`);
      expect(Math.abs(db(measured[o]!) - db(expected[o]!)), channel.label).toBeLessThan(METER_TOLERANCE_DB);
    });
    // The strip's meter shows the bed's peak: its loudest channel's amplitude, 0.23 (-12.8 dBFS), above -30 dBFS, half of the -60..0 dB scale.
    const level = Number(await page.locator(`[data-testid="mixer-meter-${bedId}"] .meter-cover`).getAttribute('data-level'));
    expect(level).toBeGreaterThan(0.5);
  });

  it('moves every loudspeaker by the fader: -6 dB on the strip is -6 dB in each (0.1 dB)', async () => {
    const { page } = session;
    await page.getByTestId(`mixer-gain-value-${bedId}`).fill('-6');
    await page.getByTestId(`mixer-gain-value-${bedId}`).press('Enter');
    await expect.poll(async () => (await storeScene(page)).beds![0]!.gainDb).toBe(-6);
    await sleep(600);
    const measured = await speakerRms();
    const expected = expectedSpeakerRms(-6);
    MONITOR_LAYOUT.channels.forEach((channel, o) => expect(Math.abs(db(measured[o]!) - db(expected[o]!)), channel.label).toBeLessThan(METER_TOLERANCE_DB));
    await page.getByTestId(`mixer-mute-${bedId}`).click();
    await sleep(600);
    expect(Math.max(...(await speakerRms()))).toBe(0);
    await page.getByTestId(`mixer-mute-${bedId}`).click();
    await page.getByTestId('transport-play').click();
  });

  it('exports what the command line renders of the same scene (binaural and stereo, within -100 dBFS)', async () => {
    const { page } = session;
    const scene = await storeScene(page);
    const scenePath = path.join(outDir, 'bed.json');
    await writeFile(scenePath, serializeScene(scene));
    const args = parseRenderArgs([scenePath, '--bits', '32f', '--format', 'binaural,stereo', '--out', path.join(outDir, 'renders')]);
    if (args === 'help') throw new Error('unexpected --help');
    const cli = new Map<string, readonly Float32Array[]>();
    for (const file of await runRender(args, () => {})) cli.set(file.format, decodeWav(new Uint8Array(await readFile(file.file)), file.file).channels);

    const files = await page.evaluate(async (current: Scene) => {
      const studio = (globalThis as Window).__studio!;
      const exported = await studio.engine!.exportMix(current, { outputIds: ['binaural', 'stereo'], sampleFormat: 'float32', baseName: 'bed' });
      (globalThis as PageArrays).__e2eArrays = exported.map(({ bytes }) => {
        const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
        padded.set(bytes);
        return new Float32Array(padded.buffer);
      });
      return exported.map(({ outputId, bytes }) => ({ outputId, byteLength: bytes.length }));
    }, scene);
    for (const [index, { outputId, byteLength }] of files.entries()) {
      const rendered = decodeWav(await readPageBytes(page, index, byteLength), `${outputId}.wav`).channels;
      const reference = cli.get(outputId)!;
      expect(rendered.length).toBe(reference.length);
      let largest = 0;
      let peak = 0;
      reference.forEach((channel, c) => {
        expect(rendered[c]!.length).toBe(channel.length);
        for (let n = 0; n < channel.length; n++) {
          largest = Math.max(largest, Math.abs(channel[n]! - rendered[c]![n]!));
          peak = Math.max(peak, Math.abs(channel[n]!));
        }
      });
      console.log(`bed null test ${outputId}: peak ${db(peak).toFixed(2)} dBFS, largest difference ${largest === 0 ? '0' : `${db(largest).toFixed(1)} dBFS`}`);
      expect(db(peak)).toBeGreaterThan(-30);
      expect(largest).toBeLessThan(NULL_TOLERANCE);
    }
    await releasePageArrays(page);
  });

  it('keeps the bed and its stem in the autosaved session: a reload restores both, the stem byte for byte', async () => {
    const { page } = session;
    const before = await storeScene(page);
    await page.evaluate(() => (globalThis as unknown as { __studio: { flushAutosave(): Promise<void> } }).__studio.flushAutosave());
    await page.reload();
    await waitForStudio(page);
    const after = await storeScene(page);
    expect(after.beds).toEqual(before.beds);
    const restoredSha256 = await page.evaluate(async (fileName) => {
      const blob = (globalThis as unknown as { __studio: { stemFiles: Map<string, Blob> } }).__studio.stemFiles.get(fileName);
      if (blob === undefined) return null;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
      return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    }, 'bed-7.1.2.wav');
    expect(restoredSha256).toBe(createHash('sha256').update(await readFile(path.join(outDir, 'bed-7.1.2.wav'))).digest('hex'));
    expect(await page.getByTestId(`missing-stem-${bedId}`).count()).toBe(0);
  });

  it('removes the bed with its strip\'s remove button, and Ctrl+Z brings it back', async () => {
    const { page } = session;
    await page.getByTestId(`mixer-remove-${bedId}`).click();
    await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().scene.beds === undefined, undefined, { timeout: 5000 });
    expect(await page.getByTestId(`mixer-bed-${bedId}`).count()).toBe(0);
    await page.locator('body').press('Control+z');
    await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().scene.beds?.length === 1, undefined, { timeout: 5000 });
    expect(await page.getByTestId(`mixer-bed-${bedId}`).textContent()).toBe('7.1.2 bed');
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
