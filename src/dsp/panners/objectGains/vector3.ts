import { RADIANS_PER_DEGREE } from '../../../core/units';
import type { Degrees } from '../../../core/units';

/**
 * Small 3-vector helpers over Float64Array slots (x right, y front, z up), allocation-free.
 * Angles follow BS.2076: azimuth positive to the left.
 */

/** out[o..o+2] = the point at (az, el, distance): (-sin az cos el, cos az cos el, sin el) d. */
export function writeDirection(azimuthDeg: Degrees, elevationDeg: Degrees, distance: number, out: Float64Array, o = 0): void {
  const az = azimuthDeg * RADIANS_PER_DEGREE;
  const el = elevationDeg * RADIANS_PER_DEGREE;
  out[o] = -Math.sin(az) * Math.cos(el) * distance;
  out[o + 1] = Math.cos(az) * Math.cos(el) * distance;
  out[o + 2] = Math.sin(el) * distance;
}

/** Azimuth of (x, y, z) in degrees, (-180, 180]. */
export function azimuthOf(x: number, y: number): Degrees {
  return Math.atan2(-x, y) / RADIANS_PER_DEGREE;
}

/** Elevation of (x, y, z) in degrees. */
export function elevationOf(x: number, y: number, z: number): Degrees {
  return Math.atan2(z, Math.hypot(x, y)) / RADIANS_PER_DEGREE;
}

/**
 * The listener's axes turned to face (az, el), as three rows of `out` (9 numbers):
 * right = direction(az - 90, 0), front = direction(az, el), up = direction(az, el + 90).
 */
export function writeFacingBasis(azimuthDeg: Degrees, elevationDeg: Degrees, out: Float64Array): void {
  writeDirection(azimuthDeg - 90, 0, 1, out, 0);
  writeDirection(azimuthDeg, elevationDeg, 1, out, 3);
  writeDirection(azimuthDeg, elevationDeg + 90, 1, out, 6);
}

/** to[toOffset..+2] = from[fromOffset..+2]. */
export function copy3(from: Float64Array, fromOffset: number, to: Float64Array, toOffset: number): void {
  to[toOffset] = from[fromOffset]!;
  to[toOffset + 1] = from[fromOffset + 1]!;
  to[toOffset + 2] = from[fromOffset + 2]!;
}

export function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

/** The line through (x0, y0) and (x1, y1) at x, x0 < x1 (not clamped). */
export function lerp(x: number, x0: number, x1: number, y0: number, y1: number): number {
  return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
}

/**
 * Piecewise-linear y(x) through (xs[i], ys[i]) (xs increasing), constant beyond the ends.
 */
export function interpolate(x: number, xs: readonly number[], ys: readonly number[]): number {
  const last = xs.length - 1;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[last]!) return ys[last]!;
  let i = 1;
  while (x > xs[i]!) i++;
  const x0 = xs[i - 1]!;
  const x1 = xs[i]!;
  const y0 = ys[i - 1]!;
  return x1 === x0 ? ys[i]! : y0 + ((x - x0) / (x1 - x0)) * (ys[i]! - y0);
}

/** Scales out[0..n-1] to unit Euclidean norm; leaves all zeros when the norm is below 1e-16. */
export function normalise(values: Float64Array, n = values.length): void {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]! * values[i]!;
  const norm = Math.sqrt(sum);
  const scale = norm > 1e-16 ? 1 / norm : 0;
  for (let i = 0; i < n; i++) values[i] = values[i]! * scale;
}

/** The angle `x` moved by whole turns to the smallest value not below `start` (degrees). */
export function unwrapFrom(start: Degrees, x: Degrees): Degrees {
  let y = x;
  while (y - 360 >= start) y -= 360;
  while (y < start) y += 360;
  return y;
}

/**
 * Whether azimuth x lies on the arc from `start` anticlockwise to `end` (end taken as
 * start + 360 when exactly so: the whole circle), within `toleranceDeg`.
 */
export function insideAzimuthArc(x: Degrees, start: Degrees, end: Degrees, toleranceDeg = 0): boolean {
  let stop = end;
  while (stop - 360 > start) stop -= 360;
  while (stop < start) stop += 360;
  return unwrapFrom(start - toleranceDeg, x) <= stop + toleranceDeg;
}
