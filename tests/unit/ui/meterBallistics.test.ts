import { describe, expect, it } from 'vitest';
import {
  METER_TICKS_DB,
  PEAK_FALL_DB_PER_SEC,
  PEAK_HOLD_SEC,
  createPeakHold,
  isClip,
  meterFraction,
  peakDb,
  updatePeakHold,
} from '../../../src/ui/meters/meterBallistics';

const TOLERANCE_DB = 1e-9;

describe('the level meters\' scale, peak hold and clip light', () => {
  it('places levels linearly in dB from -60 dBFS (0) to 0 dBFS (1)', () => {
    expect(meterFraction(-60)).toBe(0);
    expect(meterFraction(-90)).toBe(0);
    expect(meterFraction(-Infinity)).toBe(0);
    expect(meterFraction(-30)).toBeCloseTo(0.5, 12);
    expect(meterFraction(-6)).toBeCloseTo(0.9, 12);
    expect(meterFraction(0)).toBe(1);
    expect(meterFraction(3)).toBe(1);
    // The scale's ticks lie on the bar, 0 dBFS at its end.
    expect(METER_TICKS_DB.map((db) => meterFraction(db))).toEqual(METER_TICKS_DB.map((db) => (db + 60) / 60));
  });

  it('converts peaks to dBFS: 0.5 is -6.02 dB, silence is -Infinity', () => {
    expect(peakDb(1)).toBe(0);
    expect(peakDb(0.5)).toBeCloseTo(-6.0206, 4);
    expect(peakDb(0)).toBe(-Infinity);
  });

  it('holds a peak for 2 s, then falls at 20 dB/s until it meets the level', () => {
    const hold = createPeakHold();
    expect(updatePeakHold(hold, -6, 10)).toBe(-6);
    // Quieter levels during the hold leave the held peak where it is, up to 2 s.
    expect(updatePeakHold(hold, -30, 10.5)).toBe(-6);
    expect(updatePeakHold(hold, -30, 10 + PEAK_HOLD_SEC)).toBe(-6);
    // 0.5 s into the fall: 10 dB lower.
    expect(Math.abs(updatePeakHold(hold, -30, 10 + PEAK_HOLD_SEC + 0.5) - (-6 - 0.5 * PEAK_FALL_DB_PER_SEC))).toBeLessThan(TOLERANCE_DB);
    // After 1.2 s of fall it would be at -30: it stops at the level.
    expect(updatePeakHold(hold, -30, 10 + PEAK_HOLD_SEC + 1.5)).toBe(-30);
  });

  it('restarts the hold at once on a higher peak', () => {
    const hold = createPeakHold();
    updatePeakHold(hold, -20, 0);
    expect(updatePeakHold(hold, -3, 1.9)).toBe(-3);
    expect(updatePeakHold(hold, -40, 1.9 + PEAK_HOLD_SEC - 0.01)).toBe(-3);
    expect(updatePeakHold(hold, -40, 1.9 + PEAK_HOLD_SEC + 0.1)).toBeCloseTo(-3 - 0.1 * PEAK_FALL_DB_PER_SEC, 9);
  });

  it('calls a sample at or above 0 dBFS a clip, and nothing below', () => {
    expect(isClip(1)).toBe(true);
    expect(isClip(1.5)).toBe(true);
    expect(isClip(0.99999)).toBe(false);
    expect(isClip(10 ** (-0.1 / 20))).toBe(false);
  });
});
