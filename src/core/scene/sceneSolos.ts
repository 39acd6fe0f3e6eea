import type { Scene } from './scene';

/**
 * The scene with no source soloed: what an export of the full mix renders when the user
 * asks it to ignore the solos. Solo is a scene field (any soloed source silences the
 * others), so leaving the user's scene alone means rendering a copy; mutes stay, being
 * part of the mix. The same scene when none is soloed.
 */
export function sceneWithoutSolos(scene: Scene): Scene {
  if (!scene.sources.some((source) => source.solo)) return scene;
  return { ...scene, sources: scene.sources.map((source) => (source.solo ? { ...source, solo: false } : source)) };
}
