import { describe, expect, it } from 'vitest';
import { checkAtmosMusicDelivery } from '../../../src/core/delivery/atmosMusicDelivery';
import type { DeliveryFacts } from '../../../src/core/delivery/atmosMusicDelivery';
import type { DeliveryCheckOptions, DeliveryCheckResult } from '../../../src/engine/audioEngine';
import { isDeliveryCheckStale } from '../../../src/state/slices/deliveryCheckSlice';
import { createStudioStore } from '../../../src/state/studioStore';
import { createFakeEngine, testScene } from './fakeEngine';

const FACTS: DeliveryFacts = {
  sampleRateHz: 48000,
  bitsPerSample: undefined,
  channelCount: 3,
  objectCount: 3,
  admProfileProblems: undefined,
  fullRender: { render: '7.1.4', integratedLkfs: -20, truePeakDbtp: -3 },
  downmix51: { render: '5.1 downmix', integratedLkfs: -21, truePeakDbtp: -4 },
  lfe: undefined,
  emptyObjects: [],
  renderModes: ['mid', 'near', 'far'],
};
const RESULT: DeliveryCheckResult = { facts: FACTS, rules: checkAtmosMusicDelivery(FACTS), durationSec: 10 };

interface Deferred {
  readonly options: DeliveryCheckOptions;
  resolve(result: DeliveryCheckResult): void;
  reject(error: Error): void;
}

/** Lets awaited promises inside the store run (reloader.idle, then the engine call). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const engine = createFakeEngine();
  const store = createStudioStore({ engine, scene: testScene() });
  const runs: Deferred[] = [];
  engine.deliveryCheck = (options) => new Promise((resolve, reject) => runs.push({ options, resolve, reject }));
  return { engine, store, runs };
}

describe('delivery check slice', () => {
  it('runs on the store scene with progress, then holds the report until the scene changes (stale)', async () => {
    const { store, runs } = setup();
    const done = store.getState().runDeliveryCheck();
    expect(store.getState().deliveryCheck).toMatchObject({ status: 'running', progress: 0, result: null });
    await settle();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.options.scene).toBe(store.getState().scene);
    runs[0]!.options.onProgress?.(0.4);
    expect(store.getState().deliveryCheck.progress).toBe(0.4);
    runs[0]!.resolve(RESULT);
    await done;
    expect(store.getState().deliveryCheck).toMatchObject({ status: 'done', progress: 1, result: RESULT, error: null });
    expect(isDeliveryCheckStale(store.getState())).toBe(false);
    store.getState().setGain('a', 12);
    expect(isDeliveryCheckStale(store.getState())).toBe(true);
    // The stale report is kept (shown, marked) until the next run.
    expect(store.getState().deliveryCheck.result).toBe(RESULT);
  });

  it('keeps a failure as a message naming the check, and cancel aborts the engine run and returns to idle', async () => {
    const { store, runs } = setup();
    const failed = store.getState().runDeliveryCheck();
    await settle();
    runs[0]!.reject(new Error('source "A" (a) is not loaded into the audio engine yet'));
    await failed;
    expect(store.getState().deliveryCheck).toMatchObject({ status: 'failed', error: 'The delivery check failed: source "A" (a) is not loaded into the audio engine yet' });

    void store.getState().runDeliveryCheck();
    await settle();
    store.getState().cancelDeliveryCheck();
    expect(runs[1]!.options.signal?.aborted).toBe(true);
    expect(store.getState().deliveryCheck.status).toBe('idle');
    // The cancelled run settling later changes nothing.
    runs[1]!.resolve(RESULT);
    await settle();
    expect(store.getState().deliveryCheck).toMatchObject({ status: 'idle', result: null });
  });

  it('a second run cancels the first, whose late result is ignored', async () => {
    const { store, runs } = setup();
    void store.getState().runDeliveryCheck();
    await settle();
    const second = store.getState().runDeliveryCheck();
    await settle();
    expect(runs.map((r) => r.options.signal?.aborted)).toEqual([true, false]);
    runs[0]!.resolve({ ...RESULT, durationSec: 1 });
    await settle();
    expect(store.getState().deliveryCheck.status).toBe('running');
    runs[1]!.resolve(RESULT);
    await second;
    expect(store.getState().deliveryCheck.result?.durationSec).toBe(10);
  });
});
