import type { Decibels, Seconds } from '../../core/units';

/**
 * What the mixer's level meters show besides the level itself: a dB scale, a peak hold and
 * a clip light.
 *
 * - Scale: the bar spans METER_FLOOR_DB..0 dBFS linearly in dB; ticks at METER_TICKS_DB.
 * - Peak hold: the highest level stays PEAK_HOLD_SEC, then falls at PEAK_FALL_DB_PER_SEC
 *   until it meets the level again (a new higher peak restarts the hold at once).
 * - Clip: a sample at or above 0 dBFS (|x| >= 1) in the metered signal, i.e. a meter frame
 *   whose sample peak (the largest |x| since the last frame) is >= 1. This is the sample
 *   peak of what would reach a fixed-point file at full scale; the inter-sample (true)
 *   peak in dBTP is measured on the monitored output by the Meters tab. The light stays
 *   lit (latched) until clicked, so a clip that passed unseen is still reported.
 */
export const METER_FLOOR_DB: Decibels = -60;
/** Ticks 12 dB apart: closer ones (-6) would overlap their neighbours on a 100 px strip meter. */
export const METER_TICKS_DB: readonly Decibels[] = [-48, -36, -24, -12, 0];
export const PEAK_HOLD_SEC: Seconds = 2;
export const PEAK_FALL_DB_PER_SEC = 20;
/** Sample peak (linear) at which the clip light latches: 0 dBFS. */
export const CLIP_PEAK = 1;

/** Level in dBFS of a linear peak; -Infinity for silence. */
export function peakDb(peak: number): Decibels {
  return peak > 0 ? 20 * Math.log10(peak) : -Infinity;
}

/** Place of a level on the bar, 0 (floor and below) to 1 (0 dBFS and above). */
export function meterFraction(levelDb: Decibels, floorDb: Decibels = METER_FLOOR_DB): number {
  if (!(levelDb > floorDb)) return 0;
  return Math.min(1, (levelDb - floorDb) / -floorDb);
}

export function isClip(peak: number): boolean {
  return peak >= CLIP_PEAK;
}

/** One meter's held peak. */
export interface PeakHold {
  heldDb: Decibels;
  /** When the held level was last raised. */
  heldAtSec: Seconds;
}

export function createPeakHold(): PeakHold {
  return { heldDb: -Infinity, heldAtSec: 0 };
}

/** Updates `hold` with the level now and returns the level to show as the held peak. */
export function updatePeakHold(hold: PeakHold, levelDb: Decibels, nowSec: Seconds): Decibels {
  if (levelDb >= hold.heldDb) {
    hold.heldDb = levelDb;
    hold.heldAtSec = nowSec;
    return levelDb;
  }
  const fallingSec = nowSec - hold.heldAtSec - PEAK_HOLD_SEC;
  if (fallingSec <= 0) return hold.heldDb;
  const fallen = hold.heldDb - fallingSec * PEAK_FALL_DB_PER_SEC;
  if (fallen > levelDb) return fallen;
  hold.heldDb = levelDb;
  hold.heldAtSec = nowSec;
  return levelDb;
}
