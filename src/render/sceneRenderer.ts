import { worldToHead } from '../core/orientation';
import type { HeadOrientation } from '../core/orientation';
import { midSideOrDefault } from '../core/scene/midSideSettings';
import type { MidSideSettings } from '../core/scene/midSideSettings';
import type { OutputDefinition } from '../core/outputs/outputDefinition';
import type { Scene, SceneSource } from '../core/scene/scene';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { createBlockDelay, processBlockDelay, resetBlockDelay } from '../dsp/blockDelay';
import type { BlockDelay } from '../dsp/blockDelay';
import { processMidSide } from '../dsp/midside/midSideProcessor';
import { restartAmbisonicRotator, seekAmbisonicRotator, turnAmbisonicBlock } from './ambisonics/ambisonicRotation';
import { createBus } from './buses/createBus';
import type { ObjectBus } from './buses/objectBus';
import { createDerivedStage } from './downmix/createDerivedStage';
import type { DerivedStage } from './downmix/derivedStage';
import { createListenerRotation, setHeadRotation, setSceneRotation } from './listenerRotation';
import type { ListenerRotation } from './listenerRotation';
import { createMasterMidSideStage, resetMasterMidSide, setMasterMidSideSettings } from './midside/masterMidSide';
import type { MasterMidSideStage } from './midside/masterMidSide';
import { processSourceMidSide, resetSourceMidSide, sourceMidSideActive } from './midside/sourceMidSide';
import { airAbsorptionTable } from './objects/airAbsorptionTables';
import { resetAirAbsorptionFilter } from './objects/airAbsorptionFilter';
import { POSITION_SMOOTHING_SEC, fillObjectInput, moveObject, targetGain, writeUnitDirection } from './objects/renderObject';
import { outputTailFrames, planOutputs } from './outputPlan';
import { RENDER_BLOCK_FRAMES } from './renderBlock';
import { addAmbisonics, addBed, addSource, compactSources, createSourceSet, OBJECT_HISTORY_BLOCKS, placeMovingSources, removeSource, updateSourceParams } from './rendererSources';
import type { RendererObject, RendererSource, SourceSet } from './rendererSources';
import type { SourceParams } from '../core/scene/sourceParams';

export interface SceneRendererOptions {
  /** What to render (core/outputs); none to hand out only the objects (an analysis). */
  readonly outputs: readonly OutputDefinition[];
  /** The HRTF grid at the scene's sample rate; required when rendering binaural. */
  readonly hrtf?: HrtfGrid;
  /** Keep each source's peak level (for meters), read with sourcePeaks(). */
  readonly meterSources?: boolean;
  /**
   * The least latency to compensate, frames (default 0: its buses' largest). A host that
   * adds outputs while playing (setRendererOutputs) gives MAX_BUS_LATENCY_FRAMES, so an
   * output added later is never later than the others and the read-ahead never changes.
   */
  readonly latencyFloorFrames?: number;
}

/** The largest bus latency the renderer compensates: its objects keep OBJECT_HISTORY_BLOCKS blocks, one of them the block being rendered. */
export const MAX_BUS_LATENCY_FRAMES = (OBJECT_HISTORY_BLOCKS - 1) * RENDER_BLOCK_FRAMES;

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
  /** The longest stem plus the buses' tail: the frames a complete render has (it grows when a longer stem is added). */
  readonly lengthFrames: number;
  /** Frames handed out so far (the playhead). */
  readonly playheadFrame: number;
  /** Blocks in which a non-finite sample was caught and replaced by silence. */
  readonly nonFiniteBlocks: number;
  /**
   * Frames its buses delay their input: the largest bus latency rounded up to whole blocks
   * (256 with a loudspeaker bus, whose decorrelation filters delay 255; 0 without), every
   * bus aligned to it. Compensated: the renderer reads its sources this far ahead of what
   * it hands out, so output frame n is stem frame n in every output; a change (parameters,
   * a source added or removed) is heard this much after it is made.
   */
  readonly latencyFrames: number;
}

interface RendererState extends SceneRenderer {
  /** Replaced by setRendererOutputs, like the buses, stages and blocks below. */
  outputs: readonly OutputDefinition[];
  readonly set: SourceSet;
  master: MasterMidSideStage;
  /** The master's mid/side settings (a bus added later gets them). */
  masterSettings: MidSideSettings;
  /** The outputs the buses render, in bus order. */
  busOutputs: readonly OutputDefinition[];
  buses: readonly ObjectBus[];
  /** Per bus, a delay per channel that aligns it with the renderer's latency (null: it is that late already). */
  alignments: readonly (readonly BlockDelay[] | null)[];
  /** The derived outputs' stages (downmixes, layouts heard binaurally), in the plan's order. */
  derived: readonly DerivedStage[];
  /** Per derived stage, the plan stage it reads. */
  derivedFrom: readonly number[];
  /** Per plan stage (the buses, then the derived outputs), its block (one array per channel). */
  stageBlocks: readonly (readonly Float32Array[])[];
  /** Per asked output, its block: a bus's or a downmix's. */
  outputBlocks: readonly (readonly Float32Array[])[];
  /** The scene rotation and the monitor head, composed (listenerRotation.ts). */
  readonly rotation: ListenerRotation;
  readonly headTarget: Float64Array;
  readonly smoothing: number;
  tailBlocks: number;
  tailFrames: number;
  /** Whether sources' peaks are kept (takeSourcePeaks). */
  readonly meterSources: boolean;
  lengthFrames: number;
  playheadFrame: number;
  /** Frame at which the next block starts in the stems. */
  blockFrame: number;
  /** Frames of the current block already handed out (RENDER_BLOCK_FRAMES: none left). */
  blockRead: number;
  /** Frames still to render and drop before handing out (the latency, after a start or seek). */
  skipFrames: number;
  /** The stem frame the block grid started at (the last seek): block k of the grid starts at gridFrame + k B. */
  gridFrame: number;
  /** A host asked for the objects' signals: with a latency, their history is kept from then on. */
  objectsWanted: boolean;
  nonFiniteBlocks: number;
}

/**
 * Creates a renderer for `scene`; stems[i] holds the channels (1 or 2) of scene.sources[i]
 * at scene.sampleRateHz, then stems[sources.length + j] those of scene.beds[j] (as many as
 * the bed routes), then those of scene.ambisonics (HOA stems, (order + 1)^2 channels each).
 * A host that has no stem for a bed or HOA stem passes a scene without it (engine/rendererScene.ts).
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
  const beds = scene.beds ?? [];
  const ambisonics = scene.ambisonics ?? [];
  if (stems.length !== scene.sources.length + beds.length + ambisonics.length) {
    throw new Error(`expected stems for ${scene.sources.length} sources, ${beds.length} beds and ${ambisonics.length} HOA stems, got ${stems.length}`);
  }
  // Shipped for the scene's rates; another rate is fitted now, not when a source is added while playing.
  airAbsorptionTable(scene.sampleRateHz);
  const plan = planOutputs(options.outputs);
  const buses = plan.buses.map((output) => createBus(output, { hrtf: options.hrtf }));
  const stageContext = { sampleRateHz: scene.sampleRateHz, maxFrames: RENDER_BLOCK_FRAMES, hrtf: options.hrtf };
  const derived = plan.derived.map((d) => createDerivedStage(d.output, stageContext));
  const stageBlocks: readonly (readonly Float32Array[])[] = [...buses.map((bus) => bus.block), ...derived.map((stage) => stage.block)];
  const tailFrames = Math.max(RENDER_BLOCK_FRAMES, ...options.outputs.map((output) => outputTailFrames(output, options.hrtf)));
  // Whole blocks, so that output blocks stay stem blocks: a change between two is heard from a block's start.
  const latencyFrames = Math.ceil(Math.max(options.latencyFloorFrames ?? 0, ...buses.map((bus) => bus.latencyFrames)) / RENDER_BLOCK_FRAMES) * RENDER_BLOCK_FRAMES;
  if (latencyFrames > MAX_BUS_LATENCY_FRAMES) throw new Error(`a bus latency of ${latencyFrames} frames is more than the renderer compensates (${MAX_BUS_LATENCY_FRAMES})`);
  const state: RendererState = {
    sampleRateHz: scene.sampleRateHz,
    outputs: options.outputs,
    set: createSourceSet(),
    master: createMasterMidSideStage(midSideOrDefault(scene.master?.midSide), scene.sampleRateHz, buses.map((bus) => bus.block.length)),
    masterSettings: midSideOrDefault(scene.master?.midSide),
    busOutputs: plan.buses,
    buses,
    alignments: buses.map((bus) => busAlignment(bus, latencyFrames)),
    derived,
    derivedFrom: plan.derived.map((d) => d.from),
    stageBlocks,
    outputBlocks: plan.stageOf.map((stage) => stageBlocks[stage]!),
    rotation: createListenerRotation(scene.listener),
    headTarget: new Float64Array(3),
    smoothing: 1 - Math.exp(-RENDER_BLOCK_FRAMES / (POSITION_SMOOTHING_SEC * scene.sampleRateHz)),
    tailBlocks: Math.ceil(tailFrames / RENDER_BLOCK_FRAMES),
    tailFrames,
    meterSources: options.meterSources === true,
    lengthFrames: tailFrames,
    playheadFrame: 0,
    blockFrame: 0,
    blockRead: RENDER_BLOCK_FRAMES,
    skipFrames: latencyFrames,
    gridFrame: 0,
    objectsWanted: false,
    nonFiniteBlocks: 0,
    latencyFrames,
  };
  scene.sources.forEach((source, i) => addSource(state.set, source, stems[i]!, buses, scene.sampleRateHz));
  beds.forEach((bed, j) => addBed(state.set, bed, stems[scene.sources.length + j]!, buses, scene.sampleRateHz));
  ambisonics.forEach((a, k) => addAmbisonics(state.set, a, stems[scene.sources.length + beds.length + k]!, buses, scene.sampleRateHz));
  updateLength(state);
  return state;
}

/** The render's length: the longest stem of the sources there plus the buses' tail. */
function updateLength(state: RendererState): void {
  let stemFrames = 0;
  for (const source of state.set.sources) if (!source.removed) stemFrames = Math.max(stemFrames, source.stemFrames);
  state.lengthFrames = stemFrames + state.tailFrames;
}

/**
 * Adds a source (its stem: 1 or 2 channels at the scene's rate) without disturbing the
 * others: it fades in over its first block. Runs between blocks (it allocates).
 */
export function addRendererSource(renderer: SceneRenderer, source: SceneSource, stem: readonly Float32Array[]): void {
  const state = renderer as RendererState;
  addSource(state.set, source, stem, state.buses, state.sampleRateHz);
  updateLength(state);
}

/** Removes a source: it fades out over one block and rings out its buses' tails; the others are not disturbed. */
export function removeRendererSource(renderer: SceneRenderer, sourceId: string): void {
  const state = renderer as RendererState;
  removeSource(state.set, sourceId);
  updateLength(state);
}

/**
 * The head-relative unit direction object `objectIndex` is placed at (or glides to):
 * where its source and the listener put it, for an analysis of a scene that does not
 * move. Written into `out`.
 */
export function objectHeadDirection(renderer: SceneRenderer, objectIndex: number, out: Float64Array): void {
  const state = renderer as RendererState;
  const entry = state.set.objects[objectIndex];
  if (entry === undefined) throw new RangeError(`no object at index ${objectIndex}`);
  const t = entry.object.worldTarget;
  worldToHead(entry.bedChannel === undefined ? state.rotation.composed : state.rotation.head, t[0]!, t[1]!, t[2]!, state.headTarget);
  writeUnitDirection(state.headTarget, out);
}

/** Changes a source's parameters; heard from the next block on, smoothed. Throws a RangeError for an unknown id. Allocation-free. */
export function updateSource(renderer: SceneRenderer, sourceId: string, params: SourceParams): void {
  updateSourceParams((renderer as RendererState).set, sourceId, params);
}

/** Sets the master's mid/side (stereo fold-down and binaural); heard from the next block on, gliding. Allocation-free. */
export function setMasterMidSide(renderer: SceneRenderer, settings: MidSideSettings): void {
  const state = renderer as RendererState;
  state.masterSettings = settings;
  setMasterMidSideSettings(state.master, settings);
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
  state.skipFrames = state.latencyFrames;
  state.gridFrame = frame;
  for (const { object } of state.set.objects) {
    object.live = false;
    object.silentBlocks = 0;
  }
  for (const source of state.set.sources) if (source.rotator !== undefined) seekAmbisonicRotator(source.rotator);
  resetBuses(state);
  resetMasterMidSide(state.master);
  for (const stage of state.derived) stage.reset();
}

/** Silences the buses' own state and their alignment delays. */
function resetBuses(state: RendererState): void {
  for (const bus of state.buses) bus.reset();
  for (const delays of state.alignments) if (delays !== null) for (const delay of delays) resetBlockDelay(delay);
}

/**
 * Renders the next `frames` frames into `outputs`, starting at index `offset` of each
 * output array. Allocation-free.
 */
export function renderFrames(renderer: SceneRenderer, outputs: RenderTargets, frames: number, offset = 0): void {
  const state = renderer as RendererState;
  if (outputs.objects !== undefined) state.objectsWanted = true;
  let written = 0;
  while (written < frames) {
    if (state.blockRead === RENDER_BLOCK_FRAMES) {
      renderBlock(state);
      state.blockRead = 0;
    }
    if (state.skipFrames > 0) {
      const skipped = Math.min(state.skipFrames, RENDER_BLOCK_FRAMES - state.blockRead);
      state.blockRead += skipped;
      state.skipFrames -= skipped;
      continue;
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
  if (targets.objects !== undefined && state.latencyFrames > 0) {
    copyObjectsOut(state, targets.objects, at, count);
  } else if (targets.objects !== undefined) {
    for (let o = 0; o < state.set.objects.length; o++) {
      const object = state.set.objects[o]!.object;
      const target = targets.objects[o]!;
      // An object not rendered in this block (silent past its tail) left its input as it was.
      if (object.live) copySamples(object.input, from, target, at, count);
      else target.fill(0, at, at + count);
    }
  }
}

/**
 * The objects' signals for the frames being handed out, which are latencyFrames behind
 * the block rendered: from each object's history (rendererSources.ts).
 */
function copyObjectsOut(state: RendererState, targets: readonly Float32Array[], at: number, count: number): void {
  const B = RENDER_BLOCK_FRAMES;
  const ring = OBJECT_HISTORY_BLOCKS * B;
  // Frames since the grid started of the first frame handed out (the block just rendered starts at blockFrame - B).
  const first = state.blockFrame - B + state.blockRead - state.latencyFrames - state.gridFrame;
  for (let o = 0; o < state.set.objects.length; o++) {
    const history = state.set.objects[o]!.history;
    const target = targets[o]!;
    let index = first % ring;
    for (let i = 0; i < count; i++) {
      target[at + i] = history[index]!;
      index = index + 1 === ring ? 0 : index + 1;
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

function renderBlock(state: RendererState): void {
  const { buses, headTarget } = state;
  const rotation = state.rotation.composed;
  const objects = state.set.objects;
  for (let b = 0; b < buses.length; b++) buses[b]!.beginBlock();
  // At the time of the block's last frame: the buses ramp to a placement across the block, so
  // frame n is heard from its own time's position at block ends, and between two within one.
  // The time is the block's stem frame, which seeks and loops move.
  placeMovingSources(state.set, (state.blockFrame + RENDER_BLOCK_FRAMES - 1) / state.sampleRateHz);
  // With a latency, each object's input is kept for handing out later (copyObjectsOut), once a host asks for it.
  const historySlot = state.latencyFrames > 0 && state.objectsWanted ? (((state.blockFrame - state.gridFrame) / RENDER_BLOCK_FRAMES) % OBJECT_HISTORY_BLOCKS) * RENDER_BLOCK_FRAMES : -1;
  for (let o = 0; o < objects.length; o++) {
    const entry = objects[o]!;
    const object = entry.object;
    if (!advanceObject(state, entry)) {
      if (historySlot >= 0) entry.history.fill(0, historySlot, historySlot + RENDER_BLOCK_FRAMES);
      continue;
    }
    const t = object.worldTarget;
    // A bed is the room's loudspeakers: the monitor head turns it, the scene rotation does not (beds/bedChannels.ts).
    worldToHead(entry.bedChannel === undefined ? rotation : state.rotation.head, t[0]!, t[1]!, t[2]!, headTarget);
    const restarting = !object.live;
    // A timeline's positions are placed per block as they are: its interpolation is the smoothing.
    moveObject(object, headTarget, restarting || entry.source.moving ? 1 : state.smoothing);
    if (restarting) startObject(state, entry);
    fillFromSource(state, entry);
    if (state.meterSources) trackPeak(entry.source, object.input);
    for (let b = 0; b < buses.length; b++) buses[b]!.addObject(entry.voices[b], object.input, object);
    if (historySlot >= 0) entry.history.set(object.input, historySlot);
  }
  let finite = true;
  for (let b = 0; b < buses.length; b++) {
    const bus = buses[b]!;
    bus.endBlock();
    const alignment = state.alignments[b];
    if (alignment !== null && alignment !== undefined) {
      for (let c = 0; c < alignment.length; c++) processBlockDelay(alignment[c]!, bus.block[c]!, bus.block[c]!, RENDER_BLOCK_FRAMES);
    }
    const master = state.master.processors[b];
    if (master !== null && master !== undefined) {
      const [left, right] = bus.block as [Float32Array, Float32Array];
      processMidSide(master, left, right, left, right, RENDER_BLOCK_FRAMES);
    }
    if (!channelsFinite(bus.block)) finite = false;
  }
  // With no bus running, the objects (an analysis reads them) are checked instead.
  if (!finite || (buses.length === 0 && !objectsFinite(objects))) {
    for (const bus of buses) for (const channel of bus.block) channel.fill(0);
    // Restarting objects also restart their sources' mid/side stages.
    for (const entry of objects) entry.object.live = false;
    resetBuses(state);
    resetMasterMidSide(state.master);
    state.nonFiniteBlocks++;
  }
  for (let d = 0; d < state.derived.length; d++) state.derived[d]!.process(state.stageBlocks[state.derivedFrom[d]!]!, RENDER_BLOCK_FRAMES);
  compactSources(state.set);
  state.blockFrame += RENDER_BLOCK_FRAMES;
}

/**
 * Decides whether the object is rendered in this block: it is while audible and inside
 * its stem, and for the filter tail after it fell silent; otherwise it costs nothing.
 */
function advanceObject(state: RendererState, { object }: RendererObject): boolean {
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
 * stem). A source restarting (start, seek, unmute) restarts its stage. An HOA stem's
 * channels come turned by the renderer's rotation, unless it is the identity.
 */
function fillFromSource(state: RendererState, { object, source, turnedBlock }: RendererObject): void {
  const rotator = source.rotator;
  if (rotator !== undefined && turnedBlock !== undefined && turnAmbisonicBlock(rotator, state.blockFrame, state.rotation.composed, state.smoothing)) {
    fillObjectInput(object, turnedBlock, 0);
    return;
  }
  const stage = source.stage;
  const processedThisBlock = stage.blockFrame === state.blockFrame;
  if (!processedThisBlock && !sourceMidSideActive(stage)) {
    stage.blockFrame = -1;
    fillObjectInput(object, object.channel, state.blockFrame);
    return;
  }
  processSourceMidSide(stage, state.blockFrame);
  fillObjectInput(object, object.spreadSide < 0 ? stage.right : stage.left, 0);
}

function startObject(state: RendererState, { object, source, voices }: RendererObject): void {
  object.live = true;
  resetAirAbsorptionFilter(object.air);
  // Restarting mid-stem (unmute, seek, a source added while playing) fades in over one block; at the start it is at full gain.
  object.appliedGain = state.blockFrame === 0 ? targetGain(object) : 0;
  // The first of a stereo source's objects to restart in a block restarts the source's stage.
  if (source.stage.blockFrame !== state.blockFrame) resetSourceMidSide(source.stage);
  if (source.rotator !== undefined) restartAmbisonicRotator(source.rotator, state.blockFrame);
  for (let b = 0; b < state.buses.length; b++) state.buses[b]!.startVoice(voices[b], object);
}

/** A source's level for the meters: the largest |sample| of its objects since its peak was last reset. */
export interface SourcePeak {
  readonly id: string;
  /** Removed from the renderer (ringing out): its meter is no longer shown. */
  readonly removed: boolean;
  /** Linear; the reader sets it back to 0 after reading. Kept only with meterSources. */
  peak: number;
}

/** The renderer's sources' peaks, in source order (the same array every call; read it between blocks). */
export function sourcePeaks(renderer: SceneRenderer): readonly SourcePeak[] {
  return (renderer as RendererState).set.sources;
}

function trackPeak(source: RendererSource, block: Float32Array): void {
  let peak = source.peak;
  for (let i = 0; i < block.length; i++) {
    const v = Math.abs(block[i]!);
    if (v > peak) peak = v;
  }
  source.peak = peak;
}

function objectsFinite(objects: readonly RendererObject[]): boolean {
  let sum = 0;
  for (let o = 0; o < objects.length; o++) {
    const object = objects[o]!.object;
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

/**
 * Renders `outputs` from the next block on without restarting anything that goes on: the
 * sources, their stems, positions and filters stay; a bus whose output is kept (the same
 * definition) runs on with its voices, its master mid/side and its history; a new bus
 * starts every live object's voice where the object is (no ramp: nothing was heard from it
 * before); derived stages (downmixes, layouts heard binaurally) start afresh. The real-time
 * host switches the monitor to a layout this way, without a reload. Runs between blocks
 * (it allocates, as adding a source does); `hrtf` is needed for a binaural output.
 */
export function setRendererOutputs(renderer: SceneRenderer, outputs: readonly OutputDefinition[], hrtf: HrtfGrid | undefined): void {
  const state = renderer as RendererState;
  const plan = planOutputs(outputs);
  const keptFrom = plan.buses.map((output) => state.busOutputs.findIndex((old) => sameDefinition(old, output)));
  const buses = plan.buses.map((output, b) => (keptFrom[b]! >= 0 ? state.buses[keptFrom[b]!]! : createBus(output, { hrtf })));
  const late = buses.find((bus) => bus.latencyFrames > state.latencyFrames);
  if (late !== undefined) throw new Error(`output ${late.output.id} has a latency of ${late.latencyFrames} frames, more than the renderer's ${state.latencyFrames}: create the renderer with latencyFloorFrames`);
  for (const entry of state.set.objects) {
    const voices = buses.map((bus, b) => (keptFrom[b]! >= 0 ? entry.voices[keptFrom[b]!] : bus.createVoice(entry.voiceChannel)));
    for (let b = 0; b < buses.length; b++) if (entry.object.live && keptFrom[b]! < 0) buses[b]!.startVoice(voices[b], entry.object);
    entry.voices.splice(0, entry.voices.length, ...voices);
  }
  const fresh = createMasterMidSideStage(state.masterSettings, state.sampleRateHz, buses.map((bus) => bus.block.length));
  state.master = { processors: fresh.processors.map((processor, b) => (keptFrom[b]! >= 0 ? (state.master.processors[keptFrom[b]!] ?? null) : processor)) };
  const stageContext = { sampleRateHz: state.sampleRateHz, maxFrames: RENDER_BLOCK_FRAMES, hrtf };
  state.derived = plan.derived.map((d) => createDerivedStage(d.output, stageContext));
  state.derivedFrom = plan.derived.map((d) => d.from);
  state.stageBlocks = [...buses.map((bus) => bus.block), ...state.derived.map((stage) => stage.block)];
  state.outputBlocks = plan.stageOf.map((stage) => state.stageBlocks[stage]!);
  state.outputs = outputs;
  state.busOutputs = plan.buses;
  state.alignments = buses.map((bus, b) => (keptFrom[b]! >= 0 ? state.alignments[keptFrom[b]!]! : busAlignment(bus, state.latencyFrames)));
  state.buses = buses;
  state.tailFrames = Math.max(RENDER_BLOCK_FRAMES, ...outputs.map((output) => outputTailFrames(output, hrtf)));
  state.tailBlocks = Math.ceil(state.tailFrames / RENDER_BLOCK_FRAMES);
  updateLength(state);
}

/** The delays that make `bus` as late as the renderer's `latencyFrames` (null: it is that late already). */
function busAlignment(bus: ObjectBus, latencyFrames: number): BlockDelay[] | null {
  return bus.latencyFrames === latencyFrames ? null : bus.block.map(() => createBlockDelay(latencyFrames - bus.latencyFrames));
}

/** Whether two outputs are the same definition (a room's `room` output differs from another room's). */
function sameDefinition(a: OutputDefinition, b: OutputDefinition): boolean {
  return a === b || (a.id === b.id && JSON.stringify(a) === JSON.stringify(b));
}
