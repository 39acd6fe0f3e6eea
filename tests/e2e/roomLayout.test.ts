import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseUserLayoutJson } from '../../src/core/userLayout';
import { wrapAzimuthDeg } from '../../src/core/units';
import { errorLines } from '../../src/state/errorLines';
import type { StudioState } from '../../src/state/studioState';
import { sourceThreePosition } from '../../src/ui/stage/stageMath';
import { SPEAKER_RADIUS_M } from '../../src/ui/stage/stageSpeakers';
import { artifactPath } from './support/artifacts';
import { waitForStudio } from './support/studioPage';
import { useStudioSession } from './support/studioSession';

/**
 * A room layout (a user layout file) loaded from the monitor selector in headless Chromium
 * (2 device outputs), audio running: the 12-channel room is refused with the offer of the room on
 * headphones; taken, the stage draws the room's loudspeakers at its measured angles; a bad
 * file shows the reader's message; the room stays in the session across a reload.
 */

const session = useStudioSession();

interface Window {
  __studio?: {
    readonly store: { getState(): StudioState };
    flushAutosave(): Promise<void>;
    speakerDrawnPosition(label: string): { x: number; y: number; z: number } | null;
  };
}

const FILE = 'tests/fixtures/layouts/studio-b-7.1.4.json';
const TEXT = readFileSync(FILE, 'utf8');
/** Drawn positions are float64 three.js vectors 3 m out: 1e-6 m. */
const POSITION_TOLERANCE = 1e-6;

// The device's outputs are known once audio runs (before, a choice is taken and checked then).
beforeAll(async () => {
  const { page } = session;
  await page.getByTestId('transport-play').click();
  await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().engineStatus === 'ready', undefined, { timeout: 30_000 });
  await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().engine!.readMeters()?.playing === true, undefined, { timeout: 30_000 });
});

describe('a room layout in the studio', () => {
  it('offers "Load room layout…" in the monitor selector', async () => {
    const options = await session.page.getByTestId('monitor-layout').locator('option').allTextContents();
    expect(options).toContain('Load room layout…');
  });

  it('loads Studio B, is refused on 2 outputs with the room on headphones offered, and draws its loudspeakers at the room\'s angles once taken', async () => {
    const { page } = session;
    await page.getByTestId('room-layout-input').setInputFiles(FILE);
    const refusal = page.getByTestId('monitor-refusal');
    await refusal.waitFor({ timeout: 5000 });
    expect(await refusal.textContent()).toContain('This device has 2 outputs; Studio B (7.1.4, measured) needs 12. Listen to Studio B (7.1.4, measured) on headphones instead?');
    await page.getByTestId('monitor-refusal-headphones').click();
    expect(await page.evaluate(() => (globalThis as Window).__studio!.store.getState().monitor.outputId)).toBe('binaural-room');
    const options = await page.getByTestId('monitor-layout').locator('option').allTextContents();
    expect(options).toContain('Studio B (7.1.4, measured) (4+7+0)');
    expect(options).toContain('Studio B (7.1.4, measured) on headphones');

    const headYawDeg = await page.evaluate(() => {
      const s = (globalThis as Window).__studio!.store.getState();
      return s.scene.listener.yawDeg + s.monitorHead.yawDeg;
    });
    const room = parseUserLayoutJson(TEXT, FILE);
    await page.waitForFunction(() => (globalThis as Window).__studio!.speakerDrawnPosition('M+090') !== null, undefined, { timeout: 5000 });
    for (const channel of room.channels) {
      const drawn = await page.evaluate((label) => (globalThis as Window).__studio!.speakerDrawnPosition(label), channel.label);
      if (channel.isLfe) {
        expect(drawn, channel.label).toBeNull();
        continue;
      }
      const expected = sourceThreePosition({ azimuthDeg: wrapAzimuthDeg(channel.azimuthDeg + headYawDeg), elevationDeg: channel.elevationDeg, distanceM: SPEAKER_RADIUS_M });
      expect(drawn, channel.label).not.toBeNull();
      expect(Math.hypot(drawn!.x - expected.x, drawn!.y - expected.y, drawn!.z - expected.z), `${channel.label} at ${channel.azimuthDeg}, ${channel.elevationDeg}`).toBeLessThan(POSITION_TOLERANCE);
    }
    // The measured M+090 stands at 95 degrees, not BS.2051's 90.
    expect(room.channels[4]).toMatchObject({ label: 'M+090', azimuthDeg: 95 });
    await page.screenshot({ path: artifactPath('room-layout-studio-b.png') });
  });

  it('shows the reader\'s message for a bad room file and keeps the room monitored', async () => {
    const { page } = session;
    const bad = TEXT.replace('"azimuthDeg": 33', '"azimuthDeg": 50');
    let expected = '';
    try {
      parseUserLayoutJson(bad, 'bad-room.json');
    } catch (error) {
      expected = errorLines(error).join('\n');
    }
    expect(expected).toContain('M+030 at azimuth 50 is outside its BS.2051 range');
    await page.getByTestId('room-layout-input').setInputFiles({ name: 'bad-room.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const message = page.getByTestId('error-banner-message');
    await message.waitFor({ timeout: 5000 });
    expect(await message.innerText()).toBe(expected);
    expect(await page.evaluate(() => (globalThis as Window).__studio!.store.getState().monitor.outputId)).toBe('binaural-room');
    await page.getByTestId('error-banner-dismiss').click();
  });

  it('plays the room on headphones: its 12 loudspeaker meters and both ears above -60 dBFS', async () => {
    const { page } = session;
    await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().engine!.readMeters()?.speakerCount === 12, undefined, { timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const heard = await page.evaluate(() => {
      const m = (globalThis as Window).__studio!.store.getState().engine!.readMeters()!;
      return { leftDb: m.leftDb, rightDb: m.rightDb, loudest: Math.max(...Array.from(m.speakerRms.subarray(0, m.speakerCount))), nonFinite: m.nonFiniteBlocks };
    });
    console.log(`Studio B on headphones: left ${heard.leftDb.toFixed(1)} dBFS, right ${heard.rightDb.toFixed(1)} dBFS, loudest loudspeaker RMS ${(20 * Math.log10(heard.loudest)).toFixed(1)} dBFS`);
    expect(heard.nonFinite).toBe(0);
    expect(heard.leftDb).toBeGreaterThan(-60);
    expect(heard.rightDb).toBeGreaterThan(-60);
    expect(20 * Math.log10(heard.loudest)).toBeGreaterThan(-60);
  });

  it('keeps the room in the session: after a reload it is monitored again, its loudspeakers drawn', async () => {
    const { page } = session;
    await page.evaluate(() => (globalThis as Window).__studio!.flushAutosave());
    await page.reload();
    await waitForStudio(page);
    const monitor = await page.evaluate(() => {
      const m = (globalThis as Window).__studio!.store.getState().monitor;
      return { outputId: m.outputId, roomName: m.room?.layout.roomName, fileName: m.room?.fileName };
    });
    expect(monitor).toEqual({ outputId: 'binaural-room', roomName: 'Studio B (7.1.4, measured)', fileName: 'studio-b-7.1.4.json' });
    await page.waitForFunction(() => (globalThis as Window).__studio!.speakerDrawnPosition('M+090') !== null, undefined, { timeout: 5000 });
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
