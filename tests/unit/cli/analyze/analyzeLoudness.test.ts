import { describe, expect, it } from 'vitest';
import { measureProgrammeLoudness } from '../../../../src/cli/analyze/analyzeLoudness';
import { LOUDNESS_FLOOR, createLoudnessMeter, processLoudnessMeter } from '../../../../src/dsp/loudness/loudnessMeter';
import { measureLoudness } from '../../../../src/dsp/loudness/measureLoudness';
import { getLoudnessTarget } from '../../../../src/core/loudnessTargets';
import { toneSequence } from '../../dsp/loudness/toneSequence';

const FS = 48_000;
/** EBU Tech 3341 Table 1 tolerance. */
const LOUDNESS_TOLERANCE_LU = 0.1;

describe('measureProgrammeLoudness', () => {
  // EBU Tech 3341 case 1 for 10.05 s (the last 50 ms an incomplete sub-block), then 2 s of silence.
  const tone = toneSequence([{ levelDbfs: -23, durationSec: 10.05 }, { levelDbfs: -Infinity, durationSec: 2 }], FS);
  const channels = [tone, tone];
  const figures = measureProgrammeLoudness(channels, FS, [1, 1], getLoudnessTarget('ebu-r128'));

  it('gives the figures of measureLoudness (exact) and the distance to the target: I = -23.0 +-0.1 LUFS on the R 128 target', () => {
    const reading = measureLoudness(channels, FS, [1, 1]);
    expect([figures.integratedLufs, figures.loudnessRangeLu, figures.maxMomentaryLufs, figures.maxShortTermLufs, figures.truePeakDbtp, figures.samplePeakDbfs]).toEqual([
      reading.integratedLufs,
      reading.loudnessRangeLu,
      reading.maxMomentaryLufs,
      reading.maxShortTermLufs,
      reading.truePeakDbtp,
      reading.samplePeakDbfs,
    ]);
    expect(Math.abs(figures.integratedLufs + 23)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    expect(Math.abs(figures.distance.loudnessOffsetLu)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    expect(figures.distance.loudnessWithinTolerance).toBe(true);
  });

  it('reads M and S at the end of every complete 100 ms sub-block, as a streaming meter does (exact), from the silence before the start', () => {
    const timeline = figures.timeline;
    expect(timeline.stepSec).toBe(0.1);
    expect(timeline.momentaryLufs).toHaveLength(120);
    expect(timeline.shortTermLufs).toHaveLength(120);
    const meter = createLoudnessMeter({ channelWeights: [1, 1], truePeak: false }, FS);
    for (let i = 0; i < 120; i++) {
      processLoudnessMeter(meter, channels.map((c) => c.subarray(i * 4800, (i + 1) * 4800)), 4800);
      expect(timeline.momentaryLufs[i]).toBe(meter.momentaryLufs);
      expect(timeline.shortTermLufs[i]).toBe(meter.shortTermLufs);
    }
    // A steady tone from t = 0: M after 100 ms holds one of its four sub-blocks, -23 - 6.02 (0.1 LU);
    // S from 3 s on and M from 400 ms on read -23; 1 s into the silence both read the floor.
    expect(Math.abs(timeline.momentaryLufs[0]! - (-23 + 10 * Math.log10(1 / 4)))).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    expect(Math.abs(timeline.momentaryLufs[3]! + 23)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    expect(Math.abs(timeline.shortTermLufs[29]! + 23)).toBeLessThan(LOUDNESS_TOLERANCE_LU);
    expect(timeline.momentaryLufs[110]).toBe(LOUDNESS_FLOOR);
  });
});
