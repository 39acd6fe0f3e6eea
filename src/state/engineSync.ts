import { midSideOrDefault } from '../core/midSideSettings';
import type { Scene } from '../core/scene';
import { sourceParamsOf } from '../core/sourceParams';
import { sameSourceParams } from './sceneEdits';
import type { StudioContext } from './studioContext';

/**
 * Tells the engine what differs between two scenes: updateSource for every source whose
 * parameters changed, setListener when the orientation changed, setMasterMidSide when the
 * master's mid/side changed, and the source-set hook
 * for added or removed sources. Untouched sources share their object between the scenes
 * (immutable edits), so the comparison is by reference first.
 */
export function syncEngine(context: StudioContext, previous: Scene, next: Scene): void {
  if (previous === next) return;
  const { engine } = context;
  const previousById = new Map(previous.sources.map((s) => [s.id, s]));
  const added: string[] = [];
  for (const source of next.sources) {
    const before = previousById.get(source.id);
    previousById.delete(source.id);
    if (before === undefined) {
      added.push(source.id);
      engine?.updateSource(source.id, sourceParamsOf(source));
    } else if (before !== source && !sameSourceParams(before, source)) {
      engine?.updateSource(source.id, sourceParamsOf(source));
    }
  }
  const removed = [...previousById.keys()];
  if (engine !== null && context.onSourceSetChanged === null) {
    for (const source of previousById.values()) {
      engine.updateSource(source.id, { ...sourceParamsOf(source), mute: true, solo: false });
    }
  }
  if (previous.listener !== next.listener) {
    const { yawDeg, pitchDeg, rollDeg } = next.listener;
    const before = previous.listener;
    if (before.yawDeg !== yawDeg || before.pitchDeg !== pitchDeg || before.rollDeg !== rollDeg) {
      engine?.setListener({ yawDeg, pitchDeg, rollDeg });
    }
  }
  const masterMidSide = next.master?.midSide;
  if (previous.master?.midSide !== masterMidSide) engine?.setMasterMidSide(midSideOrDefault(masterMidSide));
  if ((added.length > 0 || removed.length > 0) && context.onSourceSetChanged !== null) {
    context.onSourceSetChanged(next, { added, removed });
  }
}
