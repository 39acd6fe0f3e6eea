import type { Degrees } from '../units';
import type { ExtraFields } from './scene';

/**
 * The object parameters ITU-R BS.2127 renders, with ADM's (BS.2076-2 audioBlockFormat)
 * names and semantics, so a gain calculator maps them one to one. An object holds them
 * as its static values; a timeline block may hold any of them (objectTimeline.ts).
 * Absent means ADM's default: no extent, not diffuse, no channel lock, no divergence, no
 * excluded zone.
 */
export interface ObjectAdmParameters {
  /** Extent: polar objects in degrees (width, height) and a distance fraction (depth); Cartesian ones in cube units. */
  readonly width?: number;
  readonly height?: number;
  readonly depth?: number;
  /** 0 (direct) to 1 (fully diffuse). */
  readonly diffuse?: number;
  /** Present: the object snaps to the nearest loudspeaker within maxDistance. */
  readonly channelLock?: ChannelLock;
  readonly objectDivergence?: ObjectDivergence;
  /** Zones whose loudspeakers the object must not use. */
  readonly zoneExclusion?: readonly ExclusionZone[];
}

/** ADM channelLock with its flag set; maxDistance absent = unlimited. */
export interface ChannelLock {
  readonly maxDistance?: number;
  readonly extraFields?: ExtraFields;
}

/** ADM objectDivergence: value 0 to 1; azimuthRange (polar objects, degrees) or positionRange (Cartesian). */
export interface ObjectDivergence {
  readonly value: number;
  readonly azimuthRange?: Degrees;
  readonly positionRange?: number;
  readonly extraFields?: ExtraFields;
}

/** An ADM zoneExclusion zone: polar (degrees) or Cartesian (cube units, -1 to 1). */
export type ExclusionZone = PolarExclusionZone | CartesianExclusionZone;

export interface PolarExclusionZone {
  readonly minAzimuth: Degrees;
  readonly maxAzimuth: Degrees;
  readonly minElevation: Degrees;
  readonly maxElevation: Degrees;
  readonly extraFields?: ExtraFields;
}

export interface CartesianExclusionZone {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
  readonly minZ: number;
  readonly maxZ: number;
  readonly extraFields?: ExtraFields;
}

/** An ADM Cartesian position (`cartesian` flag set): X right, Y front, Z up, each in [-1, 1]. */
export interface AdmCartesianPosition {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  readonly extraFields?: ExtraFields;
}

/**
 * How the object is rendered for headphones (ADM export maps it to headphoneVirtualise):
 * `off` bypasses the binaural virtualisation, `near`, `mid` and `far` set the room's
 * distance. Stored only: it changes no sound yet.
 */
export type BinauralRenderMode = 'off' | 'near' | 'mid' | 'far';
export const BINAURAL_RENDER_MODES: readonly BinauralRenderMode[] = ['off', 'near', 'mid', 'far'];
/** Dolby's default; an object without the field has it. */
export const DEFAULT_BINAURAL_RENDER_MODE: BinauralRenderMode = 'mid';

/** The ADM parameters' names, in the order files write them. */
export const ADM_PARAMETER_NAMES = ['width', 'height', 'depth', 'diffuse', 'channelLock', 'objectDivergence', 'zoneExclusion'] as const;

/** The extent and diffuseness numbers: interpolated between blocks. */
export const ADM_NUMBER_PARAMETERS = ['width', 'height', 'depth', 'diffuse'] as const;
export type AdmNumberParameter = (typeof ADM_NUMBER_PARAMETERS)[number];

/** The range each number parameter is checked against (polar extent in degrees). */
export const ADM_NUMBER_LIMITS: Readonly<Record<AdmNumberParameter, { min: number; max: number }>> = {
  width: { min: 0, max: 360 },
  height: { min: 0, max: 360 },
  depth: { min: 0, max: 1 },
  diffuse: { min: 0, max: 1 },
};
