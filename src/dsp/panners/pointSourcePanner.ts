import { getLayout } from '../../core/layouts';
import type { LoudspeakerChannel, LoudspeakerLayout } from '../../core/layouts';
import { RADIANS_PER_DEGREE } from '../../core/units';
import type { Degrees } from '../../core/units';
import { convexHullFacets, cross, dot, subtract } from './convexHullFacets';
import type { Vector3 } from './convexHullFacets';

/**
 * The point-source panner of ITU-R BS.2127 section 6.1 (the EBU ADM Renderer's
 * `point_source.configure`) for every layout but 0+2+0 (stereoFoldDown.ts): the gains
 * of a layout's loudspeakers for a source in direction p (unit vector, x right, y front,
 * z up).
 *
 * Set-up (allocates):
 * 1. Vertices: the layout's loudspeakers (LFE aside). Where a layer above (nominal
 *    elevation 10 to 70 degrees) or below (-70 to -10) has no loudspeaker over a middle
 *    loudspeaker (nominal elevation -10 to 10) that is at least 40 degrees wider than
 *    the layer's widest (every middle loudspeaker when the layer is empty), a virtual
 *    copy of it at the layer's elevation (nominal +/-30; really the mean of the layer's
 *    loudspeakers, or +/-30), whose gain is added to the loudspeaker it copies. A virtual
 *    loudspeaker at the bottom pole, and at the top pole unless the layout has T+000 or
 *    UH+180. Screen loudspeakers M+/-SC count as nominally at 15 degrees if within 30 of
 *    the centre, else at 45.
 * 2. The convex hull of the vertices' nominal positions (convexHullFacets.ts). The
 *    facets round a pole become a virtual n-gon: triangles (v_i, v_i+1, pole) of its
 *    ring of n loudspeakers, the pole's gain going to each of them times 1/sqrt(n). The
 *    other facets are triangles (VBAP) or quadrilaterals; larger ones are refused.
 * 3. Every region computes with the loudspeakers' real positions (a user layout's).
 *
 * Gains (allocation-free, `pointSourceGains`): the first region containing p gives the
 * vertex gains w:
 * - triangle (u_0, u_1, u_2): w solves w_0 u_0 + w_1 u_1 + w_2 u_2 = p; p is inside
 *   when every w_k >= -1e-11 (negatives then set to 0);
 * - quadrilateral (a, b, c, d) in cyclic order: p lies on the segment between
 *   a + x (b - a) and d + x (c - d), and between b + y (c - b) and a + y (d - a), for x
 *   and y in [0, 1], i.e. p . [(a + x(b - a)) x (d + x(c - d))] = 0, a quadratic in x
 *   (and likewise in y); w = ((1-x)(1-y), x(1-y), xy, (1-x)y), and p is inside only if
 *   (sum w_k u_k) . p > 0 (not the quad's antipode).
 * Then each virtual loudspeaker's gain is added to the loudspeaker it feeds, and the
 * loudspeaker gains are normalised to unit power.
 *
 * Invariants (tested against the reference renderer and over grids): gains >= 0, sum of
 * squares 1, mirrored for a mirrored direction on a left/right symmetric layout, a
 * loudspeaker's direction gives that loudspeaker alone.
 */
export interface PointSourcePanner {
  /** Every channel of the layout, LFE included (its gain is always 0). */
  readonly channelCount: number;
  /** Per vertex (loudspeaker or virtual copy; poles are not vertices), the layout channel it feeds. */
  readonly vertexChannel: Int32Array;
  readonly triangleCount: number;
  /** 3 vertices a triangle; -1 is its n-gon's pole. */
  readonly triangleCorners: Int32Array;
  /** 9 numbers a triangle: the rows of [u_0 u_1 u_2]^-1 (columns u_k), so w_k = row_k . p. */
  readonly triangleInverse: Float64Array;
  /** The n-gon a triangle belongs to, or -1. */
  readonly triangleNgon: Int32Array;
  /** N-gon k's ring is ngonVertices[ngonStart[k] .. ngonStart[k + 1]). */
  readonly ngonStart: Int32Array;
  readonly ngonVertices: Int32Array;
  readonly quadCount: number;
  /** 4 vertices a quadrilateral, in cyclic order. */
  readonly quadCorners: Int32Array;
  /** 12 numbers a quadrilateral: its corners' real unit vectors. */
  readonly quadPositions: Float64Array;
  /** 18 numbers a quadrilateral: for x, then y, the vectors A, B, C with p . (A t^2 + B t + C) = 0. */
  readonly quadAxes: Float64Array;
  /** Scratch: the vertices' gains. */
  readonly vertexGains: Float64Array;
}

/** How far below 0 a triangle's gain may be with p still inside (BS.2127's tolerance for rounding). */
const TRIANGLE_TOLERANCE = -1e-11;
/** How far outside [0, 1] a quadrilateral's coordinate may be with p still inside. */
const QUAD_TOLERANCE = 1e-10;

interface Vertex {
  readonly channel: number;
  readonly nominal: Vector3;
  readonly real: Vector3;
}

/** The unit vector of BS.2076 angles: (sin(-az) cos(el), cos(az) cos(el), sin(el)). */
export function unitVector(azimuthDeg: Degrees, elevationDeg: Degrees): Vector3 {
  const az = azimuthDeg * RADIANS_PER_DEGREE;
  const el = elevationDeg * RADIANS_PER_DEGREE;
  return [-Math.sin(az) * Math.cos(el), Math.cos(az) * Math.cos(el), Math.sin(el)];
}

/** The nominal position the triangulation takes for a loudspeaker: its BS.2051 one (screen loudspeakers: see above). */
function nominalAngles(layout: LoudspeakerLayout, channel: LoudspeakerChannel): readonly [Degrees, Degrees] {
  if (channel.label === 'M+SC' || channel.label === 'M-SC') {
    return [Math.sign(channel.azimuthDeg) * (Math.abs(channel.azimuthDeg) > 30 ? 45 : 15), 0];
  }
  const nominal = getLayout(layout.name).channels.find((c) => c.label === channel.label);
  if (nominal === undefined || nominal.isLfe) throw new Error(`point-source panner: ${layout.name} has no loudspeaker ${channel.label}`);
  return [nominal.azimuthDeg, nominal.elevationDeg];
}

interface Placed {
  readonly channel: number;
  readonly nominalAzimuthDeg: Degrees;
  readonly nominalElevationDeg: Degrees;
  readonly azimuthDeg: Degrees;
  readonly elevationDeg: Degrees;
}

const LAYERS = [
  { nominalElevationDeg: -30, lowestDeg: -70, highestDeg: -10 },
  { nominalElevationDeg: 30, lowestDeg: 10, highestDeg: 70 },
] as const;
const MIDDLE_LAYER_DEG = 10;
const LAYER_MARGIN_DEG = 40;
/** Rounding allowance when comparing a middle loudspeaker's azimuth with a layer's width. */
const LAYER_WIDTH_TOLERANCE_DEG = 1e-5;

/** The layout's loudspeakers, then the virtual copies of middle loudspeakers that fill its upper and lower layers. */
function vertices(layout: LoudspeakerLayout): Vertex[] {
  const placed: Placed[] = [];
  layout.channels.forEach((channel, index) => {
    if (channel.isLfe) return;
    const [nominalAzimuthDeg, nominalElevationDeg] = nominalAngles(layout, channel);
    placed.push({ channel: index, nominalAzimuthDeg, nominalElevationDeg, azimuthDeg: channel.azimuthDeg, elevationDeg: channel.elevationDeg });
  });
  const result: Vertex[] = placed.map((p) => ({
    channel: p.channel,
    nominal: unitVector(p.nominalAzimuthDeg, p.nominalElevationDeg),
    real: unitVector(p.azimuthDeg, p.elevationDeg),
  }));
  const middle = placed.filter((p) => Math.abs(p.nominalElevationDeg) <= MIDDLE_LAYER_DEG);
  for (const layer of LAYERS) {
    const inLayer = placed.filter((p) => p.nominalElevationDeg >= layer.lowestDeg && p.nominalElevationDeg <= layer.highestDeg);
    const widestDeg = Math.max(...inLayer.map((p) => Math.abs(p.nominalAzimuthDeg)));
    const fromDeg = inLayer.length === 0 ? 0 : widestDeg + LAYER_MARGIN_DEG;
    const realElevationDeg = inLayer.length === 0 ? layer.nominalElevationDeg : inLayer.reduce((sum, p) => sum + p.elevationDeg, 0) / inLayer.length;
    for (const p of middle) {
      if (Math.abs(p.nominalAzimuthDeg) < fromDeg - LAYER_WIDTH_TOLERANCE_DEG) continue;
      result.push({
        channel: p.channel,
        nominal: unitVector(p.nominalAzimuthDeg, layer.nominalElevationDeg),
        real: unitVector(p.azimuthDeg, realElevationDeg),
      });
    }
  }
  return result;
}

/** `corners` in their cyclic order round the convex polygon they span, seen from the origin. */
function cyclicOrder(corners: readonly number[], positions: readonly Vector3[]): number[] {
  const points = corners.map((c) => positions[c]!);
  const sum = points.reduce<Vector3>((s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]], [0, 0, 0]);
  const centre: Vector3 = [sum[0] / points.length, sum[1] / points.length, sum[2] / points.length];
  const u = subtract(points[0]!, centre);
  const v = cross(centre, u);
  const angles = points.map((p) => Math.atan2(dot(subtract(p, centre), v), dot(subtract(p, centre), u)));
  return corners.map((corner, i) => ({ corner, angle: angles[i]! })).sort((p, q) => p.angle - q.angle).map(({ corner }) => corner);
}

/** Rows of the inverse of the matrix with columns a, b, c. */
function inverseRows(a: Vector3, b: Vector3, c: Vector3): number[] {
  const det = dot(a, cross(b, c));
  return [cross(b, c), cross(c, a), cross(a, b)].flatMap((row) => row.map((x) => x / det));
}

/** The vectors A, B, C of the quadratic p . (A t^2 + B t + C) = 0 along the edges a->b and d->c. */
function quadAxis(a: Vector3, b: Vector3, c: Vector3, d: Vector3): number[] {
  const ab = subtract(b, a);
  const dc = subtract(c, d);
  const linear = cross(a, dc).map((x, i) => x + cross(ab, d)[i]!);
  return [...cross(ab, dc), ...linear, ...cross(a, d)];
}

/** Set-up for `layout` (any but 0+2+0); throws, naming the layout, if its hull has a facet of more than four loudspeakers. */
export function createPointSourcePanner(layout: LoudspeakerLayout): PointSourcePanner {
  const verts = vertices(layout);
  const labels = new Set(layout.channels.map((c) => c.label));
  const poles: Vector3[] = [[0, 0, -1]];
  if (!labels.has('T+000') && !labels.has('UH+180')) poles.push([0, 0, 1]);
  const nominal = [...verts.map((v) => v.nominal), ...poles];
  const real = [...verts.map((v) => v.real), ...poles];
  const facets = convexHullFacets(nominal);
  const isPole = (index: number): boolean => index >= verts.length;

  const triangleCorners: number[] = [];
  const triangleInverse: number[] = [];
  const triangleNgon: number[] = [];
  const ngonStart: number[] = [0];
  const ngonVertices: number[] = [];
  poles.forEach((_, k) => {
    const pole = verts.length + k;
    const ring = new Set(facets.filter((f) => f.includes(pole)).flat());
    ring.delete(pole);
    if ([...ring].some(isPole)) throw new Error(`point-source panner: ${layout.name} leaves the two poles adjacent`);
    const order = cyclicOrder([...ring], real);
    order.forEach((vertex, i) => {
      const next = order[(i + 1) % order.length]!;
      triangleCorners.push(vertex, next, -1);
      triangleInverse.push(...inverseRows(real[vertex]!, real[next]!, real[pole]!));
      triangleNgon.push(k);
    });
    ngonVertices.push(...order);
    ngonStart.push(ngonVertices.length);
  });
  const quadCorners: number[] = [];
  const quadPositions: number[] = [];
  const quadAxes: number[] = [];
  for (const facet of facets) {
    if (facet.some(isPole)) continue;
    if (facet.length === 3) {
      const [a, b, c] = facet as [number, number, number];
      triangleCorners.push(a, b, c);
      triangleInverse.push(...inverseRows(real[a]!, real[b]!, real[c]!));
      triangleNgon.push(-1);
    } else if (facet.length === 4) {
      const order = cyclicOrder(facet, real);
      const [a, b, c, d] = order.map((v) => real[v]!) as [Vector3, Vector3, Vector3, Vector3];
      quadCorners.push(...order);
      quadPositions.push(...a, ...b, ...c, ...d);
      quadAxes.push(...quadAxis(a, b, c, d), ...quadAxis(b, c, d, a));
    } else {
      const names = facet.map((v) => layout.channels[verts[v]!.channel]!.label).join(', ');
      throw new Error(`point-source panner: ${layout.name} has a facet of ${facet.length} loudspeakers (${names}); BS.2127 pans only over triangles and quadrilaterals there`);
    }
  }
  return {
    channelCount: layout.channels.length,
    vertexChannel: Int32Array.from(verts.map((v) => v.channel)),
    triangleCount: triangleNgon.length,
    triangleCorners: Int32Array.from(triangleCorners),
    triangleInverse: Float64Array.from(triangleInverse),
    triangleNgon: Int32Array.from(triangleNgon),
    ngonStart: Int32Array.from(ngonStart),
    ngonVertices: Int32Array.from(ngonVertices),
    quadCount: quadCorners.length / 4,
    quadCorners: Int32Array.from(quadCorners),
    quadPositions: Float64Array.from(quadPositions),
    quadAxes: Float64Array.from(quadAxes),
    vertexGains: new Float64Array(verts.length),
  };
}

/** The gains of the triangle containing p written to vertexGains; false if no triangle does. */
function triangleGains(panner: PointSourcePanner, x: number, y: number, z: number): boolean {
  const { triangleInverse: m, triangleCorners: corners, vertexGains: w } = panner;
  for (let t = 0; t < panner.triangleCount; t++) {
    const k = 9 * t;
    const g0 = m[k]! * x + m[k + 1]! * y + m[k + 2]! * z;
    const g1 = m[k + 3]! * x + m[k + 4]! * y + m[k + 5]! * z;
    const g2 = m[k + 6]! * x + m[k + 7]! * y + m[k + 8]! * z;
    if (g0 < TRIANGLE_TOLERANCE || g1 < TRIANGLE_TOLERANCE || g2 < TRIANGLE_TOLERANCE) continue;
    w[corners[3 * t]!] = Math.max(g0, 0);
    w[corners[3 * t + 1]!] = Math.max(g1, 0);
    const ngon = panner.triangleNgon[t]!;
    if (ngon < 0) {
      w[corners[3 * t + 2]!] = Math.max(g2, 0);
      return true;
    }
    const start = panner.ngonStart[ngon]!;
    const end = panner.ngonStart[ngon + 1]!;
    const share = Math.max(g2, 0) / Math.sqrt(end - start);
    for (let i = start; i < end; i++) {
      const vertex = panner.ngonVertices[i]!;
      w[vertex] = w[vertex]! + share;
    }
    return true;
  }
  return false;
}

/** The root in [0, 1] of a t^2 + b t + c, or NaN (numerically stable; a may be 0). */
function unitRoot(a: number, b: number, c: number): number {
  const discriminant = b * b - 4 * a * c;
  let first: number;
  let second: number;
  if (discriminant < 0) {
    // a double root blurred by rounding
    if (Math.sqrt(-discriminant) >= 2 * QUAD_TOLERANCE * Math.abs(a)) return NaN;
    first = -b / (2 * a);
    second = first;
  } else {
    const q = -0.5 * (b + (b < 0 ? -1 : 1) * Math.sqrt(discriminant));
    first = q / a;
    second = c / q;
  }
  if (first > -QUAD_TOLERANCE && first < 1 + QUAD_TOLERANCE) return Math.min(Math.max(first, 0), 1);
  if (second > -QUAD_TOLERANCE && second < 1 + QUAD_TOLERANCE) return Math.min(Math.max(second, 0), 1);
  return NaN;
}

/** The root in [0, 1] of quadrilateral q's axis (0: x, 1: y) for direction p, or NaN. */
function quadCoordinate(axes: Float64Array, q: number, axis: number, x: number, y: number, z: number): number {
  const k = 18 * q + 9 * axis;
  const a = axes[k]! * x + axes[k + 1]! * y + axes[k + 2]! * z;
  const b = axes[k + 3]! * x + axes[k + 4]! * y + axes[k + 5]! * z;
  const c = axes[k + 6]! * x + axes[k + 7]! * y + axes[k + 8]! * z;
  return unitRoot(a, b, c);
}

/** The gains of the quadrilateral containing p written to vertexGains; false if none does. */
function quadGains(panner: PointSourcePanner, x: number, y: number, z: number): boolean {
  const { quadAxes, quadPositions: u, quadCorners: corners, vertexGains: w } = panner;
  for (let q = 0; q < panner.quadCount; q++) {
    const s = quadCoordinate(quadAxes, q, 0, x, y, z);
    const t = quadCoordinate(quadAxes, q, 1, x, y, z);
    if (Number.isNaN(s) || Number.isNaN(t)) continue;
    const w0 = (1 - s) * (1 - t);
    const w1 = s * (1 - t);
    const w2 = s * t;
    const w3 = (1 - s) * t;
    const k = 12 * q;
    const towards =
      w0 * (u[k]! * x + u[k + 1]! * y + u[k + 2]! * z) +
      w1 * (u[k + 3]! * x + u[k + 4]! * y + u[k + 5]! * z) +
      w2 * (u[k + 6]! * x + u[k + 7]! * y + u[k + 8]! * z) +
      w3 * (u[k + 9]! * x + u[k + 10]! * y + u[k + 11]! * z);
    if (towards <= 0) continue;
    w[corners[4 * q]!] = w0;
    w[corners[4 * q + 1]!] = w1;
    w[corners[4 * q + 2]!] = w2;
    w[corners[4 * q + 3]!] = w3;
    return true;
  }
  return false;
}

/**
 * Writes the gain of every layout channel (LFE 0) for a source in unit direction
 * (x, y, z) into `out` (channelCount long), with sum of squares 1. Allocates nothing.
 * Every direction lies in some region; were none found (a direction of length 0), the
 * gains are all 0.
 */
export function pointSourceGains(panner: PointSourcePanner, x: number, y: number, z: number, out: Float64Array): void {
  const w = panner.vertexGains;
  w.fill(0);
  out.fill(0, 0, panner.channelCount);
  if (!triangleGains(panner, x, y, z) && !quadGains(panner, x, y, z)) return;
  const channel = panner.vertexChannel;
  for (let v = 0; v < w.length; v++) out[channel[v]!] = out[channel[v]!]! + w[v]!;
  let power = 0;
  for (let c = 0; c < panner.channelCount; c++) power += out[c]! * out[c]!;
  const scale = 1 / Math.sqrt(power);
  for (let c = 0; c < panner.channelCount; c++) out[c] = out[c]! * scale;
}
