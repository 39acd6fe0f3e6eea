import type { Random } from './random';

/**
 * Smooth random motion for slow modulation (wind gusts, filter drift): random values in
 * [-1, 1] at knots `periodSec` apart, joined by raised-cosine interpolation so the curve
 * and its slope are continuous at the knots.
 */
export type ValueNoise = (timeSec: number) => number;

export function createValueNoise(random: Random, periodSec: number, lengthSec: number): ValueNoise {
  const knots = new Float64Array(Math.ceil(lengthSec / periodSec) + 2);
  for (let i = 0; i < knots.length; i++) knots[i] = random.bipolar();
  return (timeSec) => {
    const position = Math.min(Math.max(timeSec / periodSec, 0), knots.length - 1.000001);
    const index = Math.floor(position);
    const blend = 0.5 - 0.5 * Math.cos(Math.PI * (position - index));
    const from = knots[index] ?? 0;
    const to = knots[index + 1] ?? 0;
    return from + (to - from) * blend;
  };
}
