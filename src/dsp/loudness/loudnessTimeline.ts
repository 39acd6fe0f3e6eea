import { MONO_WEIGHTS } from './channelWeights';
import { createLoudnessMeter } from './loudnessMeter';
import { addSubBlockPower } from './loudnessSpans';

/** Momentary and short-term loudness read every `stepSec` (the meter's 100 ms sub-block), LUFS (floor -150). */
export interface LoudnessTimeline {
  readonly stepSec: number;
  readonly momentaryLufs: readonly number[];
  readonly shortTermLufs: readonly number[];
}

/**
 * The loudness over time of a programme from its sub-block powers (a meter's
 * subBlockPowers log, or the concatenated logs of its spans): what a meter that heard it
 * reads at the end of each complete sub-block. The powers go through a fresh meter by
 * addSubBlockPower, the path the audio's sub-blocks take.
 */
export function loudnessTimeline(powers: ArrayLike<number>, sampleRateHz: number): LoudnessTimeline {
  const meter = createLoudnessMeter({ channelWeights: MONO_WEIGHTS, truePeak: false }, sampleRateHz);
  const momentaryLufs: number[] = [];
  const shortTermLufs: number[] = [];
  for (let i = 0; i < powers.length; i++) {
    addSubBlockPower(meter, powers[i]!);
    momentaryLufs.push(meter.momentaryLufs);
    shortTermLufs.push(meter.shortTermLufs);
  }
  return { stepSec: meter.subBlockFrames / sampleRateHz, momentaryLufs, shortTermLufs };
}
