import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNMIX_LEVELS, loRoDownmix, ltRtDownmix } from '../../src/core/outputs/downmixOutputs';
import type { DownmixOutput } from '../../src/core/outputs/outputDefinition';
import { loudspeakerOutput } from '../../src/core/outputs/studioOutputs';
import { analyzeStereoMix } from '../../src/render/analysis/mixMonoAnalysis';
import { createDownmixStage } from '../../src/render/downmix/downmixStage';
import { gaussianNoise } from '../support/prng';

const RATE = 48000;
const FIVE_ONE = loudspeakerOutput('5.1', '5.1', '0+5+0');

function downmix(output: DownmixOutput, input: readonly Float32Array[]): [Float32Array, Float32Array] {
  const frames = input[0]!.length;
  const stage = createDownmixStage(output, RATE, 128);
  const out: [Float32Array, Float32Array] = [new Float32Array(frames), new Float32Array(frames)];
  for (let at = 0; at < frames; at += 128) {
    stage.process(input.map((channel) => channel.subarray(at, at + 128)), 128);
    out[0].set(stage.block[0]!, at);
    out[1].set(stage.block[1]!, at);
  }
  return out;
}

/** The mono check (render/analysis: the same as `npm run analyze` on a stereo file) on the two stereo downmixes. */
describe('the mono check on a downmixed stereo', () => {
  // Uncorrelated noise in the surrounds alone, 4 s.
  const frames = 4 * RATE;
  const surroundsOnly = [0, 1, 2, 3, 4, 5].map((c) => (c >= 4 ? gaussianNoise(frames, 60 + c) : new Float32Array(frames)));

  it('keeps uncorrelated surrounds in the mono of Lo/Ro: mono vs stereo 0 dB (-3 dB law) within 0.2 dB, correlation near 0', () => {
    const [lo, ro] = downmix(loRoDownmix(FIVE_ONE, 'loro', DEFAULT_DOWNMIX_LEVELS), surroundsOnly);
    const analysis = analyzeStereoMix(lo, ro, RATE, { monoLaw: '-3dB' });
    expect(Math.abs(analysis.overall.monoVsStereoDb)).toBeLessThan(0.2);
    expect(Math.abs(analysis.overall.correlation)).toBeLessThan(0.05);
  });

  it('finds the surrounds of Lt/Rt gone in mono (they are encoded out of phase): correlation -1, mono at least 60 dB down', () => {
    const [lt, rt] = downmix(ltRtDownmix(FIVE_ONE, 'ltrt', DEFAULT_DOWNMIX_LEVELS), surroundsOnly);
    const analysis = analyzeStereoMix(lt, rt, RATE, { monoLaw: '-3dB' });
    expect(analysis.overall.correlation).toBeLessThan(-0.999);
    expect(analysis.overall.monoVsStereoDb).toBeLessThan(-60);
  });
});
