import { describe, expect, it } from 'vitest';
import { formatCorrelation } from '../../../src/ui/format';
import {
  correlationFraction,
  createHistoryRing,
  formatLevel,
  formatSigned,
  goniometerPointIndex,
  historyAt,
  historyLength,
  newGoniometerPoints,
  pushHistory,
} from '../../../src/ui/meters/meterReadout';

describe('meter read-outs', () => {
  it('formats levels with one decimal and shows the meters\' -150 floor as no reading', () => {
    expect(formatLevel(-14.26)).toBe('-14.3');
    expect(formatLevel(-0.04)).toBe('0.0');
    expect(formatLevel(-150)).toBe('--');
    expect(formatLevel(Number.NaN)).toBe('--');
    expect(formatSigned(3.0103)).toBe('+3.0');
    expect(formatSigned(-2.26)).toBe('-2.3');
    expect(formatSigned(0.02)).toBe('0.0');
    expect(formatSigned(-150)).toBe('--');
  });

  it('formats correlation with two decimals and a sign, and places it on the -1..+1 scale', () => {
    expect(formatCorrelation(1)).toBe('+1.00');
    expect(formatCorrelation(-0.354)).toBe('-0.35');
    expect(formatCorrelation(0.001)).toBe('0.00');
    expect(correlationFraction(-1)).toBe(0);
    expect(correlationFraction(0)).toBe(0.5);
    expect(correlationFraction(1)).toBe(1);
    expect(correlationFraction(3)).toBe(1);
    expect(correlationFraction(Number.NaN)).toBe(0.5);
  });

  it('keeps the last `capacity` values of the history, oldest first', () => {
    const ring = createHistoryRing(3);
    expect(historyLength(ring)).toBe(0);
    for (const v of [0.1, 0.2, 0.3, 0.4, 0.5]) pushHistory(ring, v);
    expect(historyLength(ring)).toBe(3);
    expect([0, 1, 2].map((i) => historyAt(ring, i))).toEqual([0.3, 0.4, 0.5].map(Math.fround));
  });

  it('finds the goniometer points written since the last frame, across the 2^31 wrap of the cursor', () => {
    expect(newGoniometerPoints(1200, 1000, 4096, 5000)).toEqual({ first: 1000, count: 200 });
    // More than the ring holds: only the newest `capacity` are still there.
    expect(newGoniometerPoints(10000, 0, 4096, 5000)).toEqual({ first: 10000 - 4096, count: 4096 });
    // The per-frame limit keeps the newest.
    expect(newGoniometerPoints(1200, 1000, 4096, 50)).toEqual({ first: 1150, count: 50 });
    // The cursor wrapped from 2^31 - 10 to 20: 30 new points.
    expect(newGoniometerPoints(20, 0x7fffffff - 9, 4096, 5000)).toEqual({ first: 0x7fffffff - 9, count: 30 });
    // 2^31 is a multiple of the capacity, so indices stay continuous over the wrap.
    expect(goniometerPointIndex(0x7fffffff, 4096)).toBe(2 * 4095);
    expect(goniometerPointIndex(0, 4096)).toBe(0);
  });
});
