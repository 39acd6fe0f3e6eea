import { describe, expect, it } from 'vitest';
import { SURROUND_5_0_WEIGHTS, SURROUND_5_1_WEIGHTS, loudnessWeightForPosition, loudnessWeightsForLayout } from '../../../../src/dsp/loudness/channelWeights';
import {
  LOUDNESS_FLOOR,
  createLoudnessMeter,
  createLoudnessReading,
  integratedLufs,
  loudnessRangeLu,
  processLoudnessMeter,
  readLoudnessMeter,
} from '../../../../src/dsp/loudness/loudnessMeter';
import type { LoudnessMeter, LoudnessReading } from '../../../../src/dsp/loudness/loudnessMeter';
import { measureLoudness } from '../../../../src/dsp/loudness/measureLoudness';
import { getLayout } from '../../../../src/core/layouts';
import { SILENCE, repeat, toneSequence } from './toneSequence';
import type { ToneSegment } from './toneSequence';

const FS = 48_000;
/** EBU Tech 3341 Table 1 and Tech 3342 Table 1 tolerances. */
const LOUDNESS_TOLERANCE_LU = 0.1;
const LRA_TOLERANCE_LU = 1;

function stereo(segments: readonly ToneSegment[], fs = FS): Float32Array[] {
  const tone = toneSequence(segments, fs);
  return [tone, tone];
}

/** Runs a streaming meter over `channels` in `block`-frame blocks, calling `onSubBlock` at each 100 ms boundary. */
function stream(
  channels: readonly Float32Array[],
  weights: readonly number[],
  fs = FS,
  block = 128,
  onBlock?: (meter: LoudnessMeter, end: number) => void,
): LoudnessMeter {
  const meter = createLoudnessMeter({ channelWeights: weights, truePeak: false }, fs);
  const length = channels[0]!.length;
  const views: Float32Array[] = [];
  for (let o = 0; o < length; o += block) {
    const n = Math.min(block, length - o);
    views.length = 0;
    for (const channel of channels) views.push(channel.subarray(o, o + n));
    processLoudnessMeter(meter, views, n);
    onBlock?.(meter, o + n);
  }
  return meter;
}

describe('EBU Tech 3341 minimum requirements (synthesised test signals), 48 kHz', () => {
  it.each([
    [1, -23],
    [2, -33],
  ])('case %i: stereo 1 kHz sine at %d dBFS for 20 s reads M, S and I at that level (+-0.1 LU)', (_, level) => {
    const meter = stream(stereo([{ levelDbfs: level, durationSec: 20 }]), [1, 1]);
    const reading = readLoudnessMeter(meter, createLoudnessReading());
    expect(Math.abs(reading.momentaryLufs - level)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    expect(Math.abs(reading.shortTermLufs - level)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    expect(Math.abs(reading.integratedLufs - level)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
  });

  it.each([
    ['3 (relative gate)', [[-36, 10], [-23, 60], [-36, 10]]],
    ['4 (absolute and relative gates)', [[-72, 10], [-36, 10], [-23, 60], [-36, 10], [-72, 10]]],
    ['5 (power averaging)', [[-26, 20], [-20, 20.1], [-26, 20]]],
  ])('case %s: I = -23.0 +-0.1 LUFS', (_, spec) => {
    const segments = (spec as [number, number][]).map(([levelDbfs, durationSec]) => ({ levelDbfs, durationSec }));
    const meter = stream(stereo(segments), [1, 1]);
    expect(Math.abs(integratedLufs(meter) + 23)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
  });

  it('case 6: 5.0 sine, L R -28, C -24, Ls Rs -30 dBFS (surrounds weighted 1.41): I = -23.0 +-0.1 LUFS; 5.1 with LFE gives the same', () => {
    // 10 log10(2 x 10^-2.8/2 ... ): sum of G_i A_i^2/2 = 10^-2.8 + 10^-2.4/2 + 1.41 x 10^-3 -> -23.02 LUFS.
    const seconds = 20;
    const lr = toneSequence([{ levelDbfs: -28, durationSec: seconds }], FS);
    const c = toneSequence([{ levelDbfs: -24, durationSec: seconds }], FS);
    const s = toneSequence([{ levelDbfs: -30, durationSec: seconds }], FS);
    const fiveZero = stream([lr, lr, c, s, s], SURROUND_5_0_WEIGHTS);
    expect(Math.abs(integratedLufs(fiveZero) + 23)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    const lfe = toneSequence([{ levelDbfs: 0, durationSec: seconds }], FS, 60);
    const fiveOne = stream([lr, lr, c, lfe, s, s], SURROUND_5_1_WEIGHTS);
    expect(integratedLufs(fiveOne)).toBe(integratedLufs(fiveZero));
  });

  it('case 9: 20 x (1.34 s at -20, 1.66 s at -30 dBFS): S = -23.0 +-0.1 LUFS at every update after 3 s', () => {
    // Every 3 s window holds one period: 10 log10((1.34 x 10^-2 + 1.66 x 10^-3)/3) = -23.0.
    let worst = 0;
    stream(stereo(repeat([{ levelDbfs: -20, durationSec: 1.34 }, { levelDbfs: -30, durationSec: 1.66 }], 20)), [1, 1], FS, 4800, (meter, end) => {
      if (end >= 3 * FS) worst = Math.max(worst, Math.abs(meter.shortTermLufs + 23));
    });
    expect(worst).toBeLessThan(LOUDNESS_TOLERANCE_LU);
  });

  it('case 12: 25 x (0.18 s at -20, 0.22 s at -30 dBFS): M = -23.0 +-0.1 LUFS at every update after 1 s', () => {
    // Every 400 ms window holds one period: 10 log10((0.18 x 10^-2 + 0.22 x 10^-3)/0.4) = -22.97.
    let worst = 0;
    stream(stereo(repeat([{ levelDbfs: -20, durationSec: 0.18 }, { levelDbfs: -30, durationSec: 0.22 }], 25)), [1, 1], FS, 4800, (meter, end) => {
      if (end >= FS) worst = Math.max(worst, Math.abs(meter.momentaryLufs + 23));
    });
    expect(worst).toBeLessThan(LOUDNESS_TOLERANCE_LU);
  });

  it.each([44_100, 96_000, 88_200, 32_000])('case 1 at %i Hz (K-weighting recomputed): M, S, I = -23.0 +-0.1 LUFS', (fs) => {
    const meter = stream(stereo([{ levelDbfs: -23, durationSec: 10 }], fs), [1, 1], fs);
    const reading = readLoudnessMeter(meter, createLoudnessReading());
    expect(Math.abs(reading.momentaryLufs + 23)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    expect(Math.abs(reading.integratedLufs + 23)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
  });
});

describe('momentary and short-term windows', () => {
  it('a 1 s tone burst at -20 dBFS read in 400 ms windows: -20 + 10 log10(overlap / 0.4 s) (0.02 LU)', () => {
    // Burst from 1 s to 2 s. Window [t - 0.4, t] overlaps it by o(t); M(t) = -20 + 10 log10(o/0.4)
    // (the 1 kHz sine holds a whole number of cycles in every 100 ms sub-block).
    const signal = stereo([{ levelDbfs: SILENCE, durationSec: 1 }, { levelDbfs: -20, durationSec: 1 }, { levelDbfs: SILENCE, durationSec: 4 }]);
    const momentary = new Map<number, number>();
    const shortTerm = new Map<number, number>();
    const meter = stream(signal, [1, 1], FS, 4800, (m, end) => {
      momentary.set(Math.round((end / FS) * 10), m.momentaryLufs);
      shortTerm.set(Math.round((end / FS) * 10), m.shortTermLufs);
    });
    const expected = (windowSec: number, tenths: number): number => {
      const t = tenths / 10;
      const overlap = Math.max(0, Math.min(t, 2) - Math.max(t - windowSec, 1));
      return overlap > 0 ? -20 + 10 * Math.log10(overlap / windowSec) : LOUDNESS_FLOOR;
    };
    for (let tenths = 1; tenths <= 60; tenths++) {
      const m = momentary.get(tenths)!;
      const s = shortTerm.get(tenths)!;
      const em = expected(0.4, tenths);
      const es = expected(3, tenths);
      // The K-weighting filters ring briefly after the burst stops: the window just after it
      // reads -62.7 LUFS (the tail holds the energy of 0.02 ms of the tone), the next ones the floor.
      if (em === LOUDNESS_FLOOR) expect(m).toBeLessThan(-60);
      else expect(Math.abs(m - em)).toBeLessThan(0.02);
      if (es === LOUDNESS_FLOOR) expect(s).toBeLessThan(-60);
      else expect(Math.abs(s - es)).toBeLessThan(0.02);
    }
    expect(Math.abs(meter.maxMomentaryLufs + 20)).toBeLessThan(0.02);
    expect(Math.abs(meter.maxShortTermLufs - (-20 + 10 * Math.log10(1 / 3)))).toBeLessThan(0.02);
    // Gating blocks (400 ms every 100 ms) overlapping the burst: 13, by 0.1, 0.2, 0.3, 7 x 0.4,
    // 0.3, 0.2, 0.1 s: together 10 blocks' worth of tone. With the 14th (the -62.7 LUFS tail
    // block) the ungated mean is -20 + 10 log10(10/14) = -21.46, so the relative gate at
    // -31.46 keeps the 13 and drops the tail: I = -20 + 10 log10(10/13) = -21.14.
    expect(Math.abs(integratedLufs(meter) - (-20 + 10 * Math.log10(10 / 13)))).toBeLessThan(0.02);
  });

  it('counts the time before the start as silence: a tone from t = 0 reads M = L - 6.02 after 100 ms (0.02 LU)', () => {
    const values: number[] = [];
    stream(stereo([{ levelDbfs: -20, durationSec: 1 }]), [1, 1], FS, 4800, (m) => values.push(m.momentaryLufs));
    expect(Math.abs(values[0]! - (-20 + 10 * Math.log10(0.25)))).toBeLessThan(0.02);
    expect(Math.abs(values[3]! + 20)).toBeLessThan(0.02);
  });
});

describe('gating and loudness range', () => {
  it('silence and programmes below the absolute gate (-75 dBFS) read the floor, LRA 0', () => {
    for (const level of [SILENCE, -75]) {
      const meter = stream(stereo([{ levelDbfs: level, durationSec: 5 }]), [1, 1]);
      expect(integratedLufs(meter)).toBe(LOUDNESS_FLOOR);
      expect(loudnessRangeLu(meter)).toBe(0);
    }
  });

  it.each([
    [1, [[-20, 20], [-30, 20]], 10],
    [2, [[-20, 20], [-15, 20]], 5],
    [3, [[-40, 20], [-20, 20]], 20],
    [4, [[-50, 20], [-35, 20], [-20, 20], [-35, 20], [-50, 20]], 15],
  ])('EBU Tech 3342 case %i: LRA = %j -> %d LU +-1', (_, spec, expected) => {
    const segments = (spec as [number, number][]).map(([levelDbfs, durationSec]) => ({ levelDbfs, durationSec }));
    const meter = stream(stereo(segments), [1, 1]);
    expect(Math.abs(loudnessRangeLu(meter) - (expected as number))).toBeLessThan(LRA_TOLERANCE_LU);
  });

  it('gives identical readings for blocks of 1, 127, 128, 129 and 512 frames (exact)', () => {
    const signal = stereo([{ levelDbfs: -30, durationSec: 2 }, { levelDbfs: -18, durationSec: 2 }]);
    const read = (block: number): LoudnessReading => readLoudnessMeter(stream(signal, [1, 1], FS, block), createLoudnessReading());
    const reference = read(128);
    for (const block of [1, 127, 129, 512]) expect(read(block)).toEqual(reference);
  });

  it('measureLoudness (offline) gives the streaming readings, and true peak, for whole buffers', () => {
    const signal = stereo([{ levelDbfs: -23, durationSec: 12 }]);
    const offline = measureLoudness(signal, FS);
    expect(Math.abs(offline.integratedLufs + 23)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    expect(offline.integratedLufs).toBe(integratedLufs(stream(signal, [1, 1])));
    expect(Math.abs(offline.truePeakDbtp + 23)).toBeLessThan(0.01);
  });
});

describe('channel weights (ITU-R BS.1770-4 Table 3)', () => {
  it('weights 1.41 for |azimuth| 60..120 below 30 degrees elevation, 1 elsewhere, 0 for LFE', () => {
    expect(loudnessWeightForPosition(30, 0)).toBe(1);
    expect(loudnessWeightForPosition(0, 0)).toBe(1);
    expect(loudnessWeightForPosition(110, 0)).toBe(1.41);
    expect(loudnessWeightForPosition(-90, 0)).toBe(1.41);
    expect(loudnessWeightForPosition(-135, 0)).toBe(1);
    expect(loudnessWeightForPosition(110, 30)).toBe(1);
    expect(loudnessWeightsForLayout(getLayout('0+5+0').channels)).toEqual([...SURROUND_5_1_WEIGHTS]);
    expect(loudnessWeightsForLayout(getLayout('4+7+0').channels)).toEqual([1, 1, 1, 0, 1.41, 1.41, 1, 1, 1, 1, 1, 1]);
  });
});
