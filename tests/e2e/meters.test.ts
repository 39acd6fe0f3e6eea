import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveMeters } from '../../src/engine/audioEngine';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import type { StudioWindow } from './support/studioPage';

/**
 * The Meters tab while the demo plays in Chromium's AudioWorklet: the read-outs move, the
 * shared meter area is published at least 25 times per second of audio, the panel's
 * frame loop writes the DOM without React renders, the M solo makes the monitored output
 * mono (correlation +1), and the worklet neither errs nor produces non-finite blocks.
 */

/** The meters publish every 12 blocks of 128 frames at 48 kHz (31.25 per second); at least this many per second of audio. */
const MIN_UPDATES_PER_AUDIO_SECOND = 25;
/** How long the read-outs are watched, ms of wall-clock time. */
const WATCH_MS = 3000;

const session = useStudioSession();

interface MeterSample {
  readonly meters: Pick<LiveMeters, 'sequence' | 'positionSec' | 'playing' | 'nonFiniteBlocks' | 'correlation' | 'momentaryLufs'>;
  readonly correlationText: string;
  readonly momentaryText: string;
  readonly renders: number;
}

async function sample(): Promise<MeterSample> {
  return session.page.evaluate(() => {
    const m = (globalThis as StudioWindow).__studio!.engine!.readMeters()!;
    const text = (id: string): string => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    return {
      meters: { sequence: m.sequence, positionSec: m.positionSec, playing: m.playing, nonFiniteBlocks: m.nonFiniteBlocks, correlation: m.correlation, momentaryLufs: m.momentaryLufs },
      correlationText: text('meter-correlation'),
      momentaryText: text('meter-momentary'),
      renders: Number(document.querySelector('[data-testid="meters-panel"]')?.getAttribute('data-renders') ?? -1),
    };
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const { page } = session;
  // Play is the page's first gesture: it starts the audio and the demo.
  await page.getByTestId('transport-play').click();
  await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.store.getState().engineStatus === 'ready', undefined, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Meters' }).click();
  await page.getByTestId('meters-panel').waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.engine!.readMeters()?.playing === true, undefined, { timeout: 30_000 });
});

describe('studio meters in the browser', () => {
  it('moves the read-outs while playing, at >= 25 updates per second of audio, without React renders per update', async () => {
    await sleep(500);
    const first = await sample();
    const correlationTexts = new Set<string>();
    const momentaryTexts = new Set<string>();
    const samples: MeterSample[] = [first];
    for (let t = 0; t < WATCH_MS; t += 150) {
      await sleep(150);
      const s = await sample();
      samples.push(s);
      correlationTexts.add(s.correlationText);
      momentaryTexts.add(s.momentaryText);
    }
    const last = samples[samples.length - 1]!;
    // The demo is music: its correlation and momentary loudness change from one 150 ms look to the next.
    expect(correlationTexts.size).toBeGreaterThan(2);
    expect(momentaryTexts.size).toBeGreaterThan(2);
    expect(last.momentaryText).toMatch(/^-\d+\.\d$/);
    expect(last.correlationText).toMatch(/^([+-][01]\.\d\d|0\.00)$/);
    // Meter updates against audio time (both from the shared area; the demo neither loops nor ends in these seconds).
    const audioSec = last.meters.positionSec - first.meters.positionSec;
    expect(audioSec).toBeGreaterThan(1);
    const rate = (last.meters.sequence - first.meters.sequence) / audioSec;
    expect(rate).toBeGreaterThanOrEqual(MIN_UPDATES_PER_AUDIO_SECOND);
    // About 30 meter updates a second were drawn, with no React render of the panel meanwhile.
    expect(last.renders).toBe(first.renders);
    expect(last.renders).toBeGreaterThan(0);
    // A tall window, so the whole panel is on screen (the side column scrolls otherwise).
    await session.page.setViewportSize({ width: 1280, height: 1400 });
    await session.page.getByTestId('meters-panel').screenshot({ path: artifactPath('meters.png') });
    await session.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the M solo makes what is heard (and metered) mono: correlation +1 within 0.01, mono vs stereo +3.0 dB', async () => {
    const { page } = session;
    await page.getByTestId('monitor-solo-mid').click();
    await expect(page.getByTestId('monitor-solo-mid').getAttribute('aria-pressed')).resolves.toBe('true');
    const midSide = await page.evaluate(() => ((globalThis as StudioWindow).__studio!.store.getState() as unknown as { monitorSolo: { midSide: string } }).monitorSolo.midSide);
    expect(midSide).toBe('mid');
    // L = R after the 20 ms glide; the 0.3 s exponential integration forgets the stereo past by 1/e per 0.3 s.
    await expect.poll(async () => (await sample()).meters.correlation, { timeout: 10_000, interval: 200 }).toBeGreaterThan(0.99);
    // Identical channels are louder in mono: the readout, named for what it is, shows +3.0 dB (10 log10 2 at the -3 dB law).
    const readout = page.getByTestId('meter-mono-vs-stereo');
    await expect(readout.locator('xpath=ancestor::div[@class="meters-reading"]/dt').textContent()).resolves.toBe('Mono vs stereo');
    await expect.poll(() => readout.textContent(), { timeout: 10_000, interval: 200 }).toBe('+3.0');
    await page.getByTestId('monitor-solo-mid').click();
    await expect(page.getByTestId('monitor-solo-mid').getAttribute('aria-pressed')).resolves.toBe('false');
  });

  it('reports no worklet error and no non-finite block', async () => {
    const s = await sample();
    expect(s.meters.nonFiniteBlocks).toBe(0);
    await expect(session.page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().engineStatus)).resolves.toBe('ready');
    expect(session.browser.pageErrors).toEqual([]);
  });
});
