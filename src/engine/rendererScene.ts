import type { Scene } from '../core/scene/scene';
import { stemsInSceneOrder } from './analysisClient';

/** What the renderer is given: the scene (without HOA stems) with the beds the engine holds stems for, and the stems in its order (sources, then beds). */
export interface RendererScene {
  readonly scene: Scene;
  readonly stems: Float32Array[][];
}

/**
 * `scene` as the engine can render it: every source (throws naming one not loaded yet, as
 * stemsInSceneOrder does), and the beds whose stems it holds; a bed whose stem is missing,
 * unreadable or of another channel count is left out (the load reported it), as it is in playback.
 */
export function rendererScene(scene: Scene, stems: ReadonlyMap<string, readonly Float32Array[]>): RendererScene {
  const sourceStems = stemsInSceneOrder(scene, stems);
  const beds = (scene.beds ?? []).filter((bed) => stems.has(bed.id));
  // HOA stems are not loaded by the studio yet (DESIGN.md: HOA stems): never handed to the renderer without their stems.
  const { beds: _all, ambisonics: _hoa, ...objects } = scene;
  return {
    scene: beds.length === 0 ? objects : { ...objects, beds },
    stems: [...sourceStems, ...beds.map((bed) => [...stems.get(bed.id)!])],
  };
}
