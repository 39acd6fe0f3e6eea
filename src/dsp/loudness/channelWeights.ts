import type { LayoutChannel } from '../../core/layouts';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import type { Degrees } from '../../core/units';

/**
 * Channel weights G_i of ITU-R BS.1770-4 (Annex 1, Table 3, position-dependent weights):
 *   G = 1.41 (+1.5 dB) for a loudspeaker with |elevation| < 30 degrees and
 *        60 <= |azimuth| <= 120 degrees,
 *   G = 1.0 otherwise,
 * and the LFE channel is left out (G = 0). For 5.1 that is L, R, C: 1.0; Ls, Rs (+-110):
 * 1.41; LFE excluded. For 7.1.4: the side surrounds (+-90) 1.41, the rear surrounds
 * (+-135) and every height channel (elevation 30 and up) 1.0.
 */
export const SURROUND_WEIGHT = 1.41;

export function loudnessWeightForPosition(azimuthDeg: Degrees, elevationDeg: Degrees): number {
  const azimuth = Math.abs(((((azimuthDeg + 180) % 360) + 360) % 360) - 180);
  return Math.abs(elevationDeg) < 30 && azimuth >= 60 && azimuth <= 120 ? SURROUND_WEIGHT : 1;
}

/** Weights for the channels of a loudspeaker layout, in its channel order (LFE: 0). */
export function loudnessWeightsForLayout(channels: readonly LayoutChannel[]): number[] {
  return channels.map((channel) => (channel.isLfe ? 0 : loudnessWeightForPosition(channel.azimuthDeg, channel.elevationDeg)));
}

/** Mono and stereo programmes: every channel weighted 1. */
export const MONO_WEIGHTS: readonly number[] = [1];
export const STEREO_WEIGHTS: readonly number[] = [1, 1];
/** 5.1 in file order L R C LFE Ls Rs. */
export const SURROUND_5_1_WEIGHTS: readonly number[] = [1, 1, 1, 0, SURROUND_WEIGHT, SURROUND_WEIGHT];
/** 5.0 in the order L R C Ls Rs (the EBU loudness test set's 5-channel files). */
export const SURROUND_5_0_WEIGHTS: readonly number[] = [1, 1, 1, SURROUND_WEIGHT, SURROUND_WEIGHT];

/**
 * Weights for the channels of an output (core/outputs), in its channel order: the ears
 * of a binaural output 1 each (BS.1770 measures headphone programmes as stereo); a
 * loudspeaker or downmix channel by its BS.2051 label's nominal position (layer M at
 * elevation 0, U at +30, B at -30, T at +90; LFE 0).
 */
export function loudnessWeightsForOutput(output: OutputDefinition): number[] {
  if (output.kind === 'binaural' || output.kind === 'layoutBinaural') return output.channels.map(() => 1);
  return output.channels.map((channel) => (channel.isLfe ? 0 : weightForLabel(channel.label)));
}

const LAYER_ELEVATION_DEG: Readonly<Record<string, number>> = { M: 0, U: 30, B: -30, T: 90 };

function weightForLabel(label: string): number {
  const match = /^([MUBT])([+-]\d{3})$/.exec(label);
  if (match === null) return 1;
  return loudnessWeightForPosition(Number(match[2]), LAYER_ELEVATION_DEG[match[1]!]!);
}
