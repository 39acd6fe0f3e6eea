import { describe, expect, it } from 'vitest';
import { analysisWindow } from '../../../src/dsp/analysis/analysisWindow';
import { createFrameSpectrum, transformStereoFrame } from '../../../src/dsp/analysis/frameSpectrum';
import { appendToFrame, createFrameBuffer } from '../../../src/dsp/analysis/frameBuffer';
import { analysisFrameSize, createMomentAnalyser } from '../../../src/dsp/analysis/monoMomentAnalyser';
import { MATRIX_STRIDE, applySpectralMatrix } from '../../../src/dsp/analysis/spectralMatrix';
import { createRealFft } from '../../../src/dsp/fft';
import { createPrng, gaussianNoise } from '../../support/prng';

const N = 512;
const BINS = N / 2 + 1;
const fft = createRealFft(N);
const scratch = { window: analysisWindow(N), left: new Float64Array(N), right: new Float64Array(N) };

function spectrumOf(left: Float32Array, right: Float32Array): ReturnType<typeof createFrameSpectrum> {
  const frame = { left: createFrameBuffer(N), right: createFrameBuffer(N) };
  appendToFrame(frame.left, left, 0, 0, N);
  appendToFrame(frame.right, right, 0, 0, N);
  const spectrum = createFrameSpectrum(BINS);
  transformStereoFrame(fft, frame, scratch, spectrum);
  return spectrum;
}

function randomMatrix(seed: number): Float64Array {
  const random = createPrng(seed);
  return Float64Array.from({ length: MATRIX_STRIDE * BINS }, () => 2 * random() - 1);
}

/** (L', R') = M (L, R) at bin k, written out in complex arithmetic. */
function expected(matrix: Float64Array, k: number, l: [number, number], r: [number, number]): [number, number, number, number] {
  const m = MATRIX_STRIDE * k;
  const mul = (re: number, im: number, [xr, xi]: [number, number]): [number, number] => [re * xr - im * xi, re * xi + im * xr];
  const a = mul(matrix[m]!, matrix[m + 1]!, l), b = mul(matrix[m + 2]!, matrix[m + 3]!, r);
  const c = mul(matrix[m + 4]!, matrix[m + 5]!, l), d = mul(matrix[m + 6]!, matrix[m + 7]!, r);
  return [a[0] + b[0], a[1] + b[1], c[0] + d[0], c[1] + d[1]];
}

describe('a stereo filter applied to a frame spectrum', () => {
  it('gives L\' = a L + b R and R\' = c L + d R at every bin (1e-12 relative)', () => {
    const spectrum = spectrumOf(gaussianNoise(N, 1), gaussianNoise(N, 2));
    const before = { lr: spectrum.lr.slice(), li: spectrum.li.slice(), rr: spectrum.rr.slice(), ri: spectrum.ri.slice() };
    const matrix = randomMatrix(3);
    applySpectralMatrix(spectrum, matrix);
    for (let k = 0; k < BINS; k++) {
      const want = expected(matrix, k, [before.lr[k]!, before.li[k]!], [before.rr[k]!, before.ri[k]!]);
      const got = [spectrum.lr[k]!, spectrum.li[k]!, spectrum.rr[k]!, spectrum.ri[k]!];
      want.forEach((v, j) => expect(Math.abs(got[j]! - v)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(v))));
    }
  });

  it('expands a right channel that is a scaled copy (R = k L, no transform of its own) to the same result (1e-12 relative)', () => {
    const left = gaussianNoise(N, 4);
    const copy = spectrumOf(left, left.map((v) => -0.5 * v));
    expect(copy.rightScale).toBeCloseTo(-0.5, 6);
    const full = spectrumOf(left, left.map((v) => -0.5 * v));
    // The same input, its right channel spelt out: what the scaled copy stands for.
    for (let k = 0; k < BINS; k++) {
      full.rr[k] = copy.rightScale * full.lr[k]!;
      full.ri[k] = copy.rightScale * full.li[k]!;
    }
    full.rightScale = NaN;
    const matrix = randomMatrix(5);
    applySpectralMatrix(copy, matrix);
    applySpectralMatrix(full, matrix);
    expect(Number.isNaN(copy.rightScale)).toBe(true);
    for (let k = 0; k < BINS; k++) {
      for (const key of ['lr', 'li', 'rr', 'ri'] as const) {
        expect(Math.abs(copy[key][k]! - full[key][k]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(full[key][k]!)));
      }
    }
  });

  it('leaves a silent frame silent', () => {
    const silent = spectrumOf(new Float32Array(N), new Float32Array(N));
    expect(silent.silent).toBe(true);
    applySpectralMatrix(silent, randomMatrix(6));
    expect(silent.silent).toBe(true);
  });

  it('is refused by the analyser unless there is one matrix per input, of MATRIX_STRIDE numbers per bin', () => {
    const rate = 48000;
    const bins = analysisFrameSize(rate) / 2 + 1;
    const config = { sampleRateHz: rate, inputCount: 2, perInput: true, totalFrames: rate, windowSec: 1 };
    expect(() => createMomentAnalyser({ ...config, inputMatrices: [new Float64Array(MATRIX_STRIDE * bins)] })).toThrow(/expected a matrix per input \(2\), got 1/);
    expect(() => createMomentAnalyser({ ...config, inputMatrices: [new Float64Array(MATRIX_STRIDE * bins), new Float64Array(8)] })).toThrow(
      new RegExp(`input 1's matrix has 8 numbers, expected 8 per bin \\(${MATRIX_STRIDE * bins}\\)`),
    );
  });
});
