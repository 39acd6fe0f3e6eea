import type { LayoutName } from '../core/layouts';
import { bs2094CommonDefinitions } from '../io/adm/commonDefinitions';
import { bs2051Label } from '../dsp/panners/directSpeakers/speakerLabel';

/**
 * The ITU-R BS.2094 common-definition DirectSpeakers pack of each layout a bed may take
 * (checked against the shipped common definitions by their speaker labels: bedPackChannels).
 */
export const BED_PACK_OF_LAYOUT: Readonly<Record<LayoutName, string>> = {
  '0+2+0': 'AP_00010002',
  '0+5+0': 'AP_00010003',
  '2+5+0': 'AP_00010004',
  '4+5+0': 'AP_00010005',
  '4+5+1': 'AP_00010010',
  '3+7+0': 'AP_00010007',
  '4+9+0': 'AP_00010008',
  '9+10+3': 'AP_00010009',
  '0+7+0': 'AP_0001000f',
  '4+7+0': 'AP_00010017',
  '2+7+0': 'AP_00010016',
};

/** The BS.2051 label of each channel of a common-definition DirectSpeakers pack, in the pack's order. */
export function commonPackLabels(packFormatId: string): string[] {
  const common = bs2094CommonDefinitions();
  const pack = common.packFormats.find((p) => p.id === packFormatId);
  if (pack === undefined) throw new RangeError(`${packFormatId} is not a pack of the BS.2094 common definitions`);
  return pack.channelFormatIds.map((id) => {
    const block = common.channelFormats.find((c) => c.id === id)?.blocks[0];
    return block?.type === 'DirectSpeakers' ? bs2051Label(block.speakerLabels[0] ?? '') : '';
  });
}

/**
 * Where a bed's channels (by label) go on its layout's pack: per pack channel, the bed's
 * stem channel that feeds it, or -1 for silence. Throws naming the bed and the label when
 * a label has no channel in the pack.
 */
export function bedPackOrder(bedName: string, layout: LayoutName, labels: readonly string[]): { packFormatId: string; order: number[] } {
  const packFormatId = BED_PACK_OF_LAYOUT[layout];
  const packLabels = commonPackLabels(packFormatId);
  labels.forEach((label) => {
    if (!packLabels.includes(label)) {
      throw new RangeError(`bed "${bedName}": its ${layout} channel ${label} has no channel in the common-definition pack ${packFormatId} (${packLabels.join(' ')})`);
    }
  });
  return { packFormatId, order: packLabels.map((label) => labels.indexOf(label)) };
}
