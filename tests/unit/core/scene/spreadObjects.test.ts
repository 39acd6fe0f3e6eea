import { describe, expect, it } from 'vitest';
import { polarToCartesian } from '../../../../src/core/coordinates';
import { writeSpreadObjectPosition } from '../../../../src/core/scene/spreadObjects';

/** Rounding-level tolerance, metres. */
const EXACT = 1e-12;

function spreadPosition(azimuthDeg: number, elevationDeg: number, distanceM: number, spreadDeg: number, side: number): number[] {
  const out = new Float64Array(3);
  writeSpreadObjectPosition({ azimuthDeg, elevationDeg, distanceM, spreadDeg }, side, out);
  return [...out];
}

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expected.forEach((value, i) => expect(Math.abs(actual[i]! - value), `component ${i}: ${actual[i]} vs ${value}`).toBeLessThan(EXACT));
}

describe('writeSpreadObjectPosition', () => {
  it('puts a front source spread 90 degrees at 2 m: left channel at +45 (x = -sqrt 2, y = sqrt 2), right at -45 (tolerance 1e-12)', () => {
    expectClose(spreadPosition(0, 0, 2, 90, 1), [-Math.SQRT2, Math.SQRT2, 0]);
    expectClose(spreadPosition(0, 0, 2, 90, -1), [Math.SQRT2, Math.SQRT2, 0]);
  });

  it('keeps the elevation and the distance: left of a source at el 30, 4 m, spread 180 is az +90 at height 2 (tolerance 1e-12)', () => {
    // horizontal part 4 cos 30 = 2 sqrt 3, all of it to the left (-x)
    expectClose(spreadPosition(0, 30, 4, 180, 1), [-2 * Math.sqrt(3), 0, 2]);
  });

  it('wraps around the back: az 170 spread 40 puts the left channel at az -170 (tolerance 1e-12)', () => {
    const back = polarToCartesian({ azimuthDeg: -170, elevationDeg: 10, distanceM: 3 });
    expectClose(spreadPosition(170, 10, 3, 40, 1), [back.x, back.y, back.z]);
  });

  it('side 0 (and spread 0) is the source position itself, bit for bit', () => {
    const source = polarToCartesian({ azimuthDeg: -65.3, elevationDeg: 12.5, distanceM: 2.7 });
    expect(spreadPosition(-65.3, 12.5, 2.7, 100, 0)).toEqual([source.x, source.y, source.z]);
    expect(spreadPosition(-65.3, 12.5, 2.7, 0, 1)).toEqual([source.x, source.y, source.z]);
  });

  it('a fraction of a side lies on the arc: side 0.5 of spread 120 is az +30 (tolerance 1e-12)', () => {
    const arc = polarToCartesian({ azimuthDeg: 30, elevationDeg: 0, distanceM: 1 });
    expectClose(spreadPosition(0, 0, 1, 120, 0.5), [arc.x, arc.y, arc.z]);
  });
});
