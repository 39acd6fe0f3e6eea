import type { SceneAmbisonics } from './ambisonicStem';
import { withExtras } from './objectWrite';
import type { StemReference } from './scene';

/** An HOA stem as the scene file writes it (ambisonicsParse.ts reads it back), every field explicit. */
export function ambisonicsJson(ambisonics: SceneAmbisonics, stemJson: (stem: StemReference) => object): object {
  return withExtras(
    {
      id: ambisonics.id,
      name: ambisonics.name,
      stem: stemJson(ambisonics.stem),
      order: ambisonics.order,
      normalization: ambisonics.normalization,
      channelOrder: ambisonics.channelOrder,
      gainDb: ambisonics.gainDb,
      mute: ambisonics.mute,
      solo: ambisonics.solo,
      ...(ambisonics.color === undefined ? {} : { color: ambisonics.color }),
    },
    ambisonics.extraFields,
  );
}
