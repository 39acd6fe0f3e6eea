import { describe, expect, it } from 'vitest';
import { timeRangesOf } from '../../../../src/render/analysis/findingFigures';

describe('time ranges of a finding (findingFigures.ts timeRangesOf)', () => {
  it('merges adjacent windows at or above the threshold and names the worst window (exact)', () => {
    const { ranges, worstTimeSec } = timeRangesOf([0, 2, 3, 0, 1, 0], 1, 0.5, 3);
    expect(ranges).toEqual([
      { startSec: 0.5, endSec: 1.5 },
      { startSec: 2, endSec: 2.5 },
    ]);
    expect(worstTimeSec).toBe(1);
  });

  it('keeps a short tail window in the ranges but never picks it as the worst moment', () => {
    // 2.01 s in 0.5 s windows: the fifth window holds 10 ms.
    const { ranges, worstTimeSec } = timeRangesOf([0, 0, 2, 1, 9], 1, 0.5, 2.01);
    expect(ranges).toEqual([{ startSec: 1, endSec: 2.01 }]);
    expect(worstTimeSec).toBe(1);
  });

  it('picks a tail window of at least half a window like any other', () => {
    const { worstTimeSec } = timeRangesOf([0, 2, 9], 1, 0.5, 1.25);
    expect(worstTimeSec).toBe(1);
  });
});
