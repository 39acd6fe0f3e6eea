import { describe, expect, it } from 'vitest';
import { getLayout } from '../../../../src/core/layouts';
import type { LoudspeakerLayout } from '../../../../src/core/layouts';
import { createHorizontalLayoutPanner, horizontalLayoutGains } from '../../../../src/dsp/panners/horizontalLayoutPanner';
import { createVbapRing, vbapRingPair } from '../../../../src/dsp/panners/vbapRing';

/** Rounding-level tolerance for identities that hold exactly in real arithmetic. */
const EXACT = 1e-12;
/** Tolerance against the literal BS.2127 regions, which solve a quadratic per quad. */
const ORACLE = 1e-9;

type Vec3 = readonly [number, number, number];

const RAD = Math.PI / 180;

/** Unit vector for BS.2076 angles: x right, y front, z up. */
function cart(azimuthDeg: number, elevationDeg: number): Vec3 {
  return [
    -Math.sin(azimuthDeg * RAD) * Math.cos(elevationDeg * RAD),
    Math.cos(azimuthDeg * RAD) * Math.cos(elevationDeg * RAD),
    Math.sin(elevationDeg * RAD),
  ];
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const norm = (v: readonly number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const normalised = (v: readonly number[]): number[] => v.map((x) => x / norm(v));

/** Gains g with g0 a + g1 b + g2 c = p (Cramer's rule). */
function solve3(a: Vec3, b: Vec3, c: Vec3, p: Vec3): [number, number, number] {
  const det = dot(a, cross(b, c));
  return [dot(p, cross(b, c)) / det, dot(a, cross(p, c)) / det, dot(a, cross(b, p)) / det];
}

/**
 * Position along the quad a-b-c-d (a, d opposite b, c) at which the plane through the
 * origin and the points a + t(b - a), d + t(c - d) contains p: a quadratic in t
 * (BS.2127 quad regions).
 */
function quadAxis(a: Vec3, b: Vec3, c: Vec3, d: Vec3, p: Vec3): number | undefined {
  const qa = dot(cross(sub(b, a), sub(c, d)), p);
  const qb = dot(add(cross(a, sub(c, d)), cross(sub(b, a), d)), p);
  const qc = dot(cross(a, d), p);
  const roots: number[] = [];
  if (Math.abs(qa) < 1e-14) roots.push(-qc / qb);
  else {
    const disc = qb * qb - 4 * qa * qc;
    if (disc < 0) return undefined;
    roots.push((-qb + Math.sqrt(disc)) / (2 * qa), (-qb - Math.sqrt(disc)) / (2 * qa));
  }
  const eps = 1e-10;
  const root = roots.find((t) => t > -eps && t < 1 + eps);
  return root === undefined ? undefined : Math.min(1, Math.max(0, root));
}

/**
 * Independent oracle: BS.2127's regions built literally for a horizon-only layout
 * (copies at +/-30 degrees, poles as virtual n-gon centres, quads between horizon and
 * copies), with 3-D solves instead of the panner's closed form. Gains per loudspeaker
 * in the order of `azimuthsDeg`.
 */
function bs2127Oracle(azimuthsDeg: readonly number[], p: Vec3): number[] {
  const n = azimuthsDeg.length;
  const order = azimuthsDeg.map((_, i) => i).sort((i, j) => (azimuthsDeg[i] ?? 0) - (azimuthsDeg[j] ?? 0));
  const pairs = order.map((i, k) => [i, order[(k + 1) % n] ?? 0] as const);
  const mid = azimuthsDeg.map((az) => cart(az, 0));
  for (const layerDeg of [-30, 30]) {
    const copy = azimuthsDeg.map((az) => cart(az, layerDeg));
    const pole: Vec3 = [0, 0, Math.sign(layerDeg)];
    for (const [i, j] of pairs) {
      const g = solve3(copy[i] ?? pole, copy[j] ?? pole, pole, p);
      if (g.every((x) => x >= -1e-11)) {
        const v = normalised(g.map((x) => Math.max(0, x)));
        const gains = new Array<number>(n).fill((v[2] ?? 0) / Math.sqrt(n));
        gains[i] = (gains[i] ?? 0) + (v[0] ?? 0);
        gains[j] = (gains[j] ?? 0) + (v[1] ?? 0);
        return normalised(gains);
      }
    }
  }
  for (const layerDeg of [-30, 30]) {
    const copy = azimuthsDeg.map((az) => cart(az, layerDeg));
    for (const [i, j] of pairs) {
      const [a, b, c, d] = [mid[i], mid[j], copy[j], copy[i]] as [Vec3, Vec3, Vec3, Vec3];
      const x = quadAxis(a, b, c, d, p);
      const y = quadAxis(b, c, d, a, p);
      if (x === undefined || y === undefined) continue;
      const weights = [(1 - x) * (1 - y), x * (1 - y), x * y, (1 - x) * y];
      const [wa, wb, wc, wd] = weights as [number, number, number, number];
      const centroid = add(add(scale(a, wa), scale(b, wb)), add(scale(c, wc), scale(d, wd)));
      if (dot(centroid, p) <= 0) continue;
      // downmix each copy into the loudspeaker below it
      const gains = new Array<number>(n).fill(0);
      gains[i] = wa + wd;
      gains[j] = wb + wc;
      return normalised(gains);
    }
  }
  throw new Error(`oracle: no region for ${p.join(', ')}`);
}

function scale(v: Vec3, k: number): Vec3 {
  return [v[0] * k, v[1] * k, v[2] * k];
}

function speakers(layout: LoudspeakerLayout): { index: number; azimuthDeg: number }[] {
  return layout.channels.flatMap((c, index) => (c.isLfe ? [] : [{ index, azimuthDeg: c.azimuthDeg }]));
}

const GRID: [number, number][] = [];
for (let el = -90; el <= 90; el += 6) for (let az = -180; az <= 180; az += 6) GRID.push([az, el]);

describe('vbapRing', () => {
  const ring = createVbapRing([30, -30, 0, 110, -110]);
  const gains = new Float64Array(2);

  it('gives a loudspeaker direction to that loudspeaker alone (tolerance 1e-12)', () => {
    const [x, y] = cart(110, 0);
    const pair = vbapRingPair(ring, x, y, gains);
    const gainOf = (speaker: number): number =>
      ring.pairFirst[pair] === speaker ? (gains[0] ?? NaN) : ring.pairSecond[pair] === speaker ? (gains[1] ?? NaN) : 0;
    expect(gainOf(3)).toBeCloseTo(1, 12);
    expect(Math.abs(gains[0] ?? NaN) + Math.abs(gains[1] ?? NaN)).toBeCloseTo(1, 12);
  });

  it('solves g_a u_a + g_b u_b = p with non-negative gains all round (tolerance 1e-12)', () => {
    const azimuthsDeg = [30, -30, 0, 110, -110];
    for (let az = -180; az < 180; az += 1) {
      const [x, y] = cart(az, 0);
      const pair = vbapRingPair(ring, x, y, gains);
      const [ax, ay] = cart(azimuthsDeg[ring.pairFirst[pair] ?? 0] ?? NaN, 0);
      const [bx, by] = cart(azimuthsDeg[ring.pairSecond[pair] ?? 0] ?? NaN, 0);
      const g0 = gains[0] ?? NaN;
      const g1 = gains[1] ?? NaN;
      expect(Math.min(g0, g1)).toBeGreaterThanOrEqual(-EXACT);
      expect(Math.abs(g0 * ax + g1 * bx - x)).toBeLessThan(EXACT);
      expect(Math.abs(g0 * ay + g1 * by - y)).toBeLessThan(EXACT);
    }
  });

  it('refuses rings with a gap of 180 degrees or more, or fewer than three loudspeakers', () => {
    expect(() => createVbapRing([30, -30])).toThrow(/at least 3/);
    expect(() => createVbapRing([30, -30, 0])).toThrow(/180/);
    expect(() => createVbapRing([0, 0, 90, -90])).toThrow(/180/);
  });
});

describe.each(['0+5+0', '0+7+0'] as const)('horizontalLayoutGains on %s', (name) => {
  const layout = getLayout(name);
  const panner = createHorizontalLayoutPanner(layout);
  const real = speakers(layout);
  const out = new Float64Array(layout.channels.length);
  const gainsAt = (az: number, el: number): Float64Array => {
    horizontalLayoutGains(panner, az, el, out);
    return out.slice();
  };

  it('gives non-negative gains of unit power, and none to the LFE, over a 6-degree grid (tolerance 1e-12)', () => {
    for (const [az, el] of GRID) {
      const g = gainsAt(az, el);
      expect(Math.min(...g)).toBeGreaterThanOrEqual(0);
      expect(Math.abs(norm([...g]) - 1)).toBeLessThan(EXACT);
      layout.channels.forEach((c, i) => {
        if (c.isLfe) expect(g[i]).toBe(0);
      });
    }
  });

  it('mirrors left and right: az -> -az swaps M+xxx and M-xxx (tolerance 1e-12)', () => {
    const labelIndex = new Map(layout.channels.map((c, i) => [c.label, i]));
    // M+030 <-> M-030; M+000 and LFE1 map to themselves
    const mirrorLabel = (label: string): string => label.replace(/[+-]/, (sign) => (sign === '+' ? '-' : '+'));
    const mirror = layout.channels.map((c) => labelIndex.get(mirrorLabel(c.label)) ?? labelIndex.get(c.label) ?? -1);
    for (const [az, el] of GRID) {
      const g = gainsAt(az, el);
      const m = gainsAt(-az, el);
      mirror.forEach((j, i) => expect(Math.abs((g[i] ?? NaN) - (m[j] ?? NaN))).toBeLessThan(EXACT));
    }
  });

  it('points the velocity vector at a source on the horizon (tolerance 1e-12)', () => {
    for (let az = -180; az < 180; az += 1) {
      const g = gainsAt(az, 0);
      const v = real.reduce<Vec3>((sum, s) => add(sum, scale(cart(s.azimuthDeg, 0), g[s.index] ?? NaN)), [0, 0, 0]);
      const p = cart(az, 0);
      expect(norm(cross(v, p))).toBeLessThan(EXACT * norm(v));
      expect(dot(v, p)).toBeGreaterThan(0);
    }
  });

  it('gives every loudspeaker 1/sqrt(N) at the poles (tolerance 1e-12)', () => {
    for (const el of [90, -90]) {
      const g = gainsAt(37, el);
      for (const s of real) expect(Math.abs((g[s.index] ?? NaN) - 1 / Math.sqrt(real.length))).toBeLessThan(EXACT);
    }
  });

  it('matches the BS.2127 regions built literally (virtual n-gons round the poles, quads to the +/-30 copies) over a 6-degree grid (tolerance 1e-9)', () => {
    const azimuthsDeg = real.map((s) => s.azimuthDeg);
    for (const [az, el] of GRID) {
      const expected = bs2127Oracle(azimuthsDeg, cart(az, el));
      const g = gainsAt(az, el);
      real.forEach((s, k) => expect(Math.abs((g[s.index] ?? NaN) - (expected[k] ?? NaN))).toBeLessThan(ORACLE));
    }
  });
});

describe('createHorizontalLayoutPanner', () => {
  it('refuses layouts with loudspeakers off the horizon', () => {
    expect(() => createHorizontalLayoutPanner(getLayout('2+5+0'))).toThrow(/U\+030 at elevation 30/);
  });
});
