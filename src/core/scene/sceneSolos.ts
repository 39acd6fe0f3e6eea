import type { Scene } from './scene';

/**
 * The scene with no object or bed soloed: what an export of the full mix renders when the
 * user asks it to ignore the solos. Solo is a scene field (anything soloed silences the
 * rest), so leaving the user's scene alone means rendering a copy; mutes stay, being part
 * of the mix. The same scene when nothing is soloed.
 */
export function sceneWithoutSolos(scene: Scene): Scene {
  const beds = scene.beds;
  const bedSoloed = beds?.some((bed) => bed.solo) === true;
  if (!scene.sources.some((source) => source.solo) && !bedSoloed) return scene;
  return {
    ...scene,
    sources: scene.sources.map((source) => (source.solo ? { ...source, solo: false } : source)),
    ...(beds === undefined ? {} : { beds: beds.map((bed) => (bed.solo ? { ...bed, solo: false } : bed)) }),
  };
}
