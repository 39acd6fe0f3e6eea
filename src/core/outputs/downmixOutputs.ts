import { monoLawGain } from '../monoLaw';
import type { MonoLaw } from '../monoLaw';
import type { Decibels } from '../units';
import type { DownmixOutput, OutputDefinition } from './outputDefinition';
import { speakerFileOrder, speakerMask } from './speakerMask';

/**
 * The channel downmixes: 7.1.4 (or any layout of the labels below) -> 5.1 -> 2.0 (Lo/Ro, or
 * Lt/Rt matrix-encoded) -> 1.0, each a downmix of the previous one (DESIGN.md section 2,
 * "Downmixes", for the sources of every coefficient).
 *
 * 5.1 fold (FOLD_TO_5_1):
 * - side and back pairs: Ls = Lss + Lrs, Rs = Rss + Rrs, both at 0 dB: IAMF (AOMedia,
 *   Immersive Audio Model and Formats v1, Annex A2.2 "S7to5": Ls5 = alpha Lss7 + beta Lrs7)
 *   with its first down-mix mode's alpha = beta = 1 (dmixp_mode 0, "Demixing Info Parameter
 *   Data Syntax and Semantics").
 * - top layer: each top loudspeaker into the ear-level one on its side and half (front
 *   tops into L/R, back tops into Ls/Rs) at -3 dB (0.7071). No standard tabulates this
 *   fold as a matrix (IAMF may drop the tops; Dolby's renderer folds them with its
 *   height trims); -3 dB is BS.775's level for a channel folded into a neighbour.
 * - LFE kept as LFE; L, R, C, Ls, Rs as they are.
 * Lo/Ro (ATSC A/52 section 7.8.2, its ETSI twin TS 102 366, and Annex E's
 * lorocmixlev/lorosurmixlev): Lo = L + c C + s Ls, Ro = R + c C + s Rs, with c and s
 * from -6 to +3 dB in 1.5 dB steps (E-AC-3's centre levels are +3 to -6 dB in these
 * steps; its surround levels stop at -1.5 dB: the studio allows the centre's range for
 * both, a superset of the encoders'); default -3 dB each (as
 * ITU-R BS.775's 3/2 -> 2/0 down-mixing equations: 0.71 C, 0.71 Ls).
 * Lt/Rt (A/52 section 7.8.2, Annex E's ltrtcmixlev/ltrtsurmixlev):
 *   Lt = L + c C - s (Ls + Rs),   Rt = R + c C + s (Ls + Rs),
 * with the surround sum shifted 90 degrees behind the front channels by an all-pass
 * network (the Dolby Surround encoder's phase shift, so a Pro Logic decoder steers it
 * to the surround): DownmixOutput.quadrature.
 * LFE: dropped from every stereo and mono downmix (A/52 section 7.8: the LFE is not
 * included in a two-channel downmix; BS.775's equations leave it out too).
 * Mono: (Lo + Ro) g, g by the mono law (core/monoLaw.ts).
 */

/** The mix levels a stereo downmix offers: -6 to +3 dB in 1.5 dB steps. */
export const DOWNMIX_LEVELS_DB: readonly Decibels[] = [-6, -4.5, -3, -1.5, 0, 1.5, 3];

/** Centre and surround levels of a stereo downmix. */
export interface StereoDownmixLevels {
  readonly centreDb: Decibels;
  readonly surroundDb: Decibels;
}

export const DEFAULT_DOWNMIX_LEVELS: StereoDownmixLevels = { centreDb: -3, surroundDb: -3 };

export function isDownmixLevel(levelDb: number): boolean {
  return DOWNMIX_LEVELS_DB.includes(levelDb);
}

/** -3 dB, the gain of a top loudspeaker folded into the ear-level one beneath it. */
const TOP_FOLD_GAIN = Math.SQRT1_2;

/** Where each loudspeaker goes in a 5.1 fold: target label and gain. */
const FOLD_TO_5_1: Readonly<Record<string, readonly [string, number]>> = {
  'M+030': ['M+030', 1],
  'M-030': ['M-030', 1],
  'M+000': ['M+000', 1],
  LFE1: ['LFE1', 1],
  'M+110': ['M+110', 1],
  'M-110': ['M-110', 1],
  'M+090': ['M+110', 1],
  'M-090': ['M-110', 1],
  'M+135': ['M+110', 1],
  'M-135': ['M-110', 1],
  'U+030': ['M+030', TOP_FOLD_GAIN],
  'U-030': ['M-030', TOP_FOLD_GAIN],
  'U+045': ['M+030', TOP_FOLD_GAIN],
  'U-045': ['M-030', TOP_FOLD_GAIN],
  'U+110': ['M+110', TOP_FOLD_GAIN],
  'U-110': ['M-110', TOP_FOLD_GAIN],
  'U+135': ['M+110', TOP_FOLD_GAIN],
  'U-135': ['M-110', TOP_FOLD_GAIN],
};

const FIVE_ONE_LABELS = ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'] as const;
const STEREO_LABELS = ['M+030', 'M-030'] as const;

/** Index of each of `labels` among `from`'s channels; throws naming the output and the label missing. */
function channelIndices(from: OutputDefinition, labels: readonly string[], what: string): number[] {
  return labels.map((label) => {
    const index = from.channels.findIndex((channel) => channel.label === label);
    if (index < 0) throw new RangeError(`${what} needs a ${label} channel; "${from.id}" has ${from.channels.map((c) => c.label).join(' ')}`);
    return index;
  });
}

function loudspeakerChannels(labels: readonly string[]): Pick<DownmixOutput, 'channels' | 'fileOrder' | 'channelMask'> {
  return {
    channels: labels.map((label) => ({ label, isLfe: label.startsWith('LFE') })),
    fileOrder: speakerFileOrder(labels),
    channelMask: speakerMask(labels),
  };
}

/** 5.1 (0+5+0) folded from `from`, whose loudspeakers must all be in FOLD_TO_5_1. */
export function foldTo51(from: OutputDefinition, id: string): DownmixOutput {
  const matrix = FIVE_ONE_LABELS.map(() => from.channels.map(() => 0));
  from.channels.forEach((channel, k) => {
    const fold = FOLD_TO_5_1[channel.label];
    if (fold === undefined) throw new RangeError(`the 5.1 fold has no rule for loudspeaker ${channel.label} of "${from.id}"`);
    matrix[FIVE_ONE_LABELS.indexOf(fold[0] as (typeof FIVE_ONE_LABELS)[number])]![k] = fold[1];
  });
  return { kind: 'downmix', id, displayName: `5.1 from ${from.displayName}`, ...loudspeakerChannels(FIVE_ONE_LABELS), from, matrix };
}

function levelGains(levels: StereoDownmixLevels): { c: number; s: number } {
  for (const [what, level] of [['centre', levels.centreDb], ['surround', levels.surroundDb]] as const) {
    if (!isDownmixLevel(level)) throw new RangeError(`downmix ${what} level ${level} dB: expected one of ${DOWNMIX_LEVELS_DB.join(', ')} dB`);
  }
  return { c: levelGain(levels.centreDb), s: levelGain(levels.surroundDb) };
}

/**
 * A mix level's gain as A/52 and E-AC-3 define it: 2^(level / 6 dB), so -3 dB is exactly
 * 1/sqrt 2 (A/52's 0.707), -6 dB 1/2 and +3 dB sqrt 2 (E-AC-3's 1.414), 1.5 dB steps the
 * fourth root of 2 (1.189, 0.841, 0.595): within 0.01 dB of 10^(level/20).
 */
export function levelGain(levelDb: Decibels): number {
  return Math.pow(2, levelDb / 6);
}

function levelsText(levels: StereoDownmixLevels): string {
  return `centre ${levels.centreDb} dB, surround ${levels.surroundDb} dB`;
}

/** Lo/Ro of a 5.1 output `from` (A/52 7.8.2): the LFE dropped. */
export function loRoDownmix(from: OutputDefinition, id: string, levels: StereoDownmixLevels): DownmixOutput {
  const [l, r, centre, , ls, rs] = channelIndices(from, FIVE_ONE_LABELS, 'a Lo/Ro downmix') as [number, number, number, number, number, number];
  const { c, s } = levelGains(levels);
  const row = (front: number, surround: number): number[] =>
    from.channels.map((_, k) => (k === front ? 1 : k === centre ? c : k === surround ? s : 0));
  return {
    kind: 'downmix',
    id,
    displayName: `Lo/Ro from ${from.displayName} (${levelsText(levels)})`,
    ...loudspeakerChannels(STEREO_LABELS),
    from,
    matrix: [row(l, ls), row(r, rs)],
  };
}

/** Lt/Rt of a 5.1 output `from` (A/52 7.8.2), the surround sum 90 degrees behind the fronts; the LFE dropped. */
export function ltRtDownmix(from: OutputDefinition, id: string, levels: StereoDownmixLevels): DownmixOutput {
  const [l, r, centre, , ls, rs] = channelIndices(from, FIVE_ONE_LABELS, 'an Lt/Rt downmix') as [number, number, number, number, number, number];
  const { c, s } = levelGains(levels);
  const row = (front: number): number[] => from.channels.map((_, k) => (k === front ? 1 : k === centre ? c : 0));
  return {
    kind: 'downmix',
    id,
    displayName: `Lt/Rt from ${from.displayName} (${levelsText(levels)}, surrounds 90 degrees behind)`,
    ...loudspeakerChannels(STEREO_LABELS),
    from,
    matrix: [row(l), row(r)],
    quadrature: { sumGains: from.channels.map((_, k) => (k === ls || k === rs ? 1 : 0)), outputGains: [-s, s] },
  };
}

/** Mono: a two-channel output's channels summed with the mono law's gain, as one centre channel. */
export function monoDownmix(stereo: OutputDefinition, id: string, law: MonoLaw): DownmixOutput {
  if (stereo.channels.length !== 2) throw new RangeError(`the mono downmix takes a two-channel output, "${stereo.id}" has ${stereo.channels.length}`);
  const gain = monoLawGain(law);
  return {
    kind: 'downmix',
    id,
    displayName: id === 'mono' ? `Mono (${law})` : `Mono (${law}) from ${stereo.displayName}`,
    ...loudspeakerChannels(['M+000']),
    from: stereo,
    matrix: [[gain, gain]],
  };
}
