import type { Scene } from '../core/scene/scene';
import { stemsInSceneOrder } from './analysisClient';

/** What the renderer is given: the scene with the beds and HOA stems the engine holds stems for, and the stems in its order (sources, beds, HOA stems). */
export interface RendererScene {
  readonly scene: Scene;
  readonly stems: Float32Array[][];
}

/**
 * `scene` as the engine can render it: every source (throws naming one not loaded yet, as
 * stemsInSceneOrder does), and the beds and HOA stems whose stems it holds; one whose stem
 * is missing, unreadable or of another channel count is left out (the load reported it), as
 * it is in playback.
 */
export function rendererScene(scene: Scene, stems: ReadonlyMap<string, readonly Float32Array[]>): RendererScene {
  const sourceStems = stemsInSceneOrder(scene, stems);
  const beds = (scene.beds ?? []).filter((bed) => stems.has(bed.id));
  const ambisonics = (scene.ambisonics ?? []).filter((hoa) => stems.has(hoa.id));
  const { beds: _allBeds, ambisonics: _allHoa, ...objects } = scene;
  const multichannel = [...beds, ...ambisonics];
  return {
    scene: { ...objects, ...(beds.length === 0 ? {} : { beds }), ...(ambisonics.length === 0 ? {} : { ambisonics }) },
    stems: [...sourceStems, ...multichannel.map((strip) => [...stems.get(strip.id)!])],
  };
}
