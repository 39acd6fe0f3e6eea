import { describe, expect, it } from 'vitest';
import type { MonoAnalysisOptions } from '../../../src/engine/audioEngine';
import type { MonoFinding } from '../../../src/core/monoAnalysis/findingTypes';
import type { MonoAnalysis } from '../../../src/core/monoAnalysis/monoAnalysisTypes';
import { IDLE_MONO_CHECK, findingSeverityBySource, isMonoCheckStale } from '../../../src/state/slices/monoCheckSlice';
import { createStudioStore } from '../../../src/state/studioStore';
import { findingSeverity } from '../../../src/ui/monocheck/monoCheckFormat';
import { createFakeEngine, testScene, testSource } from './fakeEngine';
import type { FakeEngine } from './fakeEngine';

/** One sample frame at the test scene's 48 kHz: the playhead lands on worstTimeSec within it. */
const ONE_FRAME_SEC = 1 / 48000;

function finding(patch: Partial<MonoFinding> & Pick<MonoFinding, 'kind' | 'severityDb' | 'worstTimeSec'>): MonoFinding {
  return {
    timeRanges: [{ startSec: patch.worstTimeSec - 1, endSec: patch.worstTimeSec + 1 }],
    bands: [],
    fixes: [],
    ...patch,
  };
}

/** A hand-made result for the test scene (sources a, b, c): b has two findings, a one, and one finding is about the whole mix. */
function handMadeAnalysis(): MonoAnalysis {
  return {
    subject: 'scene',
    format: 'stereo',
    sampleRateHz: 48000,
    durationSec: 180,
    monoLaw: '-3dB',
    bands: [{ nominalHz: 1000, lowerHz: 891, upperHz: 1122 }],
    overall: { monoVsStereoDb: -2.5, correlation: 0.3, midDb: -18, sideDb: -22, bandMonoVsStereoDb: [-2.5], bandCorrelation: [0.3] },
    timeline: { windowSec: 0.5, startSec: [0], monoVsStereoDb: [-2.5], correlation: [0.3], levelDb: [-20] },
    sources: [],
    findings: [
      finding({
        kind: 'haas',
        sourceId: 'b',
        sourceName: 'B',
        severityDb: 4.2,
        worstTimeSec: 73.25,
        bands: [{ nominalHz: 1000, lowerHz: 891, upperHz: 1122, lossDb: 0.5, ownMonoVsStereoDb: -4.2, levelToMixDb: -8 }],
        delayMs: 12,
      }),
      finding({ kind: 'wide-source', sourceId: 'a', sourceName: 'A', severityDb: 2, worstTimeSec: 12.5 }),
      finding({ kind: 'binaural-mono', severityDb: 1.5, worstTimeSec: 40 }),
      finding({ kind: 'wide-low-end', sourceId: 'b', sourceName: 'B', severityDb: 1.1, worstTimeSec: 5 }),
    ],
  };
}

interface Deferred {
  readonly options: MonoAnalysisOptions;
  resolve(analysis: MonoAnalysis): void;
  reject(error: Error): void;
}

/** Makes the fake engine's analyses wait for the test: each call pushes a Deferred. */
function deferAnalyses(engine: FakeEngine): Deferred[] {
  const runs: Deferred[] = [];
  engine.monoAnalysis = (options) =>
    new Promise<MonoAnalysis>((resolve, reject) => {
      runs.push({ options, resolve, reject });
    });
  return runs;
}

/** Lets awaited promises inside the store run (reloader.idle, then the engine call). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const engine = createFakeEngine();
  const store = createStudioStore({ engine, scene: testScene() });
  store.getState().setDurationSec(180);
  const runs = deferAnalyses(engine);
  engine.calls.length = 0;
  return { engine, store, runs };
}

async function analysed() {
  const context = setup();
  const done = context.store.getState().runMonoCheck('stereo');
  await settle();
  context.runs[0]!.resolve(handMadeAnalysis());
  await done;
  context.engine.calls.length = 0;
  return context;
}

describe('mono check slice', () => {
  it('runs: running with progress as the engine reports it, then done with the result, the format and the scene analysed', async () => {
    const { engine, store, runs } = setup();
    expect(store.getState().monoCheck.status).toBe('idle');
    const done = store.getState().runMonoCheck();
    expect(store.getState().monoCheck).toMatchObject({ status: 'running', progress: 0, format: 'binaural', analysis: null });
    await settle();
    expect(runs).toHaveLength(1);
    // The engine analyses the store's scene as edited, in the monitored format (binaural by default).
    expect(runs[0]!.options.format).toBe('binaural');
    expect(runs[0]!.options.scene).toBe(store.getState().scene);
    runs[0]!.options.onProgress?.(0.25);
    expect(store.getState().monoCheck.progress).toBe(0.25);
    runs[0]!.options.onProgress?.(0.6);
    expect(store.getState().monoCheck.progress).toBe(0.6);
    // Nothing of the result shows before it is complete.
    expect(store.getState().monoCheck.analysis).toBeNull();
    const analysis = handMadeAnalysis();
    runs[0]!.resolve(analysis);
    await done;
    const { monoCheck } = store.getState();
    expect(monoCheck).toMatchObject({ status: 'done', progress: 1, format: 'binaural', error: null, selectedFinding: null });
    expect(monoCheck.analysis).toBe(analysis);
    expect(monoCheck.basis?.scene).toBe(store.getState().scene);
    expect(isMonoCheckStale(store.getState())).toBe(false);
    expect(engine.monoAnalyses).toHaveLength(1);
  });

  it('analyses the stereo fold-down when monitoring stereo or mono, and the format asked for when given', async () => {
    const { store, runs } = setup();
    store.getState().setMonitorOutput('mono');
    void store.getState().runMonoCheck();
    await settle();
    store.getState().setMonitorOutput('stereo');
    void store.getState().runMonoCheck();
    await settle();
    void store.getState().runMonoCheck('binaural');
    await settle();
    expect(runs.map((r) => r.options.format)).toEqual(['stereo', 'stereo', 'binaural']);
    // Each new run cancelled the one before it.
    expect(runs.map((r) => r.options.signal?.aborted)).toEqual([true, true, false]);
  });

  it('selecting a finding selects its source and puts the playhead on its worst moment (within one frame)', async () => {
    const { engine, store } = await analysed();
    store.getState().selectMonoFinding(0);
    const state = store.getState();
    expect(state.selectedSourceId).toBe('b');
    expect(state.monoCheck.selectedFinding).toBe(0);
    expect(Math.abs(state.live.positionSec - 73.25)).toBeLessThanOrEqual(ONE_FRAME_SEC);
    expect(Math.abs(state.transport.positionSec - 73.25)).toBeLessThanOrEqual(ONE_FRAME_SEC);
    expect(engine.calls).toEqual([{ method: 'seek', positionSec: 73.25 }]);
    // No band solo unless asked for.
    expect(state.monitorSolo.band).toBeNull();
  });

  it('selecting a finding to play it (as its click does) seeks to its worst moment and then starts the transport, once', async () => {
    const { engine, store } = await analysed();
    store.getState().selectMonoFinding(0, { play: true });
    expect(engine.calls).toEqual([{ method: 'seek', positionSec: 73.25 }, { method: 'play' }]);
    expect(store.getState().transport.playing).toBe(true);
    expect(Math.abs(store.getState().transport.positionSec - 73.25)).toBeLessThanOrEqual(ONE_FRAME_SEC);
    // Already playing: another finding seeks there and playback runs on (no second play).
    engine.calls.length = 0;
    store.getState().selectMonoFinding(2, { play: true });
    expect(engine.calls).toEqual([{ method: 'seek', positionSec: 40 }]);
    expect(store.getState().transport.playing).toBe(true);
  });

  it("selecting a bed's finding selects the bed (its mixer strip), and an edit of another source keeps it selected", async () => {
    const engine = createFakeEngine();
    const bed = { id: 'music', name: 'Music 7.1.2', stem: { kind: 'file', file: 'music.wav' } as const, layout: '2+7+0' as const, channels: ['M+030', 'M-030'], gainDb: 0, mute: false, solo: false };
    const store = createStudioStore({ engine, scene: { ...testScene(), beds: [bed] } });
    store.getState().setDurationSec(180);
    const runs = deferAnalyses(engine);
    const done = store.getState().runMonoCheck('stereo');
    await settle();
    runs[0]!.resolve({ ...handMadeAnalysis(), findings: [finding({ kind: 'polarity', sourceId: 'music', sourceName: 'Music 7.1.2', sourceKind: 'bed', severityDb: 60, worstTimeSec: 20 })] });
    await done;
    store.getState().selectMonoFinding(0);
    expect(store.getState().selectedSourceId).toBe('music');
    expect(Math.abs(store.getState().live.positionSec - 20)).toBeLessThanOrEqual(ONE_FRAME_SEC);
    store.getState().setGain('a', -3);
    expect(store.getState().selectedSourceId).toBe('music');
  });

  it('a finding about the whole mix seeks without changing the selection; an index outside the findings does nothing', async () => {
    const { engine, store } = await analysed();
    store.getState().selectSource('a');
    store.getState().selectMonoFinding(2);
    expect(store.getState().selectedSourceId).toBe('a');
    expect(store.getState().live.positionSec).toBe(40);
    engine.calls.length = 0;
    store.getState().selectMonoFinding(4);
    store.getState().selectMonoFinding(-1);
    expect(engine.calls).toEqual([]);
    expect(store.getState().monoCheck.selectedFinding).toBe(2);
  });

  it('the band solo toggle solos the finding worst band on the monitor (selecting it), and pressed again ends the solo', async () => {
    const { engine, store } = await analysed();
    store.getState().toggleFindingBandSolo(0);
    expect(store.getState().selectedSourceId).toBe('b');
    expect(store.getState().monitorSolo.band).toEqual({ lowerHz: 891, upperHz: 1122 });
    store.getState().toggleFindingBandSolo(0);
    expect(store.getState().monitorSolo.band).toBeNull();
    expect(engine.calls.filter((c) => c.method === 'setMonitorSolo')).toEqual([
      { method: 'setMonitorSolo', solo: { midSide: 'stereo', band: { lowerHz: 891, upperHz: 1122 } } },
      { method: 'setMonitorSolo', solo: { midSide: 'stereo', band: null } },
    ]);
    // A finding without bands has nothing to solo.
    store.getState().toggleFindingBandSolo(1);
    expect(store.getState().monitorSolo.band).toBeNull();
    expect(store.getState().selectedSourceId).toBe('a');
  });

  it('a band solo set from a finding ends when the result is cleared or the check re-run', async () => {
    const { store, runs } = await analysed();
    store.getState().toggleFindingBandSolo(0);
    void store.getState().runMonoCheck('stereo');
    expect(store.getState().monitorSolo.band).toBeNull();
    await settle();
    runs[1]!.resolve(handMadeAnalysis());
    await settle();
    store.getState().toggleFindingBandSolo(0);
    store.getState().clearMonoCheck();
    expect(store.getState().monitorSolo.band).toBeNull();
    expect(store.getState().monoCheck.status).toBe('idle');
  });

  it('cancel aborts the engine analysis and returns to idle; a result arriving afterwards is ignored', async () => {
    const { store, runs } = setup();
    const done = store.getState().runMonoCheck('stereo');
    await settle();
    runs[0]!.options.onProgress?.(0.4);
    store.getState().cancelMonoCheck();
    expect(runs[0]!.options.signal?.aborted).toBe(true);
    expect(store.getState().monoCheck).toMatchObject({ status: 'idle', progress: 0, analysis: null, format: null, error: null });
    runs[0]!.resolve(handMadeAnalysis());
    await done;
    expect(store.getState().monoCheck.status).toBe('idle');
    expect(store.getState().monoCheck.analysis).toBeNull();
  });

  it('marks the result stale when the scene is edited or the stem files change, and a re-run makes it fresh', async () => {
    const { store, runs } = await analysed();
    expect(isMonoCheckStale(store.getState())).toBe(false);
    store.getState().moveSource('b', { azimuthDeg: 10 });
    expect(isMonoCheckStale(store.getState())).toBe(true);
    // The result stays shown (stale) until the next run.
    expect(store.getState().monoCheck.analysis).not.toBeNull();
    const rerun = store.getState().runMonoCheck('stereo');
    await settle();
    runs[1]!.resolve(handMadeAnalysis());
    await rerun;
    expect(isMonoCheckStale(store.getState())).toBe(false);
  });

  it('marks the result stale when a stem file is relinked (the scene unchanged)', async () => {
    const engine = createFakeEngine();
    const scene = testScene();
    const withFile = { ...scene, sources: [...scene.sources, testSource('d', { stem: { kind: 'file', file: 'stems/d.wav' } })] };
    const store = createStudioStore({ engine, scene: withFile });
    engine.monoAnalysis = async () => handMadeAnalysis();
    await store.getState().runMonoCheck('stereo');
    expect(isMonoCheckStale(store.getState())).toBe(false);
    store.getState().relinkStem('d', new Blob([new Uint8Array(4)]));
    expect(store.getState().scene).toBe(withFile);
    expect(isMonoCheckStale(store.getState())).toBe(true);
  });

  it('an edit made while the analysis runs makes its result stale as soon as it arrives', async () => {
    const { store, runs } = setup();
    const done = store.getState().runMonoCheck('stereo');
    await settle();
    store.getState().setGain('a', -6);
    runs[0]!.resolve(handMadeAnalysis());
    await done;
    expect(store.getState().monoCheck.status).toBe('done');
    expect(isMonoCheckStale(store.getState())).toBe(true);
  });

  it('keeps an error in the state with its message, until the next run', async () => {
    const { store, runs } = setup();
    const done = store.getState().runMonoCheck('stereo');
    await settle();
    runs[0]!.reject(new Error('source "Pad" (pad) is not loaded into the audio engine yet'));
    await done;
    expect(store.getState().monoCheck).toMatchObject({
      status: 'failed',
      format: 'stereo',
      analysis: null,
      error: 'The mono check failed: source "Pad" (pad) is not loaded into the audio engine yet',
    });
    void store.getState().runMonoCheck('stereo');
    expect(store.getState().monoCheck).toMatchObject({ status: 'running', error: null });
  });

  it('fails with a clear message without an engine', async () => {
    const store = createStudioStore({ engine: null, scene: testScene() });
    await store.getState().runMonoCheck();
    expect(store.getState().monoCheck.status).toBe('failed');
    expect(store.getState().monoCheck.error).toMatch(/needs the audio engine/);
  });

  it('prepare starts the engine analysis workers once per call, leaving the check idle; without an engine it does nothing', () => {
    const { engine, store } = setup();
    const prepared = (): number => engine.calls.filter((c) => c.method === 'prepareMonoAnalysis').length;
    store.getState().prepareMonoCheck();
    expect(prepared()).toBe(1);
    store.getState().prepareMonoCheck();
    expect(prepared()).toBe(2);
    expect(engine.monoAnalyses).toHaveLength(0);
    expect(store.getState().monoCheck).toBe(IDLE_MONO_CHECK);
    const withoutEngine = createStudioStore({ engine: null, scene: testScene() });
    expect(() => withoutEngine.getState().prepareMonoCheck()).not.toThrow();
    expect(withoutEngine.getState().monoCheck).toBe(IDLE_MONO_CHECK);
  });

  it('gives each source the severity of its most severe finding (for the stage markers)', () => {
    const severity = findingSeverityBySource(handMadeAnalysis());
    expect([...severity.entries()]).toEqual([
      ['b', 4.2],
      ['a', 2],
    ]);
    expect(findingSeverityBySource(null).size).toBe(0);
  });
});

describe('mono check display formats (panel and stage markers)', () => {
  it('classes findings of 6 dB or more as severe (red marker), less as moderate (amber)', () => {
    // 6 dB: half the source's amplitude gone where it is heard (its own loss, or the whole mix's).
    expect([findingSeverity(8.4), findingSeverity(6), findingSeverity(5.99), findingSeverity(0.01)]).toEqual(['severe', 'severe', 'moderate', 'moderate']);
  });
});
