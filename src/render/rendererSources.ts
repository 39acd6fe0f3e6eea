import { DEFAULT_MID_SIDE_SETTINGS, midSideOrDefault } from '../core/scene/midSideSettings';
import { createObjectValues, createObjectValuesScratch, writeObjectValuesAt } from '../core/scene/objectValues';
import type { ObjectValues, ObjectValuesScratch } from '../core/scene/objectValues';
import { timelineMoves } from '../core/scene/objectTimeline';
import type { SceneBed, SceneSource } from '../core/scene/scene';
import type { SceneAmbisonics } from '../core/scene/ambisonicStem';
import { ambisonicChannelsOf } from './ambisonics/ambisonicChannels';
import { createAmbisonicRotator } from './ambisonics/ambisonicRotation';
import type { AmbisonicRotator } from './ambisonics/ambisonicRotation';
import { writePolarToCartesian } from '../core/coordinates';
import { SCENE_LIMITS } from '../core/scene/scene';
import { writeCartesianPointAsPolar } from '../dsp/panners/objectGains/coordinateConversion';
import type { SourceParams } from '../core/scene/sourceParams';
import { OPTIONAL_OBJECT_PARAMS, multichannelParamsOf, sourceParamsOf } from '../core/scene/sourceParams';
import { writeSpreadObjectPosition } from '../core/scene/spreadObjects';
import type { SpreadSide, SpreadSource } from '../core/scene/spreadObjects';
import { BED_CHANNEL_DISTANCE_M, bedChannelsOf } from './beds/bedChannels';
import type { BedChannel } from './beds/bedChannels';
import { dbToGain } from '../core/units';
import type { ObjectBus, VoiceChannel } from './buses/objectBus';
import { createSourceMidSideStage, setSourceMidSide } from './midside/sourceMidSide';
import type { SourceMidSideStage } from './midside/sourceMidSide';
import type { MidSideSettings } from '../core/scene/midSideSettings';
import { createRenderObject } from './objects/renderObject';
import { RENDER_BLOCK_FRAMES } from './renderBlock';
import type { RenderObject } from './objects/renderObject';

/**
 * The renderer's sources, keyed by id: each with its parameters, its mid/side stage and
 * its objects (a mono stem's one, a stereo stem's left and right), and every object with
 * its voice on each bus. Sources come and go between blocks without rebuilding anything
 * else: an added one fades in over its first block, a removed one fades out over one
 * block, rings out its buses' tails, and is then dropped (compactSources).
 */
export interface RendererSource {
  readonly id: string;
  readonly params: SourceParams;
  readonly stage: SourceMidSideStage;
  /** Frames of its stem. */
  readonly stemFrames: number;
  /** The largest |sample| of its objects since the peaks were last taken. */
  peak: number;
  /** Removed: silent from the next block, dropped once its objects fell silent. */
  removed: boolean;
  /** A removed source with an object still live (ringing out its tail); set by compactSources. */
  ringing: boolean;
  /** Its timeline moves it: its objects are placed per block from `values` (placeMovingSource). */
  moving: boolean;
  /** The parameters at valuesTimeSec (a moving source's), and the scratch that evaluates them. */
  readonly values: ObjectValues;
  valuesTimeSec: number;
  readonly valuesScratch: ObjectValuesScratch;
  /** Where its objects are placed (a Cartesian object at its polar equivalent by BS.2127 section 10). */
  readonly spread: SpreadSource & { azimuthDeg: number; elevationDeg: number; distanceM: number; spreadDeg: number };
  /** Scratch: a Cartesian position's polar equivalent (azimuth, elevation, distance). */
  readonly polar: Float64Array;
  /** An HOA stem's: turns its channels with the scene rotation and the monitor head before the buses (ambisonics/ambisonicRotation.ts). */
  readonly rotator?: AmbisonicRotator;
}

/** One object in the renderer's object order, with its source and its voice on each bus. */
export interface RendererObject {
  readonly object: RenderObject;
  readonly source: RendererSource;
  readonly voices: unknown[];
  /** A bed's channel: placed by it, not by the source's position. */
  readonly bedChannel?: BedChannel;
  /**
   * Its last OBJECT_HISTORY_BLOCKS blocks of input (silence where it was not rendered),
   * block k of the renderer's grid in slot k mod OBJECT_HISTORY_BLOCKS: what the renderer
   * hands out as the object's signal when its outputs have a latency (sceneRenderer.ts).
   */
  readonly history: Float32Array;
  /** The channel its voices were created with (a bed's or an HOA stem's), for a bus added later. */
  readonly voiceChannel?: VoiceChannel;
  /** An HOA channel's: its block as its source's rotator turns it (read when the rotator turns the block). */
  readonly turnedBlock?: Float32Array;
}

/** Blocks of input an object keeps: enough for a latency of up to two blocks. */
export const OBJECT_HISTORY_BLOCKS = 3;

export interface SourceSet {
  /** In the scene's order (sources added later at the end). */
  readonly sources: RendererSource[];
  /** In source order, each source's objects in stem channel order. */
  readonly objects: RendererObject[];
  readonly byId: Map<string, RendererSource>;
  /** Sources removed but not dropped yet. */
  removals: number;
}

export function createSourceSet(): SourceSet {
  return { sources: [], objects: [], byId: new Map(), removals: 0 };
}

/**
 * Adds `source` with its stem (1 or 2 channels at the scene's rate); throws naming the
 * source for a stem of another channel count or an id already there.
 */
export function addSource(set: SourceSet, source: SceneSource, stem: readonly Float32Array[], buses: readonly ObjectBus[], sampleRateHz: number): void {
  const existing = set.byId.get(source.id);
  if (existing !== undefined && !existing.removed) throw new Error(`source "${source.name}" (${source.id}) is in the renderer already`);
  // A source removed and added again (an undone delete) before its tail rang out: the old one goes now.
  if (existing !== undefined) dropSource(set, existing);
  if (stem.length !== 1 && stem.length !== 2) {
    throw new Error(`source "${source.name}" (${source.id}): a source takes a mono or stereo stem, got ${stem.length} channels`);
  }
  const added = rendererSource(source.id, sourceParamsOf(source), stem, midSideOrDefault(source.midSide), sampleRateHz);
  const sides: readonly SpreadSide[] = stem.length === 1 ? [0] : [1, -1];
  sides.forEach((side, c) => {
    const object = createRenderObject(stem[c]!, side, sampleRateHz, added.values);
    set.objects.push({ object, source: added, voices: buses.map((bus) => bus.createVoice()), history: createHistory() });
  });
  set.sources.push(added);
  set.byId.set(source.id, added);
  applyParams(set, added);
}

/**
 * Adds a bed: each stem channel an object whose voices carry its bed channel (bedChannels.ts:
 * loudspeaker buses route it as BS.2127 DirectSpeakers, the binaural bus hears it from its
 * loudspeaker); throws naming the bed for a stem whose channel count is not the bed's.
 */
export function addBed(set: SourceSet, bed: SceneBed, stem: readonly Float32Array[], buses: readonly ObjectBus[], sampleRateHz: number): void {
  if (set.byId.has(bed.id)) throw new Error(`bed "${bed.name}" (${bed.id}) is in the renderer already`);
  if (stem.length !== bed.channels.length) {
    throw new Error(`bed "${bed.name}" (${bed.id}): routes ${bed.channels.length} channels but its stem has ${stem.length}`);
  }
  const added = rendererSource(bed.id, multichannelParamsOf(bed), stem, DEFAULT_MID_SIDE_SETTINGS, sampleRateHz);
  bedChannelsOf(bed).forEach((bedChannel, c) => {
    const object = createRenderObject(stem[c]!, 0, sampleRateHz, added.values);
    set.objects.push({ object, source: added, voices: buses.map((bus) => bus.createVoice(bedChannel)), bedChannel, voiceChannel: bedChannel, history: createHistory() });
  });
  set.sources.push(added);
  set.byId.set(bed.id, added);
  applyParams(set, added);
}

/**
 * Adds an HOA stem: each stem channel an object whose voices carry its HOA channel
 * (ambisonics/ambisonicChannels.ts: fixed decoder gains or filters on every bus), fed
 * the stem turned by the renderer's rotation (ambisonics/ambisonicRotation.ts), placed
 * ahead at the reference distance, where the distance model changes nothing; throws
 * naming the stem for a channel count that is not (order + 1)^2.
 */
export function addAmbisonics(set: SourceSet, ambisonics: SceneAmbisonics, stem: readonly Float32Array[], buses: readonly ObjectBus[], sampleRateHz: number): void {
  if (set.byId.has(ambisonics.id)) throw new Error(`HOA stem "${ambisonics.name}" (${ambisonics.id}) is in the renderer already`);
  const channels = ambisonicChannelsOf(ambisonics);
  if (stem.length !== channels.length) {
    throw new Error(`HOA stem "${ambisonics.name}" (${ambisonics.id}): order ${ambisonics.order} needs ${channels.length} channels but its stem has ${stem.length}`);
  }
  const rotator = createAmbisonicRotator(channels, stem);
  const added: RendererSource = { ...rendererSource(ambisonics.id, multichannelParamsOf(ambisonics), stem, DEFAULT_MID_SIDE_SETTINGS, sampleRateHz), rotator };
  channels.forEach((channel, c) => {
    const object = createRenderObject(stem[c]!, 0, sampleRateHz, added.values);
    const turnedBlock = rotator.output[c]!;
    set.objects.push({ object, source: added, voices: buses.map((bus) => bus.createVoice(channel)), voiceChannel: channel, turnedBlock, history: createHistory() });
  });
  set.sources.push(added);
  set.byId.set(ambisonics.id, added);
  applyParams(set, added);
}

function createHistory(): Float32Array {
  return new Float32Array(OBJECT_HISTORY_BLOCKS * RENDER_BLOCK_FRAMES);
}

function rendererSource(id: string, params: SourceParams, stem: readonly Float32Array[], midSide: MidSideSettings, sampleRateHz: number): RendererSource {
  return {
    id,
    params,
    // A bed's stem (more than two channels) never runs a mid/side stage: its first two channels stand in.
    stage: createSourceMidSideStage(stem.slice(0, 2), midSide, sampleRateHz),
    stemFrames: stem.reduce((longest, channel) => Math.max(longest, channel.length), 0),
    peak: 0,
    removed: false,
    ringing: false,
    moving: timelineMoves(params.timeline),
    values: createObjectValues(),
    valuesTimeSec: Number.NaN,
    valuesScratch: createObjectValuesScratch(),
    spread: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1, spreadDeg: params.spreadDeg },
    polar: new Float64Array(3),
  };
}

/**
 * Places `source`'s objects at its parameters' values at `timeSec` (its timeline's, or its
 * static ones): gain and position. Allocation-free.
 */
export function placeMovingSource(set: SourceSet, source: RendererSource, timeSec: number): void {
  evaluateSource(source, timeSec);
  for (let o = 0; o < set.objects.length; o++) {
    const entry = set.objects[o]!;
    if (entry.source === source) placeObject(entry);
  }
}

/**
 * Places every moving source's objects at their timelines' values at `timeSec`, in one
 * pass over the objects (a source is evaluated at its first object). Allocation-free.
 */
export function placeMovingSources(set: SourceSet, timeSec: number): void {
  for (let o = 0; o < set.objects.length; o++) {
    const entry = set.objects[o]!;
    const source = entry.source;
    if (!source.moving || source.removed) continue;
    if (source.valuesTimeSec !== timeSec) evaluateSource(source, timeSec);
    placeObject(entry);
  }
}

function evaluateSource(source: RendererSource, timeSec: number): void {
  const values = source.values;
  writeObjectValuesAt(source.params, timeSec, source.valuesScratch, values);
  source.valuesTimeSec = timeSec;
  const spread = source.spread;
  spread.spreadDeg = source.params.spreadDeg;
  if (!values.cartesian) {
    spread.azimuthDeg = values.azimuthDeg;
    spread.elevationDeg = values.elevationDeg;
    spread.distanceM = values.distanceM;
    return;
  }
  // BS.2127 section 10's polar equivalent, as the loudspeaker buses' allocentric panning
  // takes it back (buses/objectGainBlock.ts): the binaural bus hears the direction the
  // loudspeakers give, and inside the cube the distance is at most 1 (no distance gain).
  const polar = source.polar;
  writeCartesianPointAsPolar(values.X, values.Y, values.Z, polar);
  spread.azimuthDeg = polar[0]!;
  spread.elevationDeg = polar[1]!;
  spread.distanceM = Math.max(SCENE_LIMITS.distanceM.min, polar[2]!);
}

function placeObject({ object, source }: RendererObject): void {
  object.userGain = dbToGain(source.values.gainDb);
  writeSpreadObjectPosition(source.spread, object.spreadSide, object.worldTarget);
}

/** Marks a source removed (silent from the next block); throws for an unknown id. */
export function removeSource(set: SourceSet, sourceId: string): void {
  const source = sourceById(set, sourceId);
  source.removed = true;
  set.removals++;
  applyParams(set, source);
}

/** New parameters for a source; heard from the next block on, smoothed. Allocation-free. */
export function updateSourceParams(set: SourceSet, sourceId: string, params: SourceParams): void {
  const source = sourceById(set, sourceId);
  Object.assign(source.params, params);
  // Absent means none (a timeline, a Cartesian position or an ADM parameter taken away).
  for (const key of OPTIONAL_OBJECT_PARAMS) if (params[key] === undefined) delete source.params[key];
  source.moving = timelineMoves(params.timeline);
  source.valuesTimeSec = Number.NaN;
  // Absent settings are the defaults (a source reset to neutral).
  const midSide = params.midSide ?? DEFAULT_MID_SIDE_SETTINGS;
  source.params.midSide = midSide;
  applyParams(set, source);
  setSourceMidSide(source.stage, midSide);
}

function sourceById(set: SourceSet, sourceId: string): RendererSource {
  const source = set.byId.get(sourceId);
  if (source === undefined || source.removed) throw new RangeError(`no source "${sourceId}" in the renderer`);
  return source;
}

/**
 * Drops removed sources whose objects are all silent (not live), keeping the others in
 * order. Allocation-free (arrays shrink in place).
 */
export function compactSources(set: SourceSet): void {
  if (set.removals === 0) return;
  for (const source of set.sources) source.ringing = false;
  for (const { object, source } of set.objects) if (source.removed && object.live) source.ringing = true;
  let kept = 0;
  for (let o = 0; o < set.objects.length; o++) {
    const entry = set.objects[o]!;
    if (entry.source.removed && !entry.source.ringing) continue;
    set.objects[kept++] = entry;
  }
  set.objects.length = kept;
  let keptSources = 0;
  for (let s = 0; s < set.sources.length; s++) {
    const source = set.sources[s]!;
    if (source.removed && !source.ringing) {
      set.byId.delete(source.id);
      set.removals--;
      continue;
    }
    set.sources[keptSources++] = source;
  }
  set.sources.length = keptSources;
}

function dropSource(set: SourceSet, source: RendererSource): void {
  set.objects.splice(0, set.objects.length, ...set.objects.filter((entry) => entry.source !== source));
  set.sources.splice(set.sources.indexOf(source), 1);
  set.byId.delete(source.id);
  set.removals--;
}

/**
 * Audibility (mute, solo: a solo anywhere silences the sources without one; removed
 * sources are silent) for every object, and gain and position for `changed`'s.
 */
function applyParams(set: SourceSet, changed: RendererSource): void {
  // Its values (what a gain calculator reads, ObjectPlacement.values) are valid from now on;
  // a one-block timeline's may differ from the static ones; a moving one is placed per block.
  evaluateSource(changed, 0);
  let anySolo = false;
  for (const source of set.sources) if (!source.removed && source.params.solo) anySolo = true;
  for (const entry of set.objects) {
    const { object, source } = entry;
    const p = source.params;
    object.audible = !source.removed && !p.mute && (!anySolo || p.solo);
    if (source !== changed) continue;
    object.userGain = dbToGain(p.gainDb);
    if (entry.bedChannel !== undefined) {
      const channel = entry.bedChannel.channel;
      // An LFE has no position: the binaural bus drops it, the loudspeaker buses route it by label.
      if (channel.isLfe) writePolarToCartesian(0, 0, BED_CHANNEL_DISTANCE_M, object.worldTarget);
      else writePolarToCartesian(channel.azimuthDeg, channel.elevationDeg, BED_CHANNEL_DISTANCE_M, object.worldTarget);
    } else if (p.timeline === undefined) {
      writeSpreadObjectPosition(changed.spread, object.spreadSide, object.worldTarget);
    }
  }
  if (changed.params.timeline !== undefined && !changed.moving) placeMovingSource(set, changed, 0);
}
