import { createRealFft, realFftForward } from '../../src/dsp/fft';

/**
 * Lag (in samples, with parabolic sub-sample refinement) at which `b` best matches `a`
 * delayed: positive when b lags a. Searched over +/- maxLag.
 */
export function crossCorrelationLag(a: Float32Array, b: Float32Array, maxLag: number): number {
  const values: number[] = [];
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let sum = 0;
    for (let n = maxLag; n < a.length - maxLag; n++) sum += a[n]! * b[n + lag]!;
    values.push(sum);
  }
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  const left = values[best - 1] ?? values[best]!;
  const right = values[best + 1] ?? values[best]!;
  const centre = values[best]!;
  const denominator = left - 2 * centre + right;
  const offset = denominator === 0 ? 0 : (0.5 * (left - right)) / denominator;
  return best - maxLag + offset;
}

/**
 * Averaged power spectrum (Welch, Hann windows of `size` with half overlap) of `signal`:
 * power per bin 0..size/2.
 */
export function powerSpectrum(signal: Float32Array, size: number): Float64Array {
  const fft = createRealFft(size);
  const bins = size / 2 + 1;
  const power = new Float64Array(bins);
  const frame = new Float64Array(size);
  const re = new Float64Array(bins);
  const im = new Float64Array(bins);
  let count = 0;
  for (let start = 0; start + size <= signal.length; start += size / 2) {
    for (let i = 0; i < size; i++) frame[i] = signal[start + i]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
    realFftForward(fft, frame, re, im);
    for (let k = 0; k < bins; k++) power[k] = power[k]! + re[k]! ** 2 + im[k]! ** 2;
    count++;
  }
  for (let k = 0; k < bins; k++) power[k] = power[k]! / count;
  return power;
}

/** Total power of `spectrum` (from powerSpectrum) between two frequencies. */
export function bandPower(spectrum: Float64Array, sampleRateHz: number, lowHz: number, highHz: number): number {
  const size = (spectrum.length - 1) * 2;
  let sum = 0;
  for (let k = 0; k < spectrum.length; k++) {
    const f = (k * sampleRateHz) / size;
    if (f >= lowHz && f < highHz) sum += spectrum[k]!;
  }
  return sum;
}

export function rms(signal: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < signal.length; i++) sum += signal[i]! ** 2;
  return Math.sqrt(sum / signal.length);
}

export function toDb(power: number): number {
  return 10 * Math.log10(power);
}
