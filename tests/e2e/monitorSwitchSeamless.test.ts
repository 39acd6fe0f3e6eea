import { beforeAll, describe, expect, it } from 'vitest';
import type { StudioState } from '../../src/state/studioState';
import { useStudioSession } from './support/studioSession';

/**
 * Switching the monitor to a layout while playing (binaural -> 7.1.4 on headphones -> 5.1 on
 * headphones -> binaural) in headless Chromium: the engine is not reloaded (the renderer
 * takes the new outputs between blocks) and playback goes on. The longest stall of the
 * playhead around each switch is measured and printed (not asserted: it depends on the
 * machine's load).
 */

const session = useStudioSession();

interface Window {
  __studio?: { readonly store: { getState(): StudioState; setState(patch: Partial<StudioState>): void } };
  __reloads?: number;
}

beforeAll(async () => {
  const { page } = session;
  await page.getByTestId('transport-play').click();
  await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().engineStatus === 'ready', undefined, { timeout: 30_000 });
  await page.waitForFunction(() => (globalThis as Window).__studio!.store.getState().engine!.readMeters()?.playing === true, undefined, { timeout: 30_000 });
  // Count the store's engine reloads from here on.
  await page.evaluate(() => {
    const w = globalThis as Window;
    const store = w.__studio!.store;
    const reload = store.getState().reloadEngine;
    w.__reloads = 0;
    store.setState({
      reloadEngine: () => {
        w.__reloads! += 1;
        return reload();
      },
    });
  });
});

/** Switches the monitor to `outputId` and watches the playhead for 1.5 s: the longest time it stood still, in ms, and whether it still plays. */
async function switchAndWatch(outputId: string): Promise<{ stallMs: number; playing: boolean; speakerCount: number }> {
  return session.page.evaluate(
    (id) =>
      new Promise<{ stallMs: number; playing: boolean; speakerCount: number }>((resolve) => {
        const state = (globalThis as Window).__studio!.store.getState;
        const engine = state().engine!;
        let last = engine.readMeters()!.positionSec;
        let since = performance.now();
        let stallMs = 0;
        const start = performance.now();
        state().setMonitorOutput(id);
        const watch = (): void => {
          const now = performance.now();
          const meters = engine.readMeters()!;
          if (meters.positionSec !== last) {
            last = meters.positionSec;
            since = now;
          }
          stallMs = Math.max(stallMs, now - since);
          if (now - start < 1500) requestAnimationFrame(watch);
          else resolve({ stallMs, playing: meters.playing, speakerCount: meters.speakerCount });
        };
        requestAnimationFrame(watch);
      }),
    outputId,
  );
}

describe('monitor switching while playing', () => {
  it('switches binaural -> 7.1.4 on headphones -> 5.1 on headphones -> 7.1.4 to Lo/Ro -> binaural without reloading the engine, playing on', async () => {
    const { page } = session;
    for (const [outputId, speakers] of [['binaural-7.1.4', 12], ['binaural-5.1', 6], ['7.1.4-to-loro', 2], ['binaural', 0]] as const) {
      const watched = await switchAndWatch(outputId);
      console.log(`to ${outputId}: longest playhead stall ${watched.stallMs.toFixed(0)} ms, playing ${watched.playing}, ${watched.speakerCount} loudspeaker meters`);
      expect(watched.playing, outputId).toBe(true);
      expect(watched.speakerCount, outputId).toBe(speakers);
      expect(await page.evaluate(() => (globalThis as Window).__studio!.store.getState().monitor.outputId)).toBe(outputId);
    }
    expect(await page.evaluate(() => (globalThis as Window).__reloads)).toBe(0);
    const status = await page.evaluate(() => {
      const s = (globalThis as Window).__studio!.store.getState();
      return { status: s.engineStatus, nonFinite: s.engine!.readMeters()!.nonFiniteBlocks };
    });
    expect(status).toEqual({ status: 'ready', nonFinite: 0 });
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
