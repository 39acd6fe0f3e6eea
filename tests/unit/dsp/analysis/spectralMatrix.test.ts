import { describe, expect, it } from 'vitest';
import { analysisWindow } from '../../../../src/dsp/analysis/analysisWindow';
import { createFrameSpectrum, transformStereoFrame } from '../../../../src/dsp/analysis/frameSpectrum';
import { appendToFrame, createFrameBuffer } from '../../../../src/dsp/analysis/frameBuffer';
import { analysisFrameSize, createMomentAnalyser, createMomentAnalysers, feedMomentAnalyser, finishMomentAnalyser } from '../../../../src/dsp/analysis/monoMomentAnalyser';
import { MATRIX_STRIDE, applyRealGains, applySpectralMatrix, constantRealGains } from '../../../../src/dsp/analysis/spectralMatrix';
import type { FrameSpectrum } from '../../../../src/dsp/analysis/frameSpectrum';
import { createRealFft } from '../../../../src/dsp/fft';
import { createPrng, gaussianNoise } from '../../../support/prng';

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
    applySpectralMatrix(spectrum, matrix, spectrum);
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
    applySpectralMatrix(copy, matrix, copy);
    applySpectralMatrix(full, matrix, full);
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
    applySpectralMatrix(silent, randomMatrix(6), silent);
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

  it('takes plain real gains the cheaper way, to the same result, keeping a scaled copy a scaled copy (1e-12 relative)', () => {
    const gains = [0.8, -0.3, 0.25, 0.6];
    const matrix = new Float64Array(MATRIX_STRIDE * BINS);
    for (let m = 0; m < matrix.length; m += MATRIX_STRIDE) gains.forEach((g, j) => (matrix[m + 2 * j] = g));
    const found = constantRealGains(matrix)!;
    expect(Array.from(found)).toEqual(gains);
    const expand = (x: FrameSpectrum): FrameSpectrum => {
      if (Number.isNaN(x.rightScale)) return x;
      for (let k = 0; k < BINS; k++) {
        x.rr[k] = x.rightScale * x.lr[k]!;
        x.ri[k] = x.rightScale * x.li[k]!;
      }
      return x;
    };
    const left = gaussianNoise(N, 7);
    for (const right of [gaussianNoise(N, 8), left.map((v) => 0.5 * v)]) {
      const viaGains = spectrumOf(left, right);
      const viaMatrix = spectrumOf(left, right);
      applyRealGains(viaGains, found, viaGains);
      applySpectralMatrix(viaMatrix, matrix, viaMatrix);
      // A scaled-copy input (R = 0.5 L) stays one: R' = (0.25 + 0.6 x 0.5) / (0.8 - 0.3 x 0.5) L'.
      if (right[0] === 0.5 * left[0]!) expect(viaGains.rightScale).toBeCloseTo(0.55 / 0.65, 12);
      expand(viaGains);
      for (let k = 0; k < BINS; k++) {
        for (const key of ['lr', 'li', 'rr', 'ri'] as const) {
          expect(Math.abs(viaGains[key][k]! - viaMatrix[key][k]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(viaMatrix[key][k]!)));
        }
      }
    }
    // Gains that vary with frequency, or are complex, are a filter: no constant gains.
    const filter = matrix.slice();
    filter[MATRIX_STRIDE * 3] = 0.7;
    expect(constantRealGains(filter)).toBeNull();
    const complex = matrix.slice();
    complex[1] = 1e-9;
    expect(constantRealGains(complex)).toBeNull();
  });

  it('keeps the same own moments in an ownOnly view as in a full one, and shares the transforms between views (1e-12 relative)', () => {
    const rate = 48000;
    const frames = rate;
    const config = { sampleRateHz: rate, inputCount: 2, totalFrames: frames, windowSec: 0.5 };
    const [full, own] = createMomentAnalysers(config, [{ perInput: true }, { perInput: true, ownOnly: true }]);
    const inputs = [[gaussianNoise(frames, 9), gaussianNoise(frames, 10)], [gaussianNoise(frames, 11)]];
    feedMomentAnalyser(full!, inputs, frames);
    finishMomentAnalyser(own!);
    for (let i = 0; i < 2; i++) {
      const a = full!.inputs[i]!, b = own!.inputs[i]!;
      for (let at = 0; at < a.bands.length; at += 7) {
        for (let j = 0; j < 3; j++) expect(Math.abs(b.bands[at + j]! - a.bands[at + j]!)).toBeLessThanOrEqual(1e-12 * Math.abs(a.bands[at]!));
        // The products with the mix are not kept.
        expect(b.bands[at + 3]).toBe(0);
      }
      expect(Array.from(b.windowPower)).toEqual(Array.from(a.windowPower));
      expect(b.crossRe.every((v) => v === 0)).toBe(true);
    }
    expect(Array.from(own!.mixBands)).toEqual(Array.from(full!.mixBands));
  });
});
