/**
 * Shared pieces of the HRTF tests: the shipped KEMAR measurements, spectra by the
 * project's FFT (itself tested against a direct DFT in tests/unit/dsp/fft.test.ts),
 * band powers, and direction look-up.
 */
import { readFileSync } from 'node:fs';
import { createRealFft, realFftForward } from '../../../../src/dsp/fft';
import type { MeasuredHrirSet } from '../../../../src/core/measuredHrirSet';
import { readSofaHrirs } from '../../../../src/io/sofa';

export const KEMAR_SOFA_NAME = 'hrtf/sofa/MIT_KEMAR_normal_pinna.sofa';

export function readKemar(): Promise<MeasuredHrirSet> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../../${KEMAR_SOFA_NAME}`, import.meta.url)));
  return readSofaHrirs(bytes, KEMAR_SOFA_NAME);
}

/** The HRIR of direction `d` (flat arrays, `length` samples each). */
export function hrir(flat: Float32Array, d: number, length: number): Float32Array {
  return flat.subarray(d * length, (d + 1) * length);
}

/** |X[k]|^2, k = 0..fftSize/2, of `response` zero-padded to fftSize. */
export function powerSpectrum(response: ArrayLike<number>, fftSize: number): Float64Array {
  const fft = createRealFft(fftSize);
  const padded = new Float64Array(fftSize);
  for (let n = 0; n < response.length; n++) padded[n] = response[n]!;
  const re = new Float64Array(fft.bins);
  const im = new Float64Array(fft.bins);
  realFftForward(fft, padded, re, im);
  return re.map((value, k) => value * value + im[k]! * im[k]!);
}

/** Band centres f0 2^(i / bandsPerOctave) from `fromHz` up to `toHz`. */
export function bandCentresHz(fromHz: number, toHz: number, bandsPerOctave: number): number[] {
  const centres: number[] = [];
  for (let i = 0; fromHz * 2 ** (i / bandsPerOctave) <= toHz * (1 + 1e-9); i++) centres.push(fromHz * 2 ** (i / bandsPerOctave));
  return centres;
}

/** Mean of `power` (bins of a DFT of fftSize at sampleRateHz) over each band [fc 2^(-1/2b), fc 2^(1/2b)], in dB. */
export function bandPowersDb(power: Float64Array, sampleRateHz: number, centresHz: readonly number[], bandsPerOctave: number): number[] {
  const binHz = sampleRateHz / (2 * (power.length - 1));
  return centresHz.map((centreHz) => {
    const low = Math.ceil((centreHz * 2 ** (-0.5 / bandsPerOctave)) / binHz);
    const high = Math.floor((centreHz * 2 ** (0.5 / bandsPerOctave)) / binHz);
    let sum = 0;
    for (let k = low; k <= high; k++) sum += power[k]!;
    return 10 * Math.log10(sum / (high - low + 1));
  });
}

/** Index of the direction measured at (azimuthDeg, elevationDeg), within 1e-6 degrees. */
export function directionIndex(set: { azimuthDeg: Float64Array; elevationDeg: Float64Array }, azimuthDeg: number, elevationDeg: number): number {
  for (let d = 0; d < set.azimuthDeg.length; d++) {
    if (Math.abs(set.azimuthDeg[d]! - azimuthDeg) < 1e-6 && Math.abs(set.elevationDeg[d]! - elevationDeg) < 1e-6) return d;
  }
  throw new Error(`no direction at azimuth ${azimuthDeg}, elevation ${elevationDeg}`);
}

/** Sum of squares of `response`. */
export function energy(response: ArrayLike<number>): number {
  let sum = 0;
  for (let n = 0; n < response.length; n++) sum += response[n]! * response[n]!;
  return sum;
}

/**
 * Solid-angle weights of a grid of elevation rings, independent of solidAngleWeights.ts:
 * a ring owns the band of the sphere halfway to its neighbouring rings (the outermost
 * rings as far again beyond themselves, clipped at the poles), shared equally by its
 * directions; the band between elevations a and b has area 2 pi (sin b - sin a).
 */
export function ringWeights(elevationDeg: Float64Array): Float64Array {
  const rings = [...new Set(elevationDeg)].sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const elevation of elevationDeg) counts.set(elevation, (counts.get(elevation) ?? 0) + 1);
  const sin = (deg: number): number => Math.sin((Math.max(-90, Math.min(90, deg)) * Math.PI) / 180);
  const weights = elevationDeg.map((elevation) => {
    const i = rings.indexOf(elevation);
    const below = rings[i - 1] ?? 2 * elevation - rings[i + 1]!;
    const above = rings[i + 1] ?? 2 * elevation - rings[i - 1]!;
    return (sin((elevation + above) / 2) - sin((elevation + below) / 2)) / counts.get(elevation)!;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => weight / total);
}
