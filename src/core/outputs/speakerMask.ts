/**
 * Loudspeaker labels (ITU-R BS.2051) to WAVE_FORMAT_EXTENSIBLE speaker bits (the
 * SPEAKER_* values of Microsoft's ksmedia.h), and the file order they give: a file's
 * channels are in the order of increasing bits, so in 7.1 (0+7+0) the back pair M+/-135
 * (BACK_LEFT 0x10, BACK_RIGHT 0x20) comes before the side pair M+/-090 (SIDE_LEFT 0x200,
 * SIDE_RIGHT 0x400). The 5.1 surrounds M+/-110 take the SIDE bits (KSAUDIO_SPEAKER_5POINT1_SURROUND,
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
