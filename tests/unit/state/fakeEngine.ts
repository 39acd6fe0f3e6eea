import type {
  AudioEngine,
  DeliveryCheckOptions,
  DeliveryCheckResult,
  EngineStatus,
  ExportOptions,
  ExportRequest,
  LiveGoniometer,
  LiveMeters,
  MeterFrame,
  MeterSettings,
  MonitorSolo,
  MonitorSettings,
  MonoAnalysisOptions,
  PlayheadFrame,
  PreparedStemFile,
  SceneLoadReport,
  SourceParamsUpdate,
  StemFiles,
} from '../../../src/engine/audioEngine';
import type { MidSideSettings } from '../../../src/core/scene/midSideSettings';
import type { MonoAnalysis } from '../../../src/core/monoAnalysis/monoAnalysisTypes';
import type { HeadOrientation } from '../../../src/core/orientation';
import { SCENE_FORMAT_VERSION } from '../../../src/core/scene/scene';
import type { Scene, SceneSource } from '../../../src/core/scene/scene';

/** One call the store made on the engine. */
export type EngineCall =
  | { readonly method: 'updateSource'; readonly sourceId: string; readonly params: SourceParamsUpdate }
  | { readonly method: 'setListener'; readonly orientation: HeadOrientation }
  | { readonly method: 'setMonitorHead'; readonly orientation: HeadOrientation }
  | { readonly method: 'setMasterMidSide'; readonly settings: MidSideSettings }
  | { readonly method: 'setMonitor'; readonly settings: MonitorSettings }
  | { readonly method: 'setMonitorSolo'; readonly solo: MonitorSolo }
  | { readonly method: 'setSpeakerSolo'; readonly label: string | null }

  | { readonly method: 'setMeterSettings'; readonly settings: MeterSettings }
  | { readonly method: 'resetLoudness' }
  | { readonly method: 'setLoop'; readonly region: { readonly startSec: number; readonly endSec: number } | null }
  | { readonly method: 'play' | 'pause' | 'stop' | 'start' | 'prepareMonoAnalysis' }
  | { readonly method: 'seek'; readonly positionSec: number }
  | { readonly method: 'addSources'; readonly sourceIds: readonly string[] }
  | { readonly method: 'prepareStemFile'; readonly fileName: string }
  | { readonly method: 'removeSource'; readonly sourceId: string };

/** One engine.exportMix call, as given. */
export interface EngineExport {
  /** The scene the store asked to export (its own, as edited). */
  readonly scene: Scene;
  readonly request: ExportRequest;
  readonly options: ExportOptions | undefined;
}

/** One engine.loadScene call: the scene and a copy of the stem files it was given. */
export interface EngineLoad {
  readonly scene: Scene;
  readonly stemFiles: ReadonlyMap<string, Blob>;
}

/**
 * An AudioEngine that records calls and lets a test emit playhead, meter and status frames.
 * loadScene records the load in `loads` and answers with `loadReport` (default: everything
 * loaded as mono, nothing missing or failed, 0 s); addSources records a call and answers
 * with loadReport of the added sources.
 * exportMix records the call in `exports` and writes no files.
 */
export interface FakeEngine extends AudioEngine {
  readonly calls: EngineCall[];
  readonly loads: EngineLoad[];
  readonly exports: EngineExport[];
  /** Every exportAdmMaster call, as given (it answers an empty file). */
  readonly admExports: { readonly scene: Scene; readonly baseName: string; readonly options: ExportOptions | undefined }[];
  loadReport: (scene: Scene, stemFiles: StemFiles) => Promise<SceneLoadReport>;
  /** What prepareStemFile answers (default: a mono stem). */
  stemFileCheck: (file: Blob, fileName: string) => Promise<PreparedStemFile>;
  /** What analyzeMono answers (default: rejects, the fake does not analyse); every call's options are kept in monoAnalyses. */
  monoAnalysis: (options: MonoAnalysisOptions) => Promise<MonoAnalysis>;
  readonly monoAnalyses: MonoAnalysisOptions[];
  /** What checkDelivery answers (default: rejects, the fake does not render); every call's options are kept in deliveryChecks. */
  deliveryCheck: (options: DeliveryCheckOptions) => Promise<DeliveryCheckResult>;
  readonly deliveryChecks: DeliveryCheckOptions[];
  /** What readMeters and readGoniometer return (default null: no audio yet). */
  liveMeters: LiveMeters | null;
  liveGoniometer: LiveGoniometer | null;
  /** What setMonitor answers (default false: heard at once, no reload). */
  monitorNeedsReload: boolean;
  /** What outputChannelCount answers (default 2; null: no AudioContext yet). */
  deviceChannels: number | null;
  /** Every speakerGains question (a query, so not among `calls`). */
  readonly speakerGainsAsked: {
    readonly outputId: string;
    readonly direction: { readonly x: number; readonly y: number; readonly z: number };
    readonly values: { readonly width: number; readonly height: number; readonly depth: number; readonly diffuse: number };
  }[];
  /** What speakerGains answers (default null). */
  speakerGainsResult: readonly number[] | null;
  emitPlayhead(frame: PlayheadFrame): void;
  emitMeters(frame: MeterFrame): void;
  emitStatus(status: EngineStatus, message?: string): void;
}

export function createFakeEngine(initialStatus: EngineStatus = 'needs-gesture'): FakeEngine {
  const calls: EngineCall[] = [];
  const playhead = new Set<(frame: PlayheadFrame) => void>();
  const meters = new Set<(frame: MeterFrame) => void>();
  const statuses = new Set<(status: EngineStatus, message?: string) => void>();
  const subscribe = <T>(set: Set<T>, listener: T): (() => void) => {
    set.add(listener);
    return () => set.delete(listener);
  };
  const engine: FakeEngine = {
    status: initialStatus,
    calls,
    loads: [],
    exports: [],
    admExports: [],
    loadReport: async (scene) => ({
      missing: [],
      failed: [],
      stemChannels: Object.fromEntries(scene.sources.map((s) => [s.id, 1])),
      lengthSec: 0,
    }),
    async start() {
      calls.push({ method: 'start' });
      engine.emitStatus('ready');
    },
    async loadScene(scene, stemFiles) {
      engine.loads.push({ scene, stemFiles: new Map(stemFiles) });
      return engine.loadReport(scene, stemFiles);
    },
    async addSources(sources, stemFiles) {
      calls.push({ method: 'addSources', sourceIds: sources.map((s) => s.id) });
      return engine.loadReport({ version: SCENE_FORMAT_VERSION, sampleRateHz: 48000, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources: [...sources] }, stemFiles);
    },
    stemFileCheck: async () => ({ channelCount: 1, warnings: [] }),
    prepareStemFile(file, fileName) {
      calls.push({ method: 'prepareStemFile', fileName });
      return engine.stemFileCheck(file, fileName);
    },
    removeSource: (sourceId) => calls.push({ method: 'removeSource', sourceId }),
    async exportMix(scene, request, options) {
      engine.exports.push({ scene, request, options });
      return [];
    },
    async exportAdmMaster(scene, baseName, options) {
      engine.admExports.push({ scene, baseName, options });
      return { outputId: 'adm', fileName: `${baseName}.adm.wav`, bytes: new Uint8Array(0), channelCount: 0, peakDbfs: Number.NEGATIVE_INFINITY, clips: false };
    },
    async importAdmMaster() {
      throw new Error('the fake engine does not import masters');
    },
    isAdmMaster: async () => false,
    monoAnalysis: async () => {
      throw new Error('the fake engine does not analyse');
    },
    monoAnalyses: [],
    deliveryCheck: async () => {
      throw new Error('the fake engine does not check deliveries');
    },
    deliveryChecks: [],
    checkDelivery(options) {
      engine.deliveryChecks.push(options);
      return engine.deliveryCheck(options);
    },
    analyzeMono(options) {
      engine.monoAnalyses.push(options);
      return engine.monoAnalysis(options);
    },
    prepareMonoAnalysis: () => calls.push({ method: 'prepareMonoAnalysis' }),
    play: () => calls.push({ method: 'play' }),
    pause: () => calls.push({ method: 'pause' }),
    stop: () => calls.push({ method: 'stop' }),
    seek: (positionSec) => calls.push({ method: 'seek', positionSec }),
    setLoop: (region) => calls.push({ method: 'setLoop', region }),
    updateSource: (sourceId, params) => calls.push({ method: 'updateSource', sourceId, params }),
    setListener: (orientation) => calls.push({ method: 'setListener', orientation }),
    setMonitorHead: (orientation) => calls.push({ method: 'setMonitorHead', orientation }),
    setMasterMidSide: (settings) => calls.push({ method: 'setMasterMidSide', settings }),
    setMonitor(settings) {
      calls.push({ method: 'setMonitor', settings });
      return engine.monitorNeedsReload;
    },
    monitorNeedsReload: false,
    deviceChannels: 2,
    outputChannelCount: () => engine.deviceChannels,
    setSpeakerSolo: (label) => calls.push({ method: 'setSpeakerSolo', label }),
    speakerGainsAsked: [],
    speakerGains(outputId, direction, values) {
      const { width, height, depth, diffuse } = values;
      engine.speakerGainsAsked.push({ outputId, direction: { x: direction.x, y: direction.y, z: direction.z }, values: { width, height, depth, diffuse } });
      return engine.speakerGainsResult;
    },
    speakerGainsResult: null,
    setMonitorSolo: (solo) => calls.push({ method: 'setMonitorSolo', solo }),
    setMeterSettings: (settings) => calls.push({ method: 'setMeterSettings', settings }),
    resetLoudness: () => calls.push({ method: 'resetLoudness' }),
    liveMeters: null,
    liveGoniometer: null,
    readMeters: () => engine.liveMeters,
    readGoniometer: () => engine.liveGoniometer,
    onPlayhead: (listener) => subscribe(playhead, listener),
    onMeters: (listener) => subscribe(meters, listener),
    onStatus: (listener) => subscribe(statuses, listener),
    async dispose() {},
    emitPlayhead: (frame) => playhead.forEach((l) => l(frame)),
    emitMeters: (frame) => meters.forEach((l) => l(frame)),
    emitStatus(status, message) {
      (engine as { status: EngineStatus }).status = status;
      statuses.forEach((l) => l(status, message));
    },
  };
  return engine;
}

export function testSource(id: string, patch: Partial<SceneSource> = {}): SceneSource {
  return {
    id,
    name: id.toUpperCase(),
    stem: { kind: 'generator', generator: id },
    gainDb: 0,
    mute: false,
    solo: false,
    position: { azimuthDeg: 30, elevationDeg: 0, distanceM: 2 },
    spreadDeg: 60,
    color: '#336699',
    ...patch,
  };
}

/** Three sources: a at +30, b at -30, c at 180 (all 2 m, ear height). */
export function testScene(): Scene {
  return {
    version: SCENE_FORMAT_VERSION,
    sampleRateHz: 48000,
    listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    sources: [
      testSource('a'),
      testSource('b', { position: { azimuthDeg: -30, elevationDeg: 0, distanceM: 2 } }),
      testSource('c', { position: { azimuthDeg: 180, elevationDeg: 10, distanceM: 3 } }),
    ],
  };
}
