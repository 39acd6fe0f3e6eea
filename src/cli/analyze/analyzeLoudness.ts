import { MONO_WEIGHTS } from '../../dsp/loudness/channelWeights';
import { createLoudnessMeter, createLoudnessReading, readLoudnessMeter, subBlockLength } from '../../dsp/loudness/loudnessMeter';
import type { LoudnessReading } from '../../dsp/loudness/loudnessMeter';
import { addSubBlockPowers, mergeLoudnessPeaks } from '../../dsp/loudness/loudnessSpans';
import { distanceToTarget } from '../../core/loudnessTargets';
import type { LoudnessDistance, LoudnessTarget } from '../../core/loudnessTargets';
import { loudnessTimeline } from '../../dsp/loudness/loudnessTimeline';
import type { LoudnessTimeline } from '../../dsp/loudness/loudnessTimeline';
import { measureLoudness } from '../../dsp/loudness/measureLoudness';
import { createSubBlockPowerLog, subBlockPowers } from '../../dsp/loudness/subBlockPowerLog';

/** BS.1770-4 / EBU R 128 figures of one programme, with its distance to the target and its loudness over time. */
export interface LoudnessFigures {
  readonly integratedLufs: number;
  readonly loudnessRangeLu: number;
  readonly maxMomentaryLufs: number;
  readonly maxShortTermLufs: number;
  readonly truePeakDbtp: number;
  readonly samplePeakDbfs: number;
  readonly distance: LoudnessDistance;
  readonly timeline: LoudnessTimeline;
}

/**
 * The figures of measureLoudness for a whole programme (channels of one length, weighted
 * by `channelWeights`, LFE 0), its distance to `target`, and the momentary and short-term
 * loudness at the end of every 100 ms sub-block, from the sub-block powers it recorded.
 */
export function measureProgrammeLoudness(
  channels: readonly Float32Array[],
  sampleRateHz: number,
  channelWeights: readonly number[],
  target: LoudnessTarget,
): LoudnessFigures {
  const length = channels[0]?.length ?? 0;
  const powers = createSubBlockPowerLog(Math.floor(length / subBlockLength(sampleRateHz)));
  const reading = measureLoudness(channels, sampleRateHz, channelWeights, { subBlockPowers: powers });
  return loudnessFigures(reading, subBlockPowers(powers), sampleRateHz, target);
}

/**
 * The same figures from a programme's sub-block powers and peaks (measured elsewhere, e.g.
 * by the spans of a scene's analysis, spanLoudness.ts): the powers replayed through a
 * fresh meter give every reading exactly as the meter that heard the audio.
 */
export function loudnessFiguresFromPowers(
  powers: ArrayLike<number>,
  peaks: { readonly truePeakDbtp: number; readonly samplePeakDbfs: number },
  sampleRateHz: number,
  target: LoudnessTarget,
): LoudnessFigures {
  const meter = createLoudnessMeter({ channelWeights: MONO_WEIGHTS }, sampleRateHz);
  addSubBlockPowers(meter, powers);
  mergeLoudnessPeaks(meter, peaks);
  return loudnessFigures(readLoudnessMeter(meter, createLoudnessReading()), powers, sampleRateHz, target);
}

function loudnessFigures(reading: LoudnessReading, powers: ArrayLike<number>, sampleRateHz: number, target: LoudnessTarget): LoudnessFigures {
  return {
    integratedLufs: reading.integratedLufs,
    loudnessRangeLu: reading.loudnessRangeLu,
    maxMomentaryLufs: reading.maxMomentaryLufs,
    maxShortTermLufs: reading.maxShortTermLufs,
    truePeakDbtp: reading.truePeakDbtp,
    samplePeakDbfs: reading.samplePeakDbfs,
    distance: distanceToTarget(reading.integratedLufs, reading.truePeakDbtp, target),
    timeline: loudnessTimeline(powers, sampleRateHz),
  };
}
