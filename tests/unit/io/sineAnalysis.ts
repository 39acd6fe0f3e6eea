/** Measurements of a sine in a signal, for the codec and resampler tests. */

/**
 * Least-squares fit of a cos(w n) + b sin(w n) to signal[start, end) at a known frequency
 * (w = 2 pi cyclesPerSample); returns the amplitude sqrt(a^2 + b^2). Exact for a pure sine
 * at that frequency, whatever the phase and the number of cycles in the section.
 */
export function sineAmplitude(signal: Float32Array, cyclesPerSample: number, start: number, end: number): number {
  let cc = 0;
  let cs = 0;
  let ss = 0;
  let xc = 0;
  let xs = 0;
  for (let n = start; n < end; n++) {
    const c = Math.cos(2 * Math.PI * cyclesPerSample * n);
    const s = Math.sin(2 * Math.PI * cyclesPerSample * n);
    const x = signal[n] ?? 0;
    cc += c * c;
    cs += c * s;
    ss += s * s;
    xc += x * c;
    xs += x * s;
  }
  const det = cc * ss - cs * cs;
  const a = (xc * ss - xs * cs) / det;
  const b = (xs * cc - xc * cs) / det;
  return Math.hypot(a, b);
}

/**
 * Frequency in cycles per sample from the upward zero crossings of signal[start, end), each
 * located by linear interpolation between the samples around it: (crossings - 1) cycles
 * between the first and the last.
 */
export function zeroCrossingFrequency(signal: Float32Array, start: number, end: number): number {
  const crossings: number[] = [];
  for (let n = start; n + 1 < end; n++) {
    const x0 = signal[n] ?? 0;
    const x1 = signal[n + 1] ?? 0;
    if (x0 < 0 && x1 >= 0) crossings.push(n + x0 / (x0 - x1));
  }
  const first = crossings[0];
  const last = crossings[crossings.length - 1];
  if (first === undefined || last === undefined || crossings.length < 2) throw new Error('fewer than two upward zero crossings');
  return (crossings.length - 1) / (last - first);
}

/** 10 log10 of the energy ratio of (signal - reference) to reference over [start, end). */
export function residualDb(signal: Float32Array, reference: (n: number) => number, start: number, end: number): number {
  let error = 0;
  let power = 0;
  for (let n = start; n < end; n++) {
    const r = reference(n);
    error += ((signal[n] ?? 0) - r) ** 2;
    power += r * r;
  }
  return 10 * Math.log10(error / power);
}

export function amplitudeToDb(amplitude: number): number {
  return 20 * Math.log10(amplitude);
}
