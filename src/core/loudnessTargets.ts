/**
 * Delivery targets for integrated loudness and true peak, and the distance of a
 * measurement from one.
 *
 * - EBU R 128 (2020): programme loudness -23.0 LUFS, deviation generally within +-0.5 LU
 *   (+-1 LU for live programmes), maximum true peak -1 dBTP.
 * - Streaming: -14 LUFS, -1 dBTP, the reference level of the large music services
 *   (Spotify's default normalisation, YouTube).
 * - Apple Music: Sound Check normalises to -16 LUFS; -1 dBTP.
 * - Dolby Atmos music, binaural render: -18 LKFS integrated, -1 dBTP (Dolby's Atmos music
 *   delivery recommendation).
 * - Podcast: -16 LUFS (+-1 LU), -1 dBTP (Apple Podcasts' published recommendation).
 * Tolerances other than R 128's are the customary +-1 LU.
 */
export interface LoudnessTarget {
  readonly id: LoudnessTargetId;
  readonly name: string;
  readonly integratedLufs: number;
  /** Permitted deviation of the integrated loudness, LU. */
  readonly toleranceLu: number;
  readonly maxTruePeakDbtp: number;
}

export type LoudnessTargetId = 'ebu-r128' | 'streaming' | 'apple-music' | 'atmos-binaural' | 'podcast';

export const LOUDNESS_TARGETS: readonly LoudnessTarget[] = [
  { id: 'ebu-r128', name: 'EBU R 128 broadcast', integratedLufs: -23, toleranceLu: 0.5, maxTruePeakDbtp: -1 },
  { id: 'streaming', name: 'Streaming (-14 LUFS)', integratedLufs: -14, toleranceLu: 1, maxTruePeakDbtp: -1 },
  { id: 'apple-music', name: 'Apple Music', integratedLufs: -16, toleranceLu: 1, maxTruePeakDbtp: -1 },
  { id: 'atmos-binaural', name: 'Dolby Atmos music (binaural)', integratedLufs: -18, toleranceLu: 1, maxTruePeakDbtp: -1 },
  { id: 'podcast', name: 'Podcast', integratedLufs: -16, toleranceLu: 1, maxTruePeakDbtp: -1 },
];

export function getLoudnessTarget(id: LoudnessTargetId): LoudnessTarget {
  const target = LOUDNESS_TARGETS.find((t) => t.id === id);
  if (target === undefined) throw new RangeError(`no loudness target "${id}"`);
  return target;
}

export interface LoudnessDistance {
  /** integrated - target, LU: positive when too loud. */
  readonly loudnessOffsetLu: number;
  /** Gain that would bring the integrated loudness onto the target, dB (= -loudnessOffsetLu). */
  readonly gainToTargetDb: number;
  /** True peak after applying gainToTargetDb, dBTP (a static gain moves the true peak by the same dB). */
  readonly truePeakAfterGainDbtp: number;
  /** maxTruePeak - truePeak as measured, dB: negative when the ceiling is already exceeded. */
  readonly truePeakMarginDb: number;
  /** The largest gain that keeps the true peak at or below the ceiling, dB. */
  readonly maxGainForTruePeakDb: number;
  /** Integrated loudness within the tolerance. */
  readonly loudnessWithinTolerance: boolean;
  /** True peak at or below the ceiling. */
  readonly truePeakWithinLimit: boolean;
  /** Reaching the target by gain alone would push the true peak over the ceiling (a limiter is needed). */
  readonly needsLimiting: boolean;
}

/**
 * How far a measurement is from `target`. Pure arithmetic on the readings: a static gain
 * of G dB moves integrated loudness and true peak by G. Inputs at the meters' -150 floor
 * (silence) give a gain that is large but finite.
 */
export function distanceToTarget(integratedLufs: number, truePeakDbtp: number, target: LoudnessTarget): LoudnessDistance {
  const loudnessOffsetLu = integratedLufs - target.integratedLufs;
  const gainToTargetDb = -loudnessOffsetLu;
  const truePeakAfterGainDbtp = truePeakDbtp + gainToTargetDb;
  const maxGainForTruePeakDb = target.maxTruePeakDbtp - truePeakDbtp;
  return {
    loudnessOffsetLu,
    gainToTargetDb,
    truePeakAfterGainDbtp,
    truePeakMarginDb: maxGainForTruePeakDb,
    maxGainForTruePeakDb,
    loudnessWithinTolerance: Math.abs(loudnessOffsetLu) <= target.toleranceLu,
    truePeakWithinLimit: truePeakDbtp <= target.maxTruePeakDbtp,
    needsLimiting: truePeakAfterGainDbtp > target.maxTruePeakDbtp,
  };
}
