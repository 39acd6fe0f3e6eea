import { describe, expect, it } from 'vitest';
import { createMomentAnalyser, feedMomentAnalyser, finishMomentAnalyser } from '../../../../src/dsp/analysis/monoMomentAnalyser';
import { MIX_STRIDE, SOURCE_STRIDE } from '../../../../src/dsp/analysis/sourceMoments';
import { broadbandMoments } from '../../../../src/render/analysis/analysisFigures';
import { BASS_MONO_CUTOFF_HZ, OWN_LOSS_FLOOR_DB } from '../../../../src/render/analysis/findingFigures';
import {
  ownBassMono,
  ownFixImprovementDb,
  ownLossFigures,
  ownMonoVsStereoDb,
  ownNarrowed,
  ownRightFlipped,
  stemMonoVsStereoDb,
} from '../../../../src/render/analysis/ownMonoLoss';
import { gaussianNoise } from '../../../support/prng';

describe('own mono loss: the mono sum against channels adding in power', () => {
  it('reads +3.01 dB for identical channels, 0 dB for uncorrelated ones and the floor for inverted ones (1e-12)', () => {
    // (PL + PR + 2C) / (PL + PR): 2 for L = R, 1 for C = 0, 0 for L = -R (floored at -60 dB).
    expect(Math.abs(ownMonoVsStereoDb(4, 4, 4, 2) - 10 * Math.log10(2))).toBeLessThan(1e-12);
    expect(Math.abs(ownMonoVsStereoDb(4, 4, 0, 2))).toBeLessThan(1e-12);
    expect(ownMonoVsStereoDb(4, 4, -4, 2)).toBe(OWN_LOSS_FLOOR_DB);
    // Unequal channels, partly cancelling: 10 log10((1 + 4 - 2) / 5) = -2.22 dB.
    expect(Math.abs(ownMonoVsStereoDb(1, 4, -1, 1) - 10 * Math.log10(3 / 5))).toBeLessThan(1e-12);
  });

  it('is the same whatever the frame count (moments are sums) and reads silence as 0 dB', () => {
    expect(Math.abs(ownMonoVsStereoDb(1, 4, -1, 1000) - 10 * Math.log10(3 / 5))).toBeLessThan(1e-12);
    expect(ownMonoVsStereoDb(0, 0, 0, 1000)).toBe(0);
  });

  it('gives a stem of equal channels 10 log10(1 + r): -0.97 dB for r = -0.2, the floor for r = -1 (1e-12)', () => {
    expect(Math.abs(stemMonoVsStereoDb(-0.2) - 10 * Math.log10(0.8))).toBeLessThan(1e-12);
    expect(Math.abs(stemMonoVsStereoDb(1) - 10 * Math.log10(2))).toBeLessThan(1e-12);
    expect(stemMonoVsStereoDb(-1)).toBe(OWN_LOSS_FLOOR_DB);
  });
});

describe('own improvement of a fix: what it brings back of the source\'s own loss in its headline band', () => {
  // A Haas-widened white noise alone: L = x, R = x delayed by 45 samples (mono notches at 533, 1600, 2667 Hz), 4 s.
  const RATE = 48000;
  const FRAMES = 4 * RATE;
  const D = 45;
  const x = gaussianNoise(FRAMES, 21);
  const delayed = new Float32Array(FRAMES);
  delayed.set(x.subarray(0, FRAMES - D), D);
  const analyser = createMomentAnalyser({ sampleRateHz: RATE, inputCount: 1, perInput: true, totalFrames: FRAMES, windowSec: 0.5 });
  feedMomentAnalyser(analyser, [[x, delayed]], FRAMES);
  finishMomentAnalyser(analyser);
  const own = broadbandMoments(analyser.inputs[0]!.bands, SOURCE_STRIDE, analyser.bandCount);
  const mix = broadbandMoments(analyser.mixBands, MIX_STRIDE, analyser.bandCount);
  const { headline } = ownLossFigures(analyser, 0, own, mix, 0);
  const lossDb = -headline.monoVsStereoDb;
  // In the headline band, r = 2c / (pl + pr) follows from its own loss 10 log10(1 + r).
  const r = Math.pow(10, headline.monoVsStereoDb / 10) - 1;

  it('has a headline loss of several dB in a notch band above the bass-mono cutoff', () => {
    expect(headline.of).toBe('source');
    expect(lossDb).toBeGreaterThan(3);
    expect(headline.band!.nominalHz).toBeGreaterThan(BASS_MONO_CUTOFF_HZ);
  });

  it('brings all of it back when narrowed to width 0 (L = R: +3.01 dB, no loss left; exact, 1e-9 dB)', () => {
    expect(Math.abs(ownFixImprovementDb(analyser, 0, headline, ownNarrowed(0))! - lossDb)).toBeLessThan(1e-9);
  });

  it('brings back part of it at 50 % width, as theory says (1e-9 dB)', () => {
    // L' = M + w D, R' = M - w D with |M|^2 = (pl + pr)(1 + r)/4, |D|^2 = (pl + pr)(1 - r)/4: the own loss becomes
    // 10 log10(4 |M|^2 / (2 |M|^2 + 2 w^2 |D|^2)) = 10 log10(2 (1 + r) / ((1 + r) + w^2 (1 - r))).
    const w = 0.5;
    const afterDb = 10 * Math.log10((2 * (1 + r)) / (1 + r + w * w * (1 - r)));
    const expected = lossDb - Math.max(0, -afterDb);
    const got = ownFixImprovementDb(analyser, 0, headline, ownNarrowed(w))!;
    expect(Math.abs(got - expected)).toBeLessThan(1e-9);
    expect(got).toBeGreaterThan(0);
    expect(got).toBeLessThan(lossDb);
  });

  it('turns the comb over when the right channel is flipped: r becomes -r (1e-9 dB), and bass mono leaves a band above its cutoff alone', () => {
    const afterDb = 10 * Math.log10(1 - r);
    expect(Math.abs(ownFixImprovementDb(analyser, 0, headline, ownRightFlipped)! - (lossDb - Math.max(0, -afterDb)))).toBeLessThan(1e-9);
    expect(Math.abs(ownFixImprovementDb(analyser, 0, headline, ownBassMono(analyser.bands, BASS_MONO_CUTOFF_HZ))!)).toBeLessThan(1e-9);
  });

  it('is absent where the headline is the mix\'s loss, or no loss', () => {
    expect(ownFixImprovementDb(analyser, 0, { of: 'mix', monoVsStereoDb: -2, audible: true }, ownNarrowed(0))).toBeUndefined();
    expect(ownFixImprovementDb(analyser, 0, { ...headline, monoVsStereoDb: 1 }, ownNarrowed(0))).toBeUndefined();
  });
});
