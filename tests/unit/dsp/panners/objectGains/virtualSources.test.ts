import { describe, expect, it } from 'vitest';
import { CAP_RANGES_LENGTH, createVirtualSources, writeCapRanges } from '../../../../../src/dsp/panners/objectGains/virtualSources';
import { writeDirection } from '../../../../../src/dsp/panners/objectGains/vector3';
import { seededRandom } from '../../../../../src/dsp/seededRandom';

describe("the polar extent's virtual sources", () => {
  const sources = createVirtualSources();

  it('are BS.2127 section 7.3.8.2.2\'s grid: 37 rows 5 degrees apart, round(72 cos el) a row (1 at the poles), unit vectors', () => {
    expect(sources.rowStart.length).toBe(38);
    let expected = 0;
    for (let row = 0; row < 37; row++) {
      const el = -90 + 5 * row;
      expect(sources.rowElevation[row]! * (180 / Math.PI)).toBeCloseTo(el, 12);
      const count = sources.rowStart[row + 1]! - sources.rowStart[row]!;
      // 72 cos el is never within 1e-9 of a half here, so rounding to even does not arise
      expect(count).toBe(Math.max(1, Math.round(72 * Math.cos((el * Math.PI) / 180))));
      expected += count;
    }
    expect(sources.count).toBe(expected);
    for (let p = 0; p < sources.count; p++) {
      expect(Math.hypot(sources.points[3 * p]!, sources.points[3 * p + 1]!, sources.points[3 * p + 2]!)).toBeCloseTo(1, 14);
    }
  });

  it('the ranges of a cap hold every source within its angle, ascending and apart, for 3,000 random caps (poles and rims of the azimuth included)', () => {
    const random = seededRandom(11);
    const ranges = new Int32Array(CAP_RANGES_LENGTH);
    const centre = new Float64Array(3);
    let missed = 0;
    let visitedShare = 0;
    const specials = [[0, 90], [0, -90], [180, 0], [-180, 0], [179.99, 3], [0, 87.5]] as const;
    for (let trial = 0; trial < 3000; trial++) {
      const [az, el] = trial < specials.length ? specials[trial]! : [random() * 360 - 180, Math.asin(2 * random() - 1) * (180 / Math.PI)];
      writeDirection(az, el, 1, centre);
      const reach = random() * Math.PI * (trial % 2 === 0 ? 0.3 : 1.05);
      const count = writeCapRanges(sources, centre[0]!, centre[1]!, centre[2]!, reach, ranges);
      const inRanges = new Uint8Array(sources.count);
      for (let r = 0; r < count; r++) {
        if (r > 0) expect(ranges[2 * r]!).toBeGreaterThan(ranges[2 * r - 1]!);
        expect(ranges[2 * r + 1]!).toBeGreaterThan(ranges[2 * r]!);
        inRanges.fill(1, ranges[2 * r]!, ranges[2 * r + 1]!);
      }
      const cosReach = Math.cos(reach);
      for (let p = 0; p < sources.count; p++) {
        const dot = sources.points[3 * p]! * centre[0]! + sources.points[3 * p + 1]! * centre[1]! + sources.points[3 * p + 2]! * centre[2]!;
        if (dot >= cosReach - 1e-9 && inRanges[p] === 0) missed++;
      }
      visitedShare += inRanges.reduce((a, b) => a + b, 0) / sources.count / 3000;
    }
    expect(missed).toBe(0);
    // and it is an index: caps up to 0.3 pi (54 degrees) on half the trials keep the visits well below all
    expect(visitedShare).toBeLessThan(0.6);
  });
});
