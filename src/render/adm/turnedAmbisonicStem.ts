import type { SceneAmbisonics } from '../../core/scene/ambisonicStem';
import type { Scene } from '../../core/scene/scene';
import { ambisonicChannelsOf } from '../ambisonics/ambisonicChannels';
import { createAmbisonicRotator, restartAmbisonicRotator, turnAmbisonicBlock } from '../ambisonics/ambisonicRotation';
import { createListenerRotation } from '../listenerRotation';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';

/**
 * An HOA stem's channels (stem order) as the renderer hears them with the scene rotation
 * (render/ambisonics/ambisonicRotation.ts, taken at once: a scene rotation is static), for
 * an ADM master, which writes objects at their turned positions too: the stem itself when
 * the scene is not turned. Allocates the turned copy.
 */
export function turnedAmbisonicStem(scene: Scene, hoa: SceneAmbisonics, stem: readonly Float32Array[]): readonly Float32Array[] {
  const composed = createListenerRotation(scene.listener).composed;
  const identity = composed.every((v, i) => v === (i % 4 === 0 ? 1 : 0));
  if (identity) return stem;
  const rotator = createAmbisonicRotator(ambisonicChannelsOf(hoa), stem);
  const frames = stem.reduce((longest, channel) => Math.max(longest, channel.length), 0);
  const turned = stem.map(() => new Float32Array(frames));
  restartAmbisonicRotator(rotator, 0);
  for (let start = 0; start < frames; start += RENDER_BLOCK_FRAMES) {
    const count = Math.min(RENDER_BLOCK_FRAMES, frames - start);
    const isTurned = turnAmbisonicBlock(rotator, start, composed, 1);
    turned.forEach((channel, c) => channel.set((isTurned ? rotator.output[c]! : stem[c]!.subarray(start, start + RENDER_BLOCK_FRAMES)).subarray(0, count), start));
  }
  return turned;
}
