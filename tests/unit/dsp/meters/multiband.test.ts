import { describe, expect, it } from 'vitest';
import { biquadMagnitude, createBiquadCoefficients } from '../../../../src/dsp/filters/biquad';
import { setButterworthBandPass4, thirdOctaveBands } from '../../../../src/dsp/filters/thirdOctaveBands';
import type { ThirdOctaveBand } from '../../../../src/dsp/filters/thirdOctaveBands';
import { HALF_BAND_PASSBAND, halfBandResponse, halfBandTaps } from '../../../../src/dsp/filters/halfBandDecimator';
import {
  createMultibandStereoMeter,
  multibandBandMagnitude,
  processMultibandStereoMeter,
  readMultibandStereoMeter,
} from '../../../../src/dsp/meters/multibandStereoMeter';
import type { MultibandStereoMeter, MultibandStereoMeterConfig } from '../../../../src/dsp/meters/multibandStereoMeter';
import { METER_FLOOR_DB } from '../../../../src/dsp/meters/stereoMoments';
import { gaussianNoise } from '../../../support/prng';

const FS = 48_000;
const THREE_DB = 10 * Math.log10(2);

function bandPassMagnitude(band: ThirdOctaveBand, frequencyHz: number, sampleRateHz = FS): number {
  const a = createBiquadCoefficients();
  const b = createBiquadCoefficients();
  setButterworthBandPass4(a, b, band.lowerHz, band.upperHz, sampleRateHz);
  return biquadMagnitude(a, frequencyHz, sampleRateHz) * biquadMagnitude(b, frequencyHz, sampleRateHz);
}

/** Closed form of the bilinear Butterworth band-pass: |H|^2 = 1/(1 + x^4), x = (W^2 - W0^2)/(W B), W = tan(pi f/fs). */
function bandPassTheory(band: ThirdOctaveBand, frequencyHz: number, sampleRateHz = FS): number {
  const w = Math.tan((Math.PI * frequencyHz) / sampleRateHz);
  const w1 = Math.tan((Math.PI * band.lowerHz) / sampleRateHz);
  const w2 = Math.tan((Math.PI * band.upperHz) / sampleRateHz);
  const x = (w * w - w1 * w2) / (w * (w2 - w1));
  return 1 / Math.sqrt(1 + x ** 4);
}

function run(left: Float32Array, right: Float32Array, config: MultibandStereoMeterConfig, block = 128): MultibandStereoMeter {
  const meter = createMultibandStereoMeter(config, FS);
  for (let o = 0; o < left.length; o += block) {
    const n = Math.min(block, left.length - o);
    processMultibandStereoMeter(meter, left.subarray(o, o + n), right.subarray(o, o + n), n);
  }
  readMultibandStereoMeter(meter);
  return meter;
}

describe('one-third-octave band bank (IEC 61260-1 base-10, fourth-order Butterworth band-pass)', () => {
  it('has the 31 bands 20 Hz .. 20 kHz at 44.1, 48 and 96 kHz, fm = 1000 x 10^(k/10), edges fm x 10^(+-1/20) (1e-9)', () => {
    for (const fs of [44_100, 48_000, 96_000]) {
      const bands = thirdOctaveBands(fs);
      expect(bands).toHaveLength(31);
      bands.forEach((band, i) => {
        expect(Math.abs(band.centreHz / (1000 * 10 ** ((i - 17) / 10)) - 1)).toBeLessThan(1e-12);
        expect(Math.abs(band.centreHz / band.nominalHz - 1)).toBeLessThan(0.03);
        // (The top band's upper edge is clamped to 0.95 x Nyquist at 44.1 kHz.)
        if (band.upperHz < band.centreHz * 10 ** 0.05 - 1e-9) expect(band.upperHz).toBe(0.95 * (fs / 2));
        else expect(Math.abs(Math.sqrt(band.lowerHz * band.upperHz) / band.centreHz - 1)).toBeLessThan(1e-9);
      });
    }
    expect(thirdOctaveBands(48_000)[0]!.nominalHz).toBe(20);
    expect(thirdOctaveBands(48_000)[30]!.nominalHz).toBe(20_000);
  });

  it('each band: -3.01 dB at both edges, the closed form 1/(1 + x^4) everywhere (1e-9), within 0.05 dB of 0 dB at fm', () => {
    for (const band of thirdOctaveBands(FS)) {
      // Unity is at the warped centre sqrt(W1 W2), which lies a little off fm near Nyquist (20 kHz band: -0.04 dB at fm).
      expect(Math.abs(20 * Math.log10(bandPassMagnitude(band, band.centreHz)))).toBeLessThan(0.05);
      expect(Math.abs(bandPassMagnitude(band, band.lowerHz) - Math.SQRT1_2)).toBeLessThan(1e-9);
      expect(Math.abs(bandPassMagnitude(band, band.upperHz) - Math.SQRT1_2)).toBeLessThan(1e-9);
      for (let f = 10; f < 23_900; f *= 1.05) expect(Math.abs(bandPassMagnitude(band, f) - bandPassTheory(band, f))).toBeLessThan(1e-9);
    }
  });
});

describe('multirate bank: half-band decimators and bands per level', () => {
  it('half-band filter: passband within 0.01 dB up to 0.1875 r, stopband below -60 dB from 0.3125 r, H(f) + H(r/2 - f) = 1 (1e-12)', () => {
    const taps = halfBandTaps();
    for (let f = 0; f <= HALF_BAND_PASSBAND; f += 0.0005) expect(Math.abs(20 * Math.log10(halfBandResponse(taps, f, 1)))).toBeLessThan(0.01);
    for (let f = 0.3125; f <= 0.5; f += 0.0005) expect(20 * Math.log10(Math.abs(halfBandResponse(taps, f, 1)))).toBeLessThan(-60);
    for (let f = 0; f <= 0.5; f += 0.01) expect(Math.abs(halfBandResponse(taps, f, 1) + halfBandResponse(taps, 0.5 - f, 1) - 1)).toBeLessThan(1e-12);
  });

  it('puts each band at the deepest level whose input is alias-free over it; the full-rate bank equals the closed form (1e-9)', () => {
    const multirate = createMultibandStereoMeter({}, FS);
    const fullRate = createMultibandStereoMeter({ multirate: false }, FS);
    expect(Array.from(multirate.bandLevel)).toEqual([9, 9, 8, 8, 8, 7, 7, 7, 6, 6, 6, 5, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0]);
    multirate.bands.forEach((band, b) => {
      const level = multirate.bandLevel[b]!;
      if (level > 0) expect(band.upperHz).toBeLessThanOrEqual(2 * HALF_BAND_PASSBAND * (FS / 2 ** level));
      // -3.01 dB at the edges as run, within the passband ripple of the decimators in front
      // (< 0.008 dB each; measured at most 0.011 dB for the whole chain).
      for (const edge of [band.lowerHz, band.upperHz]) expect(Math.abs(20 * Math.log10(multibandBandMagnitude(multirate, b, edge)) + 3.0103)).toBeLessThan(0.02);
      for (let f = 10; f < 23_900; f *= 1.1) expect(Math.abs(multibandBandMagnitude(fullRate, b, f) - bandPassTheory(band, f))).toBeLessThan(1e-9);
    });
  });
});

describe('multiband correlation', () => {
  const length = 10 * FS;
  const integration = { mode: 'rectangular', timeSec: 10 } as const;

  it('reads +1 in every band for identical channels, -1 for inverted ones (1e-9)', () => {
    const x = gaussianNoise(FS, 1).map((v) => 0.1 * v);
    const same = run(x, x, {});
    const opposite = run(x, x.map((v) => -v), {});
    for (let b = 0; b < same.bands.length; b++) {
      expect(Math.abs(same.correlation[b]! - 1)).toBeLessThan(1e-9);
      expect(Math.abs(opposite.correlation[b]! + 1)).toBeLessThan(1e-9);
    }
  });

  it.each([true, false])('a 1 kHz sine common to both channels over independent noise: about +1 in its band, the predicted value in every band (5 sigma); multirate %s', (multirate) => {
    // L = s + n_L, R = s + n_R with n_L, n_R independent white noise of variance v. In band b,
    // with |H_b| the band's whole path as run (multibandBandMagnitude: decimators and
    // band-pass; checked against the closed form above) and NEB_b = int |H_b|^2 df:
    //   r_b = S_b / (S_b + N_b),  S_b = |H_b(1 kHz)|^2 A^2/2,  N_b = v NEB_b / (fs/2).
    // The estimate over T = 10 s has sigma ~ (1 - r_b^2)/sqrt(2 NEB_b T) (Fisher, Pearson's
    // r with N_eff = 2 B T independent samples); the test allows 5 sigma + 0.005.
    const amplitude = 0.3;
    const noiseRms = 0.3;
    const s = Float32Array.from({ length }, (_, n) => amplitude * Math.sin((2 * Math.PI * 1000 * n) / FS));
    const nl = gaussianNoise(length, 2);
    const nr = gaussianNoise(length, 3);
    const left = s.map((v, i) => v + noiseRms * nl[i]!);
    const right = s.map((v, i) => v + noiseRms * nr[i]!);
    const meter = run(left, right, { integration, multirate });
    const nyquistHz = (b: number): number => FS / 2 ** (meter.bandLevel[b]! + 1);
    meter.bands.forEach((band, b) => {
      let neb = 0;
      let previousF = 1;
      let previousH2 = multibandBandMagnitude(meter, b, previousF) ** 2;
      for (let f = 1.0002; f < nyquistHz(b); f *= 1.0002) {
        const h2 = multibandBandMagnitude(meter, b, f) ** 2;
        neb += ((h2 + previousH2) / 2) * (f - previousF);
        previousF = f;
        previousH2 = h2;
      }
      const signal = multibandBandMagnitude(meter, b, 1000) ** 2 * (amplitude ** 2 / 2);
      const noise = (noiseRms ** 2 * neb) / (FS / 2);
      const predicted = signal / (signal + noise);
      const sigma = (1 - predicted ** 2) / Math.sqrt(2 * neb * 10);
      expect(Math.abs(meter.correlation[b]! - predicted)).toBeLessThan(5 * sigma + 0.005);
      if (band.nominalHz === 1000) expect(meter.correlation[b]).toBeGreaterThan(0.97);
      // Four or more bands away from 1 kHz, the noise dominates: the prediction itself is near 0.
      if (band.nominalHz <= 400 || band.nominalHz >= 2500) expect(predicted).toBeLessThan(0.03);
    });
  });

  it('mono loss per band: identical +3.01 dB (1e-9), inverted at the floor, independent noise 0 dB within 5 sigma', () => {
    const x = gaussianNoise(length, 4).map((v) => 0.1 * v);
    const y = gaussianNoise(length, 5).map((v) => 0.1 * v);
    const same = run(x, x, { integration });
    const opposite = run(x, x.map((v) => -v), { integration });
    const independent = run(x, y, { integration });
    independent.bands.forEach((band, b) => {
      expect(Math.abs(same.monoVsStereoDb[b]! - THREE_DB)).toBeLessThan(1e-9);
      expect(same.sideDb[b]).toBe(METER_FLOOR_DB);
      expect(opposite.monoVsStereoDb[b]).toBe(METER_FLOOR_DB);
      expect(opposite.midDb[b]).toBe(METER_FLOOR_DB);
      // 10 log10(1 + 2C/(PL+PR)) with 2C/(PL+PR) ~ r, sigma(r) = 1/sqrt(2 B T), B = 0.23 fm.
      const sigma = 1 / Math.sqrt(2 * (band.upperHz - band.lowerHz) * 10);
      expect(Math.abs(independent.monoVsStereoDb[b]!)).toBeLessThan(-10 * Math.log10(1 - 5 * sigma));
    });
  });

  it('gives the same readings for blocks of 1, 127, 128, 129 and 512 frames (exact)', () => {
    const left = gaussianNoise(FS / 2, 6);
    const right = gaussianNoise(FS / 2, 7).map((v, i) => v + left[i]!);
    const reference = run(left, right, {}, 128);
    for (const block of [1, 127, 129, 512]) {
      const other = run(left, right, {}, block);
      expect(other.correlation).toEqual(reference.correlation);
      expect(other.midDb).toEqual(reference.midDb);
    }
  });
});
