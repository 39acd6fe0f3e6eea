import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../../../src/core/monoAnalysis/phrasing/findingSentence';
import { analyzeStereoMix } from '../../../../src/render/analysis/mixMonoAnalysis';
import { createBiquadCoefficients } from '../../../../src/dsp/filters/biquad';
import { setButterworthBandPass4 } from '../../../../src/dsp/filters/thirdOctaveBands';
import { OWN_LOSS_FLOOR_DB } from '../../../../src/render/analysis/findingFigures';
import { gaussianNoise } from '../../../support/prng';

const RATE = 48000;

function delayed(x: Float32Array, samples: number): Float32Array {
  const out = new Float32Array(x.length);
  out.set(x.subarray(0, x.length - samples), samples);
  return out;
}

/** x filtered by the fourth-order Butterworth band-pass of thirdOctaveBands.ts from lowerHz to upperHz. */
function bandPassed(x: Float32Array, lowerHz: number, upperHz: number): Float32Array {
  const sections = [createBiquadCoefficients(), createBiquadCoefficients()] as const;
  setButterworthBandPass4(sections[0], sections[1], lowerHz, upperHz, RATE);
  let y: Float64Array | Float32Array = x;
  for (const c of sections) {
    const out = new Float32Array(x.length);
    let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (let n = 0; n < x.length; n++) {
      const v = y[n]!;
      const w = c.b0 * v + c.b1 * x1 + c.b2 * x2 - c.a1 * y1 - c.a2 * y2;
      x2 = x1;
      x1 = v;
      y2 = y1;
      y1 = w;
      out[n] = w;
    }
    y = out;
  }
  return y as Float32Array;
}

describe('analyzeStereoMix: the mono figures of a finished stereo mix', () => {
  const noise = gaussianNoise(10 * RATE, 1);

  it('reads identical channels as correlation +1 (1e-6) and a mono gain of +3.01 dB (0.01), with no finding', () => {
    const result = analyzeStereoMix(noise, noise, RATE);
    // Theory: (L + R)/sqrt2 of L = R has twice the power of the per-channel mean: 10 log10 2.
    expect(Math.abs(result.overall.correlation - 1)).toBeLessThan(1e-6);
    expect(Math.abs(result.overall.monoVsStereoDb - 10 * Math.log10(2))).toBeLessThan(0.01);
    expect(result.findings).toEqual([]);
    expect(result.subject).toBe('mix');
    expect(result.sources).toEqual([]);
    // -6 dB law: every value 6.02 - 3.01 dB lower, so identical channels keep their level (0 dB).
    expect(Math.abs(analyzeStereoMix(noise, noise, RATE, { monoLaw: '-6dB' }).overall.monoVsStereoDb)).toBeLessThan(0.01);
  });

  it('reads inverted channels as correlation -1 and reports a polarity finding without a source', () => {
    const inverted = noise.map((v) => -v);
    const result = analyzeStereoMix(noise, inverted, RATE);
    expect(Math.abs(result.overall.correlation + 1)).toBeLessThan(1e-6);
    // The mono fold-down is silent: the floor of the meters (-150 dB).
    expect(result.overall.monoVsStereoDb).toBeLessThan(-100);
    expect(result.findings[0]?.kind).toBe('polarity');
    expect(result.findings[0]?.sourceId).toBeUndefined();
    expect(result.findings[0]?.fixes.map((f) => f.kind)).toContain('flip-polarity');
    // The mix is its own source: it loses everything of itself (the -60 dB floor), heard (0 dB against itself).
    expect(result.findings[0]?.ownMonoVsStereoDb).toBe(OWN_LOSS_FLOOR_DB);
    expect(result.findings[0]?.headline).toEqual({ of: 'source', monoVsStereoDb: OWN_LOSS_FLOOR_DB, audible: true, levelToMixDb: 0 });
    expect(result.findings[0]?.severityDb).toBe(-OWN_LOSS_FLOOR_DB);
    expect(findingSentence(result.findings[0]!, result.format)).toMatch(/^The mix loses 60\.0 dB in mono\. Its channels are polarity-inverted/);
  });

  it('reads independent noise as correlation 0 (+-0.05 over 10 s) and mono loss 0 dB (0.25 dB), with no finding', () => {
    // 1/sqrt(B T) with B = 24 kHz, T = 10 s: 0.002 for the broadband estimate.
    const result = analyzeStereoMix(noise, gaussianNoise(10 * RATE, 2), RATE);
    expect(Math.abs(result.overall.correlation)).toBeLessThan(0.05);
    expect(Math.abs(result.overall.monoVsStereoDb)).toBeLessThan(0.25);
    expect(result.findings).toEqual([]);
    // Per band (scatter 1/sqrt(B T): 0.15 at the 20 Hz band over 10 s, 0.03 from 500 Hz up).
    result.overall.bandCorrelation.forEach((r, b) => expect(Math.abs(r)).toBeLessThan(result.bands[b]!.nominalHz >= 500 ? 0.05 : 0.5));
  });

  it.each([
    [37, 'a right channel 37 samples late'],
    [72, 'a right channel 1.5 ms late'],
    [-72, 'a left channel 1.5 ms late'],
  ])('finds %i samples of delay to the sample, with the comb notches (2k + 1)/(2 tau): %s', (lag) => {
    const right = lag > 0 ? delayed(noise, lag) : noise.slice(-lag).slice(0, noise.length);
    const left = lag > 0 ? noise : noise.slice(0, right.length);
    const result = analyzeStereoMix(left, lag > 0 ? right : right.slice(0, left.length), RATE);
    const haas = result.findings.find((f) => f.kind === 'haas');
    expect(haas?.delaySamples).toBe(lag);
    expect(Math.abs(haas!.delayMs! - (1000 * lag) / RATE)).toBeLessThan(1e-9);
    const tau = Math.abs(lag) / RATE;
    haas!.notchFrequenciesHz!.slice(0, 3).forEach((hz, k) => expect(Math.abs(hz - (2 * k + 1) / (2 * tau))).toBeLessThan(1e-6));
    expect(haas!.fixes.map((f) => f.kind)).toContain('remove-delay');
  });

  it('finds out-of-phase side content in the bands it is in (800 Hz - 1.25 kHz): correlation below -0.5 there, above +0.9 where the side filter is 45 dB down', () => {
    // L = M + S, R = M - S with S the 1 kHz band of noise at 20 times the mid's amplitude (+26 dB in that band).
    const mid = noise;
    const side = bandPassed(gaussianNoise(10 * RATE, 3), 891, 1122).map((v) => 20 * v);
    const left = mid.map((m, n) => m + side[n]!);
    const right = mid.map((m, n) => m - side[n]!);
    const result = analyzeStereoMix(left, right, RATE);
    const at = (hz: number): number => result.bands.findIndex((b) => b.nominalHz === hz);
    expect(result.overall.bandCorrelation[at(1000)]!).toBeLessThan(-0.5);
    // At 250 Hz and 8 kHz the band-pass is about 45 dB down: side/mid = +26 - 45 dB, r = (1 - 0.013)/(1 + 0.013) = 0.97.
    expect(result.overall.bandCorrelation[at(250)]!).toBeGreaterThan(0.9);
    expect(result.overall.bandCorrelation[at(8000)]!).toBeGreaterThan(0.9);
    const finding = result.findings[0];
    expect(finding).toBeDefined();
    expect(finding!.bands[0]!.nominalHz).toBe(1000);
    // There the side is at least 20 x 20 x 0.5 (the band-pass at its edges) = 200 times the mid's power, so the
    // mono sum keeps 2 PM / (PM + PS) <= 2/201 of the power sum: at least 20 dB lost.
    expect(finding!.bands[0]!.ownMonoVsStereoDb!).toBeLessThan(-20);
    expect(finding!.headline).toMatchObject({ of: 'source', band: { nominalHz: 1000 }, audible: true });
  });

  it('refuses channels of different lengths and a bad window, naming what was expected', () => {
    expect(() => analyzeStereoMix(new Float32Array(10), new Float32Array(11), RATE)).toThrow(/equally long.*10 and 11/);
    expect(() => analyzeStereoMix(noise, noise, RATE, { windowSec: 0 })).toThrow(/windowSec must be a number of seconds/);
  });
});
