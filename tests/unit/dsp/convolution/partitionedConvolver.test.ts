import { describe, expect, it } from 'vitest';
import { createPartitionedConvolver, processConvolverBlock } from '../../../../src/dsp/convolution/partitionedConvolver';
import { gaussianNoise } from '../../../support/prng';

function directConvolution(x: Float32Array, h: Float32Array, length: number): Float64Array {
  const y = new Float64Array(length);
  for (let n = 0; n < length; n++) {
    let sum = 0;
    for (let k = 0; k <= n && k < h.length; k++) if (n - k < x.length) sum += h[k]! * x[n - k]!;
    y[n] = sum;
  }
  return y;
}

function relativeErrorDb(actual: Float32Array, expected: Float64Array): number {
  let error = 0;
  let signal = 0;
  for (let i = 0; i < expected.length; i++) {
    error += (actual[i]! - expected[i]!) ** 2;
    signal += expected[i]! ** 2;
  }
  return 10 * Math.log10(error / signal);
}

describe('uniformly partitioned FFT convolution', () => {
  // Float32 output of unit-variance signals carries rounding near -140 dB relative;
  // -100 dB is the bound and leaves a wide margin.
  const LIMIT_DB = -100;
  const blockSize = 128;

  for (const filterLength of [1, 100, 128, 129, 300, 512, 1000]) {
    it(`equals direct convolution for a ${filterLength}-tap filter (below ${LIMIT_DB} dB)`, () => {
      const x = gaussianNoise(20 * blockSize, 1);
      const h = gaussianNoise(filterLength, 2);
      const length = x.length;
      const conv = createPartitionedConvolver(h, blockSize);
      const y = new Float32Array(length);
      const out = new Float32Array(blockSize);
      for (let start = 0; start < length; start += blockSize) {
        processConvolverBlock(conv, x.subarray(start, start + blockSize), out);
        y.set(out, start);
      }
      expect(relativeErrorDb(y, directConvolution(x, h, length))).toBeLessThan(LIMIT_DB);
    });
  }

  it('has no latency: an impulse in the first block comes out in that block', () => {
    const h = Float32Array.of(0.5, 0.25);
    const conv = createPartitionedConvolver(h, blockSize);
    const input = new Float32Array(blockSize);
    input[3] = 1;
    const out = new Float32Array(blockSize);
    processConvolverBlock(conv, input, out);
    expect(out[3]).toBeCloseTo(0.5, 12);
    expect(out[4]).toBeCloseTo(0.25, 12);
    expect(out[2]).toBeCloseTo(0, 12);
  });
});
