import { ALLOCENTRIC_POSITIONS_FILE, allocentricPosition } from '../../../core/allocentricPositions';
import type { LayoutChannel, LoudspeakerChannel } from '../../../core/layouts';
import type { Degrees } from '../../../core/units';
import { allocentricExtentGains, createAllocentricExtent } from './allocentricExtent';
import type { AllocentricExtentState } from './allocentricExtent';
import { allocentricPointGains, createAllocentricSpeakers } from './allocentricSpeakers';
import { applyChannelLock, CARTESIAN_LOCK_WEIGHTS, createChannelLock, POLAR_LOCK_WEIGHTS } from './channelLock';
import type { ChannelLockState } from './channelLock';
import {
  writeCartesianExtentAsPolar,
  writeCartesianPointAsPolar,
  writePolarExtentAsCartesian,
  writePolarPointAsCartesian,
} from './coordinateConversion';
import { writeDivergedSources } from './divergence';
import type { ObjectBlock } from './objectBlock';
import { isCartesianPosition } from './objectBlock';
import type { PointSourcePanner } from './pointSourcePanner';
import { createPolarExtent, polarExtentGains } from './polarExtent';
import type { PolarExtentState } from './polarExtent';
import { clamp, writeDirection } from './vector3';
import { applyZoneExclusion, createZoneExclusion, writeExcluded } from './zoneExclusion';
import type { ZoneExclusion } from './zoneExclusion';

/**
 * ITU-R BS.2127's gain calculation for one block of an object's metadata: direct and
 * diffuse gains per channel of a layout (the EBU ADM Renderer's GainCalc gives the
 * reference values, tests/fixtures/ear/gainCalc).
 *
 * 1. Position and extent in the kind the `cartesian` flag asks for (converted by
 *    section 10 when the position is of the other kind). A polar position becomes its
 *    vector (length = distance); a Cartesian one is clipped to the cube.
 * 2. Cartesian: zone exclusion removes loudspeakers (and, for one on a side wall, its
 *    whole row, which the allocentric panner needs); channel lock (weighted distance,
 *    allocentric positions); divergence; each source panned by the allocentric point
 *    panner or, with any size, the allocentric extent, over the remaining loudspeakers.
 *    Polar: channel lock (unit directions); divergence; each source through the polar
 *    extent panner (which at zero extent and distance 1 is the point-source panner).
 * 3. The sources' gains combine by power: g = sqrt(sum_k share_k g_k^2).
 * 4. Polar: excluded loudspeakers' power moves to their neighbours (zoneExclusion.ts).
 * 5. Times the block's gain; the LFE gets 0; direct = g sqrt(1 - diffuse),
 *    diffuse = g sqrt(diffuse) (diffuse clamped to [0, 1]; a gain that is not finite
 *    becomes 0).
 *
 * Known difference kept for agreement with the reference: the allocentric extent takes
 * (width, height, depth) as its (X, Y, Z) sizes, so `height` acts front-back and `depth`
 * up-down there, although a Cartesian block's height is its Z size.
 */

/** A layout as the calculator needs it: BS.2051 name (for the allocentric positions) and channels in order. */
export interface ObjectGainLayout {
  readonly name: string;
  readonly channels: readonly LayoutChannel[];
}

/** Gains per layout channel (LFE included, 0). */
export interface ObjectGains {
  readonly direct: Float64Array;
  readonly diffuse: Float64Array;
}

/** The loudspeakers left to the allocentric panner by one exclusion mask. */
interface AllocentricSubset {
  /** Index (among the non-LFE loudspeakers) of each member. */
  readonly members: Int32Array;
  readonly extent: AllocentricExtentState;
  readonly gains: Float64Array;
}

export interface ObjectGainCalculator {
  readonly channelCount: number;
  /** Layout channel index of each non-LFE loudspeaker. */
  readonly speakerChannels: Int32Array;
  readonly allocentricPositions: Float64Array;
  readonly polarLock: ChannelLockState;
  readonly cartesianLock: ChannelLockState;
  readonly zones: ZoneExclusion;
  readonly polarExtent: PolarExtentState | null;
  /** By exclusion bit mask; filled on first use of a mask (the mask of none at set-up). */
  readonly allocentricSubsets: Map<number, AllocentricSubset>;
  readonly position: Float64Array;
  readonly extent: Float64Array;
  readonly polar: Float64Array;
  readonly shares: Float64Array;
  readonly sources: Float64Array;
  readonly source: Float64Array;
  readonly sourceGains: Float64Array;
  readonly power: Float64Array;
  readonly excluded: Uint8Array;
}

/**
 * Set-up (allocates): the calculator for `layout` (its loudspeakers where they really
 * are). `pointSourcePanner` (over the non-LFE loudspeakers in order) is needed for polar
 * blocks; without it they throw. Zone exclusion goes by the nominal positions,
 * `nominalLayout`'s (the same labels in the same order), as BS.2127 does.
 */
export function createObjectGainCalculator(
  layout: ObjectGainLayout,
  pointSourcePanner: PointSourcePanner | null,
  nominalLayout: ObjectGainLayout = layout,
): ObjectGainCalculator {
  const speakers = layout.channels.filter((channel): channel is LoudspeakerChannel => !channel.isLfe);
  const nominal = nominalLayout.channels.filter((channel): channel is LoudspeakerChannel => !channel.isLfe);
  if (nominal.map((s) => s.label).join() !== speakers.map((s) => s.label).join()) {
    throw new Error(`object gains: the nominal layout "${nominalLayout.name}" has other loudspeakers than "${layout.name}"`);
  }
  if (speakers.length > 30) throw new Error(`object gains: layout "${layout.name}" has ${speakers.length} loudspeakers, at most 30 supported`);
  if (pointSourcePanner !== null && pointSourcePanner.channelCount !== speakers.length) {
    throw new Error(`object gains: the point-source panner has ${pointSourcePanner.channelCount} channels, layout "${layout.name}" ${speakers.length} loudspeakers`);
  }
  const azimuths = speakers.map((s) => s.azimuthDeg);
  const elevations = speakers.map((s) => s.elevationDeg);
  const directions = new Float64Array(3 * speakers.length);
  for (const [i, s] of speakers.entries()) writeDirection(s.azimuthDeg, s.elevationDeg, 1, directions, 3 * i);
  const allocentric = allocentricPositionsOf(layout.name, speakers);
  const calculator: ObjectGainCalculator = {
    channelCount: layout.channels.length,
    speakerChannels: Int32Array.from(layout.channels.flatMap((channel, index) => (channel.isLfe ? [] : [index]))),
    allocentricPositions: allocentric,
    polarLock: createChannelLock(directions, azimuths, elevations, POLAR_LOCK_WEIGHTS),
    cartesianLock: createChannelLock(allocentric, azimuths, elevations, CARTESIAN_LOCK_WEIGHTS),
    zones: createZoneExclusion(nominal.map((s) => s.azimuthDeg), nominal.map((s) => s.elevationDeg)),
    polarExtent: pointSourcePanner === null ? null : createPolarExtent(pointSourcePanner),
    allocentricSubsets: new Map(),
    position: new Float64Array(3),
    extent: new Float64Array(3),
    polar: new Float64Array(3),
    shares: new Float64Array(3),
    sources: new Float64Array(9),
    source: new Float64Array(3),
    sourceGains: new Float64Array(speakers.length),
    power: new Float64Array(speakers.length),
    excluded: new Uint8Array(speakers.length),
  };
  allocentricSubset(calculator, 0);
  return calculator;
}

function allocentricPositionsOf(layoutName: string, speakers: readonly LoudspeakerChannel[]): Float64Array {
  const out = new Float64Array(3 * speakers.length);
  for (const [i, speaker] of speakers.entries()) {
    if (speaker.label === 'M+SC' || speaker.label === 'M-SC') {
      writeScreenSpeakerPosition(speaker.azimuthDeg, out, 3 * i);
      continue;
    }
    const position = allocentricPosition(layoutName, speaker.label);
    if (position === undefined) throw new Error(`${ALLOCENTRIC_POSITIONS_FILE}: layout "${layoutName}" has no allocentric position for "${speaker.label}"`);
    out.set(position, 3 * i);
  }
  return out;
}

/**
 * A screen loudspeaker (M+SC, M-SC) on the cube: its azimuth converted by section 10,
 * snapped onto the front wall (Y = 1) or the side wall (|X| = 1) it lies on.
 */
function writeScreenSpeakerPosition(azimuthDeg: Degrees, out: Float64Array, o: number): void {
  writePolarPointAsCartesian(Math.abs(azimuthDeg), 0, 1, out, o);
  const atFront = Math.abs(out[o + 1]! - 1) < 1e-10;
  const atSide = Math.abs(out[o]! + 1) < 1e-10;
  if (!atFront && !atSide) throw new Error(`object gains: screen loudspeaker at azimuth ${azimuthDeg} is on neither the front nor a side wall`);
  if (atFront) out[o + 1] = 1;
  if (atSide) out[o] = -1;
  out[o] = out[o]! * Math.sign(azimuthDeg);
}

export function createObjectGains(calculator: ObjectGainCalculator): ObjectGains {
  return { direct: new Float64Array(calculator.channelCount), diffuse: new Float64Array(calculator.channelCount) };
}

/**
 * Prepares, off the audio thread, what `block` will need: the allocentric panner for the
 * loudspeakers its zone exclusion leaves (Cartesian blocks). Call it when a block arrives
 * so that `computeObjectGains` allocates nothing on the audio thread.
 */
export function prepareObjectBlock(calculator: ObjectGainCalculator, block: ObjectBlock): void {
  if (!block.cartesian || block.zoneExclusion.length === 0) return;
  writeExcluded(calculator.zones, block.zoneExclusion, calculator.excluded);
  allocentricSubset(calculator, excludeRowsOfSideSpeakers(calculator.allocentricPositions, calculator.excluded));
}

/**
 * The block's direct and diffuse gains into `out`. Allocation-free once the block has been
 * prepared (`prepareObjectBlock`); an unprepared Cartesian block that excludes a new set of
 * loudspeakers prepares its panner here.
 */
export function computeObjectGains(calculator: ObjectGainCalculator, block: ObjectBlock, out: ObjectGains): void {
  const { power, speakerChannels, excluded } = calculator;
  resolveGeometry(calculator, block);
  if (block.cartesian) cartesianPower(calculator, block);
  else polarPower(calculator, block);

  for (let i = 0; i < power.length; i++) power[i] = Math.sqrt(power[i]!);
  if (!block.cartesian) {
    writeExcluded(calculator.zones, block.zoneExclusion, excluded);
    applyZoneExclusion(calculator.zones, excluded, power, power);
  }
  // out-of-range metadata must not make NaN gains on the audio thread
  const diffuseShare = clamp(block.diffuse, 0, 1);
  const direct = Math.sqrt(1 - diffuseShare);
  const diffuse = Math.sqrt(diffuseShare);
  out.direct.fill(0);
  out.diffuse.fill(0);
  for (let i = 0; i < power.length; i++) {
    const g = Number.isFinite(power[i]! * block.gain) ? power[i]! * block.gain : 0;
    out.direct[speakerChannels[i]!] = g * direct;
    out.diffuse[speakerChannels[i]!] = g * diffuse;
  }
}

/** calculator.position and calculator.extent (width, height, depth) in the flag's kind. */
function resolveGeometry(calculator: ObjectGainCalculator, block: ObjectBlock): void {
  const { position, extent, polar } = calculator;
  const p = block.position;
  if (block.cartesian) {
    if (isCartesianPosition(p)) {
      position[0] = p.X;
      position[1] = p.Y;
      position[2] = p.Z;
      extent[0] = block.width;
      extent[1] = block.height;
      extent[2] = block.depth;
    } else {
      writePolarPointAsCartesian(p.azimuth, p.elevation, p.distance, position);
      writePolarExtentAsCartesian(p.azimuth, p.elevation, block.width, block.height, block.depth, polar);
      extent[0] = polar[0]!;
      extent[1] = polar[2]!;
      extent[2] = polar[1]!;
    }
    for (let k = 0; k < 3; k++) position[k] = clamp(position[k]!, -1, 1);
  } else if (isCartesianPosition(p)) {
    writeCartesianPointAsPolar(p.X, p.Y, p.Z, polar);
    writeCartesianExtentAsPolar(polar[0]!, polar[1]!, block.width, block.depth, block.height, extent);
    writeDirection(polar[0]!, polar[1]!, polar[2]!, position);
  } else {
    writeDirection(p.azimuth, p.elevation, p.distance, position);
    extent[0] = block.width;
    extent[1] = block.height;
    extent[2] = block.depth;
  }
}

function polarPower(calculator: ObjectGainCalculator, block: ObjectBlock): void {
  const { position, extent, shares, sources, source, sourceGains, power } = calculator;
  const state = calculator.polarExtent;
  if (state === null) throw new Error('object gains: a polar block needs the point-source panner');
  if (block.channelLock.flag) applyChannelLock(calculator.polarLock, block.channelLock.maxDistance, null, position);
  const count = writeDivergedSources(position, block.objectDivergence, false, shares, sources);
  power.fill(0);
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < 3; j++) source[j] = sources[3 * k + j]!;
    polarExtentGains(state, source, extent[0]!, extent[1]!, extent[2]!, sourceGains);
    for (let i = 0; i < power.length; i++) power[i] = power[i]! + shares[k]! * sourceGains[i]! * sourceGains[i]!;
  }
}

function cartesianPower(calculator: ObjectGainCalculator, block: ObjectBlock): void {
  const { position, extent, shares, sources, power, excluded } = calculator;
  writeExcluded(calculator.zones, block.zoneExclusion, excluded);
  const mask = excludeRowsOfSideSpeakers(calculator.allocentricPositions, excluded);
  const subset = allocentricSubset(calculator, mask);
  if (block.channelLock.flag) applyChannelLock(calculator.cartesianLock, block.channelLock.maxDistance, excluded, position);
  const count = writeDivergedSources(position, block.objectDivergence, true, shares, sources);
  const isPoint = extent[0] === 0 && extent[1] === 0 && extent[2] === 0;
  const { members, gains } = subset;
  power.fill(0);
  for (let k = 0; k < count; k++) {
    const x = sources[3 * k]!;
    const y = sources[3 * k + 1]!;
    const z = sources[3 * k + 2]!;
    if (isPoint) allocentricPointGains(subset.extent.speakers, x, y, z, gains);
    else allocentricExtentGains(subset.extent, x, y, z, extent[0]!, extent[1]!, extent[2]!, gains);
    for (let m = 0; m < members.length; m++) {
      const i = members[m]!;
      power[i] = power[i]! + shares[k]! * gains[m]! * gains[m]!;
    }
  }
}

/**
 * The allocentric panner needs whole rows: a loudspeaker excluded on a side wall (|X| = 1,
 * |Y| < 1) takes the rest of its row (same Y and Z) with it. If that leaves none, none is
 * excluded. Updates `excluded` and returns it as a bit mask.
 */
function excludeRowsOfSideSpeakers(positions: Float64Array, excluded: Uint8Array): number {
  const n = excluded.length;
  let mask = 0;
  for (let i = 0; i < n; i++) if (excluded[i] === 1) mask |= 1 << i;
  for (let i = 0; i < n; i++) {
    if ((mask & (1 << i)) === 0) continue;
    if (Math.abs(positions[3 * i]!) !== 1 || Math.abs(positions[3 * i + 1]!) === 1) continue;
    for (let k = 0; k < n; k++) {
      if (positions[3 * k + 1] === positions[3 * i + 1] && positions[3 * k + 2] === positions[3 * i + 2]) mask |= 1 << k;
    }
  }
  if (mask === 2 ** n - 1) mask = 0;
  for (let i = 0; i < n; i++) excluded[i] = (mask >>> i) & 1;
  return mask;
}

function allocentricSubset(calculator: ObjectGainCalculator, mask: number): AllocentricSubset {
  const cached = calculator.allocentricSubsets.get(mask);
  if (cached !== undefined) return cached;
  const n = calculator.excluded.length;
  const members = Int32Array.from([...Array(n).keys()].filter((i) => (mask & (1 << i)) === 0));
  const positions = new Float64Array(3 * members.length);
  for (const [m, i] of members.entries()) positions.set(calculator.allocentricPositions.subarray(3 * i, 3 * i + 3), 3 * m);
  const subset = { members, extent: createAllocentricExtent(createAllocentricSpeakers(positions)), gains: new Float64Array(members.length) };
  calculator.allocentricSubsets.set(mask, subset);
  return subset;
}
