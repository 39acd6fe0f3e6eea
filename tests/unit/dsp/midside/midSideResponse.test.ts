import { describe, expect, it } from 'vitest';
import { createMidSideProcessor, setMidSideParams } from '../../../../src/dsp/midside/midSideControl';
import type { MidSideParams, MidSideProcessor } from '../../../../src/dsp/midside/midSideControl';
import { processMidSide } from '../../../../src/dsp/midside/midSideProcessor';
import { midSideStereoMatrix } from '../../../../src/dsp/midside/midSideResponse';

const FS = 48_000;
const BLOCK = 128;
const FREQUENCIES = [20, 100, 1000, 10_000, 20_000];

/** Every matrix entry [aRe, aIm, ..., dIm] of each frequency equals `expected` within `tolerance`. */
function expectMatrix(matrix: Float64Array, expected: readonly number[], tolerance: number): void {
  for (let i = 0; i < matrix.length; i++) expect(Math.abs(matrix[i]! - expected[i % 8]!)).toBeLessThan(tolerance);
}

/** [GmRe, GmIm, GsRe, GsIm] at one frequency, from the matrix: G_M = a + b, G_S = a - b. */
function midSideGains(processor: MidSideProcessor, frequencyHz: number, g: Float64Array): void {
  const m = new Float64Array(8);
  midSideStereoMatrix(processor, [frequencyHz], m);
  g[0] = m[0]! + m[2]!;
  g[1] = m[1]! + m[3]!;
  g[2] = m[0]! - m[2]!;
  g[3] = m[1]! - m[3]!;
}

function matrixOf(params: Partial<MidSideParams>, frequencies: readonly number[]): Float64Array {
  const out = new Float64Array(8 * frequencies.length);
  midSideStereoMatrix(createMidSideProcessor({ params }, FS), frequencies, out);
  return out;
}

describe('settled mid/side response: theory', () => {
  it('neutral settings give the identity matrix a = d = 1, b = c = 0 (1e-12)', () => {
    expectMatrix(matrixOf({}, FREQUENCIES), [1, 0, 0, 0, 0, 0, 1, 0], 1e-12);
  });

  it('width 0 % is mono, a = b = c = d = 1/2, whatever bass mono and the side shelves do (1e-12)', () => {
    const params = { widthPercent: 0, bassMono: true, sideLowShelfGainDb: -6, sideHighShelfGainDb: 9 };
    expectMatrix(matrixOf(params, FREQUENCIES), [0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0], 1e-12);
  });

  it('width 0 % with mid gain -6 dB gives a = b = c = d = gm/2 (1e-12)', () => {
    const half = 10 ** (-6 / 20) / 2;
    expectMatrix(matrixOf({ widthPercent: 0, midGainDb: -6 }, FREQUENCIES), [half, 0, half, 0, half, 0, half, 0], 1e-12);
  });

  it('bass mono at its cutoff: G_S = HP^2 = (j/sqrt2)^2 = -1/2, G_M = 1 (1e-12)', () => {
    const processor = createMidSideProcessor({ params: { bassMono: true, bassMonoCutoffHz: 150 } }, FS);
    const g = new Float64Array(4);
    midSideGains(processor, 150, g);
    expect(Math.abs(g[0]! - 1)).toBeLessThan(1e-12);
    expect(Math.abs(g[1]!)).toBeLessThan(1e-12);
    expect(Math.abs(g[2]! + 0.5)).toBeLessThan(1e-12);
    expect(Math.abs(g[3]!)).toBeLessThan(1e-12);
  });

  it('a shelf gives half its gain in dB at its corner: mid high shelf +4 dB -> |G_M| = 10^(4/40), side low shelf -3 dB -> |G_S| = 10^(-3/40) (1e-12)', () => {
    const processor = createMidSideProcessor(
      { params: { midHighShelfHz: 6000, midHighShelfGainDb: 4, sideLowShelfHz: 300, sideLowShelfGainDb: -3 } },
      FS,
    );
    const g = new Float64Array(4);
    midSideGains(processor, 6000, g);
    expect(Math.abs(Math.hypot(g[0]!, g[1]!) - 10 ** (4 / 40))).toBeLessThan(1e-12);
    midSideGains(processor, 300, g);
    expect(Math.abs(Math.hypot(g[2]!, g[3]!) - 10 ** (-3 / 40))).toBeLessThan(1e-12);
  });
});

describe('settled mid/side response: refusals', () => {
  it('throws for the mid and side solo monitors', () => {
    for (const monitor of ['mid', 'side'] as const) {
      const processor = createMidSideProcessor({ params: { monitor } }, FS);
      expect(() => midSideStereoMatrix(processor, [1000], new Float64Array(8))).toThrow(/monitor is '(mid|side)'/);
    }
  });

  it('throws when out does not hold 8 numbers per frequency', () => {
    const processor = createMidSideProcessor({}, FS);
    expect(() => midSideStereoMatrix(processor, [100, 1000], new Float64Array(8))).toThrow(/8 numbers per frequency \(16 for 2 frequencies\), got 8/);
  });

  it('throws while a parameter glides, and gives the new settled gain (1e-12) once the glide has run out', () => {
    const processor = createMidSideProcessor({}, FS);
    const g = new Float64Array(4);
    setMidSideParams(processor, { midGainDb: 6 });
    expect(() => midSideGains(processor, 1000, g)).toThrow(/still gliding/);
    const silence = new Float32Array(BLOCK);
    for (let i = 0; i < 0.1 * FS; i += BLOCK) processMidSide(processor, silence, silence, silence, silence, BLOCK);
    midSideGains(processor, 1000, g);
    expect(Math.abs(g[0]! - 10 ** (6 / 20))).toBeLessThan(1e-12);
  });
});

describe('settled mid/side response against the processor itself', () => {
  const params: Partial<MidSideParams> = {
    widthPercent: 150,
    midGainDb: -2,
    sideGainDb: 3,
    bassMono: true,
    bassMonoCutoffHz: 150,
    midHighShelfHz: 6000,
    midHighShelfGainDb: 4,
    sideLowShelfHz: 300,
    sideLowShelfGainDb: -3,
    sideHighShelfHz: 8000,
    sideHighShelfGainDb: 5,
  };
  const SETTLE = FS / 2;
  const WINDOW = FS;
  const AMPLITUDE = 0.5;

  /**
   * Feeds AMPLITUDE cos(w n) on one input channel, discards the first 0.5 s, and measures the
   * complex gain of each output channel by correlating the next 1 s (an integer number of
   * cycles, as every test frequency is a whole number of hertz) with cos and sin:
   *   y[n] = Re(H A e^{j w n}) -> H = (2 / (N A)) sum y (cos w n - j sin w n).
   * Returns [LRe, LIm, RRe, RIm].
   */
  function measuredGains(processor: MidSideProcessor, frequencyHz: number, driveLeft: boolean): number[] {
    const length = SETTLE + WINDOW;
    const w = (2 * Math.PI * frequencyHz) / FS;
    const drive = Float32Array.from({ length }, (_, n) => AMPLITUDE * Math.cos(w * n));
    const silence = new Float32Array(length);
    const outL = new Float32Array(length);
    const outR = new Float32Array(length);
    const inL = driveLeft ? drive : silence;
    const inR = driveLeft ? silence : drive;
    for (let o = 0; o < length; o += BLOCK) {
      const n = Math.min(BLOCK, length - o);
      processMidSide(processor, inL.subarray(o, o + n), inR.subarray(o, o + n), outL.subarray(o, o + n), outR.subarray(o, o + n), n);
    }
    let leftRe = 0, leftIm = 0, rightRe = 0, rightIm = 0;
    for (let n = SETTLE; n < length; n++) {
      const c = Math.cos(w * n);
      const s = Math.sin(w * n);
      leftRe += outL[n]! * c;
      leftIm -= outL[n]! * s;
      rightRe += outR[n]! * c;
      rightIm -= outR[n]! * s;
    }
    const scale = 2 / (WINDOW * AMPLITUDE);
    return [leftRe * scale, leftIm * scale, rightRe * scale, rightIm * scale];
  }

  /** |measured/expected| in dB and arg(measured/expected) in degrees. */
  function gainError(measuredRe: number, measuredIm: number, expectedRe: number, expectedIm: number): { db: number; degrees: number } {
    const ratioRe = measuredRe * expectedRe + measuredIm * expectedIm;
    const ratioIm = measuredIm * expectedRe - measuredRe * expectedIm;
    const expectedPower = expectedRe * expectedRe + expectedIm * expectedIm;
    return {
      db: 20 * Math.log10(Math.hypot(ratioRe, ratioIm) / expectedPower),
      degrees: (Math.atan2(ratioIm, ratioRe) * 180) / Math.PI,
    };
  }

  for (const frequencyHz of [50, 150, 1000, 10_000]) {
    it(`at ${frequencyHz} Hz, the measured complex gains L->L', L->R', R->L', R->R' match a, c, b, d within 0.01 dB and 0.1 degree`, () => {
      const matrix = new Float64Array(8);
      midSideStereoMatrix(createMidSideProcessor({ params }, FS), [frequencyHz], matrix);
      const [aRe, aIm, bRe, bIm, cRe, cIm, dRe, dIm] = matrix;
      const fromLeft = measuredGains(createMidSideProcessor({ params }, FS), frequencyHz, true);
      const fromRight = measuredGains(createMidSideProcessor({ params }, FS), frequencyHz, false);
      const errors = [
        gainError(fromLeft[0]!, fromLeft[1]!, aRe!, aIm!),
        gainError(fromLeft[2]!, fromLeft[3]!, cRe!, cIm!),
        gainError(fromRight[0]!, fromRight[1]!, bRe!, bIm!),
        gainError(fromRight[2]!, fromRight[3]!, dRe!, dIm!),
      ];
      for (const error of errors) {
        expect(Math.abs(error.db)).toBeLessThan(0.01);
        expect(Math.abs(error.degrees)).toBeLessThan(0.1);
      }
    });
  }
});
