/// <reference types="vite/client" />
import { DEFAULT_MONO_LAW } from '../core/monoLaw';
import type { HeadOrientation } from '../core/orientation';
import { sceneStrips } from '../core/scene/scene';
import type { Scene, SceneSource } from '../core/scene/scene';
import { sceneWithoutSolos } from '../core/scene/sceneSolos';
import type { MidSideSettings } from '../core/scene/midSideSettings';
import type { OutputDefinition } from '../core/outputs/outputDefinition';
import type { OutputFile } from '../core/outputs/renderedOutput';
import { SHIPPED_HRTF_SET, isStudioOutputId, studioOutputs } from '../core/outputs/studioOutputs';
import { monitorOutput } from '../core/outputs/monitorOutputs';
import { speakerGainsOf } from '../render/buses/outputGains';
import { MAX_SPEAKER_METERS } from '../render/realtime/meterLayout';
import type { StudioOutputSettings } from '../core/outputs/studioOutputs';
import type { MonoAnalysis } from '../core/monoAnalysis/monoAnalysisTypes';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { encodeOutputFiles } from '../io/outputFiles';
import { isAdmBwfChunks, riffChunkIds } from '../io/riffChunkIds';
import { renderLengthFrames } from '../render/outputPlan';
import { METER_LAYOUT, meterSlots } from '../render/realtime/meterLayout';
import { createLiveMeterReader } from '../render/realtime/liveMeterReader';
import type { LiveMeterReader } from '../render/realtime/liveMeterReader';
import { checkIntegrationSec } from '../render/realtime/monitorMeters';
import { checkMonitorSoloBand } from '../core/monitorSoloBand';
import type { HostMessage } from '../render/realtime/protocol';
import hrtfUrl from '../../hrtf/mit-kemar-normal-pinna.hrtf?url';
import type {
  AudioEngine,
  DeliveryCheckOptions,
  DeliveryCheckResult,
  EngineStatus,
  ExportOptions,
  ExportRequest,
  ImportedMaster,
  MeterFrame,
  MeterSettings,
  MonitorSettings,
  MonitorSolo,
  MonoAnalysisOptions,
  PlayheadFrame,
  PreparedStemFile,
  SceneLoadReport,
  SourceParamsUpdate,
  StemFiles,
} from './audioEngine';
import { createAnalysisClient, stemsInSceneOrder } from './analysisClient';
import { addEngineSource, createEngineSources, meterSlotCount, removeEngineSource, resetEngineSources } from './engineSources';
import { renderSceneOffline } from './offlineRender';
import { createPreparationClient } from './preparationClient';
import { createDeliveryClient } from './deliveryClient';
import { createRendererNode } from './rendererNode';
import { masterBaseName } from './admMasterWork';
import { rendererScene } from './rendererScene';
import { unanalysedStrips } from './unanalysedStrips';
import { loadStems, prepareStemFile } from './stemLoader';
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
  const delivery = createDeliveryClient();
  const stemCache: StemCache = new Map();
  const grids = new Map<number, Promise<HrtfGrid>>();
  const statusListeners = new Set<(status: EngineStatus, message?: string) => void>();
  const playheadListeners = new Set<(frame: PlayheadFrame) => void>();
  const meterListeners = new Set<(frame: MeterFrame) => void>();

  let status: EngineStatus = 'needs-gesture';
  let context: AudioContext | null = null;
  let node: AudioWorkletNode | null = null;
  /** The session's sample rate: the last loaded scene's. */
  let sampleRateHz = 48000;
  /** The sources' stems and meter slots; the scene itself is the store's. */
  const sources = createEngineSources();
  /** Sources whose stems are loading for addSources, not removed meanwhile. */
  const pendingAdds = new Set<string>();
  /** Whether the worklet has a renderer of the sources (a 'load' was posted to this node). */
  let workletLoaded = false;
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
  /** Posts a message about the sources, which only a worklet holding them can take. */
  const postToRenderer = (message: HostMessage): void => {
    if (workletLoaded) post(message);
  };
  const sampleRate = (): number => sampleRateHz;
  const outputSettings = (): StudioOutputSettings => ({ monoLaw: monitor.monoLaw, hrtfSet: SHIPPED_HRTF_SET });
  const monitored = (): OutputDefinition => monitorOutput(monitor.outputId, monitor.monoLaw, monitor.room?.layout ?? null, monitor.downmixLevels);
  /**
   * Binaural and stereo always run live, so the monitor switches between them (and mono, a
   * downmix of stereo) without a restart; a layout, its headphone rendering (with the
   * layout, whose channels the loudspeaker meters read) or its downmix is added while monitored.
   */
  const liveOutputs = (): OutputDefinition[] => {
    const outputs = studioOutputs(['binaural', 'stereo'], outputSettings());
    if (isStudioOutputId(monitor.outputId)) return outputs;
    const output = monitored();
    return [...outputs, ...(output.kind === 'layoutBinaural' ? [output.from, output] : [output])];
  };
  const postMonitor = (): void => post({ type: 'monitor', output: monitored(), monoLaw: monitor.monoLaw });
  /** The device's channels the node writes: a layout plays one loudspeaker per channel in WAVE order. */
  const deviceChannels = (): number => (context === null ? 2 : Math.max(2, Math.min(MAX_SPEAKER_METERS, context.destination.maxChannelCount)));
  let speakerSolo: string | null = null;

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

  /** Builds the worklet's renderer from `scene` and the loaded stems, keeping the playhead and transport. */
  const sendLoad = async (scene: Scene): Promise<void> => {
    if (node === null || meterBuffer === null) return;
    const grid = await gridFor(scene.sampleRateHz);
    const positionFrame = meters?.[METER_LAYOUT.playheadFrame] ?? 0;
    const wasPlaying = meters?.[METER_LAYOUT.playing] === 1;
    const rendered = rendererScene(scene, sources.stems);
    const meterSlotsOf = sceneStrips(rendered.scene).map((strip) => sources.slots.get(strip.id)!);
    post({ type: 'load', scene: rendered.scene, stems: rendered.stems, meterSlots: meterSlotsOf, grid, meters: meterBuffer, outputs: liveOutputs(), wire: 'monitor', startPlaying: false, deviceChannels: deviceChannels() });
    workletLoaded = true;
    postMonitor();
    post({ type: 'speakerSolo', label: speakerSolo });
    post({ type: 'monitorSolo', midSide: monitorSolo.midSide, band: monitorSolo.band });
    post({ type: 'monitorHead', orientation: monitorHead });
    post({ type: 'meterSettings', integrationSec: meterSettings.integrationSec });
    if (loop !== null) post(loopMessage(loop, scene.sampleRateHz));
    post({ type: 'seek', frame: positionFrame });
    if (wasPlaying) post({ type: 'play' });
  };

  /** Makes the meter area hold the sources' slots; a larger one replaces it (and reaches the worklet). */
  const ensureMeters = (): void => {
    const slots = meterSlotCount(sources);
    const bytes = meterSlots(slots) * Float64Array.BYTES_PER_ELEMENT;
    if (meterBuffer !== null && meterBuffer.byteLength >= bytes) return;
    const previous = meters;
    // Room for twice as many sources, so adding them one by one rarely replaces the area.
    meterBuffer = new SharedArrayBuffer(meterSlots(Math.max(16, 2 * slots)) * Float64Array.BYTES_PER_ELEMENT);
    meters = new Float64Array(meterBuffer);
    if (previous !== null) {
      meters[METER_LAYOUT.playheadFrame] = previous[METER_LAYOUT.playheadFrame]!;
      meters[METER_LAYOUT.playing] = previous[METER_LAYOUT.playing]!;
    }
    postToRenderer({ type: 'meterArea', meters: meterBuffer });
  };

  /** A full render's length of every loaded source: the longest stem plus the binaural tail. */
  const lengthSec = (grid: HrtfGrid): number => {
    const lengthFrames = renderLengthFrames([...sources.stems.values()], liveOutputs(), grid);
    return lengthFrames / sampleRateHz;
  };

  const poll = (): void => {
    animationFrame = requestAnimationFrame(poll);
    if (meters === null) return;
    const sequence = meters[METER_LAYOUT.sequence]!;
    if (sequence === lastSequence) return;
    lastSequence = sequence;
    const playhead: PlayheadFrame = {
      positionSec: meters[METER_LAYOUT.playheadFrame]! / sampleRateHz,
      playing: meters[METER_LAYOUT.playing] === 1,
    };
    for (const notify of playheadListeners) notify(playhead);
    if (meterListeners.size === 0) return;
    const sourcePeak = new Map<string, number>();
    for (const [id, slot] of sources.slots) sourcePeak.set(id, meters[METER_LAYOUT.sourcePeak + slot] ?? 0);
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
        node = await createRendererNode(context, deviceChannels());
        node.port.onmessage = (event: MessageEvent<{ type: string; message?: string }>) => {
          if (event.data.type === 'error') setStatus('failed', event.data.message);
        };
        node.onprocessorerror = () => setStatus('failed', 'the audio renderer stopped with an error');
        // The new node has no renderer yet: the store loads the scene when the engine is ready.
        workletLoaded = false;
        await context.resume();
        cancelAnimationFrame(animationFrame);
        animationFrame = requestAnimationFrame(poll);
        setStatus('ready');
      } catch (error) {
        setStatus('failed', error instanceof Error ? error.message : String(error));
      }
    },
    async loadScene(scene: Scene, stemFiles: StemFiles): Promise<SceneLoadReport> {
      if (context !== null && scene.sampleRateHz !== context.sampleRate) {
        throw new Error(`the session runs at ${context.sampleRate} Hz; reload the page to open a ${scene.sampleRateHz} Hz scene`);
      }
      const loaded = await loadStems(scene, stemFiles, stemCache, preparation);
      const grid = await gridFor(scene.sampleRateHz);
      sampleRateHz = scene.sampleRateHz;
      pendingAdds.clear();
      const multichannel = [...(scene.beds ?? []), ...(scene.ambisonics ?? [])];
      const multichannelStems = [...loaded.bedStems, ...loaded.ambisonicStems];
      const loadedMultichannel = multichannel.flatMap((strip, j) => {
        const stem = multichannelStems[j];
        return stem === null || stem === undefined ? [] : [[strip.id, stem] as const];
      });
      resetEngineSources(sources, [...scene.sources.map((source, i) => [source.id, loaded.stems[i]!] as const), ...loadedMultichannel]);
      ensureMeters();
      await sendLoad(scene);
      return { ...loaded.report, lengthSec: lengthSec(grid) };
    },
    async addSources(requested: readonly SceneSource[], stemFiles: StemFiles): Promise<SceneLoadReport> {
      // A source the engine has already (a full load took it) is not added twice.
      const added = requested.filter((source) => !sources.stems.has(source.id));
      for (const source of added) pendingAdds.add(source.id);
      const loaded = await loadStems({ sampleRateHz, sources: added }, stemFiles, stemCache, preparation);
      const grid = await gridFor(sampleRateHz);
      added.forEach((source, i) => {
        // Removed while its stem loaded: never added.
        if (!pendingAdds.delete(source.id)) return;
        const stem = loaded.stems[i]!;
        const meterSlot = addEngineSource(sources, source.id, stem);
        ensureMeters();
        postToRenderer({ type: 'addSource', source, stem, meterSlot });
      });
      return { ...loaded.report, lengthSec: lengthSec(grid) };
    },
    async prepareStemFile(file: Blob, fileName: string): Promise<PreparedStemFile> {
      const { channels, channelMask, warnings } = await prepareStemFile(file, fileName, sampleRateHz, stemCache, preparation);
      return {
        channelCount: channels.length,
        ...(channelMask === undefined ? {} : { channelMask }),
        warnings: warnings.map((warning) => `${fileName}: ${warning}`),
      };
    },
    removeSource(sourceId: string) {
      pendingAdds.delete(sourceId);
      if (removeEngineSource(sources, sourceId)) postToRenderer({ type: 'removeSource', sourceId });
    },
    async exportMix(scene: Scene, request: ExportRequest, options?: ExportOptions): Promise<OutputFile[]> {
      const rendered = rendererScene(options?.ignoreSolos === true ? sceneWithoutSolos(scene) : scene, sources.stems);
      const grid = await gridFor(scene.sampleRateHz);
      const studioIds = request.outputIds.filter(isStudioOutputId);
      const monitorIds = [...new Set(request.outputIds.filter((id) => !isStudioOutputId(id)))];
      const outputs = [...studioOutputs(studioIds, outputSettings()), ...monitorIds.map((id) => monitorOutput(id, monitor.monoLaw, monitor.room?.layout ?? null, monitor.downmixLevels))];
      const mix = await renderSceneOffline(rendered.scene, rendered.stems, grid, outputs, options ?? {});
      return encodeOutputFiles(mix, { baseName: request.baseName, sampleFormat: request.sampleFormat });
    },
    async exportAdmMaster(scene: Scene, baseName: string, options?: ExportOptions): Promise<OutputFile> {
      const rendered = rendererScene(options?.ignoreSolos === true ? sceneWithoutSolos(scene) : scene, sources.stems);
      if (options?.signal?.aborted === true) throw new DOMException('the export was cancelled', 'AbortError');
      const master = await preparation.admMaster(rendered.scene, rendered.stems, baseName);
      options?.onProgress?.(1);
      return { outputId: 'adm', fileName: `${baseName}.adm.wav`, bytes: master.bytes, channelCount: master.channelCount, peakDbfs: master.peakDbfs, clips: master.peakDbfs > 0 };
    },
    async importAdmMaster(file: Blob, fileName: string): Promise<ImportedMaster> {
      const imported = await preparation.importAdm(await file.arrayBuffer(), fileName);
      const stemFiles = new Map(imported.stems.map((stem) => [stem.fileName, new File([stem.bytes], stem.fileName, { type: 'audio/wav' })] as const));
      return { name: masterBaseName(fileName), sceneText: imported.sceneText, stemFiles, warnings: imported.warnings };
    },
    async isAdmMaster(file: Blob): Promise<boolean> {
      const ids = await riffChunkIds(file.size, async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()));
      return isAdmBwfChunks(ids);
    },
    async analyzeMono(options: MonoAnalysisOptions): Promise<MonoAnalysis> {
      // What the studio plays: every source, and the beds and HOA stems whose stems the engine holds; the others are named.
      const { scene, stems } = rendererScene(options.scene, sources.stems);
      const grid = await gridFor(scene.sampleRateHz);
      const job = { scene, stems, grid, format: options.format, monoLaw: monitor.monoLaw };
      const result = await analysis.analyze(job, options);
      const unanalysed = unanalysedStrips(options.scene, scene);
      return unanalysed.length === 0 ? result : { ...result, unanalysed };
    },
    async checkDelivery(options: DeliveryCheckOptions): Promise<DeliveryCheckResult> {
      // What exportAdmMaster renders: every source, the beds and HOA stems whose stems are loaded.
      const rendered = rendererScene(options.scene, sources.stems);
      return delivery.check(rendered, options);
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
      if (sources.stems.has(sourceId)) postToRenderer({ type: 'source', sourceId, params: { ...params } });
    },
    setMasterMidSide(settings: MidSideSettings) {
      post({ type: 'master', midSide: settings });
    },
    setListener(orientation: HeadOrientation) {
      post({ type: 'listener', orientation });
    },
    setMonitorHead(orientation: HeadOrientation) {
      const { yawDeg, pitchDeg, rollDeg } = orientation;
      monitorHead = { yawDeg, pitchDeg, rollDeg };
      post({ type: 'monitorHead', orientation: monitorHead });
    },
    setMonitor(settings: MonitorSettings) {
      const running = liveOutputs();
      monitor = {
        outputId: settings.outputId,
        monoLaw: settings.monoLaw,
        ...(settings.room === undefined ? {} : { room: settings.room }),
        ...(settings.downmixLevels === undefined ? {} : { downmixLevels: settings.downmixLevels }),
      };
      const next = liveOutputs();
      // A layout (or another room, or new downmix levels) changes what is rendered: the renderer takes the new outputs between blocks, keeping the rest.
      if (workletLoaded && !sameOutputs(running, next)) post({ type: 'outputs', outputs: next });
      postMonitor();
      return false;
    },
    outputChannelCount() {
      return context === null ? null : deviceChannels();
    },
    setSpeakerSolo(label: string | null) {
      speakerSolo = label;
      post({ type: 'speakerSolo', label });
    },
    speakerGains(outputId, direction, values) {
      const gains = speakerGainsOf(monitorOutput(outputId, monitor.monoLaw, monitor.room?.layout ?? null, monitor.downmixLevels), direction.x, direction.y, direction.z, values);
      return gains === null ? null : Array.from(gains);
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
      delivery.dispose();
      node?.disconnect();
      await context?.close();
      context = null;
      node = null;
    },
  };
}

function loopMessage(region: { startSec: number; endSec: number }, sampleRateHz: number): HostMessage {
  return { type: 'loop', startFrame: Math.round(region.startSec * sampleRateHz), endFrame: Math.round(region.endSec * sampleRateHz) };
}

/** Whether two output lists render the same: the same ids, and a room output of the same room. */
function sameOutputs(a: readonly OutputDefinition[], b: readonly OutputDefinition[]): boolean {
  return a.length === b.length && a.every((output, i) => output.id === b[i]!.id && (output === b[i] || JSON.stringify(output) === JSON.stringify(b[i])));
}
