import { describe, expect, it } from 'vitest';
import { GAIN_FADER_TAPER, GAIN_TAPER_POINTS, piecewiseTaper } from '../../../src/ui/controls/faderTaper';

/** Interpolation rounding. */
const TOLERANCE = 1e-9;
/** The mixer strip's fader travel in CSS pixels (strip fader width less the track insets; tests/e2e/mixer.test.ts measures it). */
const STRIP_TRAVEL_PX = 115;

/** dB per pixel at `valueDb` on a fader of `travelPx`, by a centred difference of one pixel. */
function dbPerPixel(valueDb: number, travelPx: number): number {
  const f = GAIN_FADER_TAPER.toFraction(valueDb);
  return (GAIN_FADER_TAPER.toValue(f + 0.5 / travelPx) - GAIN_FADER_TAPER.toValue(f - 0.5 / travelPx));
}

describe('the gain fader taper', () => {
  it('puts each breakpoint where the table says, both ways', () => {
    for (const [fraction, db] of GAIN_TAPER_POINTS) {
      expect(GAIN_FADER_TAPER.toValue(fraction)).toBeCloseTo(db, 9);
      expect(GAIN_FADER_TAPER.toFraction(db)).toBeCloseTo(fraction, 9);
    }
    expect(GAIN_FADER_TAPER.minDb).toBe(-120);
    expect(GAIN_FADER_TAPER.maxDb).toBe(12);
  });

  it('maps 0 dB to the middle of the -6..+6 segment: 0.3 + 0.58 / 2 = 0.59 of the travel', () => {
    expect(GAIN_FADER_TAPER.toFraction(0)).toBeCloseTo(0.59, 12);
    expect(GAIN_FADER_TAPER.toValue(0.59)).toBeCloseTo(0, 12);
  });

  it('round-trips every tenth of a dB from -120 to +12 and every 1/1000 of the travel', () => {
    for (let tenth = -1200; tenth <= 120; tenth++) {
      const db = tenth / 10;
      expect(Math.abs(GAIN_FADER_TAPER.toValue(GAIN_FADER_TAPER.toFraction(db)) - db)).toBeLessThan(TOLERANCE);
    }
    for (let k = 0; k <= 1000; k++) {
      const f = k / 1000;
      expect(Math.abs(GAIN_FADER_TAPER.toFraction(GAIN_FADER_TAPER.toValue(f)) - f)).toBeLessThan(TOLERANCE);
    }
  });

  it('is strictly increasing and clamps outside its range', () => {
    let previous = -Infinity;
    for (let k = 0; k <= 1000; k++) {
      const db = GAIN_FADER_TAPER.toValue(k / 1000);
      expect(db).toBeGreaterThan(previous);
      previous = db;
    }
    expect(GAIN_FADER_TAPER.toValue(-0.5)).toBe(-120);
    expect(GAIN_FADER_TAPER.toValue(1.5)).toBe(12);
    expect(GAIN_FADER_TAPER.toFraction(-200)).toBe(0);
    expect(GAIN_FADER_TAPER.toFraction(24)).toBe(1);
  });

  it(`is fine around 0 dB (0.1-0.2 dB per pixel on ${STRIP_TRAVEL_PX} px) and coarser below -40 dB`, () => {
    // -6..+6 dB over 58 % of the travel: 12 / (0.58 * 115) = 0.180 dB per pixel.
    for (const db of [-5, -1, 0, 1, 5]) {
      expect(dbPerPixel(db, STRIP_TRAVEL_PX)).toBeCloseTo(12 / (0.58 * STRIP_TRAVEL_PX), 9);
      expect(dbPerPixel(db, STRIP_TRAVEL_PX)).toBeGreaterThanOrEqual(0.1);
      expect(dbPerPixel(db, STRIP_TRAVEL_PX)).toBeLessThanOrEqual(0.2);
    }
    // -60..-40 dB over 7 %: 20 / (0.07 * 115) = 2.48 dB per pixel, more than ten times coarser.
    expect(dbPerPixel(-50, STRIP_TRAVEL_PX)).toBeCloseTo(20 / (0.07 * STRIP_TRAVEL_PX), 9);
    expect(dbPerPixel(-50, STRIP_TRAVEL_PX)).toBeGreaterThan(10 * dbPerPixel(0, STRIP_TRAVEL_PX));
  });

  it('refuses breakpoints that do not span the travel or do not increase', () => {
    expect(() => piecewiseTaper([[0, -10], [0.5, 0]])).toThrow(/travel 0 to travel 1/);
    expect(() => piecewiseTaper([[0, -10], [0.5, -20], [1, 0]])).toThrow(/breakpoint 1/);
  });
});
