import { correlationFromMoments } from '../../dsp/meters/stereoMoments';

/** Correlation of two channels over their length (stereoMoments.ts): a stem's, or a loudspeaker pair's; a mono stem is 1. */
export function stemCorrelation(channels: readonly Float32Array[]): number {
  const moments = new Float64Array(3);
  addStemMoments(channels, 0, Infinity, moments, 0);
  return stemCorrelationOf(moments, 0, stemFrames(channels));
}

/** Frames over which a stem's channels are compared: the shorter channel's length (0 for a mono stem). */
export function stemFrames(channels: readonly Float32Array[]): number {
  const left = channels[0];
  const right = channels[1];
  return left === undefined || right === undefined ? 0 : Math.min(left.length, right.length);
}

/**
 * out[at..at+2] += the sums of L^2, R^2 and L R over frames [start, end) of the stem
 * (clipped to its length; nothing for a mono stem): parts of a stem measured separately
 * add up to the whole.
 */
export function addStemMoments(channels: readonly Float32Array[], start: number, end: number, out: Float64Array, at: number): void {
  const left = channels[0];
  const right = channels[1];
  if (left === undefined || right === undefined) return;
  const last = Math.min(end, stemFrames(channels));
  let pl = 0, pr = 0, c = 0;
  for (let n = Math.max(0, start); n < last; n++) {
    const a = left[n]!, b = right[n]!;
    pl += a * a;
    pr += b * b;
    c += a * b;
  }
  out[at] = out[at]! + pl;
  out[at + 1] = out[at + 1]! + pr;
  out[at + 2] = out[at + 2]! + c;
}

/** The correlation of a stem from its sums (addStemMoments) over `frames` frames; a mono stem (0 frames) is 1. */
export function stemCorrelationOf(moments: Float64Array, at: number, frames: number): number {
  if (frames === 0) return 1;
  const scale = 1 / frames;
  return correlationFromMoments(moments[at]! * scale, moments[at + 1]! * scale, moments[at + 2]! * scale);
}
