import type { Scene } from '../../core/scene/scene';
import type { AnalysedFormat, MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import type { EngineReloader } from '../engineReloader';
import type { MonitorSoloBand } from '../../core/monitorSoloBand';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';
import type { StudioState } from '../studioState';

export type MonoCheckStatus = 'idle' | 'running' | 'done' | 'failed';

export interface MonoCheckState {
  readonly status: MonoCheckStatus;
  /** Fraction done, 0..1 (1 when done). */
  readonly progress: number;
  /** The format being analysed (running) or analysed (done, failed); null when idle. */
  readonly format: AnalysedFormat | null;
  /** The result (status done), findings most severe first; null otherwise. */
  readonly analysis: MonoAnalysis | null;
  /** Why the last run failed (status failed), naming what went wrong. */
  readonly error: string | null;
  /** What the analysis ran on: the store's scene and stem files then. See isMonoCheckStale. */
  readonly basis: { readonly scene: Scene; readonly stemFilesVersion: number } | null;
  /** Index into analysis.findings of the finding last clicked, or null. */
  readonly selectedFinding: number | null;
}

/**
 * The mono check: a mono-compatibility analysis of the session (the engine runs it off
 * the page's thread), its progress and result, and the findings as handles on the mix:
 * selecting one selects its source, moves the playhead to its worst moment and can solo
 * its worst band on the monitor. The result goes stale when the scene or its stems
 * change after the run (it is kept, and marked, until the next run).
 */
export interface MonoCheckSlice {
  readonly monoCheck: MonoCheckState;
  /**
   * Analyses the session in `format` (default: the monitor's format, the stereo fold-down
   * when monitoring mono), replacing an earlier result and cancelling a run in progress.
   * Never rejects: a failure is kept in monoCheck.error.
   */
  runMonoCheck(format?: AnalysedFormat): Promise<void>;
  /** Starts the engine's analysis workers ahead of a run (when the check is shown), so the first run does not wait for them; cheap to call again. */
  prepareMonoCheck(): void;
  /** Stops a run in progress (the worker is terminated) and returns to idle. */
  cancelMonoCheck(): void;
  /** Forgets the result (and a band solo it set), back to idle. */
  clearMonoCheck(): void;
  /**
   * Selects finding `index` of the result: selects its source, seeks the playhead to its
   * worstTimeSec, with `play` starts playback there (the transport's play), and with
   * `soloBand` solos its worst band on the monitor (see toggleFindingBandSolo). An index
   * outside the findings is ignored.
   */
  selectMonoFinding(index: number, options?: { readonly soloBand?: boolean; readonly play?: boolean }): void;
  /** Selects finding `index` and solos its worst band, or ends the band solo when that band is soloed already. */
  toggleFindingBandSolo(index: number): void;
}

export const IDLE_MONO_CHECK: MonoCheckState = {
  status: 'idle',
  progress: 0,
  format: null,
  analysis: null,
  error: null,
  basis: null,
  selectedFinding: null,
};

/** True when there is a result and the scene or the stem files changed since it was computed. */
export function isMonoCheckStale(state: StudioState): boolean {
  const { basis, analysis } = state.monoCheck;
  return analysis !== null && basis !== null && (basis.scene !== state.scene || basis.stemFilesVersion !== state.stemFilesVersion);
}

/** The format a run analyses by default: the monitored one, the stereo fold-down for a mono monitor. */
export function defaultMonoCheckFormat(state: StudioState): AnalysedFormat {
  return state.monitor.outputId === 'binaural' ? 'binaural' : 'stereo';
}

/** The band a finding's solo uses: its worst band, or null when it names none. */
function findingSoloBand(analysis: MonoAnalysis, index: number): MonitorSoloBand | null {
  const band = analysis.findings[index]?.bands[0];
  return band === undefined ? null : { lowerHz: band.lowerHz, upperHz: band.upperHz };
}

/** True when the monitor solos exactly this finding's worst band. */
export function isFindingBandSoloed(state: StudioState, index: number): boolean {
  const { analysis } = state.monoCheck;
  const band = analysis === null ? null : findingSoloBand(analysis, index);
  const soloed = state.monitorSolo.band;
  return band !== null && soloed !== null && soloed.lowerHz === band.lowerHz && soloed.upperHz === band.upperHz;
}

/** Per source id, the severity (dB) of its most severe finding; empty without a result. */
export function findingSeverityBySource(analysis: MonoAnalysis | null): ReadonlyMap<string, number> {
  if (analysis === null) return NO_SEVERITIES;
  // Stage markers select this on every store change (playhead, drags): built once per result.
  const known = severitiesByAnalysis.get(analysis);
  if (known !== undefined) return known;
  const worst = new Map<string, number>();
  for (const finding of analysis.findings) {
    if (finding.sourceId === undefined) continue;
    worst.set(finding.sourceId, Math.max(worst.get(finding.sourceId) ?? Number.NEGATIVE_INFINITY, finding.severityDb));
  }
  severitiesByAnalysis.set(analysis, worst);
  return worst;
}

const NO_SEVERITIES: ReadonlyMap<string, number> = new Map();
const severitiesByAnalysis = new WeakMap<MonoAnalysis, ReadonlyMap<string, number>>();

export function createMonoCheckSlice(set: SetStudioState, get: GetStudioState, context: StudioContext, reloader: EngineReloader): MonoCheckSlice {
  /** The run in progress: its abort controller (the latest run wins, earlier ones are ignored when they settle). */
  let running: AbortController | null = null;
  const setMonoCheck = (patch: Partial<MonoCheckState>): void => set({ monoCheck: { ...get().monoCheck, ...patch } });
  /** Ends a band solo that one of the result's findings set, so it does not outlive the result. */
  const endFindingBandSolo = (): void => {
    const { analysis } = get().monoCheck;
    if (analysis !== null && analysis.findings.some((_, index) => isFindingBandSoloed(get(), index))) get().soloMonitorBand(null);
  };
  const stopRunning = (): void => {
    running?.abort();
    running = null;
  };

  return {
    monoCheck: IDLE_MONO_CHECK,
    async runMonoCheck(requested) {
      stopRunning();
      endFindingBandSolo();
      const format = requested ?? defaultMonoCheckFormat(get());
      const abort = new AbortController();
      running = abort;
      set({ monoCheck: { ...IDLE_MONO_CHECK, status: 'running', format } });
      const current = (): boolean => running === abort;
      try {
        const { engine } = context;
        if (engine === null) throw new Error('the mono check needs the audio engine, which this browser session does not have');
        // Stems still loading (sources just added) must be in the engine first.
        await reloader.idle();
        if (!current()) return;
        const basis = { scene: get().scene, stemFilesVersion: get().stemFilesVersion };
        const analysis = await engine.analyzeMono({
          format,
          scene: basis.scene,
          signal: abort.signal,
          onProgress: (fraction) => {
            if (current() && Number.isFinite(fraction)) setMonoCheck({ progress: Math.min(1, Math.max(0, fraction)) });
          },
        });
        if (!current()) return;
        running = null;
        set({ monoCheck: { ...IDLE_MONO_CHECK, status: 'done', progress: 1, format, analysis, basis } });
      } catch (error) {
        if (!current()) return;
        running = null;
        const message = error instanceof Error ? error.message : String(error);
        set({ monoCheck: { ...IDLE_MONO_CHECK, status: 'failed', format, error: `The mono check failed: ${message}` } });
      }
    },
    prepareMonoCheck() {
      context.engine?.prepareMonoAnalysis();
    },
    cancelMonoCheck() {
      if (running === null) return;
      stopRunning();
      set({ monoCheck: IDLE_MONO_CHECK });
    },
    clearMonoCheck() {
      stopRunning();
      endFindingBandSolo();
      set({ monoCheck: IDLE_MONO_CHECK });
    },
    selectMonoFinding(index, options = {}) {
      const { analysis } = get().monoCheck;
      const finding = analysis?.findings[index];
      if (analysis === null || finding === undefined) return;
      setMonoCheck({ selectedFinding: index });
      const state = get();
      if (finding.sourceId !== undefined) state.selectSource(finding.sourceId);
      state.seek(finding.worstTimeSec);
      if (options.soloBand === true) {
        const band = findingSoloBand(analysis, index);
        if (band !== null) state.soloMonitorBand(band);
      }
      if (options.play === true) state.play();
    },
    toggleFindingBandSolo(index) {
      if (isFindingBandSoloed(get(), index)) {
        setMonoCheck({ selectedFinding: index });
        get().soloMonitorBand(null);
      } else {
        get().selectMonoFinding(index, { soloBand: true });
      }
    },
  };
}
