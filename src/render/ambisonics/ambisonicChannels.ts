import { ambisonicChannelAcns } from '../../core/scene/ambisonicStem';
import type { AmbisonicNormalization, SceneAmbisonics } from '../../core/scene/ambisonicStem';

/**
 * One channel of an HOA stem as the renderer takes it: the spherical-harmonic component
 * it holds. Every bus gets it when it creates the channel's voice (ObjectBus.createVoice):
 * - a loudspeaker bus feeds it to its loudspeakers with that component's column of the
 *   layout's decode matrix (ambisonicDecoders.ts, BS.2127's AllRAD design), fixed gains;
 * - a binaural bus convolves it with that component's fixed filter pair
 *   (ambisonicBinauralFilters.ts).
 * The scene rotation and the monitor head turn the field before the buses: the renderer
 * hands every bus the stem's channels turned (ambisonicRotation.ts), so the buses' gains
 * and filters stay fixed.
 */
export interface AmbisonicChannel {
  readonly kind: 'ambisonic';
  /** The stem's order: its decoder is designed for orders 0 to this. */
  readonly order: number;
  /** The component's ACN, n^2 + n + m. */
  readonly acn: number;
  readonly normalization: AmbisonicNormalization;
}

/** The HOA stem's channels, in stem channel order. */
export function ambisonicChannelsOf(ambisonics: SceneAmbisonics): AmbisonicChannel[] {
  return ambisonicChannelAcns(ambisonics.order, ambisonics.channelOrder).map((acn) => ({ kind: 'ambisonic', order: ambisonics.order, acn, normalization: ambisonics.normalization }));
}
