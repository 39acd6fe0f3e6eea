import { midSideOrDefault } from '../core/scene/midSideSettings';
import type { Scene } from '../core/scene/scene';
import { bedParamsOf, sourceParamsOf } from '../core/scene/sourceParams';
import { sameSourceParams } from './sceneEdits';
import type { StudioContext } from './studioContext';

/**
 * Tells the engine what differs between two scenes, as typed changes keyed by source id:
 * removeSource for a removed source, the sources added (through
 * context.addSourcesToEngine, which prepares their stems), updateSource for every source
 * whose parameters changed, setListener when the orientation changed, setMasterMidSide
 * when the master's mid/side changed; the same for beds (syncBeds). Untouched sources share their object between the
 * scenes (immutable edits), so the comparison is by reference first. Scenes at different
 * sample rates (an opened scene undone) have no changes in common: the engine reloads.
 */
export function syncEngine(context: StudioContext, previous: Scene, next: Scene): void {
  if (previous === next) return;
  if (previous.sampleRateHz !== next.sampleRateHz) {
    context.reloadEngine();
    return;
  }
  const { engine } = context;
  const previousById = new Map(previous.sources.map((s) => [s.id, s]));
  const added: string[] = [];
  for (const source of next.sources) {
    const before = previousById.get(source.id);
    previousById.delete(source.id);
    if (before === undefined) {
      added.push(source.id);
    } else if (before !== source && !sameSourceParams(before, source)) {
      engine?.updateSource(source.id, sourceParamsOf(source));
    }
  }
  for (const id of previousById.keys()) engine?.removeSource(id);
  if (previous.listener !== next.listener) {
    const { yawDeg, pitchDeg, rollDeg } = next.listener;
    const before = previous.listener;
    if (before.yawDeg !== yawDeg || before.pitchDeg !== pitchDeg || before.rollDeg !== rollDeg) {
      engine?.setListener({ yawDeg, pitchDeg, rollDeg });
    }
  }
  const masterMidSide = next.master?.midSide;
  if (previous.master?.midSide !== masterMidSide) engine?.setMasterMidSide(midSideOrDefault(masterMidSide));
  if (syncBeds(context, previous, next)) {
    // A bed added (dropped, or its removal undone) or rerouted: the engine loads the scene again (a short gap).
    context.reloadEngine();
    return;
  }
  if (added.length > 0) context.addSourcesToEngine(added);
}

/**
 * Sends the beds' changes: removeSource for a removed bed, updateSource for a new gain,
 * mute or solo. Returns true when a bed was added or its routing changed, which only a
 * load brings into the engine.
 */
function syncBeds(context: StudioContext, previous: Scene, next: Scene): boolean {
  if (previous.beds === next.beds) return false;
  const { engine } = context;
  const previousById = new Map((previous.beds ?? []).map((b) => [b.id, b]));
  let reload = false;
  for (const bed of next.beds ?? []) {
    const before = previousById.get(bed.id);
    previousById.delete(bed.id);
    if (before === undefined || before.stem !== bed.stem || before.layout !== bed.layout || before.channels !== bed.channels) {
      reload = true;
    } else if (before.gainDb !== bed.gainDb || before.mute !== bed.mute || before.solo !== bed.solo) {
      engine?.updateSource(bed.id, bedParamsOf(bed));
    }
  }
  for (const id of previousById.keys()) engine?.removeSource(id);
  return reload;
}
