import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES, getLayout } from '../../../../src/core/layouts';
import type { LoudspeakerLayout } from '../../../../src/core/layouts';
import { readUserLayout } from '../../../../src/core/userLayout';
import { convexHullFacets } from '../../../../src/dsp/panners/convexHullFacets';
import { createPointSourcePanner, pointSourceGains, unitVector } from '../../../../src/dsp/panners/pointSourcePanner';

/** Rounding-level tolerance for identities that hold exactly in real arithmetic. */
const EXACT = 1e-12;
/**
 * Tolerance of identities that hold exactly but cross region boundaries (a mirrored
 * direction may fall in the mirrored region's neighbour, whose gains agree there up to
 * the solves' rounding and the regions' 1e-10 tolerances).
 */
const BOUNDARY = 1e-9;

const ROOM = readUserLayout(
  JSON.parse(readFileSync(new URL('../../../fixtures/layouts/studio-b-7.1.4.json', import.meta.url), 'utf8')),
  'studio-b-7.1.4.json',
);

/** Every layout the point-source panner serves (0+2+0 is the stereo fold-down's), and a room. */
const LAYOUTS: [string, LoudspeakerLayout][] = [
  ...LAYOUT_NAMES.filter((name) => name !== '0+2+0').map((name) => [name, getLayout(name)] as [string, LoudspeakerLayout]),
  ['user layout (Studio B)', ROOM],
];

const GRID: [number, number][] = [];
for (let el = -90; el <= 90; el += 6) for (let az = -180; az < 180; az += 6) GRID.push([az, el]);

const mirrorLabel = (label: string): string => label.replace(/[+-]/, (sign) => (sign === '+' ? '-' : '+'));

describe.each(LAYOUTS)('point-source panner on %s', (_, layout) => {
  const panner = createPointSourcePanner(layout);
  const out = new Float64Array(panner.channelCount);
  const gainsAt = (az: number, el: number): Float64Array => {
    const [x, y, z] = unitVector(az, el);
    pointSourceGains(panner, x, y, z, out);
    return out.slice();
  };

  it('gives non-negative gains of unit power, none to the LFE, over a 6-degree grid (tolerance 1e-12)', () => {
    for (const [az, el] of GRID) {
      const g = gainsAt(az, el);
      expect(Math.min(...g)).toBeGreaterThanOrEqual(0);
      expect(Math.abs(g.reduce((s, v) => s + v * v, 0) - 1)).toBeLessThan(EXACT);
      layout.channels.forEach((c, i) => {
        if (c.isLfe) expect(g[i]).toBe(0);
      });
    }
  });

  it('gives a loudspeaker\'s own direction to that loudspeaker alone (tolerance 1e-9)', () => {
    layout.channels.forEach((c, i) => {
      if (c.isLfe) return;
      const g = gainsAt(c.azimuthDeg, c.elevationDeg);
      expect(Math.abs(g[i]! - 1), c.label).toBeLessThan(BOUNDARY);
    });
  });

  it('allocates no gain array per call: it writes into the one given', () => {
    const given = new Float64Array(panner.channelCount).fill(NaN);
    pointSourceGains(panner, 0, 1, 0, given);
    expect(given.every((g) => Number.isFinite(g))).toBe(true);
  });
});

describe.each(LAYOUT_NAMES.filter((name) => name !== '0+2+0'))('point-source panner on the symmetric %s', (name) => {
  const layout = getLayout(name);
  const panner = createPointSourcePanner(layout);
  const out = new Float64Array(panner.channelCount);
  const gainsAt = (az: number, el: number): Float64Array => {
    const [x, y, z] = unitVector(az, el);
    pointSourceGains(panner, x, y, z, out);
    return out.slice();
  };

  it('mirrors left and right: azimuth -> -azimuth swaps X+nnn and X-nnn (tolerance 1e-9)', () => {
    const index = new Map(layout.channels.map((c, i) => [c.label, i]));
    const mirror = layout.channels.map((c) => index.get(mirrorLabel(c.label)) ?? index.get(c.label)!);
    for (const [az, el] of GRID) {
      const g = gainsAt(az, el);
      const m = gainsAt(-az, el);
      mirror.forEach((j, i) => expect(Math.abs(g[i]! - m[j]!)).toBeLessThan(BOUNDARY));
    }
  });

});

describe.each(['0+5+0', '0+7+0'] as const)('point-source panner on the horizon-only %s', (name) => {
  const layout = getLayout(name);
  const panner = createPointSourcePanner(layout);
  const out = new Float64Array(panner.channelCount);
  const speakers = layout.channels.flatMap((c, i) => (c.isLfe ? [] : [{ i, u: unitVector(c.azimuthDeg, c.elevationDeg) }]));

  it('points the velocity vector at a source on the horizon, as 2-D VBAP (tolerance 1e-12)', () => {
    for (let az = -180; az < 180; az += 1) {
      const p = unitVector(az, 0);
      pointSourceGains(panner, p[0], p[1], p[2], out);
      const v = speakers.reduce((s, { i, u }) => s.map((x, k) => x + out[i]! * u[k]!), [0, 0, 0]);
      const crossNorm = Math.hypot(v[1]! * p[2] - v[2]! * p[1], v[2]! * p[0] - v[0]! * p[2], v[0]! * p[1] - v[1]! * p[0]);
      expect(crossNorm).toBeLessThan(EXACT);
      expect(v[0]! * p[0] + v[1]! * p[1] + v[2]! * p[2]).toBeGreaterThan(0);
    }
  });

  it('gives every loudspeaker 1/sqrt(N) at the poles, the virtual n-gons\' centres (tolerance 1e-12)', () => {
    for (const z of [1, -1]) {
      pointSourceGains(panner, 0, 0, z, out);
      for (const { i } of speakers) expect(Math.abs(out[i]! - 1 / Math.sqrt(speakers.length))).toBeLessThan(EXACT);
    }
  });
});

describe('convexHullFacets', () => {
  it('merges coplanar triangles: a cube has 6 square facets, an octahedron 8 triangles', () => {
    const cube: [number, number, number][] = [];
    for (const x of [-1, 1]) for (const y of [-1, 1]) for (const z of [-1, 1]) cube.push([x, y, z]);
    const facets = convexHullFacets(cube);
    expect(facets).toHaveLength(6);
    expect(facets.every((f) => f.length === 4)).toBe(true);
    const octahedron: [number, number, number][] = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]];
    expect(convexHullFacets(octahedron).map((f) => f.length)).toEqual(new Array(8).fill(3));
  });

  it('refuses points that do not surround the origin', () => {
    expect(() => convexHullFacets([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]])).toThrow(/do not surround the origin/);
  });
});
