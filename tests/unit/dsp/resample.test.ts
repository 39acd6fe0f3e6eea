import { describe, expect, it } from 'vitest';
import { resample } from '../../../src/dsp/resample';
import { amplitudeToDb, residualDb, sineAmplitude } from '../io/sineAnalysis';

/**
 * Tolerances from the design in resample.ts: Kaiser ripple delta = 1e-5 (-100 dB) in both bands,
 * so in the passband the gain is within 20 log10(1 + 1e-5) = 0.0001 dB and the error of a
 * resampled sine against the ideal one is about -100 dB; in the stopband at least 100 dB of
 * attenuation. Kaiser's length formula is an estimate, so allow 10 dB on the error bounds
 * (and ten times on the gain): still far inside the requirement of 0.01 dB and 90 dB.
 */
const GAIN_TOLERANCE_DB = 0.001;
const RESIDUAL_LIMIT_DB = -90;
const STOPBAND_LIMIT_DB = -90;

const AMPLITUDE = 0.5;
const PHASE_RAD = 0.3;
const LENGTH_SEC = 0.25;

function sine(frequencyHz: number, sampleRateHz: number, length: number): Float32Array {
  return Float32Array.from({ length }, (_, n) => AMPLITUDE * Math.sin((2 * Math.PI * frequencyHz * n) / sampleRateHz + PHASE_RAD));
}

/** The middle half of the output, far from the edges where the kernel meets the zeros around the input. */
function steadySection(length: number): [number, number] {
  return [Math.round(length / 4), Math.round((3 * length) / 4)];
}

describe('resample: sines in the passband keep amplitude, frequency and phase', () => {
  const ratios: [number, number][] = [
    [44100, 48000],
    [48000, 44100],
    [48000, 96000],
    [96000, 44100],
    [48000, 37123], // no small common period: the interpolated kernel table
    [44100, 44100.5], // a non-integer rate: the same path
  ];
  const cases = ratios.flatMap(([fromHz, toHz]) => [1000, 15000].map((frequencyHz) => [fromHz, toHz, frequencyHz] as const));
  it.each(cases)('%i Hz -> %i Hz, %i Hz sine', (fromHz, toHz, frequencyHz) => {
    const output = resample(sine(frequencyHz, fromHz, Math.round(LENGTH_SEC * fromHz)), fromHz, toHz);
    const [start, end] = steadySection(output.length);
    // Output n is the input at time n / toHz: the ideal output is the same sine sampled at toHz.
    const measuredDb = amplitudeToDb(sineAmplitude(output, frequencyHz / toHz, start, end));
    expect(Math.abs(measuredDb - amplitudeToDb(AMPLITUDE))).toBeLessThan(GAIN_TOLERANCE_DB);
    const reference = (n: number): number => AMPLITUDE * Math.sin((2 * Math.PI * frequencyHz * n) / toHz + PHASE_RAD);
    expect(residualDb(output, reference, start, end)).toBeLessThan(RESIDUAL_LIMIT_DB);
  });
});

describe('resample: content above the lower Nyquist frequency is rejected', () => {
  it.each([
    [48000, 44100, 23000], // would alias to 21.1 kHz
    [48000, 44100, 22100], // just above the 22.05 kHz stopband edge
    [96000, 44100, 40000],
    [96000, 48000, 30000],
  ])('%i Hz -> %i Hz: a %i Hz tone is attenuated by more than 90 dB', (fromHz, toHz, frequencyHz) => {
    const output = resample(sine(frequencyHz, fromHz, Math.round(LENGTH_SEC * fromHz)), fromHz, toHz);
    const [start, end] = steadySection(output.length);
    // Output power relative to the input tone's power A^2 / 2.
    let energy = 0;
    for (let n = start; n < end; n++) energy += output[n]! ** 2;
    const levelDb = 10 * Math.log10(energy / (end - start) / (AMPLITUDE ** 2 / 2));
    expect(levelDb).toBeLessThan(STOPBAND_LIMIT_DB);
  });
});

describe('resample: lengths and edge cases', () => {
  it.each([
    [1000, 44100, 48000, 1088], // 1088.435 rounds down
    [147, 44100, 48000, 160],
    [441, 44100, 48000, 480],
    [1, 48000, 44100, 1],
    [3, 96000, 44100, 1], // 1.378
    [5, 48000, 96000, 10],
    [0, 48000, 44100, 0],
  ])('%i samples at %i Hz -> %i Hz gives %i samples', (length, fromHz, toHz, expected) => {
    expect(resample(new Float32Array(length).fill(0.25), fromHz, toHz).length).toBe(expected);
  });

  it('returns a copy when the rates are equal', () => {
    const input = Float32Array.from([0.1, -0.2, 0.3]);
    const output = resample(input, 48000, 48000);
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
  });

  it('keeps a constant (DC) level inside the ripple away from the edges', () => {
    const output = resample(new Float32Array(4410).fill(0.5), 44100, 48000);
    const [start, end] = steadySection(output.length);
    for (let n = start; n < end; n++) expect(Math.abs(output[n]! - 0.5)).toBeLessThan(0.5 * 1e-4);
  });

  it.each([
    [0, 48000, /^resample: fromHz is 0 \(expected a positive finite sample rate in Hz\)$/],
    [-44100, 48000, /^resample: fromHz is -44100/],
    [Number.NaN, 48000, /^resample: fromHz is NaN/],
    [48000, Number.POSITIVE_INFINITY, /^resample: toHz is Infinity/],
  ])('refuses fromHz %s, toHz %s', (fromHz, toHz, message) => {
    expect(() => resample(new Float32Array(4), fromHz, toHz)).toThrow(message);
  });
});
