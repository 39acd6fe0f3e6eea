/**
 * Text and geometry of the studio meters' read-outs (pure, tested): number formats, the
 * correlation history ring, and which goniometer points are new since the last frame.
 */

/** The meters report silence and "nothing measured yet" at -150; anything at or below this shows as "--". */
const NO_READING_BELOW = -120;

/** One decimal with an explicit sign ("+3.0", "-14.2", "0.0"), or "--" for no reading. */
export function formatSigned(value: number): string {
  if (!Number.isFinite(value) || value <= NO_READING_BELOW) return '--';
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}`;
}

/** A level or loudness with one decimal ("-14.2"), or "--" for no reading. */
export function formatLevel(value: number): string {
  if (!Number.isFinite(value) || value <= NO_READING_BELOW) return '--';
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? '0.0' : rounded.toFixed(1);
}

/** Where a correlation sits on a -1..+1 scale: 0 (left end) to 1 (right end), clamped. */
export function correlationFraction(correlation: number): number {
  if (!Number.isFinite(correlation)) return 0.5;
  return Math.min(1, Math.max(0, (correlation + 1) / 2));
}

/** A fixed-size ring of the most recent values (the correlation history). */
export interface HistoryRing {
  readonly values: Float32Array;
  /** Values pushed so far (the newest is at (count - 1) mod capacity). */
  count: number;
}

export function createHistoryRing(capacity: number): HistoryRing {
  return { values: new Float32Array(Math.max(1, capacity)), count: 0 };
}

export function pushHistory(ring: HistoryRing, value: number): void {
  ring.values[ring.count % ring.values.length] = value;
  ring.count++;
}

/** The i-th value from the oldest kept (0 <= i < historyLength(ring)). */
export function historyAt(ring: HistoryRing, i: number): number {
  const capacity = ring.values.length;
  const first = ring.count > capacity ? ring.count - capacity : 0;
  return ring.values[(first + i) % capacity]!;
}

export function historyLength(ring: HistoryRing): number {
  return Math.min(ring.count, ring.values.length);
}

/**
 * The goniometer points written since `lastCursor` (both cursors count modulo 2^31), at
 * most the ring's capacity and `maxPoints` (the newest of them): the first point's
 * counter value and how many there are.
 */
export function newGoniometerPoints(cursor: number, lastCursor: number, capacity: number, maxPoints: number): { first: number; count: number } {
  const written = (cursor - lastCursor) & 0x7fffffff;
  const count = Math.min(written, capacity, maxPoints);
  return { first: (cursor - count) & 0x7fffffff, count };
}

/** Index in the interleaved points array of point number `k` (a cursor value). */
export function goniometerPointIndex(k: number, capacity: number): number {
  return 2 * (k % capacity);
}
