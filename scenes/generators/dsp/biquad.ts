/**
 * Second-order IIR filters from Robert Bristow-Johnson's "Audio EQ Cookbook", run in
 * transposed direct form II. Used where the frequency is fixed for the whole signal;
 * modulated filters use the state-variable filter in `svf.ts`.
 */
export type BiquadKind = 'lowpass' | 'highpass' | 'bandpass' | 'peaking';

export interface Biquad {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
  z1: number;
  z2: number;
}

/** Q of a Butterworth (maximally flat) second-order section. */
export const BUTTERWORTH_Q = Math.SQRT1_2;

/**
 * A biquad of `kind` at `frequencyHz`. Band-pass has 0 dB gain at its centre; `gainDb`
 * is used by peaking only. The frequency is clamped below Nyquist so that a design
 * written for 96 kHz still works at 44.1 kHz.
 */
export function createBiquad(
  kind: BiquadKind,
  frequencyHz: number,
  q: number,
  sampleRateHz: number,
  gainDb = 0,
): Biquad {
  const omega = (2 * Math.PI * Math.min(frequencyHz, 0.49 * sampleRateHz)) / sampleRateHz;
  const cos = Math.cos(omega);
  const alpha = Math.sin(omega) / (2 * q);
  let b0: number;
  let b1: number;
  let b2: number;
  let a0 = 1 + alpha;
  let a2 = 1 - alpha;
  switch (kind) {
    case 'lowpass':
      b1 = 1 - cos;
      b0 = b1 / 2;
      b2 = b0;
      break;
    case 'highpass':
      b1 = -(1 + cos);
      b0 = -b1 / 2;
      b2 = b0;
      break;
    case 'bandpass':
      b0 = alpha;
      b1 = 0;
      b2 = -alpha;
      break;
    case 'peaking': {
      const amplitude = 10 ** (gainDb / 40);
      b0 = 1 + alpha * amplitude;
      b1 = -2 * cos;
      b2 = 1 - alpha * amplitude;
      a0 = 1 + alpha / amplitude;
      a2 = 1 - alpha / amplitude;
      break;
    }
  }
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: (-2 * cos) / a0, a2: a2 / a0, z1: 0, z2: 0 };
}

/** Filters `buffer[start, end)` in place, advancing the filter's state. */
export function processBiquad(filter: Biquad, buffer: Float32Array, start = 0, end = buffer.length): void {
  const { b0, b1, b2, a1, a2 } = filter;
  let { z1, z2 } = filter;
  for (let i = start; i < end; i++) {
    const input = buffer[i] ?? 0;
    const output = b0 * input + z1;
    z1 = b1 * input - a1 * output + z2;
    z2 = b2 * input - a2 * output;
    buffer[i] = output;
  }
  filter.z1 = z1;
  filter.z2 = z2;
}
