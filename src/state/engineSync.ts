import { midSideOrDefault } from '../core/scene/midSideSettings';
import type { SceneAmbisonics } from '../core/scene/ambisonicStem';
import type { Scene, SceneBed } from '../core/scene/scene';
import { multichannelParamsOf, sourceParamsOf } from '../core/scene/sourceParams';
import { sameSourceParams } from './sceneEdits';
import type { StudioContext } from './studioContext';

/**
 * Tells the engine what differs between two scenes, as typed changes keyed by source id:
 * removeSource for a removed source, the sources added (through
 * context.addSourcesToEngine, which prepares their stems), updateSource for every source
 * whose parameters changed, setListener when the orientation changed, setMasterMidSide
 * when the master's mid/side changed; the same for beds and HOA stems (syncMultichannel). Untouched sources share their object between the
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
  const bedReload = syncMultichannel(context, previous.beds, next.beds, (before, bed) => before.layout !== bed.layout || before.channels !== bed.channels);
  const hoaReload = syncMultichannel(context, previous.ambisonics, next.ambisonics, (before, hoa) => before.order !== hoa.order || before.normalization !== hoa.normalization || before.channelOrder !== hoa.channelOrder);
  if (bedReload || hoaReload) {
    // A bed or HOA stem added (dropped, or its removal undone) or rerouted: the engine loads the scene again (a short gap).
    context.reloadEngine();
    return;
  }
  if (added.length > 0) context.addSourcesToEngine(added);
}

/**
 * Sends the changes of the beds (or of the HOA stems): removeSource for a removed one,
 * updateSource for a new gain, mute or solo. Returns true when one was added or its stem or
 * routing changed (`rerouted`), which only a load brings into the engine.
 */
function syncMultichannel<T extends SceneBed | SceneAmbisonics>(context: StudioContext, previous: readonly T[] | undefined, next: readonly T[] | undefined, rerouted: (before: T, after: T) => boolean): boolean {
  if (previous === next) return false;
  const { engine } = context;
  const previousById = new Map((previous ?? []).map((s) => [s.id, s]));
  let reload = false;
  for (const strip of next ?? []) {
    const before = previousById.get(strip.id);
    previousById.delete(strip.id);
    if (before === undefined || before.stem !== strip.stem || rerouted(before, strip)) {
      reload = true;
    } else if (before.gainDb !== strip.gainDb || before.mute !== strip.mute || before.solo !== strip.solo) {
      engine?.updateSource(strip.id, multichannelParamsOf(strip));
    }
  }
  for (const id of previousById.keys()) engine?.removeSource(id);
  return reload;
}
