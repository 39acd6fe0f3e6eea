import {
  createLoudnessMeter,
  createLoudnessReading,
  processLoudnessMeter,
  readLoudnessMeter,
} from '../dsp/loudness/loudnessMeter';
import { flushTruePeak } from '../dsp/loudness/truePeak';
import { distanceToTarget } from '../dsp/loudness/loudnessTargets';
import type { LoudnessDistance, LoudnessTarget } from '../dsp/loudness/loudnessTargets';

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

/** Momentary and short-term loudness read every `stepSec` (the meter's 100 ms sub-block), LUFS (floor -150). */
export interface LoudnessTimeline {
  readonly stepSec: number;
  readonly momentaryLufs: readonly number[];
  readonly shortTermLufs: readonly number[];
}

/**
 * Runs one BS.1770 meter over the whole programme (channels of one length, weighted by
 * `channelWeights`, LFE 0), reading momentary and short-term loudness at the end of every
 * 100 ms sub-block; the end figures are those of measureLoudness (true peak including
 * the interpolated tail).
 */
export function measureProgrammeLoudness(
  channels: readonly Float32Array[],
  sampleRateHz: number,
  channelWeights: readonly number[],
  target: LoudnessTarget,
): LoudnessFigures {
  const meter = createLoudnessMeter({ channelWeights }, sampleRateHz);
  const length = channels[0]?.length ?? 0;
  const step = meter.subBlockFrames;
  const momentaryLufs: number[] = [];
  const shortTermLufs: number[] = [];
  for (let offset = 0; offset < length; offset += step) {
    const frames = Math.min(step, length - offset);
    processLoudnessMeter(meter, channels.map((channel) => channel.subarray(offset, offset + frames)), frames);
    if (frames === step) {
      momentaryLufs.push(meter.momentaryLufs);
      shortTermLufs.push(meter.shortTermLufs);
    }
  }
  if (meter.truePeak !== null) flushTruePeak(meter.truePeak, new Float32Array(256), new Array<Float32Array>(channels.length));
  const reading = readLoudnessMeter(meter, createLoudnessReading());
  return {
    integratedLufs: reading.integratedLufs,
    loudnessRangeLu: reading.loudnessRangeLu,
    maxMomentaryLufs: reading.maxMomentaryLufs,
    maxShortTermLufs: reading.maxShortTermLufs,
    truePeakDbtp: reading.truePeakDbtp,
    samplePeakDbfs: reading.samplePeakDbfs,
    distance: distanceToTarget(reading.integratedLufs, reading.truePeakDbtp, target),
    timeline: { stepSec: step / sampleRateHz, momentaryLufs, shortTermLufs },
  };
}
