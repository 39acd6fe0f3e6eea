import { DEFAULT_INTEGRATION } from '../../dsp/meters/stereoMoments';
import { DEFAULT_MONO_LAW, monoLawGain } from '../../core/monoLaw';
import type { HeadOrientation } from '../../core/orientation';
import { sceneStrips } from '../../core/scene/scene';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import {
  createSceneRenderer,
  MAX_BUS_LATENCY_FRAMES,
  renderFrames,
  seekRenderer,
  setListenerOrientation,
  setMasterMidSide,
  addRendererSource,
  removeRendererSource,
  sourcePeaks,
  setMonitorHead,
  setRendererOutputs,
  updateSource,
} from '../sceneRenderer';
import type { RenderTargets, SceneRenderer } from '../sceneRenderer';
import { exportWire } from './exportWire';
import type { WireSlot } from './exportWire';
import {
  attachMonitorMeters,
  checkIntegrationSec,
  createMonitorMeters,
  feedMonitorMeters,
  publishMonitorMeters,
  resetMonitorLoudness,
  setMonitorMeterBallistics,
} from './monitorMeters';
import type { MonitorMeters } from './monitorMeters';
import { MAX_SPEAKER_METERS, METER_LAYOUT, meterSlots } from './meterLayout';
import { createMonitorSoloStage, processMonitorSolo, setMonitorSolo } from './monitorSolo';
import type { MonitorSoloStage } from './monitorSolo';
import { monitorBlock, routeMonitor, wireChannels } from './monitorRoute';
import type { MonitorRoute } from './monitorRoute';
import type { HostMessage } from './protocol';

/**
 * The renderer's real-time host: transport (play, pause, seek, loop), the monitor
 * selection with click-free switching, the monitor solo (mid/side and band, monitorSolo.ts)
 * and metering: source and output peaks, and the studio meters of what is heard
 * (monitorMeters.ts), all published into the shared meter area (meterLayout.ts). The
 * AudioWorklet processor is a thin adapter around it, so all of this runs, and is tested,
 * in Node as well.
 *
 * Live, it renders every output it was loaded with (the studio's: binaural and stereo;
 * stereo costs a few per cent of binaural) so that switching the monitor between them,
 * or to a downmix of one (mono), is a one-block crossfade between two signals that are
 * both running, never a restart (monitorRoute.ts). Pausing fades out over one block and
 * resuming fades in; the renderer keeps its state meanwhile, so playback continues
 * seamlessly. For an offline export it writes every output's channels as exportWire.ts
 * lays them out, with no monitor solo, no monitor head and no studio meters.
 *
 * The monitor head (where the engineer's head points, from head tracking or the yaw
 * control) turns what is heard live on top of the scene rotation; the host keeps it across
 * loads and gives it only to a renderer on the 'monitor' wire, so an export, rendered on
 * the 'export' wire, faces the scene rotation alone.
 *
 * The studio meters measure the monitored output after the solo and the play/pause fades,
 * block by block while playing; while paused they are fed nothing, so their readings hold
 * (a pause is not silence in the programme: it must not pull the integrated loudness down).
 *
 * handleHostMessage may allocate (it runs between blocks); processHost never does.
 */
export interface RealtimeHost {
  renderer: SceneRenderer | null;
  /** The loaded scene's HRTF grid, for outputs added later ('outputs'). */
  hrtf: HrtfGrid | null;
  /** What the node's output carries (see the 'load' message). */
  wire: 'monitor' | 'export';
  /** For an export: where each output goes on the wire. */
  wireSlots: readonly WireSlot[];
  playing: boolean;
  /** Output gain ramp for the next block: 1 steady, or fading in/out. */
  fade: 'none' | 'in' | 'out';
  /** The monitor head (kept across loads), applied only on the 'monitor' wire. */
  monitorHead: HeadOrientation;
  /** The output asked to be monitored (kept across loads), and its route from the rendered outputs. */
  monitorOutput: OutputDefinition | null;
  route: MonitorRoute | null;
  /** The route being faded out, for one block after a switch (or the same route after a speaker solo change). */
  previousRoute: MonitorRoute | null;
  /** Channels of the node's output on the 'monitor' wire. */
  deviceChannels: number;
  /** The monitored loudspeaker heard alone (kept across loads and monitor switches), by label, or null. */
  speakerSoloLabel: string | null;
  /** Its channel in the route's loudspeaker output, or -1; and the previous route's, for the crossfade. */
  soloIndex: number;
  previousSoloIndex: number;
  /** Per monitored loudspeaker channel: peak and sum of squares since the last meter update, and the frames summed. */
  readonly speakerPeak: Float64Array;
  readonly speakerSquares: Float64Array;
  speakerFrames: number;
  /** The mono law's gain for the meters' mono readings. */
  monoGain: number;
  loopStartFrame: number;
  /** Loop end (exclusive); 0 when not looping. */
  loopEndFrame: number;
  readonly sampleRateHz: number;
  meters: Float64Array | null;
  /** The studio meters; null without a shared meter area and for an export. */
  monitorMeters: MonitorMeters | null;
  /** Integration time asked for before the meters existed, applied when they are created. */
  integrationSec: number;
  readonly solo: MonitorSoloStage;
  /** The monitored signal on the device's channels before the play/pause fade (the monitor solo works on the first two). */
  readonly monitored: readonly Float32Array[];
  readonly meterPeriodBlocks: number;
  blocksSinceMeter: number;
  readonly peakOut: Float64Array;
  /** Each source's slot in the meter area, by id. */
  readonly meterSlots: Map<string, number>;
  /** Per rendered output, its block (one array per channel). */
  outputBlocks: readonly (readonly Float32Array[])[];
  /** The renderer's targets: outputBlocks. */
  targets: RenderTargets;
  readonly ramp: Float32Array;
  /**
   * Frames until the outputs added while playing ('outputs') are heard as they should be:
   * a new bus's delay line holds nothing from before it was added, so for the renderer's
   * latency (256 frames) it is silent. A monitor switch waits that long (pendingMonitor).
   */
  warmingFrames: number;
  /** The monitor asked for while the new outputs warm up, switched to once they have. */
  pendingMonitor: OutputDefinition | null;
}

/** Meters update about 30 times a second (12 blocks of 128 frames at 48 kHz). */
const METER_RATE_HZ = 30;

export function createRealtimeHost(sampleRateHz: number): RealtimeHost {
  const block = (): Float32Array => new Float32Array(RENDER_BLOCK_FRAMES);
  const ramp = block();
  for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) ramp[i] = (i + 1) / RENDER_BLOCK_FRAMES;
  return {
    renderer: null,
    hrtf: null,
    wire: 'monitor',
    wireSlots: [],
    playing: false,
    fade: 'none',
    monitorHead: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    monitorOutput: null,
    route: null,
    previousRoute: null,
    deviceChannels: 2,
    speakerSoloLabel: null,
    soloIndex: -1,
    previousSoloIndex: -1,
    speakerPeak: new Float64Array(MAX_SPEAKER_METERS),
    speakerSquares: new Float64Array(MAX_SPEAKER_METERS),
    speakerFrames: 0,
    monoGain: monoLawGain(DEFAULT_MONO_LAW),
    loopStartFrame: 0,
    loopEndFrame: 0,
    sampleRateHz,
    meters: null,
    monitorMeters: null,
    integrationSec: DEFAULT_INTEGRATION.timeSec,
    solo: createMonitorSoloStage(sampleRateHz, RENDER_BLOCK_FRAMES),
    monitored: Array.from({ length: MAX_SPEAKER_METERS }, block),
    meterPeriodBlocks: Math.max(1, Math.floor(sampleRateHz / RENDER_BLOCK_FRAMES / METER_RATE_HZ)),
    blocksSinceMeter: 0,
    peakOut: new Float64Array(2),
    meterSlots: new Map(),
    outputBlocks: [],
    targets: {},
    ramp,
    warmingFrames: 0,
    pendingMonitor: null,
  };
}

export function handleHostMessage(host: RealtimeHost, message: HostMessage): void {
  switch (message.type) {
    case 'load': {
      host.renderer = createSceneRenderer(message.scene, message.stems, {
        outputs: message.outputs,
        hrtf: message.grid,
        meterSources: message.meters !== null,
        // Monitor switching adds a loudspeaker bus while playing: its latency is compensated from the start.
        latencyFloorFrames: MAX_BUS_LATENCY_FRAMES,
      });
      host.hrtf = message.grid;
      host.wire = message.wire;
      setOutputBlocks(host, message.outputs);
      host.route = null;
      host.previousRoute = null;
      host.warmingFrames = 0;
      host.pendingMonitor = null;
      host.deviceChannels = checkDeviceChannels(message.deviceChannels ?? 2);
      if (message.wire === 'monitor') {
        setMonitorHead(host.renderer, host.monitorHead);
        const first = message.outputs[0];
        if (first !== undefined) setRoute(host, keptRoute(host, message.outputs) ?? routeMonitor(first, message.outputs, host.deviceChannels));
        host.previousRoute = null;
      }
      clearSpeakerMeters(host);
      host.meterSlots.clear();
      sceneStrips(message.scene).forEach((strip, i) => host.meterSlots.set(strip.id, message.meterSlots?.[i] ?? i));
      host.meters = message.meters === null ? null : new Float64Array(message.meters);
      checkMeterSlots(host);
      prepareMonitorMeters(host, message.wire === 'export' ? null : message.meters);
      host.playing = message.startPlaying;
      host.fade = 'none';
      publishPlayhead(host);
      publishReadings(host);
      break;
    }
    case 'addSource':
      if (host.renderer === null) throw new Error(`source "${message.source.id}" cannot be added before a scene is loaded`);
      addRendererSource(host.renderer, message.source, message.stem);
      host.meterSlots.set(message.source.id, message.meterSlot);
      checkMeterSlots(host);
      break;
    case 'removeSource':
      if (host.renderer !== null) removeRendererSource(host.renderer, message.sourceId);
      host.meterSlots.delete(message.sourceId);
      break;
    case 'source':
      if (host.renderer !== null) updateSource(host.renderer, message.sourceId, message.params);
      break;
    case 'meterArea':
      host.meters = new Float64Array(message.meters);
      checkMeterSlots(host);
      if (host.monitorMeters !== null) prepareMonitorMeters(host, message.meters);
      break;
    case 'listener':
      if (host.renderer !== null) setListenerOrientation(host.renderer, message.orientation);
      break;
    case 'monitorHead':
      host.monitorHead = message.orientation;
      if (host.renderer !== null && host.wire === 'monitor') setMonitorHead(host.renderer, message.orientation);
      break;
    case 'monitor': {
      const monoGain = monoLawGain(message.monoLaw);
      if (host.warmingFrames > 0) host.pendingMonitor = message.output;
      else switchMonitor(host, message.output);
      host.monitorOutput = message.output;
      if (monoGain !== host.monoGain) {
        host.monoGain = monoGain;
        if (host.monitorMeters !== null) setMonitorMeterBallistics(host.monitorMeters, host.integrationSec, host.monoGain);
      }
      break;
    }
    case 'outputs': {
      if (host.renderer === null) break;
      const before = host.renderer.outputs;
      setRendererOutputs(host.renderer, message.outputs, host.hrtf ?? undefined);
      if (host.playing && message.outputs.some((output) => !before.some((old) => sameOutput(old, output)))) host.warmingFrames = host.renderer.latencyFrames;
      setOutputBlocks(host, message.outputs);
      // The routes read outputs by index: find them again, or drop one whose output is gone (the next 'monitor' cuts to its output).
      host.route = host.route === null ? null : rerouted(host, host.route);
      host.previousRoute = host.previousRoute === null ? null : rerouted(host, host.previousRoute);
      clearSpeakerMeters(host);
      break;
    }
    case 'speakerSolo':
      host.speakerSoloLabel = message.label;
      if (host.route !== null) setRoute(host, host.route);
      break;
    case 'play':
      if (!host.playing && host.renderer !== null) {
        if (host.renderer.playheadFrame >= host.renderer.lengthFrames) seekRenderer(host.renderer, 0);
        host.playing = true;
        host.fade = 'in';
      } else if (host.fade === 'out') {
        host.fade = 'none';
      }
      break;
    case 'pause':
      if (host.playing) host.fade = 'out';
      break;
    case 'seek':
      if (host.renderer !== null) {
        seekRenderer(host.renderer, Math.max(0, Math.floor(message.frame)));
        // A seek starts every bus afresh: the new outputs are heard at once.
        host.warmingFrames = 0;
        switchToPendingMonitor(host);
        if (host.playing) host.fade = 'in';
        publishPlayhead(host);
      }
      break;
    case 'loop':
      host.loopStartFrame = Math.max(0, Math.floor(message.startFrame));
      host.loopEndFrame = Math.max(host.loopStartFrame + RENDER_BLOCK_FRAMES, Math.floor(message.endFrame));
      break;
    case 'noLoop':
      host.loopEndFrame = 0;
      break;
    case 'monitorSolo':
      setMonitorSolo(host.solo, message.midSide, message.band);
      break;
    case 'meterSettings':
      checkIntegrationSec(message.integrationSec);
      host.integrationSec = message.integrationSec;
      if (host.monitorMeters !== null) {
        setMonitorMeterBallistics(host.monitorMeters, host.integrationSec, host.monoGain);
        publishReadings(host);
      }
      break;
    case 'resetLoudness':
      if (host.monitorMeters !== null) {
        resetMonitorLoudness(host.monitorMeters);
        publishReadings(host);
      }
      break;
    case 'master':
      if (host.renderer !== null) setMasterMidSide(host.renderer, message.midSide);
      break;
  }
}

/**
 * Fills `outputs` with the next RENDER_BLOCK_FRAMES frames: the monitored output on two
 * channels live, every output's channels for an export (exportWire.ts). Allocation-free.
 */
export function processHost(host: RealtimeHost, outputs: readonly Float32Array[]): void {
  const renderer = host.renderer;
  if (renderer === null || !host.playing) {
    for (const output of outputs) output.fill(0);
    return;
  }
  if (host.warmingFrames === 0) switchToPendingMonitor(host);
  renderBlockFrames(host, renderer);
  host.warmingFrames = Math.max(0, host.warmingFrames - RENDER_BLOCK_FRAMES);
  if (host.wire === 'export') {
    writeWire(host, outputs);
  } else {
    feedSpeakerMeters(host);
    writeMonitor(host, outputs);
  }
  if (renderer.playheadFrame >= renderer.lengthFrames && host.loopEndFrame === 0) host.playing = false;
  updateMeters(host, outputs);
}

function writeWire(host: RealtimeHost, outputs: readonly Float32Array[]): void {
  for (let k = 0; k < host.wireSlots.length; k++) {
    const offset = host.wireSlots[k]!.offset;
    const block = host.outputBlocks[k]!;
    for (let c = 0; c < block.length; c++) outputs[offset + c]?.set(block[c]!);
  }
}

/** Renders the block's frames, wrapping at the loop end (sample-accurate). */
function renderBlockFrames(host: RealtimeHost, renderer: SceneRenderer): void {
  let at = 0;
  while (at < RENDER_BLOCK_FRAMES) {
    let frames = RENDER_BLOCK_FRAMES - at;
    if (host.loopEndFrame > 0 && renderer.playheadFrame < host.loopEndFrame) {
      frames = Math.min(frames, host.loopEndFrame - renderer.playheadFrame);
    }
    renderFrames(renderer, host.targets, frames, at);
    at += frames;
    if (host.loopEndFrame > 0 && renderer.playheadFrame >= host.loopEndFrame) {
      seekRenderer(renderer, host.loopStartFrame);
    }
  }
}

/**
 * Monitor selection (crossfaded over one block after a switch or a speaker solo change),
 * then the monitor solo (mid/side and band, on a two-channel monitor), then the play/pause
 * fade, onto the device's channels.
 */
function writeMonitor(host: RealtimeHost, outputs: readonly Float32Array[]): void {
  const route = host.route;
  if (route === null || outputs.length === 0) return;
  const ramp = host.ramp;
  const monitored = host.monitored;
  const current = monitorBlock(route, host.outputBlocks, host.soloIndex);
  const currentCount = wireChannels(route);
  for (let k = 0; k < currentCount; k++) monitored[k]!.set(current[k]!);
  let used = currentCount;
  if (host.previousRoute !== null) {
    const previousCount = wireChannels(host.previousRoute);
    for (let k = currentCount; k < previousCount; k++) monitored[k]!.fill(0);
    used = Math.max(used, previousCount);
    const previous = monitorBlock(host.previousRoute, host.outputBlocks, host.previousSoloIndex);
    for (let k = 0; k < used; k++) {
      const out = monitored[k]!;
      const before = k < previousCount ? previous[k]! : null;
      for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) {
        const w = ramp[i]!;
        out[i] = w * out[i]! + (before === null ? 0 : (1 - w) * before[i]!);
      }
    }
  }
  if (used === 2) processMonitorSolo(host.solo, monitored[0]!, monitored[1]!, RENDER_BLOCK_FRAMES);
  for (let k = 0; k < outputs.length; k++) {
    const out = outputs[k]!;
    if (k >= used) {
      out.fill(0);
      continue;
    }
    const signal = monitored[k]!;
    for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) {
      const gain = host.fade === 'in' ? ramp[i]! : host.fade === 'out' ? 1 - ramp[i]! : 1;
      out[i] = signal[i]! * gain;
    }
  }
  host.previousRoute = null;
  if (host.fade === 'out') host.playing = false;
  host.fade = 'none';
}

/** The blocks the renderer renders `outputs` into, and the export wire's layout of them. */
function setOutputBlocks(host: RealtimeHost, outputs: readonly OutputDefinition[]): void {
  host.wireSlots = exportWire(outputs);
  host.outputBlocks = outputs.map((output) => output.channels.map(() => new Float32Array(RENDER_BLOCK_FRAMES)));
  host.targets = { outputs: host.outputBlocks };
}

/** `route`'s output routed from the renderer's outputs as they are now, or null when they no longer make it. */
function rerouted(host: RealtimeHost, route: MonitorRoute): MonitorRoute | null {
  try {
    return routeMonitor(route.output, host.renderer?.outputs ?? [], host.deviceChannels);
  } catch {
    return null;
  }
}

/** Makes `next` the route (the current one fades out over the next block) and finds the speaker solo's channel in it. */
/** Monitors `output` (crossfaded by setRoute) unless it is monitored already. */
function switchMonitor(host: RealtimeHost, output: OutputDefinition): void {
  if (host.renderer === null || host.wire !== 'monitor' || sameOutput(host.route?.output, output)) return;
  setRoute(host, routeMonitor(output, host.renderer.outputs, host.deviceChannels));
  clearSpeakerMeters(host);
}

function switchToPendingMonitor(host: RealtimeHost): void {
  if (host.pendingMonitor === null) return;
  const output = host.pendingMonitor;
  host.pendingMonitor = null;
  switchMonitor(host, output);
}

function setRoute(host: RealtimeHost, next: MonitorRoute): void {
  host.previousRoute = host.route;
  host.previousSoloIndex = host.soloIndex;
  host.route = next;
  host.soloIndex = -1;
  const label = host.speakerSoloLabel;
  if (label === null || next.speakerSource < 0) return;
  const speakers = host.renderer?.outputs[next.speakerSource];
  host.soloIndex = speakers?.channels.findIndex((channel) => channel.label === label) ?? -1;
}

/** The route of the output monitored before a load, or null when the new outputs do not make it (the engine then sends the new one). */
function keptRoute(host: RealtimeHost, outputs: readonly OutputDefinition[]): MonitorRoute | null {
  if (host.monitorOutput === null) return null;
  try {
    return routeMonitor(host.monitorOutput, outputs, host.deviceChannels);
  } catch {
    return null;
  }
}

function checkDeviceChannels(channels: number): number {
  if (!(Number.isInteger(channels) && channels >= 1 && channels <= MAX_SPEAKER_METERS)) {
    throw new RangeError(`load: deviceChannels must be an integer from 1 to ${MAX_SPEAKER_METERS}, got ${channels}`);
  }
  return channels;
}

/** Adds this block of the monitored loudspeakers to their meters. Allocation-free. */
function feedSpeakerMeters(host: RealtimeHost): void {
  const source = host.route?.speakerSource ?? -1;
  if (source < 0) return;
  const channels = host.outputBlocks[source]!;
  const count = Math.min(channels.length, MAX_SPEAKER_METERS);
  for (let c = 0; c < count; c++) {
    const channel = channels[c]!;
    let peak = host.speakerPeak[c]!;
    let squares = 0;
    for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) {
      const v = channel[i]!;
      squares += v * v;
      const a = Math.abs(v);
      if (a > peak) peak = a;
    }
    host.speakerPeak[c] = peak;
    host.speakerSquares[c] = host.speakerSquares[c]! + squares;
  }
  host.speakerFrames += RENDER_BLOCK_FRAMES;
}

/** Publishes the loudspeaker meters' period (peak and RMS per channel) and starts the next. */
function publishSpeakerMeters(host: RealtimeHost, meters: Float64Array): void {
  const source = host.route?.speakerSource ?? -1;
  const count = source < 0 ? 0 : Math.min(host.outputBlocks[source]!.length, MAX_SPEAKER_METERS);
  meters[METER_LAYOUT.speakerCount] = count;
  for (let c = 0; c < count; c++) {
    meters[METER_LAYOUT.speakerPeak + c] = host.speakerPeak[c]!;
    meters[METER_LAYOUT.speakerRms + c] = host.speakerFrames > 0 ? Math.sqrt(host.speakerSquares[c]! / host.speakerFrames) : 0;
  }
  host.speakerPeak.fill(0);
  host.speakerSquares.fill(0);
  host.speakerFrames = 0;
}

function clearSpeakerMeters(host: RealtimeHost): void {
  host.speakerPeak.fill(0);
  host.speakerSquares.fill(0);
  host.speakerFrames = 0;
  if (host.meters !== null) {
    host.meters.fill(0, METER_LAYOUT.speakerPeak, METER_LAYOUT.speakerRms + MAX_SPEAKER_METERS);
  }
}

/** Whether two outputs are the same signal: the same id and, for downmixes, the same matrix. */
function sameOutput(a: OutputDefinition | undefined, b: OutputDefinition): boolean {
  if (a === undefined || a.id !== b.id || a.kind !== b.kind) return false;
  return a.kind !== 'downmix' || b.kind !== 'downmix' || JSON.stringify(a.matrix) === JSON.stringify(b.matrix);
}

function updateMeters(host: RealtimeHost, outputs: readonly Float32Array[]): void {
  const meters = host.meters;
  if (meters === null) return;
  for (let c = 0; c < 2; c++) {
    const output = outputs[c];
    if (output === undefined) continue;
    let peak = host.peakOut[c]!;
    for (let i = 0; i < output.length; i++) {
      const v = Math.abs(output[i]!);
      if (v > peak) peak = v;
    }
    host.peakOut[c] = peak;
  }
  const left = outputs[0];
  if (host.monitorMeters !== null && left !== undefined) feedMonitorMeters(host.monitorMeters, left, outputs[1] ?? left, RENDER_BLOCK_FRAMES);
  host.blocksSinceMeter++;
  if (host.blocksSinceMeter < host.meterPeriodBlocks && host.playing) return;
  host.blocksSinceMeter = 0;
  meters[METER_LAYOUT.outputPeak] = host.peakOut[0]!;
  meters[METER_LAYOUT.outputPeak + 1] = host.peakOut[1]!;
  host.peakOut.fill(0);
  if (host.wire === 'monitor') publishSpeakerMeters(host, meters);
  if (host.renderer !== null) {
    const sources = sourcePeaks(host.renderer);
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s]!;
      const slot = host.meterSlots.get(source.id);
      if (!source.removed && slot !== undefined) meters[METER_LAYOUT.sourcePeak + slot] = source.peak;
      source.peak = 0;
    }
    meters[METER_LAYOUT.nonFiniteBlocks] = host.renderer.nonFiniteBlocks;
  }
  publishPlayhead(host);
  publishReadings(host);
}

/** Throws when a source's meter slot lies outside the meter area. */
function checkMeterSlots(host: RealtimeHost): void {
  if (host.meters === null) return;
  for (const [id, slot] of host.meterSlots) {
    if (!(Number.isInteger(slot) && slot >= 0 && host.meters.length >= meterSlots(slot + 1))) {
      throw new Error(`source "${id}": meter slot ${slot} is outside the meter area (${host.meters.length} values)`);
    }
  }
}

/** Creates the studio meters for a meter area, or keeps the running ones and moves their goniometer feed to it. */
function prepareMonitorMeters(host: RealtimeHost, area: SharedArrayBuffer | null): void {
  if (area === null) {
    host.monitorMeters = null;
  } else if (host.monitorMeters === null) {
    host.monitorMeters = createMonitorMeters(area, host.sampleRateHz, host.monoGain, host.integrationSec);
  } else {
    attachMonitorMeters(host.monitorMeters, area);
  }
}

/** Writes the studio meters' readings and bumps the sequence. Allocation-free. */
function publishReadings(host: RealtimeHost): void {
  const meters = host.meters;
  if (meters === null) return;
  if (host.monitorMeters !== null) publishMonitorMeters(host.monitorMeters, meters);
  meters[METER_LAYOUT.sequence] = meters[METER_LAYOUT.sequence]! + 1;
}

function publishPlayhead(host: RealtimeHost): void {
  const meters = host.meters;
  if (meters === null || host.renderer === null) return;
  meters[METER_LAYOUT.playheadFrame] = host.renderer.playheadFrame;
  meters[METER_LAYOUT.playing] = host.playing ? 1 : 0;
}
