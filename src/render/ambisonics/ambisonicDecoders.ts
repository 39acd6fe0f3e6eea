import { designAllradDecoder, virtualSpeakerGains } from '../../dsp/ambisonics/allradDecoder';
import type { VirtualSpeakerGains } from '../../dsp/ambisonics/allradDecoder';
import { acnOrderDegree, normalizationFactor } from '../../dsp/ambisonics/sphericalHarmonics';
import type { LayoutPanner } from '../buses/layoutPanners';
import type { AmbisonicChannel } from './ambisonicChannels';

/**
 * A loudspeaker bus's HOA decoders: the layout's virtual loudspeaker gains and each
 * order's decode matrix (dsp/ambisonics/allradDecoder.ts), designed when the bus creates
 * its first voice of an HOA channel of that order (set-up, not per block), then kept.
 */
export function createLayoutDecoders(panner: LayoutPanner): (channel: AmbisonicChannel) => Float64Array {
  let virtual: VirtualSpeakerGains | undefined;
  const byOrder = new Map<number, Float64Array[]>();
  return (channel) => {
    virtual ??= virtualSpeakerGains(panner);
    let decoder = byOrder.get(channel.order);
    if (decoder === undefined) {
      decoder = designAllradDecoder(virtual, channel.order);
      byOrder.set(channel.order, decoder);
    }
    return ambisonicChannelGains(decoder, channel);
  };
}

/** The loudspeaker gains of one HOA channel: its N3D column, scaled from N3D to the channel's normalisation. */
export function ambisonicChannelGains(decoder: readonly Float64Array[], channel: AmbisonicChannel): Float64Array {
  const { n, m } = acnOrderDegree(channel.acn);
  const scale = normalizationFactor(n, Math.abs(m), 'N3D') / normalizationFactor(n, Math.abs(m), channel.normalization);
  return decoder[channel.acn]!.map((g) => g * scale);
}
