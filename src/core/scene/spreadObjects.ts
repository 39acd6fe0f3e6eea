import { writePolarToCartesian } from '../coordinates';
import type { Degrees, Metres } from '../units';
import { wrapAzimuthDeg } from '../units';

/**
 * Where a source's stem channels become objects (DESIGN.md section 4): a mono stem's
 * channel at the source's position; a stereo stem's left channel at azimuth
 * +spreadDeg/2 from the source's (towards the listener's left), its right channel at
 * -spreadDeg/2, both at the source's elevation and distance. The renderer places its
 * objects with this, and the stage draws them with it, so the two cannot disagree.
 */
export interface SpreadSource {
  readonly azimuthDeg: Degrees;
  readonly elevationDeg: Degrees;
  readonly distanceM: Metres;
  readonly spreadDeg: Degrees;
}

/** A stem channel's side: +1 a stereo stem's left channel, -1 its right, 0 a mono stem's channel. */
export type SpreadSide = -1 | 0 | 1;

/**
 * Writes into `out` the scene position (x right, y front, z up; metres) of the object at
 * `side` of the source: +1 left, -1 right, 0 the source itself; fractions between give
 * the points of the arc that joins them. Allocation-free (the renderer calls it).
 */
export function writeSpreadObjectPosition(source: SpreadSource, side: number, out: Float64Array): void {
  const azimuthDeg = wrapAzimuthDeg(source.azimuthDeg + (side * source.spreadDeg) / 2);
  writePolarToCartesian(azimuthDeg, source.elevationDeg, source.distanceM, out);
}
