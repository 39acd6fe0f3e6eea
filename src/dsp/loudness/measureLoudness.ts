import { MONO_WEIGHTS, STEREO_WEIGHTS, SURROUND_5_0_WEIGHTS, SURROUND_5_1_WEIGHTS } from './channelWeights';
import { createLoudnessMeter, createLoudnessReading, processLoudnessMeter, readLoudnessMeter } from './loudnessMeter';
import type { LoudnessReading } from './loudnessMeter';
import { primeLoudnessMeter } from './loudnessSpans';
import type { SubBlockPowerLog } from './subBlockPowerLog';
import { flushTruePeak } from './truePeak';

/** Default weights by channel count: 1 mono, 2 stereo, 5 = L R C Ls Rs, 6 = 5.1 (L R C LFE Ls Rs); otherwise all 1. */
function defaultChannelWeights(channelCount: number): readonly number[] {
  if (channelCount === 1) return MONO_WEIGHTS;
  if (channelCount === 2) return STEREO_WEIGHTS;
  if (channelCount === 5) return SURROUND_5_0_WEIGHTS;
  if (channelCount === 6) return SURROUND_5_1_WEIGHTS;
  return new Array<number>(channelCount).fill(1);
}

interface LoudnessMeasurementOptions {
  /** Records the power of every complete sub-block (addSubBlockPowers replays them). */
  readonly subBlockPowers?: SubBlockPowerLog;
  /**
   * The samples just before `channels` in the programme, one array per channel, all of one
   * length (at least LOUDNESS_PRE_ROLL_SEC): a pre-roll that is not counted (primeLoudnessMeter).
   */
  readonly preRoll?: readonly Float32Array[];
  /**
   * The programme ends with `channels` (default true): the true peak includes the
   * interpolated tail after the last sample. False for a span that another follows (whose
   * pre-roll then measures this tail).
   */
  readonly endsProgramme?: boolean;
}

/**
 * Offline measurement of whole buffers (allocates; not for the audio thread): every
 * reading of a meter that has heard `channels` from start to end, the true peak including
 * the interpolated tail after the last sample. With options, one span of a longer
 * programme: its sub-block powers recorded, a pre-roll before it, no tail after it.
 */
export function measureLoudness(
  channels: readonly Float32Array[],
  sampleRateHz: number,
  channelWeights: readonly number[] = defaultChannelWeights(channels.length),
  options: LoudnessMeasurementOptions = {},
): LoudnessReading {
  const log = options.subBlockPowers;
  const meter = createLoudnessMeter(log === undefined ? { channelWeights } : { channelWeights, subBlockPowers: log }, sampleRateHz);
  if (options.preRoll !== undefined) primeLoudnessMeter(meter, options.preRoll, preRollLength(options.preRoll, channels.length));
  const length = channels.reduce((max, channel) => Math.max(max, channel.length), 0);
  const chunk = 8192;
  const views: Float32Array[] = [];
  for (let offset = 0; offset < length; offset += chunk) {
    const frames = Math.min(chunk, length - offset);
    views.length = 0;
    for (const channel of channels) views.push(channel.length >= offset + frames ? channel.subarray(offset, offset + frames) : padded(channel, offset, frames));
    processLoudnessMeter(meter, views, frames);
  }
  if (meter.truePeak !== null && options.endsProgramme !== false) flushTruePeak(meter.truePeak, new Float32Array(256), new Array<Float32Array>(channels.length));
  return readLoudnessMeter(meter, createLoudnessReading());
}

function preRollLength(preRoll: readonly Float32Array[], channelCount: number): number {
  if (preRoll.length !== channelCount) throw new RangeError(`measureLoudness: preRoll has ${preRoll.length} channels, expected ${channelCount} (one per channel)`);
  const length = preRoll[0]?.length ?? 0;
  if (preRoll.some((channel) => channel.length !== length)) throw new RangeError(`measureLoudness: preRoll channels must all have one length, got ${preRoll.map((c) => c.length).join(', ')}`);
  return length;
}

function padded(channel: Float32Array, offset: number, frames: number): Float32Array {
  const out = new Float32Array(frames);
  if (offset < channel.length) out.set(channel.subarray(offset));
  return out;
}
