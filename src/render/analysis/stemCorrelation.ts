import { correlationFromMoments } from '../../dsp/meters/stereoMoments';

/** Correlation of two channels over their length (stereoMoments.ts): a stem's, or a loudspeaker pair's; a mono stem is 1. */
export function stemCorrelation(channels: readonly Float32Array[]): number {
  const left = channels[0];
  const right = channels[1];
  if (left === undefined || right === undefined) return 1;
  const frames = Math.min(left.length, right.length);
  let pl = 0, pr = 0, c = 0;
  for (let n = 0; n < frames; n++) {
    const a = left[n]!, b = right[n]!;
    pl += a * a;
    pr += b * b;
    c += a * b;
  }
  const scale = 1 / Math.max(1, frames);
  return correlationFromMoments(pl * scale, pr * scale, c * scale);
}
