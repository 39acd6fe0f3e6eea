/**
 * Loudspeaker labels (ITU-R BS.2051) to WAVE_FORMAT_EXTENSIBLE speaker bits (the
 * SPEAKER_* values of Microsoft's ksmedia.h), and the file order they give: a file's
 * channels are in the order of increasing bits, so in 7.1 (0+7+0) the back pair M+/-135
 * (BACK_LEFT 0x10, BACK_RIGHT 0x20) comes before the side pair M+/-090 (SIDE_LEFT 0x200,
 * SIDE_RIGHT 0x400). Labels WAVE has no bit for are written after the mapped channels,
 * outside the mask. The 5.1 surrounds M+/-110 take the SIDE bits (KSAUDIO_SPEAKER_5POINT1_SURROUND,
 * mask 0x60F), as src/core/data/README.md explains. The tests check, for every layout,
 * that the bits of its labels OR to the channelMask its data file states.
 */
const SPEAKER_BIT_BY_LABEL: Readonly<Record<string, number>> = {
  'M+030': 0x1,
  'M-030': 0x2,
  'M+000': 0x4,
  LFE1: 0x8,
  'M+135': 0x10,
  'M-135': 0x20,
  'M+110': 0x200,
  'M-110': 0x400,
  'M+090': 0x200,
  'M-090': 0x400,
  'M+180': 0x100,
  'T+000': 0x800,
  'U+000': 0x2000,
  'U+180': 0x10000,
  'U+030': 0x1000,
  'U+045': 0x1000,
  'U-030': 0x4000,
  'U-045': 0x4000,
  'U+110': 0x8000,
  'U+135': 0x8000,
  'U-110': 0x20000,
  'U-135': 0x20000,
};

/** The SPEAKER_* bit of a BS.2051 loudspeaker label, or undefined for one WAVE has no bit for. */
function speakerBit(label: string): number | undefined {
  return SPEAKER_BIT_BY_LABEL[label];
}

/**
 * The SPEAKER_* bit each label takes in a file: a label's bit unless an earlier label
 * took it already (M+110 and M+090 share SIDE_LEFT), else undefined: such a channel is
 * not in the mask and follows the mapped ones (Microsoft: channels beyond the mask's bits
 * go to no particular loudspeaker).
 */
function claimedBits(labels: readonly string[]): (number | undefined)[] {
  const taken = new Set<number>();
  return labels.map((label) => {
    const bit = speakerBit(label);
    if (bit === undefined || taken.has(bit)) return undefined;
    taken.add(bit);
    return bit;
  });
}

/**
 * The file order of loudspeakers given by their labels: order[k] is the index (into
 * `labels`) of the file's k-th channel: first the labels with a speaker bit by increasing
 * bit, then those without one (e.g. 9+10+3's M+/-060, LFE2, B+000) in their given order.
 */
export function speakerFileOrder(labels: readonly string[]): number[] {
  const bits = claimedBits(labels);
  const indices = labels.map((_, i) => i);
  const mapped = indices.filter((i) => bits[i] !== undefined).sort((a, b) => bits[a]! - bits[b]!);
  return [...mapped, ...indices.filter((i) => bits[i] === undefined)];
}

/** The OR of the bits the labels take in a file (claimedBits). */
export function speakerMask(labels: readonly string[]): number {
  return claimedBits(labels).reduce<number>((mask, bit) => mask | (bit ?? 0), 0);
}
