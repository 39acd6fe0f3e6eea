/**
 * Changes the sample rate of a prepared (minimum-phase) HRTF set, e.g. to the session
 * rate when a scene is opened:
 *  1. each HRIR is resampled with zeros around it, so the band-limited resampler's pre-
 *     and post-ringing is kept (resampleResponses.ts) and the magnitude response is the
 *     original one up to the resampler's passband edge (20 kHz for 44.1 <-> 48 kHz);
 *  2. the result is no longer minimum-phase (the resampler's kernel is linear-phase, and
 *     the zeros delay it), so it is converted again by the folded real cepstrum
 *     (minimumPhase.ts);
 *  3. it is cut to the same duration, ceil(hrirLength toHz / fromHz) samples, plus the
 *     length of the half-Hann fade of truncation.ts, which is put after the old end so
 *     the old fade is not applied twice.
 * ITDs are in seconds and carry over unchanged.
 */
import type { HrtfSet } from '../../core/hrtfSet';
import { minimumPhaseHrirs, shortenHrirs } from './minimumPhaseHrirs';
import { resampleResponses } from './resampleResponses';
import { fadeLength } from './truncation';

export function resampleHrtfSet(set: HrtfSet, toHz: number): HrtfSet {
  if (toHz === set.sampleRateHz) return set;
  const { directionCount } = set;
  const left = resampleResponses(set.left, directionCount, set.hrirLength, set.sampleRateHz, toHz);
  const right = resampleResponses(set.right, directionCount, set.hrirLength, set.sampleRateHz, toHz);
  const durationLength = Math.ceil((set.hrirLength * toHz) / set.sampleRateHz);
  const fade = fadeLength(durationLength, toHz);
  const hrirLength = durationLength + fade;
  const minimum = minimumPhaseHrirs(left.responses, right.responses, directionCount, left.length, hrirLength);
  return {
    name: set.name,
    sampleRateHz: toHz,
    directionCount,
    hrirLength,
    azimuthDeg: set.azimuthDeg.slice(),
    elevationDeg: set.elevationDeg.slice(),
    left: shortenHrirs(minimum.left, directionCount, minimum.keptLength, hrirLength, fade),
    right: shortenHrirs(minimum.right, directionCount, minimum.keptLength, hrirLength, fade),
    itdSec: set.itdSec.slice(),
  };
}
