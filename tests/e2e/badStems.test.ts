import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../src/io/wavEncode';
import { useStudioSession } from './support/studioSession';
import { DEMO_SOURCE_IDS, storeScene } from './support/studioPage';

/**
 * Stem files the studio cannot use (issue 12): a 5-channel WAV (no loudspeaker layout has 5 channels), an empty file and a text
 * file renamed .wav, added with one good mono stem through "Add stems". Only the good one
 * becomes a source; the others are named, each with what was wrong, in one notice that
 * is dismissible and sits above the stage, not over it.
 */

const session = useStudioSession();

/** 0.05 s of a 440 Hz sine at 48 kHz, on `channelCount` channels, 16-bit. */
function toneWav(channelCount: number): Buffer {
  const channel = Float32Array.from({ length: 2400 }, (_, i) => 0.25 * Math.sin((2 * Math.PI * 440 * i) / 48000));
  return Buffer.from(encodeWav({ sampleRateHz: 48000, channels: Array.from({ length: channelCount }, () => channel) }, { sampleFormat: 'pcm16' }));
}

const FILES = [
  { name: 'five-channels.wav', mimeType: 'audio/wav', buffer: toneWav(5) },
  { name: 'empty.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(0) },
  { name: 'notes.wav', mimeType: 'audio/wav', buffer: Buffer.from('These are my mix notes, not audio.\n', 'utf8') },
  { name: 'good-tone.wav', mimeType: 'audio/wav', buffer: toneWav(1) },
];

describe('stem files that cannot be used', () => {
  it('adds only the good file as a source and names each refused file with what was wrong', async () => {
    const { page } = session;
    await page.getByTestId('stems-add-input').setInputFiles(FILES);
    const notice = page.getByTestId('notice');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(async () => (await storeScene(page)).sources.map((s) => s.id), { timeout: 30_000 }).toEqual([...DEMO_SOURCE_IDS, 'good-tone']);

    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('five-channels.wav');
    expect(text).toMatch(/five-channels\.wav[^\n]*5 channels fits no loudspeaker layout[^\n]*mono or stereo/);
    expect(text).toContain('empty.wav');
    expect(text).toContain('notes.wav');
    expect(text).not.toContain('good-tone.wav');
    // No source stays behind silent: nothing is listed as unreadable or missing.
    await expect(page.getByTestId('failed-stems').count()).resolves.toBe(0);
    await expect(page.getByTestId('missing-stems').count()).resolves.toBe(0);
  });

  it('shows the notice above the stage without covering it, and dismisses it', async () => {
    const { page } = session;
    const notice = page.getByTestId('notice');
    const noticeBox = (await notice.boundingBox())!;
    const stageBox = (await page.getByTestId('stage-canvas').boundingBox())!;
    // Tolerance 0.5 px for fractional layout.
    expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(stageBox.y + 0.5);
    await page.getByTestId('notice-dismiss').click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('shows the Missing stems panel of an opened scene above the stage, and dismisses it', async () => {
    const { page } = session;
    const scene = {
      format: 'spatial-mix-studio/scene',
      version: 1,
      sampleRateHz: 48000,
      listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
      sources: [{ id: 'vox', name: 'Vox', stem: { file: 'stems/vox.wav' }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 2 } }],
    };
    await page.getByTestId('scene-open-input').setInputFiles({ name: 'missing.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scene)) });
    const panel = page.getByTestId('stem-issues');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.getByTestId('missing-stems').textContent()).toContain('stems/vox.wav');
    const panelBox = (await panel.boundingBox())!;
    const stageBox = (await page.getByTestId('stage-canvas').boundingBox())!;
    expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(stageBox.y + 0.5);
    await page.getByTestId('stem-issues-dismiss').click();
    await expect.poll(() => panel.count()).toBe(0);
  });
});
