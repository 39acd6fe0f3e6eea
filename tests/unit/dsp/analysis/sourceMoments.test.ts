import { describe, expect, it } from 'vitest';
import { createMomentAnalyser, feedMomentAnalyser, finishMomentAnalyser } from '../../../../src/dsp/analysis/monoMomentAnalyser';
import { MIX_STRIDE, SOURCE_STRIDE, attributedCross, momentsWithSourceNarrowed, momentsWithSourceRightFlipped, momentsWithoutSource } from '../../../../src/dsp/analysis/sourceMoments';
import { combNotchFrequenciesHz } from '../../../../src/dsp/analysis/interChannelDelay';
import { gaussianNoise } from '../../../support/prng';

const RATE = 48000;
const FRAMES = 3 * RATE;

/** Broadband sums of a band-moment array. */
function broadband(bands: Float64Array, stride: number): number[] {
  const out = new Array<number>(stride).fill(0);
  for (let i = 0; i < bands.length; i++) out[i % stride]! += bands[i]!;
  return out;
}

/** Moments of a stereo signal measured directly, through a one-input analyser. */
function measured(left: Float32Array, right: Float32Array): number[] {
  const analyser = createMomentAnalyser({ sampleRateHz: RATE, inputCount: 1, perInput: false, totalFrames: left.length, windowSec: 0.5 });
  feedMomentAnalyser(analyser, [[left, right]], left.length);
  finishMomentAnalyser(analyser);
  return broadband(analyser.mixBands, MIX_STRIDE);
}

describe('what-if moments of a mix from one source, by linearity (sourceMoments.ts)', () => {
  // Three sources: a wide one (partly correlated channels), a mono one, a partly inverted one.
  const a = gaussianNoise(FRAMES, 1), b = gaussianNoise(FRAMES, 2), c = gaussianNoise(FRAMES, 3), d = gaussianNoise(FRAMES, 4);
  const sources = [
    [a.map((v, n) => v + 0.5 * b[n]!), b.map((v, n) => v + 0.2 * a[n]!)],
    [c, c.map((v) => 0.5 * v)],
    [d, d.map((v, n) => -0.8 * v + 0.3 * a[n]!)],
  ] as const;
  const mixLeft = a.map((_, n) => sources[0][0][n]! + sources[1][0][n]! + sources[2][0][n]!);
  const mixRight = a.map((_, n) => sources[0][1][n]! + sources[1][1][n]! + sources[2][1][n]!);
  const analyser = createMomentAnalyser({ sampleRateHz: RATE, inputCount: 3, perInput: true, totalFrames: FRAMES, windowSec: 0.5 });
  feedMomentAnalyser(analyser, sources, FRAMES);
  finishMomentAnalyser(analyser);
  const mix = broadband(analyser.mixBands, MIX_STRIDE);
  const own = analyser.inputs.map((input) => Float64Array.from(broadband(input.bands, SOURCE_STRIDE)));
  const out = new Float64Array(3);
  // The identities are exact per bin; the only differences are float rounding (relative 1e-9).
  const close = (got: ArrayLike<number>, want: readonly number[]): void => {
    const scale = Math.max(...want.map(Math.abs));
    for (let j = 0; j < 3; j++) expect(Math.abs(got[j]! - want[j]!) / scale).toBeLessThan(1e-6);
  };

  it('the mix without a source equals the mix of the others, measured (relative 1e-6)', () => {
    momentsWithoutSource(mix, 0, own[2]!, 0, out);
    close(out, measured(mixLeft.map((v, n) => v - sources[2][0][n]!), mixRight.map((v, n) => v - sources[2][1][n]!)));
  });

  it('narrowing a source to width 0.3 (and collapsing it, width 0) equals the mix with that source edited, measured', () => {
    for (const width of [0.3, 0]) {
      const [l, r] = sources[0];
      const editedL = l.map((v, n) => 0.5 * (v + r[n]!) + 0.5 * width * (v - r[n]!));
      const editedR = r.map((v, n) => 0.5 * (l[n]! + v) - 0.5 * width * (l[n]! - v));
      momentsWithSourceNarrowed(mix, 0, own[0]!, 0, width, out);
      close(out, measured(mixLeft.map((v, n) => v - l[n]! + editedL[n]!), mixRight.map((v, n) => v - r[n]! + editedR[n]!)));
    }
  });

  it('flipping a source\'s right channel equals the mix with it flipped, measured', () => {
    momentsWithSourceRightFlipped(mix, 0, own[2]!, 0, out);
    close(out, measured(mixLeft, mixRight.map((v, n) => v - 2 * sources[2][1][n]!)));
  });

  it('the sources\' shares of C add up to the mix\'s C (relative 1e-9)', () => {
    const sum = own.reduce((total, m) => total + attributedCross(m), 0);
    expect(Math.abs(sum - mix[2]!) / Math.abs(mix[2]!)).toBeLessThan(1e-9);
  });

  it('energy scaling: the moments of a signal sum to its energy (1e-9 relative)', () => {
    // The squared windows of overlapping frames add up to exactly 1 at every sample (analysisWindow.ts), so by
    // Parseval the frames' sums over all bands are sum x^2, to rounding.
    const [pl] = measured(a, a);
    let energy = 0;
    for (let n = 0; n < FRAMES; n++) energy += a[n]! * a[n]!;
    expect(Math.abs(pl! / energy - 1)).toBeLessThan(1e-9);
  });
});

describe('comb notches of a delayed copy', () => {
  it('are at (2k + 1)/(2 tau) for an in-phase copy and k/tau for an inverted one', () => {
    expect(combNotchFrequenciesHz(0.012, 1, 3, 20000)).toEqual([1 / 0.024, 3 / 0.024, 5 / 0.024]);
    expect(combNotchFrequenciesHz(0.001, -1, 2, 20000)).toEqual([1000, 2000]);
    expect(combNotchFrequenciesHz(0.001, 1, 50, 2000)).toEqual([500, 1500]);
  });
});
