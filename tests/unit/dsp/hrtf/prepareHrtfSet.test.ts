import { beforeAll, describe, expect, it } from 'vitest';
import { diffuseFieldEqGain, diffuseFieldPower } from '../../../../src/dsp/hrtf/diffuseFieldEqualiser';
import type { HrtfSet } from '../../../../src/core/hrtfSet';
import type { MeasuredHrirSet } from '../../../../src/core/measuredHrirSet';
import { cepstralFftSize, createSpectrumWork, minimumPhaseFromMagnitude } from '../../../../src/dsp/hrtf/minimumPhase';
import { prepareHrtfSet } from '../../../../src/dsp/hrtf/prepareHrtfSet';
import { solidAngleWeights } from '../../../../src/dsp/hrtf/solidAngleWeights';
import { bandCentresHz, bandPowersDb, energy, hrir, powerSpectrum, readKemar, ringWeights } from './hrtfTestSupport';

/** For each HRIR of `set`, the largest 1/3-octave band difference (dB, 200 Hz to 16 kHz) from `reference`. */
function worstBandErrorsDb(set: HrtfSet, reference: (ear: 0 | 1, d: number) => Float64Array, fftSize: number): number[] {
  const centres = bandCentresHz(200, 16000, 3);
  const errors: number[] = [];
  for (let d = 0; d < set.directionCount; d++) {
    for (const ear of [0, 1] as const) {
      const prepared = bandPowersDb(powerSpectrum(hrir(ear === 0 ? set.left : set.right, d, set.hrirLength), fftSize), set.sampleRateHz, centres, 3);
      const expected = bandPowersDb(reference(ear, d), set.sampleRateHz, centres, 3);
      errors.push(Math.max(...prepared.map((level, i) => Math.abs(level - expected[i]!))));
    }
  }
  return errors.sort((a, b) => a - b);
}

describe('minimumPhaseFromMagnitude', () => {
  it('turns 1 - 2 z^-1 (zero outside the unit circle) into its minimum-phase twin 2 - z^-1 (1e-9)', () => {
    const work = createSpectrumWork(64);
    const power = powerSpectrum([1, -2], 64);
    const output = new Float64Array(64);
    minimumPhaseFromMagnitude(work, power.map(Math.sqrt), output);
    expect(output[0]).toBeCloseTo(2, 9);
    expect(output[1]).toBeCloseTo(-1, 9);
    for (let n = 2; n < 64; n++) expect(Math.abs(output[n]!)).toBeLessThan(1e-9);
  });

  it('keeps the magnitude of KEMAR HRIRs (0.01 dB where within 60 dB of the peak) and has the larger partial energy at every n (5e-4 of the total)', async () => {
    const measured = await readKemar();
    const fftSize = cepstralFftSize(measured.irLength);
    const work = createSpectrumWork(fftSize);
    const output = new Float64Array(fftSize);
    for (let d = 0; d < measured.directionCount; d += 37) {
      const original = hrir(measured.right, d, measured.irLength);
      const power = powerSpectrum(original, fftSize);
      minimumPhaseFromMagnitude(work, power.map(Math.sqrt), output);
      const minimumPower = powerSpectrum(output, fftSize);
      const peak = Math.max(...power);
      power.forEach((p, k) => {
        if (p > peak * 1e-6) expect(Math.abs(10 * Math.log10(minimumPower[k]! / p))).toBeLessThan(0.01);
      });
      // Oppenheim and Schafer 5.6: of all responses with one magnitude, the minimum-phase one
      // has the most energy in every prefix; 5e-4 of the total allows for cepstral aliasing
      // (the worst over all 1420 KEMAR HRIRs is 2e-4).
      const total = energy(original);
      let originalPrefix = 0;
      let minimumPrefix = 0;
      for (let n = 0; n < measured.irLength; n++) {
        originalPrefix += original[n]! ** 2;
        minimumPrefix += output[n]! ** 2;
        expect(minimumPrefix).toBeGreaterThanOrEqual(originalPrefix - 5e-4 * total);
      }
    }
  });
});

describe('prepareHrtfSet on MIT KEMAR', () => {
  let measured: MeasuredHrirSet;
  let prepared: HrtfSet;
  let fftSize: number;
  /** |H|^2 of the measured HRIRs times the diffuse-field equaliser, as prepareHrtfSet computes it. */
  let equalisedPower: (ear: 0 | 1, d: number) => Float64Array;
  beforeAll(async () => {
    measured = await readKemar();
    prepared = prepareHrtfSet(measured);
    fftSize = cepstralFftSize(measured.irLength);
    const weights = solidAngleWeights(measured.azimuthDeg, measured.elevationDeg);
    const work = createSpectrumWork(fftSize);
    const gain = diffuseFieldEqGain(diffuseFieldPower(measured.left, measured.right, measured.irLength, weights, work), measured.sampleRateHz);
    equalisedPower = (ear, d) =>
      powerSpectrum(hrir(ear === 0 ? measured.left : measured.right, d, measured.irLength), fftSize).map((p, k) => p * gain[k]! ** 2);
  });

  it('keeps the rate, the directions and ITDs, with the 5 ms default length (208 taps) and finite samples', () => {
    expect(prepared.sampleRateHz).toBe(44100);
    expect(prepared.directionCount).toBe(710);
    expect(prepared.hrirLength).toBe(208);
    expect(prepared.left.length).toBe(710 * 208);
    expect(Array.from(prepared.azimuthDeg)).toEqual(Array.from(measured.azimuthDeg));
    expect(prepared.left.every(Number.isFinite) && prepared.right.every(Number.isFinite)).toBe(true);
  });

  it('is minimum phase: every HRIR has at least 90 % of its energy in the first 1 ms', () => {
    const firstMs = Math.round(prepared.sampleRateHz / 1000);
    for (const flat of [prepared.left, prepared.right]) {
      for (let d = 0; d < prepared.directionCount; d++) {
        const response = hrir(flat, d, prepared.hrirLength);
        expect(energy(response.subarray(0, firstMs)) / energy(response)).toBeGreaterThan(0.9);
      }
    }
  });

  it('keeps the DF-equalised magnitude within 0.5 dB in every 1/3-octave band, 200 Hz to 16 kHz, when not cut short (512 taps)', () => {
    const long = prepareHrtfSet(measured, { hrirLength: 512 });
    const errors = worstBandErrorsDb(long, equalisedPower, fftSize);
    expect(errors[errors.length - 1]).toBeLessThan(0.5);
  });

  it('at the 5 ms default length, 90 % of HRIRs stay within 1 dB of it in every 1/3-octave band and all within 2.5 dB', () => {
    // The cut removes late energy of the MIT responses (up to 3.5 % of an HRIR's), mostly far-ear HRIRs.
    const errors = worstBandErrorsDb(prepared, equalisedPower, fftSize);
    expect(errors[Math.floor(0.9 * (errors.length - 1))]).toBeLessThan(1);
    expect(errors[errors.length - 1]).toBeLessThan(2.5);
  });

  it('is diffuse-field flat: the solid-angle-weighted power average is 0 dB +-1.5 dB in 1/6-octave bands, 200 Hz to 16 kHz', () => {
    // Weights by elevation ring (hrtfTestSupport.ringWeights), independent of solidAngleWeights.ts.
    const weights = ringWeights(prepared.elevationDeg);
    const average = new Float64Array(fftSize / 2 + 1);
    for (let d = 0; d < prepared.directionCount; d++) {
      for (const flat of [prepared.left, prepared.right]) {
        powerSpectrum(hrir(flat, d, prepared.hrirLength), fftSize).forEach((p, k) => {
          average[k]! += (weights[d]! * p) / 2;
        });
      }
    }
    for (const levelDb of bandPowersDb(average, prepared.sampleRateHz, bandCentresHz(200, 16000, 6), 6)) {
      expect(Math.abs(levelDb)).toBeLessThan(1.5);
    }
  });

  it('prepares at 48 kHz from the 44.1 kHz measurements: 240 taps (5 ms), ITDs within 5 us of those at 44.1 kHz', () => {
    const at48 = prepareHrtfSet(measured, { sampleRateHz: 48000 });
    expect(at48.sampleRateHz).toBe(48000);
    expect(at48.hrirLength).toBe(240);
    at48.itdSec.forEach((itd, d) => expect(Math.abs(itd - prepared.itdSec[d]!)).toBeLessThan(5e-6));
  });

  it('refuses a sample rate or length that is not a positive number', () => {
    expect(() => prepareHrtfSet(measured, { sampleRateHz: 0 })).toThrow(/sampleRateHz must be a positive number/);
    expect(() => prepareHrtfSet(measured, { hrirLength: 12.5 })).toThrow(/hrirLength must be a positive whole number/);
  });
});
