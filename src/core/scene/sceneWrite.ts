import { ambisonicsJson } from './ambisonicsWrite';
import { DEFAULT_MID_SIDE_SETTINGS, MID_SIDE_NUMBER_FIELDS } from './midSideSettings';
import type { MidSideSettings } from './midSideSettings';
import { admParametersJson, polarJson, timelineJson, withExtras } from './objectWrite';
import { SCENE_FORMAT, SCENE_FORMAT_VERSION } from './scene';
import type { ExtraFields, MasterSettings, Scene, SceneBed, SceneSource, StemReference } from './scene';

/**
 * Writes a scene as JSON text, format version 2 (two-space indent, fixed key order,
 * trailing newline): the scene's sources as `objects`, then its `beds` and `ambisonics`.
 * Unknown fields kept by the parser are written back after the known ones, so
 * parseSceneJson(serializeScene(s)) gives back s.
 */
export function serializeScene(scene: Scene): string {
  const json = {
    format: SCENE_FORMAT,
    version: SCENE_FORMAT_VERSION,
    sampleRateHz: scene.sampleRateHz,
    listener: withExtras(
      { yawDeg: scene.listener.yawDeg, pitchDeg: scene.listener.pitchDeg, rollDeg: scene.listener.rollDeg },
      scene.listener.extraFields,
    ),
    objects: scene.sources.map(sourceJson),
    ...(scene.beds === undefined ? {} : { beds: scene.beds.map(bedJson) }),
    ...(scene.ambisonics === undefined ? {} : { ambisonics: scene.ambisonics.map((a) => ambisonicsJson(a, stemJson)) }),
    ...(scene.master === undefined ? {} : { master: masterJson(scene.master) }),
    ...scene.extraFields,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function sourceJson(source: SceneSource): object {
  const cartesian = source.cartesianPosition;
  return withExtras(
    {
      id: source.id,
      name: source.name,
      stem: stemJson(source.stem),
      gainDb: source.gainDb,
      mute: source.mute,
      solo: source.solo,
      ...(cartesian === undefined
        ? { position: polarJson(source.position) }
        : { cartesian: true, position: withExtras({ X: cartesian.X, Y: cartesian.Y, Z: cartesian.Z }, cartesian.extraFields) }),
      spreadDeg: source.spreadDeg,
      ...(source.color === undefined ? {} : { color: source.color }),
      ...(source.midSide === undefined ? {} : { midSide: midSideJson(source.midSide) }),
      ...admParametersJson(source),
      ...(source.binauralRenderMode === undefined ? {} : { binauralRenderMode: source.binauralRenderMode }),
      ...(source.timeline === undefined ? {} : { timeline: timelineJson(source.timeline) }),
    },
    source.extraFields,
  );
}

function bedJson(bed: SceneBed): object {
  return withExtras(
    {
      id: bed.id,
      name: bed.name,
      stem: stemJson(bed.stem),
      layout: bed.layout,
      channels: [...bed.channels],
      gainDb: bed.gainDb,
      mute: bed.mute,
      solo: bed.solo,
      ...(bed.color === undefined ? {} : { color: bed.color }),
    },
    bed.extraFields,
  );
}

function stemJson(stem: StemReference): object {
  return stem.kind === 'file'
    ? withExtras({ file: stem.file }, stem.extraFields)
    : withExtras({ generator: stem.generator }, stem.extraFields);
}

function masterJson(master: MasterSettings): object {
  return withExtras(master.midSide === undefined ? {} : { midSide: midSideJson(master.midSide) }, master.extraFields);
}

/** Only the fields that differ from their defaults, the switch first, then MID_SIDE_NUMBER_FIELDS' order. */
function midSideJson(settings: MidSideSettings): object {
  const json: Record<string, number | boolean> = {};
  if (settings.bassMono !== DEFAULT_MID_SIDE_SETTINGS.bassMono) json.bassMono = settings.bassMono;
  for (const field of MID_SIDE_NUMBER_FIELDS) {
    if (settings[field] !== DEFAULT_MID_SIDE_SETTINGS[field]) json[field] = settings[field];
  }
  return withExtras(json, settings.extraFields);
}
