import type { Scene } from './scene';

/**
 * The scene with no object, bed or HOA stem soloed: what an export of the full mix renders
 * when the user asks it to ignore the solos. Solo is a scene field (anything soloed
 * silences the rest), so leaving the user's scene alone means rendering a copy; mutes stay,
 * being part of the mix. The same scene when nothing is soloed.
 */
export function sceneWithoutSolos(scene: Scene): Scene {
  const { beds, ambisonics } = scene;
  const soloed = (list: readonly { readonly solo: boolean }[] | undefined): boolean => list?.some((item) => item.solo) === true;
  if (!soloed(scene.sources) && !soloed(beds) && !soloed(ambisonics)) return scene;
  const unsoloed = <T extends { readonly solo: boolean }>(list: readonly T[]): T[] => list.map((item) => (item.solo ? { ...item, solo: false } : item));
  return {
    ...scene,
    sources: unsoloed(scene.sources),
    ...(beds === undefined ? {} : { beds: unsoloed(beds) }),
    ...(ambisonics === undefined ? {} : { ambisonics: unsoloed(ambisonics) }),
  };
}
