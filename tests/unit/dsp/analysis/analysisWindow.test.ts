import { describe, expect, it } from 'vitest';
import { analysisWindow, analysisWindowHop, windowAutocorrelation } from '../../../../src/dsp/analysis/analysisWindow';

describe('the analysis window (flat, quarter-sine tapers) at its hop of 3/4 frame', () => {
  for (const size of [16, 1024, 8192]) {
    it(`squared, overlapped at the hop, adds up to exactly 1 at every sample (N = ${size}, 1e-12)`, () => {
      const w = analysisWindow(size);
      const hop = analysisWindowHop(size);
      // A sample at offset n of one frame is at n + hop of the previous one and n - hop of the next.
      for (let n = 0; n < hop; n++) {
        const sum = w[n]! ** 2 + (n + hop < size ? w[n + hop]! ** 2 : 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
      }
    });
  }

  it('keeps its own correlation above 0.75 up to a quarter frame and at most 0.11 across the circular wrap (what interChannelDelay.ts relies on)', () => {
    const size = 8192;
    const rho = windowAutocorrelation(analysisWindow(size), size - 1);
    expect(rho[0]).toBeCloseTo(1, 12);
    expect(rho[size / 4]!).toBeGreaterThan(0.75);
    for (let lag = 1; lag <= size / 4; lag++) expect(rho[size - lag]!).toBeLessThanOrEqual(0.11);
  });
});
