import { describe, expect, it } from 'vitest';
import { measureLfeBandLimit, REQUIRED_MARGIN_DB } from '../../../../src/dsp/analysis/lfeBandLimit';
import { thirdOctaveBands } from '../../../../src/dsp/filters/thirdOctaveBands';
import { gaussianNoise } from '../../../support/prng';

const RATE = 48000;
const CUTOFF_HZ = 150;

/** An analog Butterworth low-pass of `order`, by the bilinear transform with the cut-off prewarped, run over `x`. */
function butterworthLowPass(x: Float32Array, order: number): Float32Array {
  let y = Float64Array.from(x);
  const k = Math.tan((Math.PI * CUTOFF_HZ) / RATE);
  const poles = Array.from({ length: Math.floor(order / 2) }, (_, i) => Math.PI / 2 + (Math.PI * (2 * i + 1)) / (2 * order));
  for (const angle of poles) {
    // s^2 - 2 cos(angle) s + 1 (cos(angle) < 0), s = (1 - z^-1) / (k (1 + z^-1)).
    const q = -1 / (2 * Math.cos(angle));
    const norm = 1 / (1 + k / q + k * k);
    const b0 = k * k * norm;
    const a1 = 2 * (k * k - 1) * norm;
    const a2 = (1 - k / q + k * k) * norm;
    const out = new Float64Array(y.length);
    let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (let n = 0; n < y.length; n++) {
      const v = b0 * (y[n]! + 2 * x1 + x2) - a1 * y1 - a2 * y2;
      x2 = x1; x1 = y[n]!; y2 = y1; y1 = v; out[n] = v;
    }
    y = out;
  }
  if (order % 2 === 1) {
    const b = k / (1 + k);
    const a = (k - 1) / (1 + k);
    const out = new Float64Array(y.length);
    let x1 = 0, y1 = 0;
    for (let n = 0; n < y.length; n++) {
      const v = b * (y[n]! + x1) - a * y1;
      x1 = y[n]!; y1 = v; out[n] = v;
    }
    y = out;
  }
  return Float32Array.from(y);
}

/**
 * The margin white noise through the order's filter has in theory: the mean |H|^2
 * (bilinear response, at the 5.86 Hz bins) from 20 Hz to the 100 Hz band's top, over the
 * mean over the 315 Hz band (|H| falls monotonically, so that band is the stop band's loudest).
 */
function theoreticalMarginDb(order: number): number {
  const bands = thirdOctaveBands(RATE);
  const binHz = RATE / 8192;
  const meanPower = (lowerHz: number, upperHz: number): number => {
    let sum = 0;
    let count = 0;
    for (let bin = Math.ceil(lowerHz / binHz); bin < Math.ceil(upperHz / binHz); bin++) {
      const warped = Math.tan((Math.PI * bin * binHz) / RATE) / Math.tan((Math.PI * CUTOFF_HZ) / RATE);
      sum += 1 / (1 + Math.pow(warped, 2 * order));
      count++;
    }
    return sum / count;
  };
  const band = (nominalHz: number) => bands.find((b) => b.nominalHz === nominalHz)!;
  return 10 * Math.log10(meanPower(20, band(100).upperHz) / meanPower(band(315).lowerHz, band(315).upperHz));
}

describe('measureLfeBandLimit (Atmos music delivery: LFE low-passed at 100-150 Hz, 18-24 dB per octave)', () => {
  const noise = gaussianNoise(RATE * 20, 7);

  it('gives white noise through the gentlest filter allowed (150 Hz, third order, 18 dB/octave) its theoretical margin of 19.2 dB (within 0.5 dB, the 20 s estimate), which passes', () => {
    const { marginDb, silent } = measureLfeBandLimit(butterworthLowPass(noise, 3), RATE);
    expect(silent).toBe(false);
    expect(theoreticalMarginDb(3)).toBeCloseTo(19.2, 1);
    expect(Math.abs(marginDb - theoreticalMarginDb(3))).toBeLessThan(0.5);
    expect(marginDb).toBeGreaterThan(REQUIRED_MARGIN_DB);
  });

  it('fails a filter too gentle (150 Hz, second order, 12 dB/octave): theory 12.9 dB, within 0.5 dB', () => {
    const { marginDb } = measureLfeBandLimit(butterworthLowPass(noise, 2), RATE);
    expect(theoreticalMarginDb(2)).toBeCloseTo(12.9, 1);
    expect(Math.abs(marginDb - theoreticalMarginDb(2))).toBeLessThan(0.5);
    expect(marginDb).toBeLessThan(REQUIRED_MARGIN_DB);
  });

  it('fails a channel printed full range: white noise has the same density in every band (0 dB within 0.5 dB)', () => {
    const { marginDb, loudestStopBandHz } = measureLfeBandLimit(noise, RATE);
    expect(Math.abs(marginDb)).toBeLessThan(0.5);
    expect(loudestStopBandHz).toBeGreaterThanOrEqual(315);
  });

  it('passes a 60 Hz tone by far: its window leakage into 315 Hz and up is more than 60 dB down', () => {
    const tone = Float32Array.from({ length: RATE * 5 }, (_, n) => 0.5 * Math.sin((2 * Math.PI * 60 * n) / RATE));
    expect(measureLfeBandLimit(tone, RATE).marginDb).toBeGreaterThan(60);
  });

  it('calls an all-zero channel silent and does not judge it', () => {
    const result = measureLfeBandLimit(new Float32Array(RATE), RATE);
    expect(result.silent).toBe(true);
    expect(result.marginDb).toBe(Infinity);
  });
});
