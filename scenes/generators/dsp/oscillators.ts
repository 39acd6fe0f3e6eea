/**
 * Band-limited oscillators by polyBLEP: the naive waveform minus a two-sample polynomial
 * approximation of the band-limited step at each discontinuity (Valimaki and Huovilainen,
 * "Antialiasing oscillators in subtractive synthesis", IEEE Signal Processing Magazine,
 * 2007). Aliasing of the strong low harmonics drops by some 30-40 dB against the naive
 * waveform, which is what makes saws and pulses usable without oversampling.
 *
 * Phases are normalised to [0, 1); a phase increment is frequencyHz / sampleRateHz and
 * must lie in (0, 0.5). The oscillators work on whole blocks: they add `gain` times the
 * waveform into `out[start, end)` and return the phase after the block, so a caller can
 * continue the waveform in the next block.
 */

/** Polynomial band-limited step residual around a discontinuity at phase 0. */
function polyBlep(phase: number, increment: number): number {
  if (phase < increment) {
    const x = phase / increment;
    return x + x - x * x - 1;
  }
  if (phase > 1 - increment) {
    const x = (phase - 1) / increment;
    return x * x + x + x + 1;
  }
  return 0;
}

/** Adds a rising band-limited sawtooth in [-gain, gain] at a fixed frequency. */
export function addSaw(out: Float32Array, start: number, end: number, phase: number, increment: number, gain: number): number {
  let p = phase;
  for (let i = start; i < end; i++) {
    out[i] = (out[i] ?? 0) + gain * (2 * p - 1 - polyBlep(p, increment));
    p += increment;
    if (p >= 1) p -= 1;
  }
  return p;
}

/** Adds a sawtooth whose phase increment changes every sample (vibrato, glides). */
export function addSawModulated(out: Float32Array, increments: Float64Array, phase: number, gain: number): number {
  let p = phase;
  for (let i = 0; i < out.length; i++) {
    const increment = increments[i] ?? 0;
    out[i] = (out[i] ?? 0) + gain * (2 * p - 1 - polyBlep(p, increment));
    p += increment;
    if (p >= 1) p -= 1;
  }
  return p;
}

/**
 * Adds a band-limited pulse: high for phase < width, low after (width 0.5 = square),
 * offset to zero mean so that narrow pulses bring no DC (a naive pulse averages 2w - 1).
 */
export function addPulse(
  out: Float32Array,
  start: number,
  end: number,
  phase: number,
  increment: number,
  width: number,
  gain: number,
): number {
  const mean = 2 * width - 1;
  let p = phase;
  for (let i = start; i < end; i++) {
    const fallingEdgePhase = p >= width ? p - width : p - width + 1;
    const value = (p < width ? 1 : -1) - mean + polyBlep(p, increment) - polyBlep(fallingEdgePhase, increment);
    out[i] = (out[i] ?? 0) + gain * value;
    p += increment;
    if (p >= 1) p -= 1;
  }
  return p;
}
