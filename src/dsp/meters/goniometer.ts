import { MID_SIDE_SCALE } from '../midside/midSide';

/**
 * Goniometer (vectorscope) point feed: every `decimation`-th stereo sample becomes a point
 *   x = -S = (R - L)/sqrt2,   y = M = (L + R)/sqrt2
 * (mid/side convention of midside/midSide.ts), written into a caller-provided ring, ready
 * to draw with M up and the left channel on the left: a centred mono signal draws a
 * vertical line, a left-only signal the upper-left diagonal, a right-only signal the
 * upper-right diagonal, inverted channels a horizontal line, uncorrelated noise a round
 * cloud. Points are plain samples (no low-pass before decimating: each point is a true
 * (S, M) pair; only their density drops). Full-scale L = R = 1 maps to y = sqrt2.
 *
 * Ring: `points` holds capacity = points.length / 2 points interleaved (x0, y0, x1, y1,
 * ...); `cursor[0]` counts the points written so far, modulo 2^31, stored with
 * Atomics.store after the points, so a reader on another thread (the page, over a
 * SharedArrayBuffer) reads Atomics.load(cursor, 0) and then the `capacity` points before
 * it. Point k lives at index 2 (k mod capacity). The decimation phase runs on across
 * calls, so the feed does not depend on block lengths.
 */
export interface GoniometerFeed {
  /** Interleaved (x, y) pairs; length 2 x capacity (capacity >= 1). */
  readonly points: Float32Array;
  /** cursor[0]: points written so far, modulo 2^31. */
  readonly cursor: Int32Array;
}

export interface GoniometerConfig {
  /** Keep one sample in `decimation` (>= 1); default 4 (12 000 points per second at 48 kHz). */
  readonly decimation?: number;
}

export interface Goniometer {
  readonly feed: GoniometerFeed;
  readonly decimation: number;
  readonly capacity: number;
  /** Samples to skip before the next point. */
  skip: number;
  written: number;
}

const DEFAULT_GONIOMETER_DECIMATION = 4;

export function createGoniometer(config: GoniometerConfig, feed: GoniometerFeed): Goniometer {
  const capacity = Math.floor(feed.points.length / 2);
  if (capacity < 1) throw new RangeError('goniometer: the points ring must hold at least one (x, y) pair');
  if (feed.cursor.length < 1) throw new RangeError('goniometer: the cursor array must have at least one element');
  const decimation = Math.max(1, Math.round(config.decimation ?? DEFAULT_GONIOMETER_DECIMATION));
  return { feed, decimation, capacity, skip: 0, written: Atomics.load(feed.cursor, 0) };
}

/** Adds the points of `frames` samples to the ring. Allocation-free. */
export function processGoniometer(gonio: Goniometer, left: Float32Array, right: Float32Array, frames: number): void {
  const points = gonio.feed.points;
  const capacity = gonio.capacity;
  let written = gonio.written;
  let i = gonio.skip;
  for (; i < frames; i += gonio.decimation) {
    const l = left[i]!;
    const r = right[i]!;
    const slot = 2 * (written % capacity);
    points[slot] = (r - l) * MID_SIDE_SCALE;
    points[slot + 1] = (l + r) * MID_SIDE_SCALE;
    written = (written + 1) & 0x7fffffff;
  }
  gonio.skip = i - frames;
  if (written !== gonio.written) {
    gonio.written = written;
    Atomics.store(gonio.feed.cursor, 0, written);
  }
}
