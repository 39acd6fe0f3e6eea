import type { Decibels } from '../../core/units';

/**
 * A gain fader's taper: where along its travel (0 = bottom, 1 = top) each level sits.
 * Piecewise linear in dB between breakpoints, as console faders are scaled: most of the
 * travel goes to the working range around 0 dB, the rest is coarse.
 *
 *   travel   0      0.03   0.10   0.20   0.30   0.88   1
 *   dB       -120   -60    -40    -20    -6     +6     +12
 *
 * Resolution per 1 % of travel: 0.207 dB from -6 to +6 dB (0.15-0.18 dB per pixel on the
 * mixer strips' 115-140 px of travel), 0.5 dB from +6 to +12, 1.4 dB from -20 to -6,
 * 2 dB from -40 to -20, 2.9 dB from -60 to -40 and 20 dB below -60, where nothing fine
 * is heard. Strictly increasing, so each level has one place and back.
 */
export interface FaderTaper {
  readonly minDb: Decibels;
  readonly maxDb: Decibels;
  /** Travel fraction 0..1 of a level (clamped into the range). */
  toFraction(valueDb: Decibels): number;
  /** Level of a travel fraction (clamped into 0..1). */
  toValue(fraction: number): Decibels;
}

/** [travel fraction, dB], strictly increasing in both. */
export const GAIN_TAPER_POINTS: readonly (readonly [number, Decibels])[] = [
  [0, -120],
  [0.03, -60],
  [0.1, -40],
  [0.2, -20],
  [0.3, -6],
  [0.88, 6],
  [1, 12],
];

/** The taper through `points` (at least two, strictly increasing in fraction and in dB, from fraction 0 to 1). */
export function piecewiseTaper(points: readonly (readonly [number, Decibels])[]): FaderTaper {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || points.length < 2 || first[0] !== 0 || last[0] !== 1) {
    throw new Error('a fader taper needs breakpoints from travel 0 to travel 1');
  }
  for (let i = 1; i < points.length; i++) {
    if (!(points[i]![0] > points[i - 1]![0] && points[i]![1] > points[i - 1]![1])) {
      throw new Error(`fader taper breakpoint ${i} does not increase in travel and level`);
    }
  }
  /** Linear interpolation along the segment of `points` where coordinate `from` holds `x`. */
  const map = (x: number, from: 0 | 1): number => {
    const to = from === 0 ? 1 : 0;
    if (x <= first[from]) return first[to];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      if (x <= b[from]) return a[to] + ((x - a[from]) / (b[from] - a[from])) * (b[to] - a[to]);
    }
    return last[to];
  };
  return {
    minDb: first[1],
    maxDb: last[1],
    toFraction: (valueDb) => map(valueDb, 1),
    toValue: (fraction) => map(fraction, 0),
  };
}

/** The gain faders' taper, -120 to +12 dB. */
export const GAIN_FADER_TAPER: FaderTaper = piecewiseTaper(GAIN_TAPER_POINTS);
