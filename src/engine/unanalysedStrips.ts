import type { UnanalysedStrip } from '../core/monoAnalysis/monoAnalysisTypes';
import type { Scene } from '../core/scene/scene';

/**
 * The beds and HOA stems of `scene` that `rendered` (rendererScene.ts: what the engine can
 * render, those whose stems it holds) leaves out: what a mono check says it did not analyse.
 */
export function unanalysedStrips(scene: Scene, rendered: Scene): UnanalysedStrip[] {
  const has = (list: readonly { id: string }[] | undefined, id: string): boolean => list?.some((strip) => strip.id === id) === true;
  return [
    ...(scene.beds ?? []).filter((bed) => !has(rendered.beds, bed.id)).map((bed) => ({ id: bed.id, name: bed.name, kind: 'bed' as const })),
    ...(scene.ambisonics ?? []).filter((a) => !has(rendered.ambisonics, a.id)).map((a) => ({ id: a.id, name: a.name, kind: 'hoa' as const })),
  ];
}
