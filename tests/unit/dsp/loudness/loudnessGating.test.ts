import { describe, expect, it } from 'vitest';
import { addToLoudnessHistogram, createLoudnessHistogram, gatedLoudnessLufs, powerToLufs } from '../../../../src/dsp/loudness/loudnessGating';

/** The mean power z of a block that reads `lufs`: l = -0.691 + 10 log10 z. */
const powerOf = (lufs: number): number => 10 ** ((lufs + 0.691) / 10);

describe('integrated loudness of programmes far above full scale (float files)', () => {
  it.each([29, 31, 51, 99, 150])('reads steady blocks at %d LUFS as that, within 0.001 LU (a +54 dBFS float mix read -150)', (lufs) => {
    const h = createLoudnessHistogram();
    for (let i = 0; i < 100; i++) addToLoudnessHistogram(h, powerOf(lufs));
    expect(Math.abs(gatedLoudnessLufs(h) - lufs)).toBeLessThan(0.001);
  });

  it('still gates relatively where the blocks are within the histogram: +40 LUFS blocks among +60 LUFS ones are gated out (60 - 10 > 40)', () => {
    const h = createLoudnessHistogram();
    for (let i = 0; i < 50; i++) addToLoudnessHistogram(h, powerOf(60));
    for (let i = 0; i < 50; i++) addToLoudnessHistogram(h, powerOf(40));
    expect(Math.abs(gatedLoudnessLufs(h) - 60)).toBeLessThan(0.001);
    expect(powerToLufs(powerOf(60))).toBeCloseTo(60, 9);
  });
});
