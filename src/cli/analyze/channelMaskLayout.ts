import { LAYOUT_NAMES, getLayout } from '../../core/layouts';
import type { LayoutChannel, LayoutName } from '../../core/layouts';
import { UsageError } from '../commandLine';

/**
 * Which loudspeaker each channel of a mix file feeds: from `--layout`, from the WAV's
 * WAVE_FORMAT_EXTENSIBLE dwChannelMask, or (mono and stereo only) from the channel count.
 */
export interface FileChannelLayout {
  /** The BS.2051 layout whose loudspeakers these are, when it is one. */
  readonly name?: LayoutName;
  /** e.g. "0+5+0 (5.1)" or "custom: M+030 M-030 M+000 M+110 M-110". */
  readonly description: string;
  /** One per file channel, in file order. */
  readonly channels: readonly LayoutChannel[];
  readonly from: 'layout option' | 'channel mask' | 'channel count';
}

/**
 * SPEAKER_* bits of Microsoft's ksmedia.h that the analysis can place, in bit order. The
 * BS.2051 label depends on the rest of the mask (see speakerLabel).
 */
const SPEAKER_BITS = [
  [0x1, 'FRONT_LEFT'],
  [0x2, 'FRONT_RIGHT'],
  [0x4, 'FRONT_CENTER'],
  [0x8, 'LOW_FREQUENCY'],
  [0x10, 'BACK_LEFT'],
  [0x20, 'BACK_RIGHT'],
  [0x40, 'FRONT_LEFT_OF_CENTER'],
  [0x80, 'FRONT_RIGHT_OF_CENTER'],
  [0x100, 'BACK_CENTER'],
  [0x200, 'SIDE_LEFT'],
  [0x400, 'SIDE_RIGHT'],
  [0x800, 'TOP_CENTER'],
  [0x1000, 'TOP_FRONT_LEFT'],
  [0x2000, 'TOP_FRONT_CENTER'],
  [0x4000, 'TOP_FRONT_RIGHT'],
  [0x8000, 'TOP_BACK_LEFT'],
  [0x10000, 'TOP_BACK_CENTER'],
  [0x20000, 'TOP_BACK_RIGHT'],
] as const;

const BACK_PAIR = 0x30;
const SIDE_PAIR = 0x600;

/**
 * The BS.2051 label of a speaker bit within `mask`. With both a side and a back pair (7.1
 * and up) the sides are M+/-090 and the backs M+/-135, and the heights U+/-045 and
 * U+/-135 (0+7+0, 4+7+0); with only one of them (5.1, in either its 0x60F "side" or 0x3F
 * "back" form) that pair is the BS.2051 surround M+/-110 and the heights U+/-030, U+/-110.
 */
function speakerLabel(bit: number, mask: number): string | undefined {
  const sevenLayer = (mask & BACK_PAIR) !== 0 && (mask & SIDE_PAIR) !== 0;
  switch (bit) {
    case 0x1: return 'M+030';
    case 0x2: return 'M-030';
    case 0x4: return 'M+000';
    case 0x8: return 'LFE1';
    case 0x10: return sevenLayer ? 'M+135' : 'M+110';
    case 0x20: return sevenLayer ? 'M-135' : 'M-110';
    case 0x100: return 'M+180';
    case 0x200: return sevenLayer ? 'M+090' : 'M+110';
    case 0x400: return sevenLayer ? 'M-090' : 'M-110';
    case 0x800: return 'T+000';
    case 0x1000: return sevenLayer ? 'U+045' : 'U+030';
    case 0x2000: return 'U+000';
    case 0x4000: return sevenLayer ? 'U-045' : 'U-030';
    case 0x8000: return sevenLayer ? 'U+135' : 'U+110';
    case 0x10000: return 'U+180';
    case 0x20000: return sevenLayer ? 'U-135' : 'U-110';
    default: return undefined;
  }
}

/** Elevation of a BS.2051 layer at its nominal position: Middle 0, Upper 30, Top 90. */
const LAYER_ELEVATION_DEG: Readonly<Record<string, number>> = { M: 0, U: 30, T: 90 };

/** A channel at the nominal position its BS.2051 label names (e.g. "U-045": azimuth -45, elevation 30). */
export function channelFromLabel(label: string): LayoutChannel {
  if (label.startsWith('LFE')) return { label, isLfe: true };
  const match = /^([MUT])([+-])(\d{3})$/.exec(label);
  if (match === null) throw new Error(`internal: "${label}" is not a BS.2051 loudspeaker label`);
  const magnitude = Number(match[3]);
  // BS.2076 azimuths run over (-180, 180]: M+180 and U+180 are +180.
  const azimuthDeg = magnitude === 180 || magnitude === 0 ? magnitude : match[2] === '-' ? -magnitude : magnitude;
  const elevationDeg = LAYER_ELEVATION_DEG[match[1]!]!;
  return { label, isLfe: false, azimuthDeg, elevationDeg, azimuthRangeDeg: [azimuthDeg, azimuthDeg], elevationRangeDeg: [elevationDeg, elevationDeg] };
}

/**
 * The file's speaker bits in channel order. WAVE_FORMAT_EXTENSIBLE orders channels by
 * increasing bit, which puts BACK (0x10, 0x20) before SIDE (0x200, 0x400); the studio
 * reads and writes 7.1 and 7.1.4 in the SMPTE order of BS.2051 and DESIGN.md (L R C LFE
 * Lss Rss Lrs Rrs ...), as SMPTE and Dolby files do, so when both pairs are present the
 * side pair comes first (see src/core/data/README.md).
 */
function speakerBitsInFileOrder(mask: number): number[] {
  const bits = SPEAKER_BITS.map(([bit]) => bit).filter((bit) => (mask & bit) !== 0);
  if ((mask & BACK_PAIR) === BACK_PAIR && (mask & SIDE_PAIR) === SIDE_PAIR) {
    const backs = bits.filter((bit) => (bit & BACK_PAIR) !== 0);
    const rest = bits.filter((bit) => (bit & BACK_PAIR) === 0);
    const afterSides = rest.indexOf(0x400) + 1;
    return [...rest.slice(0, afterSides), ...backs, ...rest.slice(afterSides)];
  }
  return bits;
}

function describeBits(mask: number): string {
  return SPEAKER_BITS.filter(([bit]) => (mask & bit) !== 0).map(([, name]) => name).join(', ');
}

const hex = (mask: number): string => `0x${mask.toString(16).toUpperCase()}`;

/**
 * The layout of core/layouts.ts with this channel mask. A 5.1-style mask with the back
 * pair and no side pair (0x3F) is looked up in its side form (0x60F): the back pair then
 * sits where the side pair would in file order and carries the same M+/-110 labels.
 */
function studioLayoutOf(mask: number): LayoutName | undefined {
  const sideForm = (mask & SIDE_PAIR) === 0 && (mask & BACK_PAIR) === BACK_PAIR ? (mask & ~BACK_PAIR) | SIDE_PAIR : mask;
  return LAYOUT_NAMES.find((name) => getLayout(name).channelMask === sideForm);
}

function describe(name: LayoutName | undefined, channels: readonly LayoutChannel[]): string {
  if (name !== undefined) return `${name} (${getLayout(name).commonName})`;
  return `custom: ${channels.map((c) => c.label).join(' ')}`;
}

function studioLayout(name: LayoutName, from: FileChannelLayout['from']): FileChannelLayout {
  const { channels } = getLayout(name);
  return { name, description: describe(name, channels), channels, from };
}

/** The channels of a layout given with --layout; its channel count must match the file's. */
export function layoutFromOption(name: LayoutName, channelCount: number, fileName: string): FileChannelLayout {
  const layout = getLayout(name);
  if (layout.channels.length !== channelCount) {
    throw new UsageError(
      `--layout ${name}: that layout has ${layout.channels.length} channels (${layout.channels.map((c) => c.label).join(' ')}) but ${fileName} has ${channelCount}`,
    );
  }
  return studioLayout(name, 'layout option');
}

/**
 * The channels of a file from its channel mask, or from its channel count when it has no
 * mask (or a zero one) and is mono or stereo. Throws a UsageError, naming the channel count
 * and --layout, when it cannot tell.
 */
export function layoutFromFile(channelCount: number, channelMask: number | undefined, fileName: string): FileChannelLayout {
  const askForLayout = `pass its layout with --layout <name> (${LAYOUT_NAMES.join(', ')}), e.g. --layout 0+5+0 for 5.1 in L R C LFE Ls Rs order`;
  if (channelMask === undefined || channelMask === 0) {
    if (channelCount === 1) return { description: 'mono', channels: [channelFromLabel('M+000')], from: 'channel count' };
    if (channelCount === 2) return studioLayout('0+2+0', 'channel count');
    throw new UsageError(`${fileName} has ${channelCount} channels and no channel mask to say which loudspeaker each feeds: ${askForLayout}`);
  }
  const unplaced = SPEAKER_BITS.filter(([bit]) => (channelMask & bit) !== 0 && speakerLabel(bit, channelMask) === undefined);
  const unknownBits = channelMask & ~SPEAKER_BITS.reduce((all, [bit]) => all | bit, 0);
  if (unplaced.length > 0 || unknownBits !== 0) {
    const what = [...unplaced.map(([, name]) => name), ...(unknownBits !== 0 ? [`unknown bits ${hex(unknownBits)}`] : [])].join(', ');
    throw new UsageError(`${fileName}: channel mask ${hex(channelMask)} has speakers with no BS.2051 position here (${what}): ${askForLayout}`);
  }
  const bits = speakerBitsInFileOrder(channelMask);
  if (bits.length !== channelCount) {
    throw new UsageError(
      `${fileName}: channel mask ${hex(channelMask)} names ${bits.length} speakers (${describeBits(channelMask)}) but the file has ${channelCount} channels: ${askForLayout}`,
    );
  }
  const name = studioLayoutOf(channelMask);
  if (name !== undefined) return studioLayout(name, 'channel mask');
  const channels = bits.map((bit) => channelFromLabel(speakerLabel(bit, channelMask)!));
  if (channelCount === 1) return { description: 'mono', channels, from: 'channel mask' };
  return { description: describe(undefined, channels), channels, from: 'channel mask' };
}
