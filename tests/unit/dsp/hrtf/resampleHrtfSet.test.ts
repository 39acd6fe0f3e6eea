import { beforeAll, describe, expect, it } from 'vitest';
import type { HrtfSet } from '../../../../src/core/hrtfSet';
import { prepareHrtfSet } from '../../../../src/dsp/hrtf/prepareHrtfSet';
import { resampleHrtfSet } from '../../../../src/dsp/hrtf/resampleHrtfSet';
import { energy, hrir, readKemar } from './hrtfTestSupport';

/**
 * |H(f)|^2 in dB at each frequency by direct evaluation of the DTFT, so sets at different
 * rates are compared at the same frequencies: H(f) = sum_n h[n] e^(-2 pi i f n / fs).
 */
function levelsDb(response: Float32Array, sampleRateHz: number, frequenciesHz: readonly number[]): number[] {
  return frequenciesHz.map((frequencyHz) => {
    let re = 0;
    let im = 0;
    const step = (-2 * Math.PI * frequencyHz) / sampleRateHz;
    for (let n = 0; n < response.length; n++) {
      re += response[n]! * Math.cos(step * n);
      im += response[n]! * Math.sin(step * n);
    }
    return 10 * Math.log10(re * re + im * im);
  });
}

describe('resampleHrtfSet', () => {
  let at44: HrtfSet;
  let at48: HrtfSet;
  beforeAll(async () => {
    at44 = prepareHrtfSet(await readKemar());
    at48 = resampleHrtfSet(at44, 48000);
  });

  it('keeps the directions and the ITDs in seconds, and keeps the duration plus a fade (208 -> 227 + 12 taps)', () => {
    expect(at48.sampleRateHz).toBe(48000);
    expect(at48.directionCount).toBe(at44.directionCount);
    expect(at48.hrirLength).toBe(239);
    expect(Array.from(at48.itdSec)).toEqual(Array.from(at44.itdSec));
    expect(Array.from(at48.elevationDeg)).toEqual(Array.from(at44.elevationDeg));
  });

  it('keeps every magnitude response within 0.5 dB from 50 Hz to 18 kHz (1/12-octave points, 44.1 -> 48 kHz)', () => {
    const frequenciesHz: number[] = [];
    for (let f = 50; f <= 18000; f *= 2 ** (1 / 12)) frequenciesHz.push(f);
    for (let d = 0; d < at44.directionCount; d += 3) {
      for (const ear of ['left', 'right'] as const) {
        const before = levelsDb(hrir(at44[ear], d, at44.hrirLength), 44100, frequenciesHz);
        const after = levelsDb(hrir(at48[ear], d, at48.hrirLength), 48000, frequenciesHz);
        before.forEach((level, i) => expect(Math.abs(after[i]! - level)).toBeLessThan(0.5));
      }
    }
  });

  it('stays minimum phase: every HRIR has at least 90 % of its energy in the first 1 ms', () => {
    for (const flat of [at48.left, at48.right]) {
      for (let d = 0; d < at48.directionCount; d++) {
        const response = hrir(flat, d, at48.hrirLength);
        expect(energy(response.subarray(0, 48)) / energy(response)).toBeGreaterThan(0.9);
      }
    }
  });

  it('returns the same set at the same rate, and refuses rates that are not whole hertz', () => {
    expect(resampleHrtfSet(at44, 44100)).toBe(at44);
    expect(() => resampleHrtfSet(at44, 48000.5)).toThrow(/whole numbers of hertz/);
  });
});
