import { writeDirection } from './vector3';

/**
 * The polar extent panner's virtual sources (ITU-R BS.2127 section 7.3.8.2.2), indexed by
 * row so that a call visits only those near the source.
 *
 * 37 rows of elevation, 5 degrees apart from -90 to 90; a row at elevation el has
 * round(72 cos el) sources (half to even, at least one) at azimuths 360 k / n: about 1,650
 * in all, row by row in increasing elevation, each row in increasing azimuth.
 */
export interface VirtualSources {
  readonly count: number;
  /** Unit vectors, 3 numbers each. */
  readonly points: Float64Array;
  /** Index of each row's first source; rowStart[ROWS] = count. */
  readonly rowStart: Int32Array;
  /** Each row's elevation, radians, its sine and cosine. */
  readonly rowElevation: Float64Array;
  readonly rowSin: Float64Array;
  readonly rowCos: Float64Array;
}

const ROWS = 37;
/** Slack on the cap's angle (radians) so that rounding never drops a source the exact test keeps. */
const CAP_SLACK_RAD = 1e-6;

export function createVirtualSources(): VirtualSources {
  const directions: number[] = [];
  const rowStart = new Int32Array(ROWS + 1);
  const rowElevation = new Float64Array(ROWS);
  const point = new Float64Array(3);
  for (let row = 0; row < ROWS; row++) {
    const elevationDeg = -90 + (180 * row) / (ROWS - 1);
    const count = Math.max(1, roundHalfEven(Math.cos((elevationDeg * Math.PI) / 180) * 2 * (ROWS - 1)));
    rowStart[row] = directions.length / 3;
    rowElevation[row] = (elevationDeg * Math.PI) / 180;
    for (let k = 0; k < count; k++) {
      writeDirection((360 * k) / count, elevationDeg, 1, point);
      directions.push(point[0]!, point[1]!, point[2]!);
    }
  }
  rowStart[ROWS] = directions.length / 3;
  return {
    count: rowStart[ROWS]!,
    points: Float64Array.from(directions),
    rowStart,
    rowElevation,
    rowSin: rowElevation.map(Math.sin),
    rowCos: rowElevation.map(Math.cos),
  };
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Room for the ranges of writeCapRanges: two per row. */
export const CAP_RANGES_LENGTH = 4 * ROWS;

/**
 * Index ranges [start, end) of the virtual sources, in increasing order, that hold every
 * source within `reachRad` of the unit direction (cx, cy, cz) (and some just outside: the
 * caller tests each). Returns how many ranges were written into `ranges` (2 numbers each).
 *
 * A row at elevation el meets the cap only if |el - e| <= reach (e the centre's elevation);
 * there, a source at azimuth difference d is inside when
 *   sin el sin e + cos el cos e cos d >= cos reach,
 * so |d| <= acos((cos reach - sin el sin e) / (cos el cos e)), widened by one source each side.
 */
export function writeCapRanges(sources: VirtualSources, cx: number, cy: number, cz: number, reachRad: number, ranges: Int32Array): number {
  const { rowStart, rowElevation, rowSin, rowCos } = sources;
  const reach = reachRad + CAP_SLACK_RAD;
  if (reach >= Math.PI) {
    ranges[0] = 0;
    ranges[1] = sources.count;
    return 1;
  }
  const elevation = Math.asin(Math.max(-1, Math.min(1, cz)));
  const azimuth = Math.atan2(-cx, cy);
  const sinE = Math.sin(elevation);
  const cosE = Math.cos(elevation);
  const cosReach = Math.cos(reach);
  let written = 0;
  // rows 5 degrees apart from -90: only those within the reach of the centre's elevation
  const rowStep = Math.PI / (ROWS - 1);
  const firstRow = Math.max(0, Math.floor((elevation - reach + Math.PI / 2) / rowStep));
  const lastRow = Math.min(ROWS - 1, Math.ceil((elevation + reach + Math.PI / 2) / rowStep));
  for (let row = firstRow; row <= lastRow; row++) {
    const el = rowElevation[row]!;
    if (Math.abs(el - elevation) > reach) continue;
    const start = rowStart[row]!;
    const n = rowStart[row + 1]! - start;
    const across = rowCos[row]! * cosE;
    const c = across < 1e-9 ? -2 : (cosReach - rowSin[row]! * sinE) / across;
    if (c <= -1) {
      written = addRange(ranges, written, start, start + n);
      continue;
    }
    const halfSpan = c >= 1 ? 0 : Math.acos(c);
    const step = (2 * Math.PI) / n;
    const lo = Math.ceil((azimuth - halfSpan) / step) - 1;
    const hi = Math.floor((azimuth + halfSpan) / step) + 1;
    if (hi - lo + 1 >= n) {
      written = addRange(ranges, written, start, start + n);
      continue;
    }
    const first = wrapIndex(lo, n);
    const last = wrapIndex(hi, n);
    if (first <= last) written = addRange(ranges, written, start + first, start + last + 1);
    else {
      written = addRange(ranges, written, start, start + last + 1);
      written = addRange(ranges, written, start + first, start + n);
    }
  }
  return written;
}

/** Appends [start, end) to the `written` ranges, merged with the last when they touch; returns the new count. */
function addRange(ranges: Int32Array, written: number, start: number, end: number): number {
  if (written > 0 && ranges[2 * written - 1] === start) {
    ranges[2 * written - 1] = end;
    return written;
  }
  ranges[2 * written] = start;
  ranges[2 * written + 1] = end;
  return written + 1;
}

/** k moved by whole turns of n into [0, n) (k within a few turns: no floating-point remainder). */
function wrapIndex(k: number, n: number): number {
  let wrapped = k;
  while (wrapped < 0) wrapped += n;
  while (wrapped >= n) wrapped -= n;
  return wrapped;
}
