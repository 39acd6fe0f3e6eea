import { useEffect } from 'react';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { createPeakHold, isClip, meterFraction, peakDb, updatePeakHold } from '../meters/meterBallistics';
import type { PeakHold } from '../meters/meterBallistics';

/** Meter fall-back speed: full scale (60 dB) in 1.5 s, i.e. 40 dB/s. */
const FALL_PER_SEC = 1 / 1.5;
/** Smallest change worth a DOM write. */
const WRITE_THRESHOLD = 0.002;

/** What the loop keeps per meter between frames. */
interface MeterShown {
  level: number;
  holdFraction: number;
  readonly hold: PeakHold;
}

/**
 * Drives level meters from the engine's latest meter frame (store `live.meters`) once per
 * animation frame. Each registered element holds a `.meter-cover` (covers the unlit part:
 * the loop writes `transform: scaleX(1 - level)` and `data-level`, 0..1), a `.meter-hold`
 * (the held peak, meterBallistics.ts: `left` and `data-hold`) and a `.clip-light` (the loop
 * sets `data-clipped` on a sample at or above 0 dBFS; clicking it clears the attribute), by
 * source id (no React state, no render). Levels rise at once and fall at 40 dB/s; the loop
 * runs while playing and until the meters and held peaks have fallen to zero.
 */
export function useMeterLoop(elements: ReadonlyMap<string, HTMLElement>): void {
  const store = useStudioStoreApi();
  const playing = useStudioStore((s) => s.transport.playing);

  useEffect(() => {
    const shown = new Map<string, MeterShown>();
    let frame = 0;
    let last = performance.now();
    const tick = (now: number): void => {
      const elapsedSec = Math.min(0.25, Math.max(0, (now - last) / 1000));
      last = now;
      const meters = playing ? store.getState().live.meters : null;
      let moving = false;
      for (const [id, element] of elements) {
        const peak = meters?.sourcePeak.get(id) ?? 0;
        const levelDb = peakDb(peak);
        let meter = shown.get(id);
        const fresh = meter === undefined;
        meter ??= { level: 0, holdFraction: 0, hold: createPeakHold() };
        shown.set(id, meter);
        const value = Math.max(meterFraction(levelDb), meter.level - elapsedSec * FALL_PER_SEC);
        if (fresh || Math.abs(value - meter.level) > WRITE_THRESHOLD || (value === 0 && meter.level !== 0)) {
          const cover = element.querySelector<HTMLElement>('.meter-cover');
          if (cover !== null) {
            cover.style.transform = `scaleX(${(1 - value).toFixed(4)})`;
            cover.dataset['level'] = value.toFixed(3);
          }
          meter.level = value;
        }
        const holdFraction = meterFraction(updatePeakHold(meter.hold, levelDb, now / 1000));
        if (fresh || Math.abs(holdFraction - meter.holdFraction) > WRITE_THRESHOLD || (holdFraction === 0 && meter.holdFraction !== 0)) {
          const marker = element.querySelector<HTMLElement>('.meter-hold');
          if (marker !== null) {
            marker.style.left = `${(holdFraction * 100).toFixed(2)}%`;
            marker.dataset['hold'] = holdFraction.toFixed(3);
            marker.hidden = holdFraction === 0;
          }
          meter.holdFraction = holdFraction;
        }
        if (isClip(peak)) element.querySelector<HTMLElement>('.clip-light')?.setAttribute('data-clipped', 'true');
        if (value > 0 || holdFraction > 0) moving = true;
      }
      frame = playing || moving ? requestAnimationFrame(tick) : 0;
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [store, playing, elements]);
}
