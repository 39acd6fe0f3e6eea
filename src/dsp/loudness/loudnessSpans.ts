import { accumulateKWeightedSquares, pushSubBlockPower } from './loudnessMeter';
import type { LoudnessMeter, LoudnessReading } from './loudnessMeter';
import { holdPeakReadings, mergeTruePeakMeter, primeTruePeak } from './truePeak';

/**
 * A programme measured in spans, one loudness meter (loudnessMeter.ts) per span, and the
 * spans merged into the figures of the whole.
 *
 * A meter records the power z of each sub-block as it completes (config subBlockPowers),
 * and a sequence of them fed into a meter (addSubBlockPowers) leaves it exactly as the
 * audio would have (M, S, their maxima, I, LRA: the same code path); peaks merge by max
 * (mergeLoudnessPeaks). A programme cut at sub-block boundaries into spans measured apart
 * therefore merges into the figures of the whole when each span after the first has
 * first heard at least LOUDNESS_PRE_ROLL_SEC of the samples before it as a pre-roll
 * (primeLoudnessMeter: filters and true-peak interpolator only, nothing counted) and only
 * the last span flushes the true peak (the next span's interpolator covers a span's tail).
 */

/**
 * Pre-roll that settles the K-weighting before a span. Its slowest poles (the RLB
 * high-pass, 4.2 ms time constant at any rate) leave less than 1e-16 of a unit impulse in
 * the filter state after 0.15 s, so after 0.3 s the state differs from that of a meter
 * that heard the whole programme by about 1e-30 of the pre-roll's level: far below
 * rounding (measured: spans of a noise programme rich in low frequencies, cut anywhere,
 * give sub-block powers bit-identical to the whole's). The true-peak interpolator needs
 * only its last 24 samples.
 */
export const LOUDNESS_PRE_ROLL_SEC = 0.3;

/**
 * Pre-roll: runs `frames` samples that come before the measured ones through the
 * K-weighting filters and the true-peak interpolator only; they count in no sub-block,
 * window or peak. A span that starts inside a programme, given at least
 * LOUDNESS_PRE_ROLL_SEC of the samples before it, then measures as a meter that heard the
 * programme from its start (its windows are joined to the earlier spans' by
 * addSubBlockPowers). Only between sub-blocks. Allocation-free.
 */
export function primeLoudnessMeter(meter: LoudnessMeter, channels: readonly Float32Array[], frames: number): void {
  requireSubBlockBoundary(meter, 'a pre-roll');
  accumulateKWeightedSquares(meter, channels, 0, frames);
  meter.channelSums.fill(0);
  if (meter.truePeak !== null) primeTruePeak(meter.truePeak, channels, frames);
}

function requireSubBlockBoundary(meter: LoudnessMeter, what: string): void {
  if (meter.subBlockFill !== 0) {
    throw new RangeError(`loudness meter: ${what} must come between sub-blocks, but ${meter.subBlockFill} of a sub-block's ${meter.subBlockFrames} samples are in progress`);
  }
}

function requireSubBlockPower(power: number, where: string): void {
  if (!(power >= 0 && power < Infinity)) throw new RangeError(`loudness meter: sub-block power${where} must be a finite number >= 0, got ${power}`);
}

/**
 * Feeds one sub-block power z (as recorded by a meter's subBlockPowers log) into `meter`,
 * exactly as if the sub-block's audio had completed in it. Only between sub-blocks.
 */
export function addSubBlockPower(meter: LoudnessMeter, power: number): void {
  requireSubBlockBoundary(meter, 'sub-block powers');
  requireSubBlockPower(power, '');
  pushSubBlockPower(meter, power);
}

/**
 * Feeds a sequence of sub-block powers into `meter`, in order (addSubBlockPower); all are
 * checked before any is added. A fresh meter fed the powers of a programme reads M, S,
 * their maxima, I and LRA exactly as the meter that heard it; the concatenated powers of
 * consecutive spans give those of the whole.
 */
export function addSubBlockPowers(meter: LoudnessMeter, powers: ArrayLike<number>): void {
  requireSubBlockBoundary(meter, 'sub-block powers');
  for (let i = 0; i < powers.length; i++) requireSubBlockPower(powers[i]!, ` ${i}`);
  for (let i = 0; i < powers.length; i++) pushSubBlockPower(meter, powers[i]!);
}

/** Peak levels as read: a LoudnessReading, or the numbers a span reports. */
type PeakReadings = Pick<LoudnessReading, 'truePeakDbtp' | 'samplePeakDbfs'>;

/**
 * Merges peaks into `meter` (which must measure true peak) by max: those of another meter
 * of as many channels (per channel, exact), or peak readings in dBTP / dBFS (held as the
 * programme's peaks; exact to the dB-linear round trip, about 1e-14 dB).
 */
export function mergeLoudnessPeaks(meter: LoudnessMeter, from: LoudnessMeter | PeakReadings): void {
  if (meter.truePeak === null) throw new RangeError('loudness meter: created with truePeak: false, it holds no peaks to merge into');
  if ('truePeakDbtp' in from) {
    holdPeakReadings(meter.truePeak, from.truePeakDbtp, from.samplePeakDbfs);
  } else {
    if (from.truePeak === null) throw new RangeError('loudness meter: the meter to merge peaks from was created with truePeak: false');
    mergeTruePeakMeter(meter.truePeak, from.truePeak);
  }
}
