import { describe, expect, it } from 'vitest';
import { getLayout } from '../../../../../src/core/layouts';
import { createLayoutObjectGains } from '../../../../../src/dsp/panners/objectGains/layoutObjectGains';
import { DEFAULT_OBJECT_BLOCK } from '../../../../../src/dsp/panners/objectGains/objectBlock';
import { computeObjectGains, createObjectGains, prepareObjectBlock } from '../../../../../src/dsp/panners/objectGains/objectGainCalculator';
import { allocentricPointGains, createAllocentricSpeakers } from '../../../../../src/dsp/panners/objectGains/allocentricSpeakers';
import { applyChannelLock, createChannelLock, POLAR_LOCK_WEIGHTS } from '../../../../../src/dsp/panners/objectGains/channelLock';
import { writeDivergedSources } from '../../../../../src/dsp/panners/objectGains/divergence';
import { writeDirection } from '../../../../../src/dsp/panners/objectGains/vector3';
import { applyZoneExclusion, createZoneExclusion, writeExcluded } from '../../../../../src/dsp/panners/objectGains/zoneExclusion';

/** 0+5+0 without the LFE: M+030, M-030, M+000, M+110, M-110. */
const AZIMUTHS = [30, -30, 0, 110, -110];
const ELEVATIONS = [0, 0, 0, 0, 0];
const CUBE = Float64Array.from([-1, 1, 0, 1, 1, 0, 0, 1, 0, -1, -1, 0, 1, -1, 0]);
const HALF = Math.SQRT1_2;

describe('allocentric point panner (closed forms on 0+5+0)', () => {
  const speakers = createAllocentricSpeakers(CUBE);
  const gains = new Float64Array(5);

  it('a loudspeaker position gives that loudspeaker alone', () => {
    for (let i = 0; i < 5; i++) {
      allocentricPointGains(speakers, CUBE[3 * i]!, CUBE[3 * i + 1]!, CUBE[3 * i + 2]!, gains);
      expect(Array.from(gains)).toEqual(Array.from({ length: 5 }, (_, k) => (k === i ? 1 : 0)));
    }
  });

  it('halfway between two loudspeakers of a row: cos 45 and sin 45; the centre: front row and back pair by the same law', () => {
    allocentricPointGains(speakers, 0.5, 1, 0, gains);
    expect(gains[2]).toBeCloseTo(HALF, 12);
    expect(gains[1]).toBeCloseTo(HALF, 12);
    allocentricPointGains(speakers, 0, 0, 0, gains);
    // rows y = -1 and y = 1 share by cos/sin 45; in the back row x = 0 is halfway between M+110 and M-110
    expect(Array.from(gains).map((g) => Number(g.toFixed(12)))).toEqual([0, 0, Number(HALF.toFixed(12)), 0.5, 0.5]);
  });

  it('refuses two loudspeakers at one position', () => {
    expect(() => createAllocentricSpeakers(Float64Array.from([0, 1, 0, 0, 1, 0]))).toThrow(/two loudspeakers at \(0, 1, 0\)/);
  });
});

describe('zone exclusion (0+5+0)', () => {
  const zones = createZoneExclusion(AZIMUTHS, ELEVATIONS);
  const excluded = new Uint8Array(5);
  const out = new Float64Array(5);

  it('an excluded surround hands its power to the other surround (same layer, stays behind)', () => {
    writeExcluded(zones, [{ minElevation: -10, maxElevation: 10, minAzimuth: 100, maxAzimuth: 120 }], excluded);
    expect(Array.from(excluded)).toEqual([0, 0, 0, 1, 0]);
    applyZoneExclusion(zones, excluded, Float64Array.from([0, 0, 0, 1, 0]), out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 1]);
  });

  it('an excluded centre splits its power equally between the front pair', () => {
    writeExcluded(zones, [{ minX: -0.1, maxX: 0.1, minY: 0.9, maxY: 1.1, minZ: -0.1, maxZ: 0.1 }], excluded);
    expect(Array.from(excluded)).toEqual([0, 0, 1, 0, 0]);
    applyZoneExclusion(zones, excluded, Float64Array.from([0, 0, 1, 0, 0]), out);
    expect(out[0]).toBeCloseTo(HALF, 12);
    expect(out[1]).toBeCloseTo(HALF, 12);
  });

  it('with every loudspeaker excluded nothing moves', () => {
    writeExcluded(zones, [{ minElevation: -90, maxElevation: 90, minAzimuth: -180, maxAzimuth: 180 }], excluded);
    expect(Array.from(excluded)).toEqual([1, 1, 1, 1, 1]);
    const gains = Float64Array.from([0.6, 0.8, 0, 0, 0]);
    applyZoneExclusion(zones, excluded, gains, out);
    expect(Array.from(out)).toEqual(Array.from(gains));
  });
});

describe('channel lock (polar, 0+5+0)', () => {
  const directions = new Float64Array(15);
  AZIMUTHS.forEach((az, i) => writeDirection(az, 0, 1, directions, 3 * i));
  const lock = createChannelLock(directions, AZIMUTHS, ELEVATIONS, POLAR_LOCK_WEIGHTS);
  const position = new Float64Array(3);

  it('moves an object at azimuth 20 onto M+030, unless maxDistance is shorter than the chord to it (0.174)', () => {
    writeDirection(20, 0, 1, position);
    applyChannelLock(lock, null, null, position);
    expect(Array.from(position)).toEqual(Array.from(directions.subarray(0, 3)));
    writeDirection(20, 0, 1, position);
    applyChannelLock(lock, 0.1, null, position);
    expect(position[0]).toBeCloseTo(-Math.sin((20 * Math.PI) / 180), 12);
  });

  it('breaks a tie (azimuth 15, halfway between M+000 and M+030) towards the smaller |azimuth|', () => {
    writeDirection(15, 0, 1, position);
    applyChannelLock(lock, null, null, position);
    expect(Array.from(position)).toEqual(Array.from(directions.subarray(6, 9)));
  });
});

describe('divergence', () => {
  const shares = new Float64Array(3);
  const sources = new Float64Array(9);

  it('value 0.5 makes three equal sources; polar ones at +/-azimuthRange turned with the source', () => {
    const position = new Float64Array(3);
    writeDirection(0, 0, 0.5, position);
    expect(writeDivergedSources(position, { value: 0.5, azimuthRange: 30, positionRange: 0 }, false, shares, sources)).toBe(3);
    for (const s of shares) expect(s).toBeCloseTo(1 / 3, 12);
    expect(sources[0]).toBeCloseTo(-0.25, 12); // azimuth +30 (left) at distance 0.5: x = -0.5 sin 30
    expect(sources[1]).toBeCloseTo(0.5 * Math.cos(Math.PI / 6), 12);
    expect(sources[6]).toBeCloseTo(0.25, 12);
  });

  it('value 1 leaves the outer two; Cartesian ones at X +/- positionRange clipped to the cube; value 0 one source', () => {
    const position = Float64Array.from([0.8, 0.2, 0]);
    writeDivergedSources(position, { value: 1, azimuthRange: 0, positionRange: 0.5 }, true, shares, sources);
    expect(Array.from(shares)).toEqual([0.5, 0, 0.5]);
    expect(Array.from(sources.subarray(0, 6))).toEqual([1, 0.2, 0, 0.8, 0.2, 0]);
    expect(sources[6]).toBeCloseTo(0.3, 12);
    expect(writeDivergedSources(position, { value: 0, azimuthRange: 0, positionRange: 0.5 }, true, shares, sources)).toBe(1);
  });
});

describe('out-of-range metadata', () => {
  it('gives finite gains: diffuse 1.5 is taken as 1, a NaN azimuth or an infinite gain as silence', () => {
    const calculator = createLayoutObjectGains(getLayout('4+5+0'));
    const gains = createObjectGains(calculator);
    computeObjectGains(calculator, { ...DEFAULT_OBJECT_BLOCK, diffuse: 1.5 }, gains);
    expect(Array.from(gains.direct).every((g) => g === 0)).toBe(true);
    expect(gains.diffuse[2]).toBeCloseTo(1, 12);
    computeObjectGains(calculator, { ...DEFAULT_OBJECT_BLOCK, position: { azimuth: Number.NaN, elevation: 0, distance: 1 } }, gains);
    expect(Array.from(gains.direct).every(Number.isFinite)).toBe(true);
    computeObjectGains(calculator, { ...DEFAULT_OBJECT_BLOCK, gain: Number.POSITIVE_INFINITY }, gains);
    expect(Array.from(gains.direct).every((g) => g === 0)).toBe(true);
  });
});

describe('preparing a block', () => {
  it('builds the allocentric panner for the loudspeakers its zone exclusion leaves, once; computing it then finds it ready', () => {
    const calculator = createLayoutObjectGains(getLayout('4+5+0'));
    const block = { ...DEFAULT_OBJECT_BLOCK, cartesian: true, position: { X: 0, Y: 1, Z: 0 }, zoneExclusion: [{ minX: -1, maxX: 1, minY: 0.5, maxY: 1, minZ: 0.5, maxZ: 1 }] };
    expect(calculator.allocentricSubsets.size).toBe(1);
    prepareObjectBlock(calculator, block);
    expect(calculator.allocentricSubsets.size).toBe(2);
    const prepared = [...calculator.allocentricSubsets.values()][1];
    computeObjectGains(calculator, block, createObjectGains(calculator));
    expect(calculator.allocentricSubsets.size).toBe(2);
    expect([...calculator.allocentricSubsets.values()][1]).toBe(prepared);
    // the upper front pair (nominal U+/-030: z = sin 30 = 0.5, y = cos 30 cos 30 = 0.75) is excluded
    expect(Array.from(prepared!.members)).toEqual([0, 1, 2, 3, 4, 7, 8]);
  });
});
