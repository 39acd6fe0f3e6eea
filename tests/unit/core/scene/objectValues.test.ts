import { describe, expect, it } from 'vitest';
import { createObjectValues, createObjectValuesScratch, writeObjectValuesAt } from '../../../../src/core/scene/objectValues';
import type { ObjectDescription } from '../../../../src/core/scene/objectValues';

const at = (object: ObjectDescription, timeSec: number) => {
  const out = createObjectValues();
  writeObjectValuesAt(object, timeSec, createObjectValuesScratch(), out);
  return out;
};

const polar = (azimuthDeg: number, elevationDeg = 0, distanceM = 2) => ({ azimuthDeg, elevationDeg, distanceM });

/** Static at 30 degrees, then: moves to -30 over block 1 (1-3 s), jumps to 90 at 4 s, glides to 150 over 0.5 s of block 3 (5-7 s). */
const moving: ObjectDescription = {
  ...polar(30),
  gainDb: 0,
  timeline: [
    { rtimeSec: 0, durationSec: 1 },
    { rtimeSec: 1, durationSec: 2, position: polar(-30, 20, 4), gainDb: -20 },
    { rtimeSec: 4, durationSec: 1, jumpPosition: { flag: true, interpolationLengthSec: 0 }, position: polar(90) },
    { rtimeSec: 5, durationSec: 2, jumpPosition: { flag: true, interpolationLengthSec: 0.5 }, position: polar(150), width: 40 },
  ],
};

describe('an object timeline evaluated as ADM blocks', () => {
  it('holds the first block from the start (and before it), at its values', () => {
    expect(at(moving, 0).azimuthDeg).toBe(30);
    expect(at(moving, 0.99).azimuthDeg).toBe(30);
  });

  it('interpolates over the block duration from the previous block values (gain as linear ADM gain)', () => {
    const mid = at(moving, 2);
    expect(mid.azimuthDeg).toBeCloseTo(0, 12);
    expect(mid.elevationDeg).toBeCloseTo(10, 12);
    expect(mid.distanceM).toBeCloseTo(3, 12);
    // Halfway between gains 1 and 0.1: 0.55, -5.19 dB (not the -10 dB halfway in dB).
    expect(mid.gainDb).toBeCloseTo(20 * Math.log10(0.55), 12);
    expect(at(moving, 1.5).azimuthDeg).toBeCloseTo(15, 12);
    // Reached at the block's end, held in the gap after it.
    expect(at(moving, 3.5).azimuthDeg).toBeCloseTo(-30, 12);
  });

  it('jumps with jumpPosition and interpolationLength 0; interpolates over interpolationLength otherwise', () => {
    expect(at(moving, 3.9999).azimuthDeg).toBeCloseTo(-30, 12);
    expect(at(moving, 4).azimuthDeg).toBe(90);
    expect(at(moving, 5.25).azimuthDeg).toBeCloseTo(120, 12);
    expect(at(moving, 5.25).width).toBeCloseTo(20, 12);
    expect(at(moving, 5.5).azimuthDeg).toBeCloseTo(150, 12);
    expect(at(moving, 100).azimuthDeg).toBeCloseTo(150, 12);
  });

  it('turns along the shorter arc (170 to -170 passes behind, through 180)', () => {
    const turning: ObjectDescription = { ...polar(170), gainDb: 0, timeline: [{ rtimeSec: 0, durationSec: 1 }, { rtimeSec: 1, durationSec: 1, position: polar(-170) }] };
    expect(at(turning, 1.5).azimuthDeg).toBeCloseTo(180, 12);
    expect(at(turning, 1.75).azimuthDeg).toBeCloseTo(-175, 12);
  });

  it('a static object is its static values', () => {
    const values = at({ ...polar(-45, 10, 3), gainDb: -6, diffuse: 0.25 }, 12);
    expect([values.azimuthDeg, values.elevationDeg, values.distanceM, values.gainDb, values.diffuse]).toEqual([-45, 10, 3, -6, 0.25]);
  });
});
