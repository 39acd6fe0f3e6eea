import { describe, expect, it } from 'vitest';
import { getLayout } from '../../../../src/core/layouts';
import { foldDownToStereo, multichannelFoldDownGains } from '../../../../src/render/analysis/multichannelFoldDown';

/** Rounding-level tolerance: the gains are closed-form values of BS.2127's 0+2+0 panning. */
const EXACT = 1e-9;

describe('multichannelFoldDownGains (BS.2127 0+2+0 gains at the loudspeakers\' nominal positions)', () => {
  const surround = getLayout('0+5+0').channels; // L R C LFE Ls Rs
  const { left, right } = multichannelFoldDownGains(surround);

  it('puts the centre in both sides at -3.01 dB (1/sqrt 2 each: power kept, direction centred)', () => {
    expect(Math.abs(left[2]! - Math.SQRT1_2)).toBeLessThan(EXACT);
    expect(Math.abs(right[2]! - Math.SQRT1_2)).toBeLessThan(EXACT);
  });

  it('keeps L and R where they are at 0 dB', () => {
    expect([left[0], right[0], left[1], right[1]].map((g) => Math.round(g! / EXACT) * EXACT)).toEqual([1, 0, 0, 1]);
  });

  it('lands a left surround (M+110) on the left only, at -3 dB (only surrounds play: 0.5^0.5), and Rs on the right', () => {
    expect(Math.abs(left[4]! - Math.SQRT1_2)).toBeLessThan(EXACT);
    expect(Math.abs(right[4]!)).toBeLessThan(EXACT);
    expect(Math.abs(right[5]! - Math.SQRT1_2)).toBeLessThan(EXACT);
    expect(Math.abs(left[5]!)).toBeLessThan(EXACT);
  });

  it('drops the LFE', () => {
    expect([left[3], right[3]]).toEqual([0, 0]);
  });
});

describe('foldDownToStereo', () => {
  it('sums each channel into the pair with its gains, sample by sample', () => {
    const frames = 64;
    const signal = Float32Array.from({ length: frames }, (_, i) => Math.sin(i * 0.3));
    const silent = new Float32Array(frames);
    // Centre and left surround carry the same signal: left = (1/sqrt2 + 1/sqrt2) x, right = x / sqrt2.
    const [l, r] = foldDownToStereo([silent, silent, signal, signal, signal, silent], getLayout('0+5+0').channels);
    for (let i = 0; i < frames; i++) {
      expect(Math.abs(l[i]! - 2 * Math.SQRT1_2 * signal[i]!)).toBeLessThan(1e-6);
      expect(Math.abs(r[i]! - Math.SQRT1_2 * signal[i]!)).toBeLessThan(1e-6);
    }
  });

  it('refuses audio whose channel count is not the layout\'s', () => {
    expect(() => foldDownToStereo([new Float32Array(4)], getLayout('0+5+0').channels)).toThrow(/1 channels of audio for a layout of 6 channels/);
  });
});
