import type { Degrees } from '../../../core/units';

/**
 * One block of an object's metadata, with the semantics and field names of ITU-R
 * BS.2076-2's audioBlockFormat for the Objects type (screenRef and screenEdgeLock are not
 * supported). Plain data: the scene's timeline blocks map onto it one to one.
 */
export interface ObjectBlock {
  /** Polar (azimuth, elevation, distance) or Cartesian (X, Y, Z). */
  readonly position: ObjectPolarPosition | ObjectCartesianPosition;
  /**
   * Which panner renders the block: true, the allocentric (Cartesian) one; false, the
   * egocentric (polar) one. When it differs from the position's kind, the position and
   * extent are converted first (BS.2127 section 10).
   */
  readonly cartesian: boolean;
  /** Extent: degrees for a polar position (width, height 0-360; depth 0-1); sizes along X, Z, Y (0-2) for a Cartesian one. */
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  /** Linear gain. */
  readonly gain: number;
  /** Share of the power sent to the diffuse (decorrelated) path, 0-1. */
  readonly diffuse: number;
  readonly channelLock: ChannelLock;
  readonly objectDivergence: ObjectDivergence;
  /** Loudspeakers to route the object away from. */
  readonly zoneExclusion: readonly ExclusionZone[];
}

export interface ObjectPolarPosition {
  /** Degrees, positive to the left. */
  readonly azimuth: Degrees;
  /** Degrees, positive up. */
  readonly elevation: Degrees;
  /** 1 = on the loudspeakers. */
  readonly distance: number;
}

export interface ObjectCartesianPosition {
  /** Right, -1 to 1. */
  readonly X: number;
  /** Front, -1 to 1. */
  readonly Y: number;
  /** Up, -1 to 1. */
  readonly Z: number;
}

export interface ChannelLock {
  /** The channelLock element's value: snap the object to the nearest loudspeaker. */
  readonly flag: boolean;
  /** Only loudspeakers nearer than this lock; null: any (BS.2076-2 maxDistance absent). */
  readonly maxDistance: number | null;
}

export interface ObjectDivergence {
  /** 0: one source; 0.5: three equal sources; 1: the two outer sources only. */
  readonly value: number;
  /**
   * Polar blocks: the outer sources' azimuth either side of the position, degrees. When a
   * file omits it, the reference renderer takes 0 for BS.2076-2 documents and 45 for
   * earlier ones: the reader supplies the document's default.
   */
  readonly azimuthRange: Degrees;
  /** Cartesian blocks: the outer sources' X offset either side. */
  readonly positionRange: number;
}

export type ExclusionZone = PolarZone | CartesianZone;

/** Azimuths run from minAzimuth anticlockwise (leftwards) to maxAzimuth, wrapping round. */
export interface PolarZone {
  readonly minElevation: Degrees;
  readonly maxElevation: Degrees;
  readonly minAzimuth: Degrees;
  readonly maxAzimuth: Degrees;
}

export interface CartesianZone {
  readonly minX: number;
  readonly minY: number;
  readonly minZ: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly maxZ: number;
}

export function isCartesianPosition(position: ObjectPolarPosition | ObjectCartesianPosition): position is ObjectCartesianPosition {
  return 'X' in position;
}

export function isCartesianZone(zone: ExclusionZone): zone is CartesianZone {
  return 'minX' in zone;
}

/** A block at the front on the loudspeakers, with every other field at its BS.2076-2 default (as the reference renderer reads them). */
export const DEFAULT_OBJECT_BLOCK: ObjectBlock = {
  position: { azimuth: 0, elevation: 0, distance: 1 },
  cartesian: false,
  width: 0,
  height: 0,
  depth: 0,
  gain: 1,
  diffuse: 0,
  channelLock: { flag: false, maxDistance: null },
  objectDivergence: { value: 0, azimuthRange: 0, positionRange: 0 },
  zoneExclusion: [],
};
