import { worldToHead } from '../core/orientation';
import type { HeadOrientation } from '../core/orientation';
import { DEFAULT_MID_SIDE_SETTINGS, midSideOrDefault } from '../core/midSideSettings';
import type { MidSideSettings } from '../core/midSideSettings';
import type { OutputDefinition } from '../core/outputs/outputDefinition';
import type { Scene } from '../core/scene';
import { writeSpreadObjectPosition } from '../core/spreadObjects';
import { dbToGain } from '../core/units';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { processMidSide } from '../dsp/midside/midSideProcessor';
import { createBus } from './buses/createBus';
import type { ObjectBus } from './buses/objectBus';
import { applyDownmix } from './downmix/downmix';
import { createListenerRotation, setHeadRotation, setSceneRotation } from './listenerRotation';
import type { ListenerRotation } from './listenerRotation';
import { createMasterMidSideStage, resetMasterMidSide, setMasterMidSideSettings } from './midside/masterMidSide';
import type { MasterMidSideStage } from './midside/masterMidSide';
import {
  createSourceMidSideStage,
  processSourceMidSide,
  resetSourceMidSide,
  setSourceMidSide,
  sourceMidSideActive,
} from './midside/sourceMidSide';
import type { SourceMidSideStage } from './midside/sourceMidSide';
import { POSITION_SMOOTHING_SEC, createRenderObject, fillObjectInput, moveObject, targetGain, writeUnitDirection } from './objects/renderObject';
import type { RenderObject } from './objects/renderObject';
import { planOutputs, renderLengthFrames } from './outputPlan';
import type { PlannedDownmix } from './outputPlan';
import { RENDER_BLOCK_FRAMES } from './renderBlock';
import type { SourceParams } from '../core/sourceParams';
import { sourceParamsOf } from '../core/sourceParams';

export interface SceneRendererOptions {
  /** What to render (core/outputs); none to hand out only the objects (an analysis). */
  readonly outputs: readonly OutputDefinition[];
  /** The HRTF grid at the scene's sample rate; required when rendering binaural. */
  readonly hrtf?: HrtfGrid;
  /** Keep each source's peak level (for meters), read with sourcePeaks(). */
  readonly meterSources?: boolean;
}

/**
 * Where rendered frames go; each array receives `frames` samples (from the call's offset).
 */
export interface RenderTargets {
  /**
   * outputs[i]: the channels of the renderer's outputs[i], one array per channel in the
   * output's channel order; absent or undefined where that output is not wanted.
   */
  readonly outputs?: readonly (readonly Float32Array[] | undefined)[];
  /**
   * Each object's signal, in object order (a mono stem's one, a stereo stem's left then
   * right): what feeds every bus, after the gains, the air absorption and the source's
   * mid/side; silence while the object is not rendered. Given with any outputs, or none.
   */
  readonly objects?: readonly Float32Array[];
}

/**
 * The object renderer: a scene and its stems in, the outputs of its output list out
 * (core/outputs), in blocks of RENDER_BLOCK_FRAMES. Per source, the stem goes through
 * the source's mid/side stage before its channels become objects; every object feeds
 * every bus (render/buses: one per binaural or loudspeaker output); the master's mid/side
 * processes every two-channel bus; downmixes are matrices on a bus's block
 * (render/downmix). Hosts may ask for any number of frames per call; the renderer
 * computes whole blocks and hands them out, so the samples do not depend on how a host
 * slices time. Everything after creation is allocation-free.
 */
export interface SceneRenderer {
  readonly sampleRateHz: number;
  readonly outputs: readonly OutputDefinition[];
  /** Stem length plus the filter tail: the frames a complete render has. */
  readonly lengthFrames: number;
  /** Frames handed out so far (the playhead). */
  readonly playheadFrame: number;
  /** Blocks in which a non-finite sample was caught and replaced by silence. */
  readonly nonFiniteBlocks: number;
}

interface RendererState extends SceneRenderer {
  readonly objects: RenderObject[];
  readonly params: SourceParams[];
  /** Per source, its mid/side stage. */
  readonly stages: SourceMidSideStage[];
  readonly master: MasterMidSideStage;
  readonly buses: readonly ObjectBus[];
  /** voices[b][o]: object o's voice on bus b. */
  readonly voices: readonly unknown[][];
  readonly downmixes: readonly PlannedDownmix[];
  /** Per downmix, its block (one array per channel). */
  readonly downmixBlocks: readonly Float32Array[][];
  /** Per asked output, its block: a bus's or a downmix's. */
  readonly outputBlocks: readonly (readonly Float32Array[])[];
  /** The scene rotation and the monitor head, composed (listenerRotation.ts). */
  readonly rotation: ListenerRotation;
  readonly headTarget: Float64Array;
  readonly smoothing: number;
  readonly tailBlocks: number;
  /** Per source, the largest |sample| of its objects since the last resetSourcePeaks; null when not metering. */
  readonly peaks: Float64Array | null;
  lengthFrames: number;
  playheadFrame: number;
  /** Frame at which the next block starts in the stems. */
  blockFrame: number;
  /** Frames of the current block already handed out (RENDER_BLOCK_FRAMES: none left). */
  blockRead: number;
  nonFiniteBlocks: number;
}

/**
 * Creates a renderer for `scene`; stems[i] holds the channels (1 or 2) of scene.sources[i]
 * at scene.sampleRateHz.
 */
export function createSceneRenderer(
  scene: Scene,
  stems: readonly (readonly Float32Array[])[],
  options: SceneRendererOptions,
): SceneRenderer {
  if (options.hrtf !== undefined && options.hrtf.set.sampleRateHz !== scene.sampleRateHz) {
    throw new Error(
      `the HRTF set is at ${options.hrtf.set.sampleRateHz} Hz but the scene at ${scene.sampleRateHz} Hz: resample it first`,
    );
  }
  if (stems.length !== scene.sources.length) {
    throw new Error(`expected stems for ${scene.sources.length} sources, got ${stems.length}`);
  }
  const plan = planOutputs(options.outputs);
  const buses = plan.buses.map((output) => createBus(output, { hrtf: options.hrtf }));
  const objects: RenderObject[] = [];
  stems.forEach((channels, sourceIndex) => {
    if (channels.length === 1) objects.push(createRenderObject(sourceIndex, channels[0]!, 0));
    else if (channels.length === 2) {
      objects.push(createRenderObject(sourceIndex, channels[0]!, 1), createRenderObject(sourceIndex, channels[1]!, -1));
    } else {
      const source = scene.sources[sourceIndex]!;
      throw new Error(`source "${source.name}" (${source.id}): a source takes a mono or stereo stem, got ${channels.length} channels`);
    }
  });
  const stages = stems.map((channels, sourceIndex) =>
    createSourceMidSideStage(channels, midSideOrDefault(scene.sources[sourceIndex]!.midSide), scene.sampleRateHz),
  );
  const downmixBlocks = plan.downmixes.map((d) => d.output.channels.map(() => new Float32Array(RENDER_BLOCK_FRAMES)));
  const stageBlocks: (readonly Float32Array[])[] = [...buses.map((bus) => bus.block), ...downmixBlocks];
  const tailFrames = Math.max(RENDER_BLOCK_FRAMES, ...buses.map((bus) => bus.tailFrames));
  const state: RendererState = {
    sampleRateHz: scene.sampleRateHz,
    outputs: options.outputs,
    objects,
    params: scene.sources.map(sourceParamsOf),
    stages,
    master: createMasterMidSideStage(midSideOrDefault(scene.master?.midSide), scene.sampleRateHz, buses.map((bus) => bus.block.length)),
    buses,
    voices: buses.map((bus) => objects.map(() => bus.createVoice())),
    downmixes: plan.downmixes,
    downmixBlocks,
    outputBlocks: plan.stageOf.map((stage) => stageBlocks[stage]!),
    rotation: createListenerRotation(scene.listener),
    headTarget: new Float64Array(3),
    smoothing: 1 - Math.exp(-RENDER_BLOCK_FRAMES / (POSITION_SMOOTHING_SEC * scene.sampleRateHz)),
    tailBlocks: Math.ceil(tailFrames / RENDER_BLOCK_FRAMES),
    peaks: options.meterSources === true ? new Float64Array(scene.sources.length) : null,
    lengthFrames: renderLengthFrames(stems, options.outputs, options.hrtf),
    playheadFrame: 0,
    blockFrame: 0,
    blockRead: RENDER_BLOCK_FRAMES,
    nonFiniteBlocks: 0,
  };
  state.params.forEach((_, index) => applyParams(state, index));
  return state;
}

/**
 * The head-relative unit direction object `objectIndex` is placed at (or glides to):
 * where its source and the listener put it, for an analysis of a scene that does not
 * move. Written into `out`.
 */
export function objectHeadDirection(renderer: SceneRenderer, objectIndex: number, out: Float64Array): void {
  const state = renderer as RendererState;
  const object = state.objects[objectIndex];
  if (object === undefined) throw new RangeError(`no object at index ${objectIndex}`);
  const t = object.worldTarget;
  worldToHead(state.rotation.composed, t[0]!, t[1]!, t[2]!, state.headTarget);
  writeUnitDirection(state.headTarget, out);
}

/** Changes a source's parameters; heard from the next block on, smoothed. Allocation-free. */
export function updateSource(renderer: SceneRenderer, sourceIndex: number, params: SourceParams): void {
  const state = renderer as RendererState;
  const current = state.params[sourceIndex];
  if (current === undefined) throw new RangeError(`no source at index ${sourceIndex}`);
  Object.assign(current, params);
  // Absent settings are the defaults (a source reset to neutral).
  const midSide = params.midSide ?? DEFAULT_MID_SIDE_SETTINGS;
  current.midSide = midSide;
  applyParams(state, sourceIndex);
  setSourceMidSide(state.stages[sourceIndex]!, midSide);
}

/** Sets the master's mid/side (stereo fold-down and binaural); heard from the next block on, gliding. Allocation-free. */
export function setMasterMidSide(renderer: SceneRenderer, settings: MidSideSettings): void {
  setMasterMidSideSettings((renderer as RendererState).master, settings);
}

/** Sets the scene rotation (the scene's `listener`, a mix parameter): the whole scene turns as heard, smoothed like movement. */
export function setListenerOrientation(renderer: SceneRenderer, orientation: HeadOrientation): void {
  setSceneRotation((renderer as RendererState).rotation, orientation);
}

/**
 * Turns the monitor head, heard after the scene rotation (listenerRotation.ts), smoothed
 * like movement. Only the real-time host's live monitoring calls it: never an export.
 */
export function setMonitorHead(renderer: SceneRenderer, orientation: HeadOrientation): void {
  setHeadRotation((renderer as RendererState).rotation, orientation);
}

/** Moves the playhead to `frame`; the next frames are rendered from there with fresh DSP state. */
export function seekRenderer(renderer: SceneRenderer, frame: number): void {
  const state = renderer as RendererState;
  state.playheadFrame = frame;
  state.blockFrame = frame;
  state.blockRead = RENDER_BLOCK_FRAMES;
  for (const object of state.objects) {
    object.live = false;
    object.silentBlocks = 0;
  }
  resetMasterMidSide(state.master);
}

/**
 * Renders the next `frames` frames into `outputs`, starting at index `offset` of each
 * output array. Allocation-free.
 */
export function renderFrames(renderer: SceneRenderer, outputs: RenderTargets, frames: number, offset = 0): void {
  const state = renderer as RendererState;
  let written = 0;
  while (written < frames) {
    if (state.blockRead === RENDER_BLOCK_FRAMES) {
      renderBlock(state);
      state.blockRead = 0;
    }
    const count = Math.min(frames - written, RENDER_BLOCK_FRAMES - state.blockRead);
    copyOut(state, outputs, offset + written, count);
    state.blockRead += count;
    written += count;
  }
  state.playheadFrame += frames;
}

function copyOut(state: RendererState, targets: RenderTargets, at: number, count: number): void {
  const from = state.blockRead;
  if (targets.outputs !== undefined) {
    for (let k = 0; k < state.outputBlocks.length; k++) {
      const target = targets.outputs[k];
      if (target === undefined) continue;
      const block = state.outputBlocks[k]!;
      for (let c = 0; c < block.length; c++) copySamples(block[c]!, from, target[c]!, at, count);
    }
  }
  if (targets.objects !== undefined) {
    for (let o = 0; o < state.objects.length; o++) {
      const object = state.objects[o]!;
      const target = targets.objects[o]!;
      // An object not rendered in this block (silent past its tail) left its input as it was.
      if (object.live) copySamples(object.input, from, target, at, count);
      else target.fill(0, at, at + count);
    }
  }
}

/**
 * target[at ..] = source[from .. from + count), without allocating: a whole block (what
 * hosts that render in blocks ask for) is copied natively, a part of one sample by sample.
 */
function copySamples(source: Float32Array, from: number, target: Float32Array, at: number, count: number): void {
  if (from === 0 && count === source.length) {
    target.set(source, at);
    return;
  }
  for (let i = 0; i < count; i++) target[at + i] = source[from + i]!;
}

function applyParams(state: RendererState, sourceIndex: number): void {
  const anySolo = state.params.some((p) => p.solo);
  for (const object of state.objects) {
    const p = state.params[object.sourceIndex]!;
    object.audible = !p.mute && (!anySolo || p.solo);
    if (object.sourceIndex !== sourceIndex) continue;
    object.userGain = dbToGain(p.gainDb);
    writeSpreadObjectPosition(p, object.spreadSide, object.worldTarget);
  }
}

function renderBlock(state: RendererState): void {
  const { buses, voices, headTarget } = state;
  const rotation = state.rotation.composed;
  for (let b = 0; b < buses.length; b++) buses[b]!.beginBlock();
  for (let o = 0; o < state.objects.length; o++) {
    const object = state.objects[o]!;
    if (!advanceObject(state, object)) continue;
    const t = object.worldTarget;
    worldToHead(rotation, t[0]!, t[1]!, t[2]!, headTarget);
    const restarting = !object.live;
    moveObject(object, headTarget, restarting ? 1 : state.smoothing);
    if (restarting) startObject(state, object, o);
    fillFromSource(state, object);
    if (state.peaks !== null) trackPeak(state.peaks, object.sourceIndex, object.input);
    for (let b = 0; b < buses.length; b++) buses[b]!.addObject(voices[b]![o], object.input, object);
  }
  let finite = true;
  for (let b = 0; b < buses.length; b++) {
    const bus = buses[b]!;
    bus.endBlock();
    const master = state.master.processors[b];
    if (master !== null && master !== undefined) {
      const [left, right] = bus.block as [Float32Array, Float32Array];
      processMidSide(master, left, right, left, right, RENDER_BLOCK_FRAMES);
    }
    if (!channelsFinite(bus.block)) finite = false;
  }
  // With no bus running, the objects (an analysis reads them) are checked instead.
  if (!finite || (buses.length === 0 && !objectsFinite(state.objects))) {
    for (const bus of buses) for (const channel of bus.block) channel.fill(0);
    // Restarting objects also restart their sources' mid/side stages.
    for (const object of state.objects) object.live = false;
    resetMasterMidSide(state.master);
    state.nonFiniteBlocks++;
  }
  for (let d = 0; d < state.downmixes.length; d++) {
    const downmix = state.downmixes[d]!;
    applyDownmix(downmix.output.matrix, stageBlock(state, downmix.from), state.downmixBlocks[d]!, RENDER_BLOCK_FRAMES);
  }
  state.blockFrame += RENDER_BLOCK_FRAMES;
}

/** The block of plan stage `stage`: a bus's, or (after the buses) a downmix's. */
function stageBlock(state: RendererState, stage: number): readonly Float32Array[] {
  return stage < state.buses.length ? state.buses[stage]!.block : state.downmixBlocks[stage - state.buses.length]!;
}

/**
 * Decides whether the object is rendered in this block: it is while audible and inside
 * its stem, and for the filter tail after it fell silent; otherwise it costs nothing.
 */
function advanceObject(state: RendererState, object: RenderObject): boolean {
  const beyondStem = state.blockFrame >= object.channel.length;
  const silent = !object.audible || beyondStem;
  if (!silent) {
    object.silentBlocks = 0;
    return true;
  }
  if (!object.live) return false;
  if (object.appliedGain === 0 || beyondStem) object.silentBlocks++;
  if (object.silentBlocks > state.tailBlocks) {
    object.live = false;
    return false;
  }
  return true;
}

/**
 * Fills the object's input for this block from its stem channel, or from its source's
 * mid/side stage while that runs (processed once per block for both channels of a stereo
 * stem). A source restarting (start, seek, unmute) restarts its stage.
 */
function fillFromSource(state: RendererState, object: RenderObject): void {
  const stage = state.stages[object.sourceIndex]!;
  const processedThisBlock = stage.blockFrame === state.blockFrame;
  if (!processedThisBlock && !sourceMidSideActive(stage)) {
    stage.blockFrame = -1;
    fillObjectInput(object, object.channel, state.blockFrame, state.sampleRateHz);
    return;
  }
  processSourceMidSide(stage, state.blockFrame);
  fillObjectInput(object, object.spreadSide < 0 ? stage.right : stage.left, 0, state.sampleRateHz);
}

function startObject(state: RendererState, object: RenderObject, o: number): void {
  object.live = true;
  object.airState = 0;
  // Restarting mid-stem (unmute, seek) fades in over one block; at the start it is at full gain.
  object.appliedGain = state.blockFrame === 0 ? targetGain(object) : 0;
  // The first of a stereo source's objects to restart in a block restarts the source's stage.
  const stage = state.stages[object.sourceIndex]!;
  if (stage.blockFrame !== state.blockFrame) resetSourceMidSide(stage);
  for (let b = 0; b < state.buses.length; b++) state.buses[b]!.startVoice(state.voices[b]![o], object);
}

/**
 * Per source, the largest |sample| since the last call (null when the renderer was made
 * without meterSources); the values are reset to zero after being read into `out`.
 */
export function takeSourcePeaks(renderer: SceneRenderer, out: Float64Array): void {
  const peaks = (renderer as RendererState).peaks;
  if (peaks === null) return;
  for (let i = 0; i < peaks.length; i++) {
    out[i] = peaks[i]!;
    peaks[i] = 0;
  }
}

function trackPeak(peaks: Float64Array, sourceIndex: number, block: Float32Array): void {
  let peak = peaks[sourceIndex]!;
  for (let i = 0; i < block.length; i++) {
    const v = Math.abs(block[i]!);
    if (v > peak) peak = v;
  }
  peaks[sourceIndex] = peak;
}

function objectsFinite(objects: readonly RenderObject[]): boolean {
  let sum = 0;
  for (let o = 0; o < objects.length; o++) {
    const object = objects[o]!;
    if (!object.live) continue;
    const input = object.input;
    for (let i = 0; i < input.length; i++) sum += input[i]!;
  }
  return Number.isFinite(sum);
}

function channelsFinite(channels: readonly Float32Array[]): boolean {
  let sum = 0;
  for (let c = 0; c < channels.length; c++) {
    const channel = channels[c]!;
    for (let i = 0; i < channel.length; i++) sum += channel[i]!;
  }
  return Number.isFinite(sum);
}
