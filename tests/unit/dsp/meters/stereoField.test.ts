import { describe, expect, it } from 'vitest';
import { createStereoFieldMeter, createStereoFieldReading, processStereoFieldMeter, readStereoFieldMeter } from '../../../../src/dsp/meters/stereoFieldMeter';
import type { StereoFieldMeter, StereoFieldReading } from '../../../../src/dsp/meters/stereoFieldMeter';
import { METER_FLOOR_DB, momentUpdateFrames } from '../../../../src/dsp/meters/stereoMoments';
import type { IntegrationConfig } from '../../../../src/dsp/meters/stereoMoments';
import { gaussianNoise } from '../../../support/prng';

const FS = 48_000;
/** Identities that hold exactly in real arithmetic, computed in double from float32 input. */
const EXACT = 1e-9;
/** 10 log10 2: identical channels add 3.01 dB in the -3 dB mono fold-down. */
const THREE_DB = 10 * Math.log10(2);

const BALLISTICS: IntegrationConfig[] = [
  { mode: 'exponential', timeSec: 0.3 },
  { mode: 'exponential', timeSec: 1 },
  { mode: 'exponential', timeSec: 3 },
  { mode: 'rectangular', timeSec: 0.3 },
  { mode: 'rectangular', timeSec: 3 },
];

function feed(meter: StereoFieldMeter, left: Float32Array, right: Float32Array, block = 128, onBlock?: (end: number) => void): void {
  for (let o = 0; o < left.length; o += block) {
    const n = Math.min(block, left.length - o);
    processStereoFieldMeter(meter, left.subarray(o, o + n), right.subarray(o, o + n), n);
    onBlock?.(o + n);
  }
}

function measure(left: Float32Array, right: Float32Array, integration: IntegrationConfig = BALLISTICS[0]!, monoLawGain?: number): StereoFieldReading {
  const meter = createStereoFieldMeter({ integration, ...(monoLawGain === undefined ? {} : { monoLawGain }) }, FS);
  feed(meter, left, right);
  return readStereoFieldMeter(meter, createStereoFieldReading());
}

describe('correlation meter: r = E[LR] / sqrt(E[L^2] E[R^2])', () => {
  const noise = gaussianNoise(2 * FS, 1).map((x) => 0.25 * x);
  const inverted = noise.map((x) => -x);

  it.each(BALLISTICS)('reads +1 for identical and -1 for inverted channels (1e-9), %o', (integration) => {
    expect(Math.abs(measure(noise, noise, integration).correlation - 1)).toBeLessThan(EXACT);
    expect(Math.abs(measure(noise, inverted, integration).correlation + 1)).toBeLessThan(EXACT);
  });

  it('reads the gain-independent value for scaled copies: r(x, 0.1 x) = 1 (1e-9)', () => {
    expect(Math.abs(measure(noise, noise.map((x) => 0.1 * x)).correlation - 1)).toBeLessThan(EXACT);
  });

  it.each(BALLISTICS)('stays within +-0.05 of 0 for 10 s of independent noise, %o', (integration) => {
    // Theory: var(r) ~ 1/N_eff for independent white noise, N_eff = 2 tau fs (exponential)
    // or T fs (rectangular): sigma <= 1/sqrt(0.3 x 48000) = 0.0083 at the fastest
    // setting, so 0.05 is six sigma. Checked every 128-frame block after the first 3 s.
    const length = 10 * FS;
    const left = gaussianNoise(length, 2);
    const right = gaussianNoise(length, 3);
    const meter = createStereoFieldMeter({ integration }, FS);
    const reading = createStereoFieldReading();
    let worst = 0;
    feed(meter, left, right, 128, (end) => {
      if (end < 3 * FS) return;
      worst = Math.max(worst, Math.abs(readStereoFieldMeter(meter, reading).correlation));
    });
    expect(worst).toBeLessThan(0.05);
  });

  it('reads the correlation of a mixture: R = a L + b N gives r = a / sqrt(a^2 + b^2) (within 5 sigma of 0.6)', () => {
    const length = 10 * FS;
    const left = gaussianNoise(length, 4);
    const other = gaussianNoise(length, 5);
    const right = left.map((x, i) => 0.6 * x + 0.8 * other[i]!);
    // sigma(r) ~ (1 - r^2)/sqrt(N), N = 10 s x 48 kHz: 1e-3.
    expect(Math.abs(measure(left, right, { mode: 'rectangular', timeSec: 10 }).correlation - 0.6)).toBeLessThan(5e-3);
  });

  it('reports 0 (and no signal) for silence, and 0 for a signal in one channel only', () => {
    const silence = new Float32Array(FS);
    const reading = measure(silence, silence);
    expect(reading.correlation).toBe(0);
    expect(reading.signalPresent).toBe(false);
    expect(reading.leftDb).toBe(METER_FLOOR_DB);
    expect(reading.monoVsStereoDb).toBe(0);
    const oneSided = measure(noise, new Float32Array(noise.length));
    expect(oneSided.correlation).toBe(0);
    expect(oneSided.signalPresent).toBe(true);
  });

  it('gives the same readings for blocks of 1, 127, 128, 129 and 512 frames (exact)', () => {
    const left = gaussianNoise(FS, 6);
    const right = left.map((x, i) => 0.5 * x + 0.1 * Math.sin(i / 10));
    const read = (block: number): StereoFieldReading => {
      const meter = createStereoFieldMeter({ integration: { mode: 'rectangular', timeSec: 0.3 } }, FS);
      feed(meter, left, right, block);
      return readStereoFieldMeter(meter, createStereoFieldReading());
    };
    const reference = read(128);
    for (const block of [1, 127, 129, 512]) expect(read(block)).toEqual(reference);
  });
});

describe('meter ballistics', () => {
  it('exponential: a level step reaches 1 - 1/e of its power after one time constant (1e-9 dB)', () => {
    // E_k = P (1 - d^k), d = exp(-N/(tau fs)); after tau fs samples (a whole number of
    // N = 64-frame sub-blocks for tau = 0.3 s) that is P (1 - e^-1) exactly.
    const tau = 0.3;
    const frames = tau * FS;
    expect(frames % momentUpdateFrames(FS)).toBe(0);
    const dc = new Float32Array(frames).fill(0.5);
    const reading = measure(dc, dc, { mode: 'exponential', timeSec: tau });
    expect(Math.abs(reading.leftDb - 10 * Math.log10(0.25 * (1 - Math.exp(-1))))).toBeLessThan(1e-9);
  });

  it('rectangular: the mean over the last T seconds, or over all so far before T has passed (relative 1e-12)', () => {
    const meter = createStereoFieldMeter({ integration: { mode: 'rectangular', timeSec: 0.3 } }, FS);
    const reading = createStereoFieldReading();
    const on = new Float32Array(FS).fill(0.5);
    const off = new Float32Array(FS);
    feed(meter, on.subarray(0, 0.1 * FS), on.subarray(0, 0.1 * FS));
    expect(Math.abs(readStereoFieldMeter(meter, reading).leftDb - 10 * Math.log10(0.25))).toBeLessThan(1e-10);
    feed(meter, on.subarray(0, 0.9 * FS), on.subarray(0, 0.9 * FS));
    feed(meter, off.subarray(0, 0.1 * FS), off.subarray(0, 0.1 * FS));
    // Window [0.8 s, 1.1 s): 0.2 s of power 0.25, 0.1 s of silence.
    expect(Math.abs(readStereoFieldMeter(meter, reading).leftDb - 10 * Math.log10((0.25 * 2) / 3))).toBeLessThan(1e-10);
    feed(meter, off.subarray(0, 0.2 * FS), off.subarray(0, 0.2 * FS));
    expect(readStereoFieldMeter(meter, reading).leftDb).toBe(METER_FLOOR_DB);
  });
});

describe('mid/side levels and mono loss', () => {
  const length = 10 * FS;
  const x = gaussianNoise(length, 7).map((v) => 0.1 * v);
  const y = gaussianNoise(length, 8).map((v) => 0.1 * v);
  const minusX = x.map((v) => -v);
  const silent = new Float32Array(length);
  const slow: IntegrationConfig = { mode: 'rectangular', timeSec: 10 };

  it('mid/side levels: identical channels have all level in M (PM = 2 PL), none in S; inverted the reverse (1e-9 dB)', () => {
    const same = measure(x, x, slow);
    expect(Math.abs(same.midDb - (same.leftDb + THREE_DB))).toBeLessThan(EXACT);
    expect(same.sideDb).toBe(METER_FLOOR_DB);
    expect(same.midSideRatioDb).toBeGreaterThan(100);
    const opposite = measure(x, minusX, slow);
    expect(Math.abs(opposite.sideDb - (opposite.leftDb + THREE_DB))).toBeLessThan(EXACT);
    expect(opposite.midDb).toBe(METER_FLOOR_DB);
    expect(opposite.midSideRatioDb).toBeLessThan(-100);
  });

  it('a left-only signal splits evenly: PM = PS = PL/2, ratio 0 dB (1e-9)', () => {
    const left = measure(x, silent, slow);
    expect(Math.abs(left.midDb - (left.leftDb - THREE_DB))).toBeLessThan(EXACT);
    expect(Math.abs(left.sideDb - left.midDb)).toBeLessThan(EXACT);
    expect(Math.abs(left.midSideRatioDb)).toBeLessThan(EXACT);
  });

  it('independent channels of equal level: ratio 0 dB within 0.1 dB (5 sigma of the 10 s estimate)', () => {
    // PM - PS = 2C, C/P ~ r with sigma 1/sqrt(480000) = 0.0014: ratio ~ 10 log10((1+r)/(1-r)) within 0.03 dB (5 sigma).
    expect(Math.abs(measure(x, y, slow).midSideRatioDb)).toBeLessThan(0.1);
  });

  it('mono loss with the -3 dB law: identical +3.01 dB (1e-9), independent 0 dB (0.05 dB), inverted at the floor', () => {
    expect(Math.abs(measure(x, x, slow).monoVsStereoDb - THREE_DB)).toBeLessThan(EXACT);
    // 10 log10(1 + r) with |r| < 5 sigma = 0.007: within 0.03 dB.
    expect(Math.abs(measure(x, y, slow).monoVsStereoDb)).toBeLessThan(0.05);
    expect(measure(x, minusX, slow).monoVsStereoDb).toBe(METER_FLOOR_DB);
    // One channel only: the fold-down g^2 PL = PL/2 equals the mean channel power: 0 dB.
    expect(Math.abs(measure(x, silent, slow).monoVsStereoDb)).toBeLessThan(EXACT);
  });

  it('mono loss with the -6 dB law is 3.01 dB lower: identical 0 dB, independent -3.01 dB', () => {
    expect(Math.abs(measure(x, x, slow, 0.5).monoVsStereoDb)).toBeLessThan(EXACT);
    expect(Math.abs(measure(x, y, slow, 0.5).monoVsStereoDb + THREE_DB)).toBeLessThan(0.05);
  });

  it('mono level is the level of the fold-down (L + R)/sqrt2 (1e-9 dB)', () => {
    const reading = measure(x, y, slow);
    let sum = 0;
    for (let i = 0; i < length; i++) sum += ((x[i]! + y[i]!) * Math.SQRT1_2) ** 2;
    expect(Math.abs(reading.monoDb - 10 * Math.log10(sum / length))).toBeLessThan(1e-9);
  });
});
