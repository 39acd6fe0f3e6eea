import { describe, expect, it } from 'vitest';
import {
  createLoudnessMeter,
  createLoudnessReading,
  processLoudnessMeter,
  readLoudnessMeter,
  resetLoudnessMeter,
  subBlockLength,
} from '../../../../src/dsp/loudness/loudnessMeter';
import type { LoudnessReading } from '../../../../src/dsp/loudness/loudnessMeter';
import { LOUDNESS_PRE_ROLL_SEC, addSubBlockPower, addSubBlockPowers, mergeLoudnessPeaks, primeLoudnessMeter } from '../../../../src/dsp/loudness/loudnessSpans';
import { measureLoudness } from '../../../../src/dsp/loudness/measureLoudness';
import { appendSubBlockPower, createSubBlockPowerLog, subBlockPowers } from '../../../../src/dsp/loudness/subBlockPowerLog';
import type { SubBlockPowerLog } from '../../../../src/dsp/loudness/subBlockPowerLog';
import { gaussianNoise } from '../../../support/prng';

/** Spans and replays must agree with the whole programme to rounding: 1e-9 LU (and dB for peaks). */
const MERGE_TOLERANCE = 1e-9;
const WEIGHTS = [1, 1];

const programmes = new Map<string, Float32Array[]>();

/**
 * 24.05 s of stereo programme (the last 50 ms an incomplete sub-block; made once per rate
 * and burst): low-passed noise and a 50 Hz tone (low frequencies keep the K-weighting's
 * high-pass busy), alternating every 2 s between loud (-16 to -26 dBFS) and quiet (-39 to
 * -29 dBFS) steps, 2 s at -90 dBFS (below the absolute gate), and a 48-sample 11 kHz
 * burst at 0.9 centred on `burstAt`, the programme's highest true peak.
 */
function programme(fs: number, burstAt: number): Float32Array[] {
  const key = `${fs} ${burstAt}`;
  const cached = programmes.get(key);
  if (cached !== undefined) return cached;
  const length = Math.round(24.05 * fs);
  const channels = [0, 1].map((ch) => {
    const noise = gaussianNoise(length, 7 + ch);
    const out = new Float32Array(length);
    let low = 0;
    for (let n = 0; n < length; n++) {
      const step = Math.floor(n / (2 * fs));
      const levelDb = step === 5 ? -90 : step % 2 === 0 ? -16 - step : -40 + step;
      low += 0.02 * (noise[n]! - low);
      out[n] = 10 ** (levelDb / 20) * (2 * low + 0.3 * noise[n]! + 0.5 * Math.sin((2 * Math.PI * 50 * n) / fs + ch));
    }
    for (let k = -24; k < 24; k++) out[burstAt + k] = 0.9 * Math.sin((2 * Math.PI * 11_000 * k) / fs + 0.7 + ch);
    return out;
  });
  programmes.set(key, channels);
  return channels;
}

function figures(r: LoudnessReading): number[] {
  return [r.momentaryLufs, r.shortTermLufs, r.maxMomentaryLufs, r.maxShortTermLufs, r.integratedLufs, r.loudnessRangeLu, r.truePeakDbtp, r.samplePeakDbfs];
}

function expectSameFigures(actual: LoudnessReading, expected: LoudnessReading): void {
  const a = figures(actual);
  figures(expected).forEach((e, i) => expect(Math.abs(a[i]! - e)).toBeLessThan(MERGE_TOLERANCE));
}

function channelsSlice(channels: readonly Float32Array[], start: number, end: number): Float32Array[] {
  return channels.map((channel) => channel.subarray(start, end));
}

describe('sub-block powers: record and replay', () => {
  it('a fresh meter fed the recorded powers reads M, S, max M, max S, I and LRA as the meter that heard the audio (exact: one code path)', () => {
    const fs = 48_000;
    const signal = programme(fs, 5 * fs);
    const log = createSubBlockPowerLog();
    const heard = measureLoudness(signal, fs, WEIGHTS, { subBlockPowers: log });
    expect(log.length).toBe(Math.floor(signal[0]!.length / subBlockLength(fs)));
    const replayed = createLoudnessMeter({ channelWeights: WEIGHTS, truePeak: false }, fs);
    addSubBlockPowers(replayed, subBlockPowers(log));
    const r = readLoudnessMeter(replayed, createLoudnessReading());
    // The programme exercises every figure: level steps of up to 23 dB (LRA about 8 LU), 2 s below the absolute gate.
    expect(heard.loudnessRangeLu).toBeGreaterThan(5);
    expect(figures(r).slice(0, 6)).toEqual(figures(heard).slice(0, 6));
  });

  it('the log grows past its capacity, keeping every value, and a reset clears it', () => {
    const log = createSubBlockPowerLog(2);
    for (let i = 0; i < 9; i++) appendSubBlockPower(log, i / 8);
    expect(Array.from(subBlockPowers(log))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => i / 8));
    const meter = createLoudnessMeter({ channelWeights: [1], subBlockPowers: log }, 48_000);
    resetLoudnessMeter(meter);
    expect(log.length).toBe(0);
  });

  it('a sub-block power of z reads M = S = -0.691 + 10 log10(z x n / window) while the windows fill (1e-12 LU)', () => {
    const meter = createLoudnessMeter({ channelWeights: [1], truePeak: false }, 48_000);
    const z = 0.01;
    for (let n = 1; n <= 4; n++) {
      addSubBlockPower(meter, z);
      expect(Math.abs(meter.momentaryLufs - (-0.691 + 10 * Math.log10((z * n) / 4)))).toBeLessThan(1e-12);
      expect(Math.abs(meter.shortTermLufs - (-0.691 + 10 * Math.log10((z * n) / 30)))).toBeLessThan(1e-12);
    }
  });

  it('refuses powers that are not finite numbers >= 0, naming the index, and adds none of them', () => {
    const meter = createLoudnessMeter({ channelWeights: [1], truePeak: false }, 48_000);
    expect(() => addSubBlockPowers(meter, [0.1, -1])).toThrow(/sub-block power 1 must be a finite number >= 0, got -1/);
    expect(() => addSubBlockPowers(meter, [Number.NaN])).toThrow(/sub-block power 0 .* got NaN/);
    expect(() => addSubBlockPower(meter, Infinity)).toThrow(/finite number >= 0, got Infinity/);
    expect(meter.subBlockCount).toBe(0);
  });

  it('refuses powers and pre-roll while a sub-block is in progress', () => {
    const meter = createLoudnessMeter({ channelWeights: [1], truePeak: false }, 48_000);
    processLoudnessMeter(meter, [new Float32Array(100)], 100);
    expect(() => addSubBlockPowers(meter, [0.1])).toThrow(/sub-block powers must come between sub-blocks, but 100 of a sub-block's 4800 samples are in progress/);
    expect(() => primeLoudnessMeter(meter, [new Float32Array(10)], 10)).toThrow(/a pre-roll must come between sub-blocks/);
  });
});

describe('spans of a programme merge into the whole', () => {
  /** Measures [0, split) and [split, end) apart, the second with the pre-roll before it, and merges them. */
  function mergedSpans(signal: readonly Float32Array[], fs: number, split: number, preRollFrames: number): { merged: LoudnessReading; first: SubBlockPowerLog; second: SubBlockPowerLog } {
    const first = createSubBlockPowerLog();
    const second = createSubBlockPowerLog();
    const a = measureLoudness(channelsSlice(signal, 0, split), fs, WEIGHTS, { subBlockPowers: first, endsProgramme: false });
    const preRoll = channelsSlice(signal, split - preRollFrames, split);
    const b = measureLoudness(channelsSlice(signal, split, signal[0]!.length), fs, WEIGHTS, { subBlockPowers: second, preRoll });
    const meter = createLoudnessMeter({ channelWeights: WEIGHTS }, fs);
    addSubBlockPowers(meter, subBlockPowers(first));
    addSubBlockPowers(meter, subBlockPowers(second));
    mergeLoudnessPeaks(meter, a);
    mergeLoudnessPeaks(meter, b);
    return { merged: readLoudnessMeter(meter, createLoudnessReading()), first, second };
  }

  it.each([
    [48_000, 117],
    [48_000, 3],
    [48_000, 240],
    [44_100, 117],
  ])('at %i Hz, cut after sub-block %i with a 0.3 s pre-roll: every figure within 1e-9 LU / dB of the whole', (fs, cutSubBlock) => {
    const split = cutSubBlock * subBlockLength(fs);
    const signal = programme(fs, split);
    const wholeLog = createSubBlockPowerLog();
    const whole = measureLoudness(signal, fs, WEIGHTS, { subBlockPowers: wholeLog });
    const { merged, first, second } = mergedSpans(signal, fs, split, Math.round(LOUDNESS_PRE_ROLL_SEC * fs));
    expectSameFigures(merged, whole);
    // The concatenated powers are the whole's (relative 1e-12).
    const joined = [...subBlockPowers(first), ...subBlockPowers(second)];
    expect(joined.length).toBe(wholeLog.length);
    subBlockPowers(wholeLog).forEach((z, i) => expect(Math.abs(joined[i]! - z)).toBeLessThanOrEqual(1e-12 * z));
  });

  it('without the pre-roll the second span starts from still filters: its first sub-block is off by more than 1e-4', () => {
    const fs = 48_000;
    const split = 117 * subBlockLength(fs);
    const signal = programme(fs, split);
    const wholeLog = createSubBlockPowerLog();
    measureLoudness(signal, fs, WEIGHTS, { subBlockPowers: wholeLog });
    const cold = createSubBlockPowerLog();
    measureLoudness(channelsSlice(signal, split, signal[0]!.length), fs, WEIGHTS, { subBlockPowers: cold });
    const z = subBlockPowers(wholeLog)[117]!;
    expect(Math.abs(subBlockPowers(cold)[0]! - z)).toBeGreaterThan(1e-4 * z);
  });

  it('the first span alone, unflushed, misses the peak that straddles the cut; the pre-rolled second span holds it', () => {
    const fs = 48_000;
    const split = 117 * subBlockLength(fs);
    const signal = programme(fs, split);
    const whole = measureLoudness(signal, fs, WEIGHTS);
    const first = measureLoudness(channelsSlice(signal, 0, split), fs, WEIGHTS, { endsProgramme: false });
    const preRoll = channelsSlice(signal, split - Math.round(LOUDNESS_PRE_ROLL_SEC * fs), split);
    const second = measureLoudness(channelsSlice(signal, split, signal[0]!.length), fs, WEIGHTS, { preRoll });
    expect(first.truePeakDbtp).toBeLessThan(whole.truePeakDbtp - 0.01);
    expect(Math.abs(second.truePeakDbtp - whole.truePeakDbtp)).toBeLessThan(MERGE_TOLERANCE);
  });
});

describe('merging peaks', () => {
  function meterHearing(channels: readonly Float32Array[]): ReturnType<typeof createLoudnessMeter> {
    const meter = createLoudnessMeter({ channelWeights: WEIGHTS }, 48_000);
    processLoudnessMeter(meter, channels, channels[0]!.length);
    return meter;
  }

  it('from another meter: per channel by max (exact)', () => {
    const into = meterHearing([Float32Array.of(0.5, -0.25), Float32Array.of(0.1, 0)]);
    mergeLoudnessPeaks(into, meterHearing([Float32Array.of(0.2, 0), Float32Array.of(-0.75, 0)]));
    expect(Array.from(into.truePeak!.samplePeak)).toEqual([0.5, 0.75]);
    expect(readLoudnessMeter(into, createLoudnessReading()).samplePeakDbfs).toBe(20 * Math.log10(0.75));
  });

  it('from readings in dB: held by max (1e-12 dB); the floor and -Infinity add nothing', () => {
    const meter = createLoudnessMeter({ channelWeights: WEIGHTS }, 48_000);
    mergeLoudnessPeaks(meter, { truePeakDbtp: -3.5, samplePeakDbfs: -4 });
    mergeLoudnessPeaks(meter, { truePeakDbtp: -6, samplePeakDbfs: -150 });
    mergeLoudnessPeaks(meter, { truePeakDbtp: -Infinity, samplePeakDbfs: -Infinity });
    const r = readLoudnessMeter(meter, createLoudnessReading());
    expect(Math.abs(r.truePeakDbtp + 3.5)).toBeLessThan(1e-12);
    expect(Math.abs(r.samplePeakDbfs + 4)).toBeLessThan(1e-12);
  });

  it('refuses a meter without true peak, NaN readings and a sample peak above the true peak', () => {
    const plain = createLoudnessMeter({ channelWeights: WEIGHTS, truePeak: false }, 48_000);
    expect(() => mergeLoudnessPeaks(plain, { truePeakDbtp: -1, samplePeakDbfs: -2 })).toThrow(/created with truePeak: false/);
    const meter = createLoudnessMeter({ channelWeights: WEIGHTS }, 48_000);
    expect(() => mergeLoudnessPeaks(meter, plain)).toThrow(/meter to merge peaks from was created with truePeak: false/);
    expect(() => mergeLoudnessPeaks(meter, { truePeakDbtp: Number.NaN, samplePeakDbfs: -2 })).toThrow(/true peak \(dBTP\) must be a number below \+Infinity, got NaN/);
    expect(() => mergeLoudnessPeaks(meter, { truePeakDbtp: -3, samplePeakDbfs: -2 })).toThrow(/sample peak of -2 dBFS cannot be above the true peak of -3 dBTP/);
    const mono = createLoudnessMeter({ channelWeights: [1] }, 48_000);
    expect(() => mergeLoudnessPeaks(meter, mono)).toThrow(/cannot merge the peaks of 1 channels into a meter of 2/);
  });
});
