import { describe, expect, it } from 'vitest';
import { biquadMagnitude, biquadResponse, createBiquadCoefficients, setHighShelf } from '../../../../src/dsp/filters/biquad';
import { createLinkwitzRiley4, processLinkwitzRiley4 } from '../../../../src/dsp/filters/linkwitzRiley';
import { encodeMidSide } from '../../../../src/dsp/midside/midSide';
import { DEFAULT_MID_SIDE_SETTINGS, isNeutral } from '../../../../src/core/scene/midSideSettings';
import { createMidSideProcessor, isMidSidePassThrough, setMidSideParams } from '../../../../src/dsp/midside/midSideControl';
import type { MidSideParams } from '../../../../src/dsp/midside/midSideControl';
import { processMidSide, processMidSideEncoded } from '../../../../src/dsp/midside/midSideProcessor';
import { gaussianNoise } from '../../../support/prng';
import { sineAmplitude } from '../../io/sineAnalysis';

const FS = 48_000;
/** Float32 rounding of values of order 1 after a few operations. */
const FLOAT32 = 1e-6;
const RAMP_SEC = 0.02;
const RAMP_FRAMES = RAMP_SEC * FS;

function sine(frequencyHz: number, amplitude: number, length: number, phase = 0): Float32Array {
  return Float32Array.from({ length }, (_, n) => amplitude * Math.sin((2 * Math.PI * frequencyHz * n) / FS + phase));
}

function run(params: Partial<MidSideParams>, left: Float32Array, right: Float32Array, block = 128): [Float32Array, Float32Array] {
  const state = createMidSideProcessor({ params, rampTimeSec: RAMP_SEC }, FS);
  const outL = new Float32Array(left.length);
  const outR = new Float32Array(left.length);
  for (let o = 0; o < left.length; o += block) {
    const n = Math.min(block, left.length - o);
    processMidSide(state, left.subarray(o, o + n), right.subarray(o, o + n), outL.subarray(o, o + n), outR.subarray(o, o + n), n);
  }
  return [outL, outR];
}

const db = (x: number): number => 20 * Math.log10(x);

describe('mid/side processor: width, gains, monitor', () => {
  const left = gaussianNoise(8192, 11);
  const right = gaussianNoise(8192, 12);

  it('is an exact copy with neutral parameters', () => {
    const [l, r] = run({}, left, right);
    expect(l).toEqual(left);
    expect(r).toEqual(right);
  });

  it('width 0 % gives identical channels (exactly), both equal to (L+R)/2 (1e-6)', () => {
    const [l, r] = run({ widthPercent: 0 }, left, right);
    for (let i = 0; i < l.length; i++) {
      expect(l[i]).toBe(r[i]);
      expect(Math.abs(l[i]! - (left[i]! + right[i]!) / 2)).toBeLessThan(FLOAT32);
    }
  });

  it('width 200 % doubles the side and keeps the mid (1e-6)', () => {
    const [l, r] = run({ widthPercent: 200 }, left, right);
    for (let i = 0; i < l.length; i++) {
      const m = (left[i]! + right[i]!) / Math.SQRT2;
      const s = (left[i]! - right[i]!) / Math.SQRT2;
      expect(Math.abs(l[i]! - (m + 2 * s) / Math.SQRT2)).toBeLessThan(FLOAT32 * 4);
      expect(Math.abs(r[i]! - (m - 2 * s) / Math.SQRT2)).toBeLessThan(FLOAT32 * 4);
    }
  });

  it('applies mid and side gains in dB: mid +6 dB, side -12 dB, width 50 % (1e-6)', () => {
    const [l, r] = run({ midGainDb: 6, sideGainDb: -12, widthPercent: 50 }, left, right);
    const gm = 10 ** (6 / 20);
    const gs = 10 ** (-12 / 20) * 0.5;
    for (let i = 0; i < l.length; i++) {
      const m = (gm * (left[i]! + right[i]!)) / Math.SQRT2;
      const s = (gs * (left[i]! - right[i]!)) / Math.SQRT2;
      expect(Math.abs(l[i]! - (m + s) / Math.SQRT2)).toBeLessThan(FLOAT32 * 4);
      expect(Math.abs(r[i]! - (m - s) / Math.SQRT2)).toBeLessThan(FLOAT32 * 4);
    }
  });

  it('mid solo puts M/sqrt2 = (L+R)/2 on both channels, side solo S/sqrt2 = (L-R)/2 (1e-6)', () => {
    const [ml, mr] = run({ monitor: 'mid' }, left, right);
    const [sl, sr] = run({ monitor: 'side' }, left, right);
    for (let i = 0; i < ml.length; i++) {
      expect(ml[i]).toBe(mr[i]);
      expect(sl[i]).toBe(sr[i]);
      expect(Math.abs(ml[i]! - (left[i]! + right[i]!) / 2)).toBeLessThan(FLOAT32);
      expect(Math.abs(sl[i]! - (left[i]! - right[i]!) / 2)).toBeLessThan(FLOAT32);
    }
  });

  it('mid solo of a centred source keeps its level exactly (S = 0)', () => {
    const [l, r] = run({ monitor: 'mid' }, left, left);
    for (let i = 0; i < l.length; i++) {
      expect(Math.abs(l[i]! - left[i]!)).toBeLessThan(FLOAT32);
      expect(r[i]).toBe(l[i]);
    }
  });
});

describe('bass mono (fourth-order Linkwitz-Riley high-pass on the side only)', () => {
  it('the crossover bands sum to an all-pass: |LP4 + HP4| = 1 (1e-9) and each band is -6.02 dB at the cutoff', () => {
    const crossover = createLinkwitzRiley4(120, FS);
    const lp = new Float64Array(2);
    const hp = new Float64Array(2);
    for (let f = 5; f < 23_000; f *= 1.1) {
      biquadResponse(crossover.lowPass, f, FS, lp);
      biquadResponse(crossover.highPass, f, FS, hp);
      // Each band is its section squared.
      const re = lp[0]! ** 2 - lp[1]! ** 2 + hp[0]! ** 2 - hp[1]! ** 2;
      const im = 2 * lp[0]! * lp[1]! + 2 * hp[0]! * hp[1]!;
      expect(Math.abs(Math.hypot(re, im) - 1)).toBeLessThan(1e-9);
    }
    expect(Math.abs(2 * db(biquadMagnitude(crossover.highPass, 120, FS)) + 6.0206)).toBeLessThan(1e-3);
    expect(Math.abs(2 * db(biquadMagnitude(crossover.lowPass, 120, FS)) + 6.0206)).toBeLessThan(1e-3);
  });

  it('the crossover unit splits a signal into bands that add up to the all-pass: the sum keeps the energy of an impulse (1e-9)', () => {
    const crossover = createLinkwitzRiley4(120, FS);
    const impulse = new Float64Array(FS);
    impulse[0] = 1;
    const low = new Float64Array(FS);
    const high = new Float64Array(FS);
    processLinkwitzRiley4(crossover, impulse, low, high, FS);
    let energy = 0;
    let lowEnergy = 0;
    for (let i = 0; i < FS; i++) {
      energy += (low[i]! + high[i]!) ** 2;
      lowEnergy += low[i]! ** 2;
    }
    expect(Math.abs(energy - 1)).toBeLessThan(1e-9);
    expect(lowEnergy).toBeGreaterThan(0);
  });

  it('leaves the mid bit for bit unchanged (M/S domain) and re-encoded within 1e-6 (L/R domain)', () => {
    const length = 24_000;
    const left = gaussianNoise(length, 21);
    const right = gaussianNoise(length, 22);
    const mid = new Float32Array(length);
    const side = new Float32Array(length);
    encodeMidSide(left, right, mid, side, length);
    const midBefore = mid.slice();
    const state = createMidSideProcessor({ params: { bassMono: true } }, FS);
    processMidSideEncoded(state, mid, side, length);
    expect(mid).toEqual(midBefore);

    const [l, r] = run({ bassMono: true }, left, right);
    for (let i = 0; i < length; i++) expect(Math.abs((l[i]! + r[i]!) / Math.SQRT2 - midBefore[i]!)).toBeLessThan(FLOAT32 * 4);
  });

  // |HP4(f)| = (f/fc)^4 / (1 + (f/fc)^4) for the Butterworth-squared high-pass (analogue; the
  // bilinear prewarp makes it exact at fc and within 0.01 dB at these frequencies).
  const theoryDb = (f: number, fc: number): number => db((f / fc) ** 4 / (1 + (f / fc) ** 4));

  it.each([
    [40, 120],
    [60, 120],
    [30, 80],
  ])('attenuates a %d Hz side sine as theory says with the crossover at %d Hz (0.1 dB; more than 30 dB at 40 Hz)', (f, fc) => {
    const length = FS;
    const side = sine(f, 0.5, length);
    const mid = new Float32Array(length);
    const state = createMidSideProcessor({ params: { bassMono: true, bassMonoCutoffHz: fc } }, FS);
    processMidSideEncoded(state, mid, side, length);
    const gainDb = db(sineAmplitude(side, f / FS, FS / 2, FS) / 0.5);
    expect(Math.abs(gainDb - theoryDb(f, fc))).toBeLessThan(0.1);
    if (f === 40) expect(gainDb).toBeLessThan(-30);
  });

  it('passes a 2 kHz side sine within 0.1 dB', () => {
    const side = sine(2000, 0.5, FS);
    const mid = new Float32Array(FS);
    const state = createMidSideProcessor({ params: { bassMono: true } }, FS);
    processMidSideEncoded(state, mid, side, FS);
    expect(Math.abs(db(sineAmplitude(side, 2000 / FS, FS / 2, FS) / 0.5))).toBeLessThan(0.1);
  });

  it('switching bass mono on glides: the side changes by no more than one ramp step per sample', () => {
    // A DC side of 1/sqrt2: the high-pass removes DC, so the side falls towards 0 as the mix
    // glides in over 20 ms. Per sample, S + mix (HP(S) - S) moves by at most
    // (1/RAMP_FRAMES) |HP(S) - S| + mix |HP step|; |HP(S) - S| <= 2 |S| (the LR4 step response
    // undershoots by less than |S|), and HP(S) has decayed before mix is large. Measured:
    // 0.00124 against the bound 0.00147 + 1e-4.
    const length = 4096;
    const mid = new Float32Array(length);
    const side = new Float32Array(length).fill(Math.SQRT1_2);
    const state = createMidSideProcessor({ rampTimeSec: RAMP_SEC }, FS);
    processMidSideEncoded(state, mid.subarray(0, 256), side.subarray(0, 256), 256);
    setMidSideParams(state, { bassMono: true });
    processMidSideEncoded(state, mid.subarray(256), side.subarray(256), length - 256);
    let maxStep = 0;
    for (let i = 257; i < length; i++) maxStep = Math.max(maxStep, Math.abs(side[i]! - side[i - 1]!));
    expect(maxStep).toBeLessThan((2 * Math.SQRT1_2) / RAMP_FRAMES + 1e-4);
  });
});

describe('mid/side shelving EQ (RBJ cookbook shelves, S = 1)', () => {
  it.each([
    ['sideHighShelf', 16_000],
    ['sideHighShelf', 1000],
    ['midHighShelf', 12_000],
  ] as const)('%s +6 dB at 8 kHz gives the closed-form response at %d Hz (0.01 dB) and leaves the other channel alone', (which, f) => {
    const gainDb = 6;
    const cornerHz = 8000;
    const length = FS / 2;
    const params: Partial<MidSideParams> =
      which === 'sideHighShelf' ? { sideHighShelfGainDb: gainDb, sideHighShelfHz: cornerHz } : { midHighShelfGainDb: gainDb, midHighShelfHz: cornerHz };
    const mid = sine(f, 0.25, length);
    const side = sine(f, 0.25, length, 1);
    const midBefore = mid.slice();
    const sideBefore = side.slice();
    const state = createMidSideProcessor({ params }, FS);
    processMidSideEncoded(state, mid, side, length);
    const shelf = createBiquadCoefficients();
    setHighShelf(shelf, cornerHz, gainDb, FS);
    const expectedDb = db(biquadMagnitude(shelf, f, FS));
    const [shelved, untouched, untouchedBefore] = which === 'sideHighShelf' ? [side, mid, midBefore] : [mid, side, sideBefore];
    expect(Math.abs(db(sineAmplitude(shelved, f / FS, length / 2, length) / 0.25) - expectedDb)).toBeLessThan(0.01);
    expect(untouched).toEqual(untouchedBefore);
  });

  it('the shelf design reaches its asymptotes: 0 dB at 20 Hz, +6 dB at 20 kHz for an 4 kHz corner (0.3 dB), +3 dB at the corner (0.01 dB)', () => {
    const shelf = createBiquadCoefficients();
    setHighShelf(shelf, 4000, 6, FS);
    expect(Math.abs(db(biquadMagnitude(shelf, 20, FS)))).toBeLessThan(0.01);
    expect(Math.abs(db(biquadMagnitude(shelf, 20_000, FS)) - 6)).toBeLessThan(0.3);
    expect(Math.abs(db(biquadMagnitude(shelf, 4000, FS)) - 3)).toBeLessThan(0.01);
  });
});

describe('mid/side processor: smoothing and block independence', () => {
  /** Largest |x[n] - x[n-1]| over [from, to). */
  function maxStep(x: Float32Array, from: number, to: number): number {
    let max = 0;
    for (let i = Math.max(1, from); i < to; i++) max = Math.max(max, Math.abs(x[i]! - x[i - 1]!));
    return max;
  }

  it.each([
    ['width 100 -> 0 %', { widthPercent: 0 }, 1, 0.5],
    ['mid gain 0 -> -6.02 dB', { midGainDb: 20 * Math.log10(0.5) }, 1, 0.75],
    ['monitor stereo -> mid solo', { monitor: 'mid' }, 1, 0.5],
    ['monitor stereo -> side solo', { monitor: 'side' }, 1, 0.5],
  ] as const)('%s glides linearly: each step at most |change|/ramp (relative 1e-5), settled after 20 ms', (_, change, before, after) => {
    // Input L = 1, R = 0 (DC): M = S = 1/sqrt2, output L = (gm M + gs S)/sqrt2 etc.
    const length = 4096;
    const left = new Float32Array(length).fill(1);
    const right = new Float32Array(length);
    const outL = new Float32Array(length);
    const outR = new Float32Array(length);
    const state = createMidSideProcessor({ rampTimeSec: RAMP_SEC }, FS);
    const at = 500;
    processMidSide(state, left.subarray(0, at), right.subarray(0, at), outL.subarray(0, at), outR.subarray(0, at), at);
    setMidSideParams(state, change);
    processMidSide(state, left.subarray(at), right.subarray(at), outL.subarray(at), outR.subarray(at), length - at);
    const bound = (Math.abs(after - before) / RAMP_FRAMES) * (1 + 1e-5) + 1e-7;
    expect(maxStep(outL, 1, length)).toBeLessThanOrEqual(bound);
    expect(Math.abs(outL[at - 1]! - before)).toBeLessThan(FLOAT32);
    expect(Math.abs(outL[at + RAMP_FRAMES]! - after)).toBeLessThan(FLOAT32);
    expect(Math.abs(outL[length - 1]! - after)).toBeLessThan(FLOAT32);
    // Halfway through, halfway there (a linear glide).
    expect(Math.abs(outL[at + RAMP_FRAMES / 2 - 1]! - (before + after) / 2)).toBeLessThan(1e-3);
  });

  it('a shelf gain glide 0 -> +12 dB has no step: |y[n] - y[n-1]| stays within the sine slope bound 2 A sin(pi f/fs) (1 %)', () => {
    const f = 10_000;
    const amplitude = 0.1;
    const length = 8192;
    const side = sine(f, amplitude, length);
    const mid = new Float32Array(length);
    const state = createMidSideProcessor({ rampTimeSec: RAMP_SEC, params: { sideHighShelfHz: 4000 } }, FS);
    processMidSideEncoded(state, mid.subarray(0, 1000), side.subarray(0, 1000), 1000);
    setMidSideParams(state, { sideHighShelfGainDb: 12 });
    processMidSideEncoded(state, mid.subarray(1000), side.subarray(1000), length - 1000);
    const shelf = createBiquadCoefficients();
    setHighShelf(shelf, 4000, 12, FS);
    const finalAmplitude = amplitude * biquadMagnitude(shelf, f, FS);
    expect(maxStep(side, 1000, length)).toBeLessThan(2 * finalAmplitude * Math.sin((Math.PI * f) / FS) * 1.01);
    expect(Math.abs(db(sineAmplitude(side, f / FS, length - 2048, length) / finalAmplitude))).toBeLessThan(0.01);
  });

  it('gives the same samples for blocks of 1, 127, 128, 129 and 512 frames while everything glides (exact)', () => {
    const length = 6000;
    const left = gaussianNoise(length, 31);
    const right = gaussianNoise(length, 32);
    const target: Partial<MidSideParams> = {
      widthPercent: 150,
      midGainDb: -3,
      bassMono: true,
      bassMonoCutoffHz: 200,
      sideHighShelfGainDb: 6,
      sideHighShelfHz: 3000,
      midLowShelfGainDb: -4,
      monitor: 'mid',
    };
    const render = (block: number): Float32Array => {
      const state = createMidSideProcessor({ params: { widthPercent: 80, sideHighShelfHz: 9000 } }, FS);
      setMidSideParams(state, target);
      const outL = new Float32Array(length);
      const outR = new Float32Array(length);
      for (let o = 0; o < length; o += block) {
        const n = Math.min(block, length - o);
        processMidSide(state, left.subarray(o, o + n), right.subarray(o, o + n), outL.subarray(o, o + n), outR.subarray(o, o + n), n);
      }
      const out = new Float32Array(2 * length);
      out.set(outL);
      out.set(outR, length);
      return out;
    };
    const reference = render(128);
    for (const block of [1, 127, 129, 512]) expect(render(block)).toEqual(reference);
  });

  it('ignores non-finite parameters and clamps out-of-range ones', () => {
    const state = createMidSideProcessor({}, FS);
    setMidSideParams(state, { widthPercent: Number.NaN, midGainDb: Infinity, bassMonoCutoffHz: 5 });
    expect(state.params.widthPercent).toBe(100);
    expect(state.params.midGainDb).toBe(0);
    expect(state.params.bassMonoCutoffHz).toBe(20);
    setMidSideParams(state, { widthPercent: 500 });
    expect(state.params.widthPercent).toBe(200);
  });
});

describe('mid/side processor: pass-through', () => {
  const AUDIBLE: readonly Partial<MidSideParams>[] = [
    { widthPercent: 99 },
    { midGainDb: -0.1 },
    { sideGainDb: 1 },
    { bassMono: true },
    { midLowShelfGainDb: 1 },
    { midHighShelfGainDb: 2 },
    { sideLowShelfGainDb: -3 },
    { sideHighShelfGainDb: 4 },
  ];

  it("agrees with core's isNeutral of the settings it was made with (exact)", () => {
    const shelvesMoved = { ...DEFAULT_MID_SIDE_SETTINGS, midLowShelfHz: 400, sideHighShelfHz: 3000, bassMonoCutoffHz: 300 };
    for (const settings of [DEFAULT_MID_SIDE_SETTINGS, shelvesMoved, ...AUDIBLE.map((patch) => ({ ...DEFAULT_MID_SIDE_SETTINGS, ...patch }))]) {
      expect(isMidSidePassThrough(createMidSideProcessor({ params: settings }, FS))).toBe(isNeutral(settings));
    }
  });

  it('a monitor solo is not a pass-through', () => {
    expect(isMidSidePassThrough(createMidSideProcessor({ params: { monitor: 'mid' } }, FS))).toBe(false);
    expect(isMidSidePassThrough(createMidSideProcessor({ params: { monitor: 'side' } }, FS))).toBe(false);
  });

  it.each(AUDIBLE.map((patch) => [JSON.stringify(patch), patch] as const))(
    'back to neutral from %s is not a pass-through until the 20 ms glide has run (960 frames at 48 kHz), then is',
    (_, patch) => {
      const state = createMidSideProcessor({ params: patch, rampTimeSec: RAMP_SEC }, FS);
      setMidSideParams(state, DEFAULT_MID_SIDE_SETTINGS);
      const block = new Float32Array(RAMP_FRAMES - 1);
      processMidSide(state, block, block, block, block, block.length);
      expect(isMidSidePassThrough(state)).toBe(false);
      processMidSide(state, block, block, block, block, 1);
      expect(isMidSidePassThrough(state)).toBe(true);
    },
  );

  it('moving a shelf or the crossover at 0 dB / bass mono off keeps it a pass-through: the output is the input (exact)', () => {
    const state = createMidSideProcessor({ rampTimeSec: RAMP_SEC }, FS);
    setMidSideParams(state, { midLowShelfHz: 400, sideHighShelfHz: 3000, bassMonoCutoffHz: 300 });
    expect(isMidSidePassThrough(state)).toBe(true);
    const left = gaussianNoise(256, 41);
    const right = gaussianNoise(256, 42);
    const outL = new Float32Array(256);
    const outR = new Float32Array(256);
    processMidSide(state, left, right, outL, outR, 256);
    expect(outL).toEqual(left);
    expect(outR).toEqual(right);
  });
});
