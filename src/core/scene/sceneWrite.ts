import { DEFAULT_MID_SIDE_SETTINGS, MID_SIDE_NUMBER_FIELDS } from './midSideSettings';
import type { MidSideSettings } from './midSideSettings';
import { SCENE_FORMAT } from './scene';
import type { ExtraFields, MasterSettings, Scene, SceneSource, StemReference } from './scene';

/**
 * Writes a scene as JSON text (two-space indent, fixed key order, trailing newline).
 * Unknown fields kept by the parser are written back after the known ones, so
 * parseSceneJson(serializeScene(s)) gives back s.
 */
export function serializeScene(scene: Scene): string {
  const json = {
    format: SCENE_FORMAT,
    version: scene.version,
    sampleRateHz: scene.sampleRateHz,
    listener: withExtras(
      { yawDeg: scene.listener.yawDeg, pitchDeg: scene.listener.pitchDeg, rollDeg: scene.listener.rollDeg },
      scene.listener.extraFields,
    ),
    sources: scene.sources.map(sourceJson),
    ...(scene.master === undefined ? {} : { master: masterJson(scene.master) }),
    ...scene.extraFields,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function sourceJson(source: SceneSource): object {
  const p = source.position;
  return withExtras(
    {
      id: source.id,
      name: source.name,
      stem: stemJson(source.stem),
      gainDb: source.gainDb,
      mute: source.mute,
      solo: source.solo,
      position: withExtras({ azimuthDeg: p.azimuthDeg, elevationDeg: p.elevationDeg, distanceM: p.distanceM }, p.extraFields),
      spreadDeg: source.spreadDeg,
      ...(source.color === undefined ? {} : { color: source.color }),
      ...(source.midSide === undefined ? {} : { midSide: midSideJson(source.midSide) }),
    },
    source.extraFields,
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

function withExtras<T extends object>(known: T, extras: ExtraFields | undefined): T {
  return extras === undefined ? known : { ...known, ...extras };
}
