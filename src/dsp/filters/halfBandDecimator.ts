import { besselI0 } from '../besselI0';

/**
 * Decimation by two with a linear-phase half-band FIR (Crochiere and Rabiner, "Multirate
 * Digital Signal Processing", 1983, section 4.5; Kaiser window as in polyphaseInterpolator.ts).
 *
 * Taps h[n], n = 0 .. 2C (C = HALF_BAND_CENTRE, odd), at the input rate r:
 *   h[C] = 1/2,  h[C +- 2m] = 0 (m >= 1),  h[C +- d] = sinc(d/2)/2 w(d/(C + 1)) for odd d,
 * the odd taps scaled so that they sum to 1/2: DC gain exactly 1, and H(f) + H(r/2 - f) = 1.
 * With 31 taps and a Kaiser window of beta = 6: passband within 0.008 dB up to 0.1875 r,
 * stopband at least 60 dB down from 0.3125 r (tested). Keeping every second output, a
 * component at f in (0.3125 r, 0.5 r) aliases onto 0.5 r - f < 0.1875 r, so the band below
 * 0.1875 r of the half-rate signal is alias-free to 60 dB. Delay: C = 15 input
 * samples. Per output: 8 multiplications (symmetric pairs) plus the centre tap.
 */
const HALF_BAND_CENTRE = 15;
const HALF_BAND_TAPS = 2 * HALF_BAND_CENTRE + 1;
const HALF_BAND_KAISER_BETA = 6;
/** Passband edge as a fraction of the input rate. */
export const HALF_BAND_PASSBAND = 0.1875;

/** The symmetric odd taps h[C + d] = h[C - d] for d = 1, 3, ..., C. */
export function halfBandTaps(): Float64Array {
  const count = (HALF_BAND_CENTRE + 1) / 2;
  const taps = new Float64Array(count);
  let sum = 0;
  const i0Beta = besselI0(HALF_BAND_KAISER_BETA);
  for (let j = 0; j < count; j++) {
    const d = 2 * j + 1;
    const x = d / (HALF_BAND_CENTRE + 1);
    const window = besselI0(HALF_BAND_KAISER_BETA * Math.sqrt(1 - x * x)) / i0Beta;
    const value = (Math.sin((Math.PI * d) / 2) / ((Math.PI * d) / 2)) * 0.5 * window;
    taps[j] = value;
    sum += 2 * value;
  }
  for (let j = 0; j < count; j++) taps[j] = (taps[j]! * 0.5) / sum;
  return taps;
}

/** Zero-phase response H(f) = 1/2 + sum_d 2 h[C + d] cos(2 pi f d / r) at `frequencyHz`, input rate `rateHz`. */
export function halfBandResponse(taps: Float64Array, frequencyHz: number, rateHz: number): number {
  let h = 0.5;
  for (let j = 0; j < taps.length; j++) h += 2 * taps[j]! * Math.cos((2 * Math.PI * frequencyHz * (2 * j + 1)) / rateHz);
  return h;
}

export interface HalfBandDecimator {
  readonly taps: Float64Array;
  /** The last HALF_BAND_TAPS inputs twice over (readable as one contiguous window). */
  readonly history: Float64Array;
  /** Ring index of the newest input. */
  position: number;
  /** 1 when the next input completes an output pair. */
  phase: number;
}

export function createHalfBandDecimator(taps: Float64Array = halfBandTaps()): HalfBandDecimator {
  return { taps, history: new Float64Array(2 * HALF_BAND_TAPS), position: 0, phase: 0 };
}

export function resetHalfBandDecimator(decimator: HalfBandDecimator): void {
  decimator.history.fill(0);
  decimator.position = 0;
  decimator.phase = 0;
}

/**
 * Feeds input[start .. start + count) and writes the outputs (every second input, counted
 * from the first input since reset, so independent of how the input is split) to
 * output[outStart ...]. Returns the number of outputs written. Allocation-free.
 */
export function decimateHalfBand(
  decimator: HalfBandDecimator,
  input: Float64Array,
  start: number,
  count: number,
  output: Float64Array,
  outStart: number,
): number {
  const history = decimator.history;
  const taps = decimator.taps;
  const pairs = taps.length;
  let position = decimator.position;
  let phase = decimator.phase;
  let written = 0;
  for (let i = start; i < start + count; i++) {
    const x = input[i]!;
    position = position + 1 === HALF_BAND_TAPS ? 0 : position + 1;
    history[position] = x;
    history[position + HALF_BAND_TAPS] = x;
    if (phase === 1) {
      // Window oldest .. newest: history[position + 1 .. position + HALF_BAND_TAPS]; centre at + C.
      const centre = position + 1 + HALF_BAND_CENTRE;
      let y = 0.5 * history[centre]!;
      for (let j = 0; j < pairs; j++) {
        const d = 2 * j + 1;
        y += taps[j]! * (history[centre + d]! + history[centre - d]!);
      }
      output[outStart + written] = y;
      written++;
    }
    phase ^= 1;
  }
  decimator.position = position;
  decimator.phase = phase;
  return written;
}
