import type { AllocentricSpeakers } from './allocentricSpeakers';
import { allocentricPointGains, columnShare, planeShare, rowShare } from './allocentricSpeakers';
import { interpolate, normalise } from './vector3';

/**
 * Extent of a Cartesian object on the allocentric panner (ITU-R BS.2127's Cartesian
 * extent; the EBU ADM Renderer's allo_extent gives the reference values).
 *
 * The cube is sampled on a grid of N = 40 points per axis (Z: 40 from -1 to 1 when the
 * loudspeakers lie on three or more heights, else 20 from 0 to 1). Each grid coordinate
 * has, per loudspeaker, its share along that axis (the point panner's law, planeShare
 * etc.), and a weight that falls off with the distance from the source,
 *   w(t) = 10^-min((1.5 (t - t_o) / (2 s))^4, 6.5)    (Z: / s, times cos(3 pi t / 7)),
 * where s is the size scaled by the table (0, 0.2, 0.5, 0.75, 1) -> (0, 0.3, 1, 1.8, 2.8)
 * (at least one grid step). Per axis, f = sum over the grid of (share w)^p, with the
 * exponent p = 6 for an effective size up to 0.5 falling linearly to 2 at 2.8. A
 * loudspeaker's gain is the p-th root of its energy inside the box, fx fy fz normalised
 * and weighted by mu (which grows with the size and shrinks near the cube's faces), plus
 * that of the box's six faces; the result is normalised and, below an effective size of
 * 0.2, crossfaded (cos/sin) from the point gains.
 *
 * Cache: the per-axis shares of every grid coordinate depend only on the loudspeakers, so
 * they are computed once per loudspeaker set; a call costs about 3 N loudspeakers powers.
 */

const GRID_POINTS = 40;
const EXPONENT_LIMIT = 6.5;
const ENERGY_FLOOR = 10 ** -EXPONENT_LIMIT;
const SIZE_MAX = 2.8;
const POINT_FADE_SIZE = 0.2;

export interface AllocentricExtentState {
  readonly speakers: AllocentricSpeakers;
  readonly gridX: Float64Array;
  readonly gridY: Float64Array;
  readonly gridZ: Float64Array;
  /** Loudspeaker-major shares: shareX[i * N + k] is loudspeaker i's share at gridX[k]. */
  readonly shareX: Float64Array;
  readonly shareY: Float64Array;
  readonly shareZ: Float64Array;
  /** Z below 0 is folded to 0 when the loudspeakers span fewer than three heights. */
  readonly fullHeight: boolean;
  /** How many axes the loudspeakers spread along (1 line, 2 plane, 3 cube). */
  readonly dimensions: number;
  readonly weightX: Float64Array;
  readonly weightY: Float64Array;
  readonly weightZ: Float64Array;
  readonly fx: Float64Array;
  readonly fy: Float64Array;
  readonly fz: Float64Array;
  readonly inside: Float64Array;
  readonly point: Float64Array;
}

export function createAllocentricExtent(speakers: AllocentricSpeakers): AllocentricExtentState {
  const n = speakers.count;
  const fullHeight = speakers.planeZ.length >= 3;
  const linspace = (from: number, to: number, count: number): Float64Array =>
    Float64Array.from({ length: count }, (_, k) => from + ((to - from) * k) / (count - 1));
  const gridX = linspace(-1, 1, GRID_POINTS);
  const gridY = linspace(-1, 1, GRID_POINTS);
  const gridZ = fullHeight ? linspace(-1, 1, GRID_POINTS) : linspace(0, 1, GRID_POINTS / 2);
  const shares = (grid: Float64Array, share: (i: number, t: number) => number): Float64Array => {
    const out = new Float64Array(n * grid.length);
    for (let i = 0; i < n; i++) for (let k = 0; k < grid.length; k++) out[i * grid.length + k] = share(i, grid[k]!);
    return out;
  };
  let dimensions = 0;
  for (let axis = 0; axis < 3; axis++) {
    let varies = false;
    for (let i = 1; i < n; i++) if (speakers.positions[3 * i + axis] !== speakers.positions[axis]) varies = true;
    if (varies) dimensions++;
  }
  return {
    speakers,
    gridX,
    gridY,
    gridZ,
    shareX: shares(gridX, (i, t) => columnShare(speakers, i, t)),
    shareY: shares(gridY, (i, t) => rowShare(speakers, i, t)),
    shareZ: shares(gridZ, (i, t) => planeShare(speakers, i, t)),
    fullHeight,
    dimensions,
    weightX: new Float64Array(gridX.length),
    weightY: new Float64Array(gridY.length),
    weightZ: new Float64Array(gridZ.length),
    fx: new Float64Array(n),
    fy: new Float64Array(n),
    fz: new Float64Array(n),
    inside: new Float64Array(n),
    point: new Float64Array(n),
  };
}

const SIZE_IN = [0, 0.2, 0.5, 0.75, 1];
const SIZE_SCALED = [0, 0.3, 1, 1.8, SIZE_MAX];

function scaledSize(size: number): number {
  return interpolate(Math.min(size, 1), SIZE_IN, SIZE_SCALED);
}

/**
 * Gains of an object at (x, y, z) with sizes (sizeX, sizeY, sizeZ) into
 * out[0..speakers.count-1], unit power. Allocation-free.
 */
export function allocentricExtentGains(
  state: AllocentricExtentState,
  x: number,
  y: number,
  zIn: number,
  sizeX: number,
  sizeY: number,
  sizeZ: number,
  out: Float64Array,
): void {
  const { speakers, gridX, gridY, gridZ, weightX, weightY, weightZ, fx, fy, fz, inside, point } = state;
  const n = speakers.count;
  const z = state.fullHeight ? zIn : Math.max(0, zIn);
  const sx = Math.max(scaledSize(sizeX), 2 / (gridX.length - 1));
  const sy = Math.max(scaledSize(sizeY), 2 / (gridY.length - 1));
  const sz = Math.max(scaledSize(sizeZ), 2 / (gridZ.length - 1));
  const effective = effectiveSize(speakers, sx, sy, sz);
  const p = effective <= 0.5 ? 6 : 6 - (4 * (effective - 0.5)) / (SIZE_MAX - 0.5);

  writeWeights(gridX, x, 2 * sx, weightX);
  writeWeights(gridY, y, 2 * sy, weightY);
  writeWeights(gridZ, z, sz, weightZ);
  for (let k = 0; k < gridZ.length; k++) weightZ[k] = weightZ[k]! * Math.cos((gridZ[k]! * Math.PI * 3) / 7);
  axisEnergies(state.shareX, weightX, p, n, fx);
  axisEnergies(state.shareY, weightY, p, n, fy);
  axisEnergies(state.shareZ, weightZ, p, n, fz);

  for (let i = 0; i < n; i++) inside[i] = fx[i]! * fy[i]! * fz[i]!;
  normalise(inside, n);
  const mu = insideWeight(state.dimensions, sx, sy, sz, x, y, z);
  const nx = gridX.length;
  const ny = gridY.length;
  const nz = gridZ.length;
  for (let i = 0; i < n; i++) {
    const faces =
      (facePower(state.shareX, weightX, i, 0, p) + facePower(state.shareX, weightX, i, nx - 1, p)) * fy[i]! * fz[i]! +
      (facePower(state.shareY, weightY, i, 0, p) + facePower(state.shareY, weightY, i, ny - 1, p)) * fx[i]! * fz[i]! +
      (facePower(state.shareZ, weightZ, i, 0, p) + facePower(state.shareZ, weightZ, i, nz - 1, p)) * fx[i]! * fy[i]!;
    out[i] = Math.pow(faces + mu * inside[i]!, 1 / p);
  }
  normalise(out, n);

  if (effective < POINT_FADE_SIZE) {
    const angle = (effective * Math.PI) / (2 * POINT_FADE_SIZE);
    allocentricPointGains(speakers, x, y, z, point);
    for (let i = 0; i < n; i++) out[i] = Math.cos(angle) * point[i]! + Math.sin(angle) * out[i]!;
    normalise(out, n);
  }
}

/** (share w)^p of loudspeaker i at grid index k (a face of the box when k is 0 or the last). */
function facePower(shares: Float64Array, weights: Float64Array, i: number, k: number, p: number): number {
  return Math.pow(shares[i * weights.length + k]! * weights[k]!, p);
}

function writeWeights(grid: Float64Array, centre: number, width: number, out: Float64Array): void {
  for (let k = 0; k < grid.length; k++) {
    const r = (1.5 * (grid[k]! - centre)) / width;
    out[k] = Math.pow(10, -Math.min(r * r * r * r, EXPONENT_LIMIT));
  }
}

function axisEnergies(shares: Float64Array, weights: Float64Array, p: number, n: number, out: Float64Array): void {
  const count = weights.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < count; k++) sum += Math.pow(shares[i * count + k]! * weights[k]!, p);
    out[i] = sum < ENERGY_FLOOR ? 0 : sum;
  }
}

/** The size that sets the exponent: the largest size dominates, weighted by the loudspeakers' spread. */
function effectiveSize(speakers: AllocentricSpeakers, sx: number, sy: number, sz: number): number {
  const positions = speakers.positions;
  let sameYZ = true;
  let sameZ = true;
  for (let i = 1; i < speakers.count; i++) {
    if (positions[3 * i + 2] !== positions[2]) sameZ = false;
    if (positions[3 * i + 1] !== positions[1] || positions[3 * i + 2] !== positions[2]) sameYZ = false;
  }
  if (sameYZ) return sx;
  if (sameZ) return 0.75 * Math.max(sx, sy) + 0.25 * Math.min(sx, sy);
  const large = Math.max(sx, sy, sz);
  const small = Math.min(sx, sy, sz);
  const middle = sx + sy + sz - large - small;
  return (6 * large + 2 * middle + small) / 9;
}

/** Weight of the box's inside against its faces: larger boxes, and boxes away from the cube's faces, weigh more. */
function insideWeight(dimensions: number, sx: number, sy: number, sz: number, x: number, y: number, z: number): number {
  // a single loudspeaker (no spread) is treated as a cube, as the reference does
  let bound = Math.min(x + 1, 1 - x);
  if (dimensions !== 1) bound = Math.min(bound, y + 1, 1 - y);
  if (dimensions !== 1 && dimensions !== 2) bound = Math.min(bound, z + 1, 1 - z);
  if (dimensions === 1) return boundedSize(sx, bound) ** 3;
  if (dimensions === 2) return Math.pow(boundedSize(sx, bound) * boundedSize(sy, bound), 1.5);
  return boundedSize(sx, bound) * boundedSize(sy, bound) * boundedSize(sz, bound);
}

function boundedSize(s: number, bound: number): number {
  if (bound >= 2 * s && bound >= 0.4) {
    const m = Math.max(2 * s, 0.4);
    return Math.cbrt((m * m * m) / (0.16 * 2 * s));
  }
  const a = bound / 0.4;
  return Math.cbrt((bound / 2) * a * a);
}
