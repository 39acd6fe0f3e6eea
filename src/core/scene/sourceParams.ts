import type { MidSideSettings } from './midSideSettings';
import type { AdmCartesianPosition, ObjectAdmParameters } from './objectMetadata';
import type { ObjectBlock } from './objectTimeline';
import type { SceneBed, SceneSource } from './scene';

/**
 * The parameters of a source that can change while rendering (plain values, no allocation
 * to apply): its static values, and its timeline when it has one (objectValues.ts reads
 * them as an ObjectDescription).
 */
export interface SourceParams extends ObjectAdmParameters {
  gainDb: number;
  mute: boolean;
  solo: boolean;
  azimuthDeg: number;
  elevationDeg: number;
  distanceM: number;
  spreadDeg: number;
  /** The stem's mid/side processing; absent means the defaults (neutral). */
  midSide?: MidSideSettings;
  cartesianPosition?: AdmCartesianPosition;
  timeline?: readonly ObjectBlock[];
}

/** The parameters a source may leave out (absent: ADM's default, polar, static). */
export const OPTIONAL_OBJECT_PARAMS = ['width', 'height', 'depth', 'diffuse', 'channelLock', 'objectDivergence', 'zoneExclusion', 'cartesianPosition', 'timeline'] as const;

export function sourceParamsOf(source: SceneSource): SourceParams {
  return {
    gainDb: source.gainDb,
    mute: source.mute,
    solo: source.solo,
    azimuthDeg: source.position.azimuthDeg,
    elevationDeg: source.position.elevationDeg,
    distanceM: source.position.distanceM,
    spreadDeg: source.spreadDeg,
    ...(source.midSide === undefined ? {} : { midSide: source.midSide }),
    ...Object.fromEntries(OPTIONAL_OBJECT_PARAMS.filter((key) => source[key] !== undefined).map((key) => [key, source[key]])),
  };
}

/**
 * A bed's or an HOA stem's parameters as the renderer takes them: its gain, mute and solo
 * (its channels are placed by their loudspeakers or harmonics, not by a position; ahead at
 * 1 m, where the distance model changes nothing).
 */
export function multichannelParamsOf(strip: Pick<SceneBed, 'gainDb' | 'mute' | 'solo'>): SourceParams {
  return { gainDb: strip.gainDb, mute: strip.mute, solo: strip.solo, azimuthDeg: 0, elevationDeg: 0, distanceM: 1, spreadDeg: 0 };
}
