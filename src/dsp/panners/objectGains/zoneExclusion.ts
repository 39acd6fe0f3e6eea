import type { Degrees } from '../../../core/units';
import type { ExclusionZone } from './objectBlock';
import { isCartesianZone } from './objectBlock';
import { insideAzimuthArc, writeDirection } from './vector3';

/**
 * Zone exclusion (ITU-R BS.2127): loudspeakers inside any of the block's zones are
 * silenced and their power moved to others.
 *
 * A loudspeaker is inside a polar zone when its nominal elevation is in
 * [minElevation, maxElevation] and its azimuth on the arc from minAzimuth to maxAzimuth
 * (loudspeakers at the poles match any arc); inside a Cartesian zone when its nominal
 * direction vector lies in the box. Tolerance 1e-6 either way.
 *
 * Each loudspeaker ranks the others (itself first) by, in order: layer change (same
 * layer, then up before down: layers B < -10, M < 10, U < 75 degrees, T above), crossing
 * between front and back, distance, front-back distance; equal ranks (within 1e-6) form
 * a group. An excluded loudspeaker's power goes in equal parts to the non-excluded
 * members of its best group that has any. All or none excluded: nothing moves.
 */
export interface ZoneExclusion {
  readonly count: number;
  /** Nominal direction vectors, 3 numbers a loudspeaker. */
  readonly directions: Float64Array;
  readonly azimuthsDeg: Float64Array;
  readonly elevationsDeg: Float64Array;
  /** Per loudspeaker i, its groups in priority order: members groupMembers[groupStart[g]..groupStart[g+1]) for g in groupsOf[i]..groupsOf[i+1]. */
  readonly groupsOf: Int32Array;
  readonly groupStart: Int32Array;
  readonly groupMembers: Int32Array;
  readonly power: Float64Array;
}

const TOLERANCE = 1e-6;

/** Layer-change priority [from layer][to layer], layers B, M, U, T: same first, then up before down. */
const LAYER_PRIORITY = [
  [0, 1, 2, 3],
  [3, 0, 1, 2],
  [3, 2, 0, 1],
  [3, 2, 1, 0],
] as const;

function layerOf(elevationDeg: Degrees): number {
  if (elevationDeg < -10) return 0;
  if (elevationDeg < 10) return 1;
  if (elevationDeg < 75) return 2;
  return 3;
}

function toleranceSign(value: number): number {
  return value > TOLERANCE ? 1 : value < -TOLERANCE ? -1 : 0;
}

/** For loudspeakers at nominal (azimuth, elevation), LFE excluded. */
export function createZoneExclusion(azimuthsDeg: readonly Degrees[], elevationsDeg: readonly Degrees[]): ZoneExclusion {
  const count = azimuthsDeg.length;
  const directions = new Float64Array(3 * count);
  for (let i = 0; i < count; i++) writeDirection(azimuthsDeg[i]!, elevationsDeg[i]!, 1, directions, 3 * i);
  const groupsOf = [0];
  const groupStart = [0];
  const groupMembers: number[] = [];
  for (let i = 0; i < count; i++) {
    const groups: Array<{ key: number[]; members: number[] }> = [];
    for (let j = 0; j < count; j++) {
      const key = rankKey(i, j, directions, elevationsDeg);
      const same = groups.find((group) => group.key.every((value, k) => Math.abs(value - key[k]!) < TOLERANCE));
      if (same === undefined) groups.push({ key, members: [j] });
      else same.members.push(j);
    }
    groups.sort((a, b) => compareKeys(a.key, b.key));
    for (const group of groups) {
      groupMembers.push(...group.members);
      groupStart.push(groupMembers.length);
    }
    groupsOf.push(groupStart.length - 1);
  }
  return {
    count,
    directions,
    azimuthsDeg: Float64Array.from(azimuthsDeg),
    elevationsDeg: Float64Array.from(elevationsDeg),
    groupsOf: Int32Array.from(groupsOf),
    groupStart: Int32Array.from(groupStart),
    groupMembers: Int32Array.from(groupMembers),
    power: new Float64Array(count),
  };
}

function rankKey(from: number, to: number, directions: Float64Array, elevationsDeg: readonly Degrees[]): number[] {
  const dx = directions[3 * from]! - directions[3 * to]!;
  const dy = directions[3 * from + 1]! - directions[3 * to + 1]!;
  const dz = directions[3 * from + 2]! - directions[3 * to + 2]!;
  return [
    LAYER_PRIORITY[layerOf(elevationsDeg[from]!)]![layerOf(elevationsDeg[to]!)]!,
    Math.abs(toleranceSign(directions[3 * from + 1]!) - toleranceSign(directions[3 * to + 1]!)),
    Math.sqrt(dx * dx + dy * dy + dz * dz),
    Math.abs(dy),
  ];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

/** excluded[i] = 1 when loudspeaker i lies in any zone, else 0. Allocation-free. */
export function writeExcluded(state: ZoneExclusion, zones: readonly ExclusionZone[], excluded: Uint8Array): void {
  excluded.fill(0, 0, state.count);
  for (let z = 0; z < zones.length; z++) {
    const zone = zones[z]!;
    for (let i = 0; i < state.count; i++) {
      if (isCartesianZone(zone)) {
        const x = state.directions[3 * i]!;
        const y = state.directions[3 * i + 1]!;
        const z = state.directions[3 * i + 2]!;
        if (
          x - TOLERANCE < zone.maxX && y - TOLERANCE < zone.maxY && z - TOLERANCE < zone.maxZ &&
          x + TOLERANCE > zone.minX && y + TOLERANCE > zone.minY && z + TOLERANCE > zone.minZ
        ) excluded[i] = 1;
      } else {
        const el = state.elevationsDeg[i]!;
        if (
          el - TOLERANCE < zone.maxElevation && el + TOLERANCE > zone.minElevation &&
          (Math.abs(el) > 90 - TOLERANCE || insideAzimuthArc(state.azimuthsDeg[i]!, zone.minAzimuth, zone.maxAzimuth, TOLERANCE))
        ) excluded[i] = 1;
      }
    }
  }
}

/** out = gains with the excluded loudspeakers' power moved as described above (out may be gains). */
export function applyZoneExclusion(state: ZoneExclusion, excluded: Uint8Array, gains: Float64Array, out: Float64Array): void {
  const n = state.count;
  let excludedCount = 0;
  for (let i = 0; i < n; i++) excludedCount += excluded[i]!;
  if (excludedCount === 0 || excludedCount === n) {
    for (let i = 0; i < n; i++) out[i] = gains[i]!;
    return;
  }
  const { power, groupsOf, groupStart, groupMembers } = state;
  power.fill(0);
  for (let i = 0; i < n; i++) {
    const share = gains[i]! * gains[i]!;
    for (let g = groupsOf[i]!; g < groupsOf[i + 1]!; g++) {
      let open = 0;
      for (let m = groupStart[g]!; m < groupStart[g + 1]!; m++) if (excluded[groupMembers[m]!] === 0) open++;
      if (open === 0) continue;
      for (let m = groupStart[g]!; m < groupStart[g + 1]!; m++) {
        const j = groupMembers[m]!;
        if (excluded[j] === 0) power[j] = power[j]! + share / open;
      }
      break;
    }
  }
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(power[i]!);
}
