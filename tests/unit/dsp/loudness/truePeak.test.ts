import { describe, expect, it } from 'vitest';
import { createTruePeakMeter, processTruePeak, resetTruePeakHold, samplePeakDbfs, truePeakDbtp, truePeakOversampling } from '../../../../src/dsp/loudness/truePeak';
import type { TruePeakMeter } from '../../../../src/dsp/loudness/truePeak';
import { createPrng, gaussianNoise } from '../../../support/prng';

const FS = 48_000;
/** EBU Tech 3341 tolerance for true-peak readings: +0.2 / -0.4 dB. */
const ABOVE_DB = 0.2;
const BELOW_DB = 0.4;

/**
 * The held peaks of `signal` after its first `settleFrames` samples: a tone switched on
 * abruptly really does overshoot at its onset (the band-limited reconstruction of a step,
 * Gibbs), so steady-state readings reset the hold once the onset has passed the
 * interpolator (12 samples).
 */
function measure(signal: Float32Array, fs = FS, block = 128, settleFrames = 0): TruePeakMeter {
  const meter = createTruePeakMeter(1, fs);
  const views: Float32Array[] = [];
  for (let o = 0; o < signal.length; o += block) {
    const n = Math.min(block, signal.length - o);
    views[0] = signal.subarray(o, o + n);
    processTruePeak(meter, views, n);
    if (o < settleFrames && o + n >= settleFrames) resetTruePeakHold(meter);
  }
  return meter;
}

const SETTLE = 1024;

function sine(cyclesPerSample: number, amplitude: number, phaseDeg: number, length: number): Float32Array {
  return Float32Array.from({ length }, (_, n) => amplitude * Math.sin(2 * Math.PI * cyclesPerSample * n + (phaseDeg * Math.PI) / 180));
}

function expectWithin(measuredDb: number, expectedDb: number): void {
  expect(measuredDb).toBeLessThanOrEqual(expectedDb + ABOVE_DB);
  expect(measuredDb).toBeGreaterThanOrEqual(expectedDb - BELOW_DB);
}

describe('true peak (BS.1770-4 Annex 2, 4x oversampling)', () => {
  it('oversamples 4x below 88.2 kHz, 2x to 176.4 kHz, not above', () => {
    expect([44_100, 48_000, 88_200, 96_000, 192_000].map(truePeakOversampling)).toEqual([4, 4, 2, 2, 1]);
  });

  // EBU Tech 3341 Table 1, cases 15-19: sines at the given fraction of fs, peak amplitude and phase.
  it.each([
    [15, 1 / 4, 0.5, 0, -6.02, -6.0],
    [16, 1 / 4, 0.5, 45, -9.03, -6.0],
    [17, 1 / 6, 0.5, 60, -7.27, -6.0],
    [18, 1 / 8, 0.5, 67.5, -6.71, -6.0],
    [19, 1 / 4, 1.41, 45, -0.03, 3.0],
  ])('Tech 3341 case %i: sine at %f fs, amplitude %f, phase %f deg: sample peak %f dBFS, true peak %f dBTP (+0.2/-0.4)', (_, f, a, phase, samplePeak, expected) => {
    const meter = measure(sine(f, a, phase, FS), FS, 128, SETTLE);
    expectWithin(truePeakDbtp(meter), expected);
    expect(Math.abs(samplePeakDbfs(meter) - samplePeak)).toBeLessThan(0.01);
  });

  it('a sine at fs/4 with 45 degrees phase: the sample peak is 3.01 dB below the true peak (0.01 dB)', () => {
    const meter = measure(sine(1 / 4, 0.5, 45, 4800), FS, 128, SETTLE);
    expect(Math.abs(truePeakDbtp(meter) - samplePeakDbfs(meter) - 10 * Math.log10(2))).toBeLessThan(0.01);
  });

  it.each([44_100, 96_000])('cases 15 and 16 at %i Hz read -6.0 dBTP (+0.2/-0.4)', (fs) => {
    expectWithin(truePeakDbtp(measure(sine(1 / 4, 0.5, 0, fs / 4), fs, 128, SETTLE)), -6);
    expectWithin(truePeakDbtp(measure(sine(1 / 4, 0.5, 45, fs / 4), fs, 128, SETTLE)), -6);
  });

  it.each([0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875])(
    'an inter-sample peak of 0 dBTP between samples (offset %f sample), band-limited to 16 kHz, reads 0.0 dBTP (+0.2/-0.4)',
    (offset) => {
      // Cases 20-23 style: p(t) = (1/K) sum_k cos(2 pi k 100 Hz (t - t0)), k = 1..160, peaks at
      // exactly 1 when t = t0 and is below 1 elsewhere; t0 = 2400 + offset samples, under a
      // 100 ms Hann window centred on t0 (keeps the peak, adds 10 Hz of bandwidth).
      const length = 4800;
      const t0 = 2400 + offset;
      const signal = Float32Array.from({ length }, (_, n) => {
        let sum = 0;
        for (let k = 1; k <= 160; k++) sum += Math.cos((2 * Math.PI * k * 100 * (n - t0)) / FS);
        return (sum / 160) * (0.5 + 0.5 * Math.cos((2 * Math.PI * (n - t0)) / length));
      });
      const meter = measure(signal);
      expectWithin(truePeakDbtp(meter), 0);
      if (offset === 0.5) expect(samplePeakDbfs(meter)).toBeLessThan(-1);
    },
  );

  it('sines of random frequency (20 Hz .. 20 kHz) and phase read their amplitude (+0.2/-0.4 dB) over 75 ms', () => {
    const random = createPrng(7);
    for (let trial = 0; trial < 200; trial++) {
      const f = 20 * 1000 ** random();
      const meter = measure(sine(f / FS, 0.5, 360 * random(), 4800), FS, 128, 1200);
      expectWithin(truePeakDbtp(meter), 20 * Math.log10(0.5));
    }
  });

  it('never reads below the sample peak, and gives the same peak for blocks of 1, 127, 128, 129 and 512 frames (exact)', () => {
    const noise = gaussianNoise(20_000, 3).map((x) => 0.2 * x);
    const reference = measure(noise);
    expect(truePeakDbtp(reference)).toBeGreaterThanOrEqual(samplePeakDbfs(reference));
    for (const block of [1, 127, 129, 512]) expect(truePeakDbtp(measure(noise, FS, block))).toBe(truePeakDbtp(reference));
  });
});
