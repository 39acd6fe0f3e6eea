import { dbToGain, wrapAzimuthDeg } from '../units';
import { writeCartesianAsPolar } from './cartesianPosition';
import type { AdmCartesianPosition, ChannelLock, ExclusionZone, ObjectAdmParameters, ObjectDivergence } from './objectMetadata';
import type { ObjectBlock, TimelinePoint } from './objectTimeline';
import { locateInTimeline } from './objectTimeline';

/** An object's static values and timeline, as a source's parameters hold them (sourceParams.ts). */
export interface ObjectDescription extends ObjectAdmParameters {
  readonly azimuthDeg: number;
  readonly elevationDeg: number;
  readonly distanceM: number;
  readonly gainDb: number;
  readonly cartesianPosition?: AdmCartesianPosition;
  readonly timeline?: readonly ObjectBlock[];
}

/**
 * An object's parameters at one moment, as the renderer and a gain calculator read them:
 * plain mutable numbers, filled in place (allocation-free) by writeObjectValuesAt.
 * `azimuthDeg`, `elevationDeg` and `distanceM` are where a polar object is rendered (a
 * Cartesian object's are its scene position, cartesianPosition.ts: the renderer places it
 * by X, Y and Z, its ADM Cartesian position when `cartesian`).
 */
export interface ObjectValues {
  azimuthDeg: number;
  elevationDeg: number;
  distanceM: number;
  cartesian: boolean;
  X: number;
  Y: number;
  Z: number;
  gainDb: number;
  width: number;
  height: number;
  depth: number;
  diffuse: number;
  channelLock: ChannelLock | undefined;
  objectDivergence: ObjectDivergence | undefined;
  zoneExclusion: readonly ExclusionZone[] | undefined;
}

export function createObjectValues(): ObjectValues {
  return {
    azimuthDeg: 0,
    elevationDeg: 0,
    distanceM: 1,
    cartesian: false,
    X: 0,
    Y: 1,
    Z: 0,
    gainDb: 0,
    width: 0,
    height: 0,
    depth: 0,
    diffuse: 0,
    channelLock: undefined,
    objectDivergence: undefined,
    zoneExclusion: undefined,
  };
}

/** The two blocks' values being interpolated: scratch for writeObjectValuesAt. */
export interface ObjectValuesScratch {
  readonly point: TimelinePoint;
  readonly from: ObjectValues;
  readonly to: ObjectValues;
}

export function createObjectValuesScratch(): ObjectValuesScratch {
  return { point: { index: 0, fraction: 1 }, from: createObjectValues(), to: createObjectValues() };
}

/**
 * Writes `object`'s values at `timeSec` into `out`: its static values without a timeline,
 * otherwise the timeline's (objectTimeline.ts). Numbers are interpolated linearly (the
 * azimuth along the shorter arc); channel lock, divergence and zone exclusion change at
 * the block's start; the gain is interpolated as ADM's linear gain. Allocation-free.
 */
export function writeObjectValuesAt(object: ObjectDescription, timeSec: number, scratch: ObjectValuesScratch, out: ObjectValues): void {
  const timeline = object.timeline;
  if (timeline === undefined || timeline.length === 0) {
    writeBlockValues(object, undefined, out);
    return;
  }
  locateInTimeline(timeline, timeSec, scratch.point);
  const { index, fraction } = scratch.point;
  if (fraction >= 1) {
    writeBlockValues(object, timeline[index], out);
    return;
  }
  writeBlockValues(object, timeline[index - 1], scratch.from);
  writeBlockValues(object, timeline[index], scratch.to);
  interpolate(scratch.from, scratch.to, fraction, out);
}

/** A block's values, each parameter it leaves out (or all, without a block) the object's static one. */
function writeBlockValues(object: ObjectDescription, block: ObjectBlock | undefined, out: ObjectValues): void {
  const cartesian = block?.cartesianPosition ?? object.cartesianPosition;
  out.cartesian = cartesian !== undefined;
  if (cartesian !== undefined) {
    out.X = cartesian.X;
    out.Y = cartesian.Y;
    out.Z = cartesian.Z;
    writeCartesianAsPolar(cartesian.X, cartesian.Y, cartesian.Z, out);
  } else {
    const position = block?.position ?? object;
    out.azimuthDeg = position.azimuthDeg;
    out.elevationDeg = position.elevationDeg;
    out.distanceM = position.distanceM;
  }
  out.gainDb = block?.gainDb ?? object.gainDb;
  out.width = block?.width ?? object.width ?? 0;
  out.height = block?.height ?? object.height ?? 0;
  out.depth = block?.depth ?? object.depth ?? 0;
  out.diffuse = block?.diffuse ?? object.diffuse ?? 0;
  out.channelLock = block?.channelLock ?? object.channelLock;
  out.objectDivergence = block?.objectDivergence ?? object.objectDivergence;
  out.zoneExclusion = block?.zoneExclusion ?? object.zoneExclusion;
}

function interpolate(from: ObjectValues, to: ObjectValues, fraction: number, out: ObjectValues): void {
  out.cartesian = to.cartesian;
  if (to.cartesian) {
    out.X = lerp(from.X, to.X, fraction);
    out.Y = lerp(from.Y, to.Y, fraction);
    out.Z = lerp(from.Z, to.Z, fraction);
    writeCartesianAsPolar(out.X, out.Y, out.Z, out);
  } else {
    out.azimuthDeg = wrapAzimuthDeg(from.azimuthDeg + wrapAzimuthDeg(to.azimuthDeg - from.azimuthDeg) * fraction);
    out.elevationDeg = lerp(from.elevationDeg, to.elevationDeg, fraction);
    out.distanceM = lerp(from.distanceM, to.distanceM, fraction);
  }
  // ADM's gain is linear, and so is its interpolation.
  out.gainDb = 20 * Math.log10(lerp(dbToGain(from.gainDb), dbToGain(to.gainDb), fraction));
  out.width = lerp(from.width, to.width, fraction);
  out.height = lerp(from.height, to.height, fraction);
  out.depth = lerp(from.depth, to.depth, fraction);
  out.diffuse = lerp(from.diffuse, to.diffuse, fraction);
  out.channelLock = to.channelLock;
  out.objectDivergence = to.objectDivergence;
  out.zoneExclusion = to.zoneExclusion;
}

function lerp(a: number, b: number, fraction: number): number {
  return a + (b - a) * fraction;
}
