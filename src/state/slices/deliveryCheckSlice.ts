import type { Scene } from '../../core/scene/scene';
import type { DeliveryCheckResult } from '../../engine/audioEngine';
import type { EngineReloader } from '../engineReloader';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';
import type { StudioState } from '../studioState';

export type DeliveryCheckStatus = 'idle' | 'running' | 'done' | 'failed';

export interface DeliveryCheckState {
  readonly status: DeliveryCheckStatus;
  /** Fraction done, 0..1 (1 when done). */
  readonly progress: number;
  /** The QC report (status done); null otherwise. */
  readonly result: DeliveryCheckResult | null;
  /** Why the last run failed (status failed), naming what went wrong. */
  readonly error: string | null;
  /** What the check ran on: the store's scene and stem files then. See isDeliveryCheckStale. */
  readonly basis: { readonly scene: Scene; readonly stemFilesVersion: number } | null;
}

/**
 * The Atmos music delivery check: the session as its ADM export would write it, judged
 * by the delivery rules (the engine renders it off the page's thread), its progress and
 * its QC report. The report goes stale when the scene or its stems change after the run
 * (it is kept, and marked, until the next run).
 */
export interface DeliveryCheckSlice {
  readonly deliveryCheck: DeliveryCheckState;
  /** Checks the session, replacing an earlier report and cancelling a run in progress. Never rejects: a failure is kept in deliveryCheck.error. */
  runDeliveryCheck(): Promise<void>;
  /** Stops a run in progress (its worker is terminated) and returns to idle. */
  cancelDeliveryCheck(): void;
}

export const IDLE_DELIVERY_CHECK: DeliveryCheckState = { status: 'idle', progress: 0, result: null, error: null, basis: null };

/** True when there is a report and the scene or the stem files changed since it was made. */
export function isDeliveryCheckStale(state: StudioState): boolean {
  const { basis, result } = state.deliveryCheck;
  return result !== null && basis !== null && (basis.scene !== state.scene || basis.stemFilesVersion !== state.stemFilesVersion);
}

export function createDeliveryCheckSlice(set: SetStudioState, get: GetStudioState, context: StudioContext, reloader: EngineReloader): DeliveryCheckSlice {
  /** The run in progress (the latest run wins; earlier ones are ignored when they settle). */
  let running: AbortController | null = null;
  const stopRunning = (): void => {
    running?.abort();
    running = null;
  };

  return {
    deliveryCheck: IDLE_DELIVERY_CHECK,
    async runDeliveryCheck() {
      stopRunning();
      const abort = new AbortController();
      running = abort;
      set({ deliveryCheck: { ...IDLE_DELIVERY_CHECK, status: 'running' } });
      const current = (): boolean => running === abort;
      try {
        const { engine } = context;
        if (engine === null) throw new Error('the delivery check needs the audio engine, which this browser session does not have');
        // Stems still loading (sources just added) must be in the engine first.
        await reloader.idle();
        if (!current()) return;
        const basis = { scene: get().scene, stemFilesVersion: get().stemFilesVersion };
        const result = await engine.checkDelivery({
          scene: basis.scene,
          signal: abort.signal,
          onProgress: (fraction) => {
            if (current() && Number.isFinite(fraction)) set({ deliveryCheck: { ...get().deliveryCheck, progress: Math.min(1, Math.max(0, fraction)) } });
          },
        });
        if (!current()) return;
        running = null;
        set({ deliveryCheck: { ...IDLE_DELIVERY_CHECK, status: 'done', progress: 1, result, basis } });
      } catch (error) {
        if (!current()) return;
        running = null;
        const message = error instanceof Error ? error.message : String(error);
        set({ deliveryCheck: { ...IDLE_DELIVERY_CHECK, status: 'failed', error: `The delivery check failed: ${message}` } });
      }
    },
    cancelDeliveryCheck() {
      if (running === null) return;
      stopRunning();
      set({ deliveryCheck: IDLE_DELIVERY_CHECK });
    },
  };
}
