/// <reference types="vite/client" />
import { DEFAULT_MONO_LAW } from '../core/monoLaw';
import type { HeadOrientation } from '../core/orientation';
import type { Scene, SceneSource } from '../core/scene';
import { sceneWithoutSolos } from '../core/sceneSolos';
import type { MidSideSettings } from '../core/midSideSettings';
import type { OutputFile } from '../core/outputs/renderedOutput';
import { SHIPPED_HRTF_SET, studioOutput, studioOutputs } from '../core/outputs/studioOutputs';
import type { StudioOutputSettings } from '../core/outputs/studioOutputs';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { encodeOutputFiles } from '../io/outputFiles';
import { renderLengthFrames } from '../render/outputPlan';
import { METER_LAYOUT, meterSlots } from '../render/realtime/meterLayout';
import { createLiveMeterReader } from '../render/realtime/liveMeterReader';
import type { LiveMeterReader } from '../render/realtime/liveMeterReader';
import { checkIntegrationSec } from '../render/realtime/monitorMeters';
import { checkMonitorSoloBand } from '../render/realtime/monitorSolo';
import type { HostMessage } from '../render/realtime/protocol';
import hrtfUrl from '../../hrtf/mit-kemar-normal-pinna.hrtf?url';
import type {
  AudioEngine,
  EngineStatus,
  ExportOptions,
  ExportRequest,
  MeterFrame,
  MeterSettings,
  MonitorSettings,
  MonitorSolo,
  MonoAnalysis,
  MonoAnalysisOptions,
  PlayheadFrame,
  SceneLoadReport,
  SourceParamsUpdate,
  StemFiles,
} from './audioEngine';
import { createAnalysisClient, stemsInSceneOrder } from './analysisClient';
import { renderSceneOffline } from './offlineRender';
import { createPreparationClient } from './preparationClient';
import { createRendererNode } from './rendererNode';
import { loadStems } from './stemLoader';
import type { StemCache } from './stemLoader';

/**
 * The AudioEngine on Web Audio: one AudioWorkletNode running the object renderer, fed
 * by the preparation worker. Meters and the playhead come back through a shared memory
 * area that the page polls once per animation frame, so the audio thread never posts
 * messages per block.
 */
export function createWebAudioEngine(): AudioEngine {
  const preparation = createPreparationClient();
  const analysis = createAnalysisClient();
  const stemCache: StemCache = new Map();
  const grids = new Map<number, Promise<HrtfGrid>>();
  const statusListeners = new Set<(status: EngineStatus, message?: string) => void>();
  const playheadListeners = new Set<(frame: PlayheadFrame) => void>();
  const meterListeners = new Set<(frame: MeterFrame) => void>();

  let status: EngineStatus = 'needs-gesture';
  let context: AudioContext | null = null;
  let node: AudioWorkletNode | null = null;
  /**
   * The loaded scene with every update since folded in (updateSource, setListener,
   * setMasterMidSide): what is heard, so a reload of the worklet and an export render it.
   */
  let scene: Scene | null = null;
  let stems: Float32Array[][] = [];
  let meterBuffer: SharedArrayBuffer | null = null;
  let meters: Float64Array | null = null;
  let lastSequence = -1;
  let monitor: MonitorSettings = { outputId: 'binaural', monoLaw: DEFAULT_MONO_LAW };
  let monitorSolo: MonitorSolo = { midSide: 'stereo', band: null };
  let monitorHead: HeadOrientation = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
  let meterSettings: MeterSettings = { integrationSec: 0.3 };
  /** Reads the studio meters from meterBuffer (rebuilt when the buffer is replaced). */
  let meterReader: { buffer: SharedArrayBuffer; reader: LiveMeterReader } | null = null;
  let loop: { startSec: number; endSec: number } | null = null;
  let animationFrame = 0;

  const setStatus = (next: EngineStatus, message?: string): void => {
    status = next;
    for (const notify of statusListeners) notify(next, message);
  };
  const post = (message: HostMessage): void => node?.port.postMessage(message);
  const sampleRate = (): number => scene?.sampleRateHz ?? 48000;
  const outputSettings = (): StudioOutputSettings => ({ monoLaw: monitor.monoLaw, hrtfSet: SHIPPED_HRTF_SET });
  const postMonitor = (): void => post({ type: 'monitor', output: studioOutput(monitor.outputId, outputSettings()), monoLaw: monitor.monoLaw });

  const gridFor = (rateHz: number): Promise<HrtfGrid> => {
    let grid = grids.get(rateHz);
    if (grid === undefined) {
      grid = fetch(hrtfUrl)
        .then((response) => {
          if (!response.ok) throw new Error(`cannot load the HRTF set (${response.status} ${response.statusText})`);
          return response.arrayBuffer();
        })
        .then((bytes) => preparation.hrtf(bytes, 'mit-kemar-normal-pinna.hrtf', rateHz));
      grids.set(rateHz, grid);
    }
    return grid;
  };

  /** Sends the current scene to the worklet, keeping the playhead and transport. */
  const sendScene = async (): Promise<void> => {
    if (node === null || scene === null || meterBuffer === null) return;
    const grid = await gridFor(scene.sampleRateHz);
    const positionFrame = meters?.[METER_LAYOUT.playheadFrame] ?? 0;
    const wasPlaying = meters?.[METER_LAYOUT.playing] === 1;
    // Binaural and stereo both run, so the monitor switches between them (and mono, a downmix of stereo) without a restart.
    const outputs = studioOutputs(['binaural', 'stereo'], outputSettings());
    post({ type: 'load', scene, stems, grid, meters: meterBuffer, outputs, wire: 'monitor', startPlaying: false });
    postMonitor();
    post({ type: 'monitorSolo', midSide: monitorSolo.midSide, band: monitorSolo.band });
    post({ type: 'monitorHead', orientation: monitorHead });
    post({ type: 'meterSettings', integrationSec: meterSettings.integrationSec });
    if (loop !== null) post(loopMessage(loop, scene.sampleRateHz));
    post({ type: 'seek', frame: positionFrame });
    if (wasPlaying) post({ type: 'play' });
  };

  const ensureMeters = (sourceCount: number): void => {
    const bytes = meterSlots(sourceCount) * Float64Array.BYTES_PER_ELEMENT;
    if (meterBuffer !== null && meterBuffer.byteLength >= bytes) return;
    const previous = meters;
    meterBuffer = new SharedArrayBuffer(bytes);
    meters = new Float64Array(meterBuffer);
    if (previous !== null) {
      meters[METER_LAYOUT.playheadFrame] = previous[METER_LAYOUT.playheadFrame]!;
      meters[METER_LAYOUT.playing] = previous[METER_LAYOUT.playing]!;
    }
  };

  const poll = (): void => {
    animationFrame = requestAnimationFrame(poll);
    if (meters === null || scene === null) return;
    const sequence = meters[METER_LAYOUT.sequence]!;
    if (sequence === lastSequence) return;
    lastSequence = sequence;
    const playhead: PlayheadFrame = {
      positionSec: meters[METER_LAYOUT.playheadFrame]! / scene.sampleRateHz,
      playing: meters[METER_LAYOUT.playing] === 1,
    };
    for (const notify of playheadListeners) notify(playhead);
    if (meterListeners.size === 0) return;
    const sourcePeak = new Map<string, number>();
    scene.sources.forEach((source, index) => sourcePeak.set(source.id, meters![METER_LAYOUT.sourcePeak + index] ?? 0));
    const frame: MeterFrame = {
      outputPeak: [meters[METER_LAYOUT.outputPeak]!, meters[METER_LAYOUT.outputPeak + 1]!],
      sourcePeak,
    };
    for (const notify of meterListeners) notify(frame);
  };

  const liveMeterReader = (): LiveMeterReader | null => {
    if (meterBuffer === null || node === null) return null;
    if (meterReader?.buffer !== meterBuffer) meterReader = { buffer: meterBuffer, reader: createLiveMeterReader(meterBuffer, sampleRate()) };
    return meterReader.reader;
  };

  const indexOf = (sourceId: string): number => scene?.sources.findIndex((s) => s.id === sourceId) ?? -1;

  return {
    get status() {
      return status;
    },
    async start() {
      if (context !== null) {
        await context.resume();
        return;
      }
      if (!crossOriginIsolated) {
        setStatus('failed', 'the page is not cross-origin isolated (COOP/COEP headers), so audio cannot share memory with the audio thread');
        return;
      }
      setStatus('starting');
      try {
        context = new AudioContext({ sampleRate: sampleRate(), latencyHint: 'interactive' });
        node = await createRendererNode(context, 2);
        node.port.onmessage = (event: MessageEvent<{ type: string; message?: string }>) => {
          if (event.data.type === 'error') setStatus('failed', event.data.message);
        };
        node.onprocessorerror = () => setStatus('failed', 'the audio renderer stopped with an error');
        ensureMeters(scene?.sources.length ?? 0);
        await sendScene();
        await context.resume();
        cancelAnimationFrame(animationFrame);
        animationFrame = requestAnimationFrame(poll);
        setStatus('ready');
      } catch (error) {
        setStatus('failed', error instanceof Error ? error.message : String(error));
      }
    },
    async loadScene(next: Scene, stemFiles: StemFiles): Promise<SceneLoadReport> {
      if (context !== null && next.sampleRateHz !== context.sampleRate) {
        throw new Error(`the session runs at ${context.sampleRate} Hz; reload the page to open a ${next.sampleRateHz} Hz scene`);
      }
      const loaded = await loadStems(next, stemFiles, stemCache, preparation);
      const grid = await gridFor(next.sampleRateHz);
      scene = next;
      stems = loaded.stems;
      ensureMeters(next.sources.length);
      await sendScene();
      const lengthFrames = renderLengthFrames(stems, studioOutputs(['binaural', 'stereo'], outputSettings()), grid);
      return { ...loaded.report, lengthSec: lengthFrames / next.sampleRateHz };
    },
    async exportMix(request: ExportRequest, options?: ExportOptions): Promise<OutputFile[]> {
      if (scene === null) throw new Error('no scene is loaded');
      const grid = await gridFor(scene.sampleRateHz);
      const outputs = studioOutputs(request.outputIds, outputSettings());
      const rendered = options?.ignoreSolos === true ? sceneWithoutSolos(scene) : scene;
      const mix = await renderSceneOffline(rendered, stems, grid, outputs, options ?? {});
      return encodeOutputFiles(mix, { baseName: request.baseName, sampleFormat: request.sampleFormat });
    },
    async analyzeMono(options: MonoAnalysisOptions): Promise<MonoAnalysis> {
      if (scene === null) throw new Error('no scene is loaded into the audio engine yet');
      const loaded = scene;
      const loadedStems = stems;
      const edited = options.scene ?? loaded;
      if (edited.sampleRateHz !== loaded.sampleRateHz) {
        throw new Error(`the scene to analyse runs at ${edited.sampleRateHz} Hz but the loaded one at ${loaded.sampleRateHz} Hz; load it first`);
      }
      const grid = await gridFor(loaded.sampleRateHz);
      const job = { scene: edited, stems: stemsInSceneOrder(edited, loaded, loadedStems), grid, format: options.format, monoLaw: monitor.monoLaw };
      return analysis.analyze(job, options);
    },
    prepareMonoAnalysis() {
      analysis.prepare();
    },
    play() {
      post({ type: 'play' });
    },
    pause() {
      post({ type: 'pause' });
    },
    stop() {
      post({ type: 'pause' });
      post({ type: 'seek', frame: loop === null ? 0 : Math.round(loop.startSec * sampleRate()) });
    },
    seek(positionSec: number) {
      post({ type: 'seek', frame: Math.round(Math.max(0, positionSec) * sampleRate()) });
    },
    setLoop(region) {
      loop = region;
      post(region === null ? { type: 'noLoop' } : loopMessage(region, sampleRate()));
    },
    updateSource(sourceId: string, params: SourceParamsUpdate) {
      const index = indexOf(sourceId);
      if (scene === null || index < 0) return;
      scene = { ...scene, sources: scene.sources.map((source, i) => (i === index ? sourceWithParams(source, params) : source)) };
      post({ type: 'source', index, params: { ...params } });
    },
    setMasterMidSide(settings: MidSideSettings) {
      if (scene !== null) scene = { ...scene, master: { ...scene.master, midSide: settings } };
      post({ type: 'master', midSide: settings });
    },
    setListener(orientation: HeadOrientation) {
      if (scene !== null) {
        const { yawDeg, pitchDeg, rollDeg } = orientation;
        scene = { ...scene, listener: { ...scene.listener, yawDeg, pitchDeg, rollDeg } };
      }
      post({ type: 'listener', orientation });
    },
    setMonitorHead(orientation: HeadOrientation) {
      const { yawDeg, pitchDeg, rollDeg } = orientation;
      monitorHead = { yawDeg, pitchDeg, rollDeg };
      post({ type: 'monitorHead', orientation: monitorHead });
    },
    setMonitor(settings: MonitorSettings) {
      monitor = settings;
      postMonitor();
    },
    setMonitorSolo(solo: MonitorSolo) {
      if (!['stereo', 'mid', 'side'].includes(solo.midSide)) throw new RangeError(`monitor solo: midSide must be 'stereo', 'mid' or 'side', got ${String(solo.midSide)}`);
      if (solo.band !== null) checkMonitorSoloBand(solo.band);
      monitorSolo = { midSide: solo.midSide, band: solo.band === null ? null : { lowerHz: solo.band.lowerHz, upperHz: solo.band.upperHz } };
      post({ type: 'monitorSolo', midSide: monitorSolo.midSide, band: monitorSolo.band });
    },
    setMeterSettings(settings: MeterSettings) {
      checkIntegrationSec(settings.integrationSec);
      meterSettings = { integrationSec: settings.integrationSec };
      post({ type: 'meterSettings', integrationSec: settings.integrationSec });
    },
    resetLoudness() {
      post({ type: 'resetLoudness' });
    },
    readMeters() {
      return liveMeterReader()?.read() ?? null;
    },
    readGoniometer() {
      return liveMeterReader()?.goniometer ?? null;
    },
    onPlayhead(notify) {
      playheadListeners.add(notify);
      return () => playheadListeners.delete(notify);
    },
    onMeters(notify) {
      meterListeners.add(notify);
      return () => meterListeners.delete(notify);
    },
    onStatus(notify) {
      statusListeners.add(notify);
      return () => statusListeners.delete(notify);
    },
    async dispose() {
      cancelAnimationFrame(animationFrame);
      preparation.dispose();
      analysis.dispose();
      node?.disconnect();
      await context?.close();
      context = null;
      node = null;
    },
  };
}

/** `source` with the parameters an updateSource sent (absent mid/side: back to the defaults, as the renderer takes it). */
function sourceWithParams(source: SceneSource, params: SourceParamsUpdate): SceneSource {
  const { midSide: _previous, ...rest } = source;
  const { azimuthDeg, elevationDeg, distanceM } = params;
  const next: SceneSource = {
    ...rest,
    gainDb: params.gainDb,
    mute: params.mute,
    solo: params.solo,
    spreadDeg: params.spreadDeg,
    position: { ...source.position, azimuthDeg, elevationDeg, distanceM },
  };
  return params.midSide === undefined ? next : { ...next, midSide: params.midSide };
}

function loopMessage(region: { startSec: number; endSec: number }, sampleRateHz: number): HostMessage {
  return { type: 'loop', startFrame: Math.round(region.startSec * sampleRateHz), endFrame: Math.round(region.endSec * sampleRateHz) };
}

