import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../src/io/wavEncode';
import { useStudioSession } from './support/studioSession';
import type { StudioWindow } from './support/studioPage';

/**
 * Sources added and removed while the studio plays (DESIGN.md: one scene truth): the store
 * tells the engine, which posts typed changes keyed by source id to the worklet, so the
 * renderer is never rebuilt (no 'load' message crosses to the audio thread), playback runs
 * on, and the added source is heard (its meter rises) while the others keep playing.
 * Every message the page posts to the worklet is counted by wrapping
 * MessagePort.prototype.postMessage before the changes.
 */

const STEM_NAME = 'Added tone.wav';
/** 10 s of a 1 kHz sine at -6 dBFS, 16-bit mono: long enough to be playing whenever it is added. */
const stemBytes = [
  ...encodeWav(
    { sampleRateHz: 48000, channels: [Float32Array.from({ length: 480_000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 48000))] },
    { sampleFormat: 'pcm16' },
  ),
];

/** The store actions the test calls (the page's store has them; StudioStateView names only what other tests read). */
interface SourceActions {
  addStemFiles(files: readonly File[]): Promise<readonly string[]>;
  removeSource(id: string): void;
}

interface PageWithCounts {
  __postedTypes?: string[];
  __peaks?: Map<string, number>;
}

const session = useStudioSession();

/** The playhead in seconds and whether it plays, from the shared meters. */
function playhead(): Promise<{ positionSec: number; playing: boolean }> {
  return session.page.evaluate(() => {
    const meters = (globalThis as StudioWindow).__studio!.engine!.readMeters()!;
    return { positionSec: meters.positionSec, playing: meters.playing };
  });
}

/** The largest peak the engine reported for `sourceId` since the watch began. */
function peakOf(sourceId: string): Promise<number> {
  return session.page.evaluate((id) => (globalThis as PageWithCounts).__peaks?.get(id) ?? 0, sourceId);
}

function postedTypes(): Promise<string[]> {
  return session.page.evaluate(() => [...((globalThis as PageWithCounts).__postedTypes ?? [])]);
}

beforeAll(async () => {
  const { page } = session;
  await page.getByTestId('transport-play').click();
  await page.waitForFunction(() => (globalThis as StudioWindow).__studio!.engine?.readMeters()?.playing === true, undefined, { timeout: 30_000 });
  await page.evaluate(() => {
    const window = globalThis as PageWithCounts & StudioWindow;
    window.__postedTypes = [];
    window.__peaks = new Map();
    const post = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: unknown[]) {
      const type = (message as { type?: unknown } | null)?.type;
      if (typeof type === 'string') window.__postedTypes!.push(type);
      return (post as (...args: unknown[]) => void).call(this, message, ...rest);
    } as typeof MessagePort.prototype.postMessage;
    window.__studio!.engine!.onMeters((frame) => {
      for (const [id, peak] of frame.sourcePeak) window.__peaks!.set(id, Math.max(window.__peaks!.get(id) ?? 0, peak));
    });
  });
});

describe('sources added and removed while playing', () => {
  let addedId = '';

  it('adds a stem without reloading the renderer: no load message, playback runs on, the new source is heard', async () => {
    const { page } = session;
    const before = await playhead();
    const ids = await page.evaluate(
      async ({ base64, name }) => {
        const file = new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'audio/wav' });
        return [...(await ((globalThis as StudioWindow).__studio!.store.getState() as unknown as SourceActions).addStemFiles([file]))];
      },
      // As base64 text: an array of 960,044 numbers took about 20 s to cross to the page (the playhead passed the 10 s tone meanwhile).
      { base64: Buffer.from(stemBytes).toString('base64'), name: STEM_NAME },
    );
    expect(ids).toHaveLength(1);
    addedId = ids[0]!;
    // The tone is -6 dBFS at 2 m (the distance law's gain there is 1/2): its meter reads about 0.25, far above 0.05.
    await expect.poll(() => peakOf(addedId), { timeout: 20_000 }).toBeGreaterThan(0.05);
    const after = await playhead();
    expect(after.playing).toBe(true);
    expect(after.positionSec).toBeGreaterThan(before.positionSec);
    const posted = await postedTypes();
    expect(posted).toContain('addSource');
    expect(posted).not.toContain('load');
  });

  it('removes it without reloading: a removeSource message, no load, playback runs on', async () => {
    const { page } = session;
    const before = await playhead();
    await page.evaluate((id) => ((globalThis as StudioWindow).__studio!.store.getState() as unknown as SourceActions).removeSource(id), addedId);
    await expect.poll(postedTypes, { timeout: 10_000 }).toContain('removeSource');
    await page.waitForTimeout(300);
    const after = await playhead();
    expect(after.playing).toBe(true);
    expect(after.positionSec).toBeGreaterThan(before.positionSec);
    expect(await postedTypes()).not.toContain('load');
  });
});
