import { useEffect } from 'react';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { peakToMeterFraction } from '../format';

/** Meter fall-back speed: full scale (60 dB) in 1.5 s, i.e. 40 dB/s. */
const FALL_PER_SEC = 1 / 1.5;
/** Smallest change worth a DOM write. */
const WRITE_THRESHOLD = 0.002;

/**
 * Drives level meters from the engine's latest meter frame (store `live.meters`) once per
 * animation frame. Each registered element covers the unlit part of its meter: the loop
 * writes `transform: scaleX(1 - level)` and `data-level` (0..1, for tests) to it, by
 * source id (no React state, no render). Peaks rise at once and fall at 40 dB/s; the loop runs
 * while playing and until the meters have fallen to zero.
 */
export function useMeterLoop(elements: ReadonlyMap<string, HTMLElement>): void {
  const store = useStudioStoreApi();
  const playing = useStudioStore((s) => s.transport.playing);

  useEffect(() => {
    const shown = new Map<string, number>();
    let frame = 0;
    let last = performance.now();
    const tick = (now: number): void => {
      const elapsedSec = Math.min(0.25, Math.max(0, (now - last) / 1000));
      last = now;
      const meters = playing ? store.getState().live.meters : null;
      let moving = false;
      for (const [id, element] of elements) {
        const target = peakToMeterFraction(meters?.sourcePeak.get(id) ?? 0);
        const previous = shown.get(id) ?? -1;
        const value = Math.max(target, Math.max(0, previous) - elapsedSec * FALL_PER_SEC);
        if (previous < 0 || Math.abs(value - previous) > WRITE_THRESHOLD || (value === 0 && previous !== 0)) {
          element.style.transform = `scaleX(${(1 - value).toFixed(4)})`;
          element.dataset['level'] = value.toFixed(3);
          shown.set(id, value);
        }
        if (value > 0) moving = true;
      }
      frame = playing || moving ? requestAnimationFrame(tick) : 0;
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [store, playing, elements]);
}
