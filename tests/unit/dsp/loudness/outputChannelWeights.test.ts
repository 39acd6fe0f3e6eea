import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNMIX_LEVELS } from '../../../../src/core/outputs/downmixOutputs';
import { outputById } from '../../../../src/core/outputs/outputCatalog';
import type { OutputCatalogSettings } from '../../../../src/core/outputs/outputCatalog';
import { loudnessWeightsForOutput } from '../../../../src/dsp/loudness/channelWeights';
import { LOUDNESS_FLOOR } from '../../../../src/dsp/loudness/loudnessMeter';
import { measureLoudness } from '../../../../src/dsp/loudness/measureLoudness';

const RATE = 48000;
const SETTINGS: OutputCatalogSettings = { monoLaw: '-3dB', hrtfSet: 'test', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };

function sine(frequencyHz: number, amplitude: number, seconds: number): Float32Array {
  const out = new Float32Array(seconds * RATE);
  for (let n = 0; n < out.length; n++) out[n] = amplitude * Math.sin((2 * Math.PI * frequencyHz * n) / RATE);
  return out;
}

/**
 * ITU-R BS.1770-4, Annex 1 Table 3 (BS.1770-5's text was not at hand to check): G = 1.41 (+1.5 dB)
 * for a loudspeaker with |elevation| < 30 degrees and 60 <= |azimuth| <= 120 degrees, 1.0
 * otherwise, the LFE excluded. So in 7.1.4 the side pair (+-90) has 1.41; the back pair
 * (+-135) and the upper layer (elevation 30 and up) 1.0.
 */
describe('BS.1770 channel weights of every output, by label', () => {
  it('weighs 7.1.4, 5.1, its fold, Lo/Ro, Lt/Rt, mono and binaural-7.1.4 as BS.1770 Table 3 says', () => {
    const weights = (id: string): number[] => loudnessWeightsForOutput(outputById(id, SETTINGS));
    expect(weights('7.1.4')).toEqual([1, 1, 1, 0, 1.41, 1.41, 1, 1, 1, 1, 1, 1]);
    expect(weights('5.1')).toEqual([1, 1, 1, 0, 1.41, 1.41]);
    expect(weights('7.1.4-to-5.1')).toEqual([1, 1, 1, 0, 1.41, 1.41]);
    expect(weights('7.1.4-to-loro')).toEqual([1, 1]);
    expect(weights('5.1-to-ltrt')).toEqual([1, 1]);
    expect(weights('7.1.4-to-mono')).toEqual([1]);
    expect(weights('binaural-7.1.4')).toEqual([1, 1]);
  });

  it('gives an LFE-only 5.1 signal no loudness (the meter reads its floor)', () => {
    const channels = [0, 1, 2, 3, 4, 5].map((c) => (c === 3 ? sine(60, 0.5, 3) : new Float32Array(3 * RATE)));
    const reading = measureLoudness(channels, RATE, loudnessWeightsForOutput(outputById('5.1', SETTINGS)));
    expect(reading.integratedLufs).toBe(LOUDNESS_FLOOR);
  });

  it('measures a 1 kHz sine at -20 dBFS in L, R, C, Ls, Rs (and the LFE) at the hand-computed -15.36 LKFS (0.05 LU)', () => {
    // By hand: a 0 dBFS 997 Hz sine in one channel of weight 1 reads -3.01 LKFS (BS.1770's
    // -0.691 offset cancels K-weighting's gain there), so five channels at -20 dBFS with
    // weights 1, 1, 1, 1.41, 1.41 read -3.01 - 20 + 10 log10(3 + 2 x 1.41) = -15.36 LKFS;
    // the LFE at full scale adds nothing.
    const expected = -3.0103 - 20 + 10 * Math.log10(3 + 2 * 1.41);
    const channels = [0, 1, 2, 3, 4, 5].map((c) => (c === 3 ? sine(60, 1, 5) : sine(997, 0.1, 5)));
    const reading = measureLoudness(channels, RATE, loudnessWeightsForOutput(outputById('5.1', SETTINGS)));
    expect(Math.abs(reading.integratedLufs - expected)).toBeLessThan(0.05);
  });
});
