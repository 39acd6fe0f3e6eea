/**
 * Loudspeaker labels (ITU-R BS.2051) to WAVE_FORMAT_EXTENSIBLE speaker bits (the
 * SPEAKER_* values of Microsoft's ksmedia.h), and the file order they give: a file's
 * channels are in the order of increasing bits, so in 7.1 (0+7+0) the back pair M+/-135
 * (BACK_LEFT 0x10, BACK_RIGHT 0x20) comes before the side pair M+/-090 (SIDE_LEFT 0x200,
 * SIDE_RIGHT 0x400). The 5.1 surrounds M+/-110 take the SIDE bits (KSAUDIO_SPEAKER_5POINT1_SURROUND,
 * mask 0x60F), as src/core/data/README.md explains; the 7.1.2 heights U+/-090 take the
 * TOP_FRONT bits. A layout with a label that has no bit, or two labels on one bit (4+5+1,
 * 3+7+0, 4+9+0, 9+10+3), is filed with mask 0 in its BS.2051 order (`speakerFiling`).
 * The tests check, for every layout, that this gives the channelMask its data file states.
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
  'U+030': 0x1000,
  'U+045': 0x1000,
  'U-030': 0x4000,
  'U-045': 0x4000,
  'U+090': 0x1000,
  'U-090': 0x4000,
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
 * The file order of loudspeakers given by their labels: order[k] is the index (into
 * `labels`) of the file's k-th channel, by increasing speaker bit. Throws when a label
 * has no bit or two labels share one (no WAVE file can carry them).
 */
export function speakerFileOrder(labels: readonly string[]): number[] {
  const bits = labels.map((label) => {
    const bit = speakerBit(label);
    if (bit === undefined) throw new RangeError(`loudspeaker "${label}" has no WAVE_FORMAT_EXTENSIBLE speaker bit`);
    return bit;
  });
  if (new Set(bits).size !== bits.length) throw new RangeError(`loudspeakers ${labels.join(' ')} share a WAVE speaker bit`);
  return labels.map((_, i) => i).sort((a, b) => bits[a]! - bits[b]!);
}

/** The OR of the labels' speaker bits. */
export function speakerMask(labels: readonly string[]): number {
  return labels.reduce((mask, label) => mask | (speakerBit(label) ?? 0), 0);
}

/** How a layout's channels are written to a WAVE_FORMAT_EXTENSIBLE file. */
export interface SpeakerFiling {
  /** fileOrder[k]: the index (into the labels) of the file's k-th channel. */
  readonly fileOrder: number[];
  readonly channelMask: number;
}

/**
 * The file order and dwChannelMask of loudspeakers given by their labels: by increasing
 * speaker bit with their mask when every label has a bit of its own; otherwise in the
 * order given (BS.2051's) with mask 0, WAVE_FORMAT_EXTENSIBLE's "no speaker assigned"
 * (src/core/data/README.md).
 */
export function speakerFiling(labels: readonly string[]): SpeakerFiling {
  const bits = labels.map(speakerBit);
  const ownBits = bits.every((bit) => bit !== undefined) && new Set(bits).size === bits.length;
  if (!ownBits) return { fileOrder: labels.map((_, i) => i), channelMask: 0 };
  return { fileOrder: speakerFileOrder(labels), channelMask: speakerMask(labels) };
}
