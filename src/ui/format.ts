import type { Decibels, Degrees, Seconds } from '../core/units';

/** Display formats shared by the panels (pure, tested). */

/** "m:ss.t", e.g. 65.34 s -> "1:05.3"; negative and non-finite values show as 0. */
export function formatTime(seconds: Seconds): string {
  const tenths = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds * 10 + 1e-6) : 0;
  const minutes = Math.floor(tenths / 600);
  const secondsPart = Math.floor((tenths % 600) / 10);
  return `${minutes}:${String(secondsPart).padStart(2, '0')}.${tenths % 10}`;
}

/** "+3.0", "-12.5", "0.0", "-inf" (one decimal, explicit plus). */
export function formatDb(levelDb: Decibels): string {
  if (levelDb === Number.NEGATIVE_INFINITY || levelDb <= -120) return '-inf';
  const rounded = Math.round(levelDb * 10) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}`;
}

/** Correlation with its sign, two decimals: "+1.00", "-0.35", "0.00"; "--" when not a number. */
export function formatCorrelation(value: number): string {
  if (!Number.isFinite(value)) return '--';
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0.00';
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(2)}`;
}

/** Azimuth label in ADM degrees: "0°", "+90°" (left), "-90°" (right), "180°". */
export function formatAzimuthLabel(azimuthDeg: Degrees): string {
  const rounded = Math.round(azimuthDeg);
  if (rounded === 0 || rounded === 180) return `${rounded}°`;
  return `${rounded > 0 ? '+' : ''}${rounded}°`;
}

/** Meter scale: a linear peak as a fraction of a bar spanning [floorDb, 0] dBFS, clipped to [0, 1]. */
export function peakToMeterFraction(peak: number, floorDb: Decibels = -60): number {
  if (!(peak > 0)) return 0;
  const levelDb = 20 * Math.log10(peak);
  return Math.min(1, Math.max(0, (levelDb - floorDb) / -floorDb));
}
