/**
 * The trapezoidal (topology-preserving transform) state-variable filter of Andrew
 * Simper ("Linear trapezoidal integrated state variable filter", Cytomic, 2013).
 * Unlike a direct-form biquad it stays stable and quiet when its cutoff moves every few
 * samples, so it carries the filter envelopes and slow sweeps of the synth parts: set
 * the cutoff, process a short block, repeat.
 */
export interface Svf {
  /** Damping k = 1/Q. */
  k: number;
  a1: number;
  a2: number;
  a3: number;
  ic1: number;
  ic2: number;
}

/** Low-pass, high-pass, or band-pass normalised to 0 dB at its centre. */
export type SvfResponse = 'lowpass' | 'highpass' | 'bandpass';

export function createSvf(): Svf {
  return { k: 2, a1: 0, a2: 0, a3: 0, ic1: 0, ic2: 0 };
}

/** Sets cutoff (clamped to 1 Hz .. 0.48 of the sample rate) and Q; keeps the state. */
export function setSvf(filter: Svf, cutoffHz: number, q: number, sampleRateHz: number): void {
  const g = Math.tan((Math.PI * Math.min(Math.max(cutoffHz, 1), 0.48 * sampleRateHz)) / sampleRateHz);
  filter.k = 1 / q;
  filter.a1 = 1 / (1 + g * (g + filter.k));
  filter.a2 = g * filter.a1;
  filter.a3 = g * filter.a2;
}

/** Filters input[start, end) into output[start, end); input and output may be one array. */
export function processSvf(
  filter: Svf,
  response: SvfResponse,
  input: Float32Array,
  output: Float32Array,
  start = 0,
  end = input.length,
): void {
  const { k, a1, a2, a3 } = filter;
  let { ic1, ic2 } = filter;
  for (let i = start; i < end; i++) {
    const x = input[i] ?? 0;
    const v3 = x - ic2;
    const v1 = a1 * ic1 + a2 * v3;
    const v2 = ic2 + a2 * ic1 + a3 * v3;
    ic1 = 2 * v1 - ic1;
    ic2 = 2 * v2 - ic2;
    output[i] = response === 'lowpass' ? v2 : response === 'bandpass' ? k * v1 : x - k * v1 - v2;
  }
  filter.ic1 = ic1;
  filter.ic2 = ic2;
}

/**
 * Filters the whole signal in place with a cutoff that moves: `cutoffHzAt(timeSec)` is
 * read every `updateSamples` samples.
 */
export function sweepSvf(
  filter: Svf,
  response: SvfResponse,
  signal: Float32Array,
  cutoffHzAt: (timeSec: number) => number,
  q: number,
  sampleRateHz: number,
  updateSamples: number,
): void {
  for (let start = 0; start < signal.length; start += updateSamples) {
    setSvf(filter, cutoffHzAt(start / sampleRateHz), q, sampleRateHz);
    processSvf(filter, response, signal, signal, start, Math.min(start + updateSamples, signal.length));
  }
}
