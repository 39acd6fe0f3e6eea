import type { MidSideSettings } from './midSideSettings';
import type { SceneSource } from './scene';

/** The parameters of a source that can change while rendering (plain values, no allocation to apply). */
export interface SourceParams {
  gainDb: number;
  mute: boolean;
  solo: boolean;
  azimuthDeg: number;
  elevationDeg: number;
  distanceM: number;
  spreadDeg: number;
  /** The stem's mid/side processing; absent means the defaults (neutral). */
  midSide?: MidSideSettings;
}

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
  };
}
