import { LAYOUT_NAMES, getLayout } from '../layouts';
import type { LayoutName } from '../layouts';
import { speakerFiling } from '../outputs/speakerMask';

/**
 * Which loudspeaker of which layout each channel of a multichannel stem feeds, when the
 * stem becomes a bed: from its WAVE_FORMAT_EXTENSIBLE dwChannelMask (channels in the order
 * of increasing speaker bit, so 7.1's back pair M+/-135 comes before its side pair
 * M+/-090), or, without a mask (absent or 0) or with one of no BS.2051 layout, the default
 * layout of its channel count in that layout's file order, to be confirmed by the user.
 */
export interface BedRouting {
  readonly layout: LayoutName;
  /** Per stem channel, the layout's label it feeds. */
  readonly channels: readonly string[];
  /** 'channel mask': read from the file; 'channel count': assumed (the studio asks). */
  readonly from: 'channel mask' | 'channel count';
  /** The other layouts with as many channels, for the user to pick instead (empty when read from the mask). */
  readonly alternatives: readonly LayoutName[];
}

/** The layout a channel count is taken for without a mask: the trade's usual bed of that size. */
const DEFAULT_LAYOUT_BY_CHANNELS: Readonly<Record<number, LayoutName>> = {
  6: '0+5+0',
  8: '0+7+0',
  10: '2+7+0',
  12: '4+7+0',
};

/** The BS.2051 back pair (0x10, 0x20) and side pair (0x200, 0x400) bits. */
const BACK_PAIR = 0x30;
const SIDE_PAIR = 0x600;

/** The labels of `layout` in its file order (speakerFiling: by increasing speaker bit, or BS.2051's for a layout filed with mask 0). */
export function bedChannelsInFileOrder(layout: LayoutName): string[] {
  const labels = getLayout(layout).channels.map((c) => c.label);
  return speakerFiling(labels).fileOrder.map((index) => labels[index]!);
}

/** The layouts with `channelCount` channels, the default first. */
export function bedLayoutsFor(channelCount: number): LayoutName[] {
  const all = LAYOUT_NAMES.filter((name) => getLayout(name).channels.length === channelCount);
  const preferred = DEFAULT_LAYOUT_BY_CHANNELS[channelCount];
  return preferred === undefined ? all : [preferred, ...all.filter((name) => name !== preferred)];
}

/**
 * The bed routing of a stem of `channelCount` channels (more than two) with `channelMask`.
 * Throws an Error naming `fileName`, the count and the layouts there are, when no layout
 * has that many channels.
 */
export function bedRoutingOf(channelCount: number, channelMask: number | undefined, fileName: string): BedRouting {
  const fromMask = channelMask === undefined || channelMask === 0 ? undefined : layoutOfMask(channelMask, channelCount);
  if (fromMask !== undefined) return { layout: fromMask, channels: bedChannelsInFileOrder(fromMask), from: 'channel mask', alternatives: [] };
  const [layout, ...alternatives] = bedLayoutsFor(channelCount);
  if (layout === undefined) {
    const sizes = [...new Set(LAYOUT_NAMES.map((name) => getLayout(name).channels.length))].filter((n) => n > 2).sort((a, b) => a - b);
    throw new Error(`${fileName}: a stem of ${channelCount} channels fits no loudspeaker layout; a bed has ${sizes.join(', ')} channels (objects are mono or stereo)`);
  }
  return { layout, channels: bedChannelsInFileOrder(layout), from: 'channel count', alternatives };
}

/**
 * The layout whose channel mask `mask` is, with `channelCount` channels; a 5.1-style mask with
 * the back pair instead of the side pair (0x3F) is 5.1 (its back pair carries M+/-110).
 */
function layoutOfMask(mask: number, channelCount: number): LayoutName | undefined {
  const sideForm = (mask & SIDE_PAIR) === 0 && (mask & BACK_PAIR) === BACK_PAIR ? (mask & ~BACK_PAIR) | SIDE_PAIR : mask;
  return LAYOUT_NAMES.find((name) => {
    const layout = getLayout(name);
    return layout.channelMask === sideForm && layout.channels.length === channelCount;
  });
}
