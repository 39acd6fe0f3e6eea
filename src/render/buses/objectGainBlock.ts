import type { ObjectValues } from '../../core/scene/objectValues';
import { writeCartesianPointAsPolar, writePolarPointAsCartesian } from '../../dsp/panners/objectGains/coordinateConversion';
import { DEFAULT_OBJECT_BLOCK } from '../../dsp/panners/objectGains/objectBlock';
import type { ExclusionZone, ObjectBlock } from '../../dsp/panners/objectGains/objectBlock';
import { azimuthOf, elevationOf } from '../../dsp/panners/objectGains/vector3';

/**
 * An object's metadata as the loudspeaker bus hands it to BS.2127's gain calculator
 * (dsp/panners/objectGains): one mutable ObjectBlock per bus, rewritten in place for each
 * object whose gains are recomputed (allocation-free).
 *
 * - Polar objects: the head-relative direction (the scene rotation and monitor head
 *   applied, a stereo stem's spread too) at ADM distance 1: the scene's metres are the
 *   distance model's (level and air absorption before the buses), not BS.2127's distance,
 *   which would shrink or widen the extent.
 * - Cartesian objects: allocentric, at a cube position. With no rotation it is the
 *   object's X, Y, Z. A rotation turns it as it turns a polar object: the renderer places
 *   the object at the polar equivalent of (X, Y, Z) by BS.2127 section 10 (rendererSources.ts),
 *   so the head-relative direction is that turned, and its section 10 Cartesian point at
 *   the section 10 distance of (X, Y, Z) is the position (it stays in the cube; with no
 *   rotation it is (X, Y, Z) again to rounding). Extent, zones and channel lock stay in
 *   room axes.
 * - The gain is 1: the object's gain is applied before the buses.
 * - Absent ADM parameters are BS.2076-2's defaults (divergence ranges 0, as the reference
 *   renderer takes for a BS.2076-2 document).
 */
export interface ObjectGainBlock extends ObjectBlock {
  position: { azimuth: number; elevation: number; distance: number } | { X: number; Y: number; Z: number };
  cartesian: boolean;
  width: number;
  height: number;
  depth: number;
  diffuse: number;
  readonly channelLock: { flag: boolean; maxDistance: number | null };
  readonly objectDivergence: { value: number; azimuthRange: number; positionRange: number };
  zoneExclusion: readonly ExclusionZone[];
}

interface GainBlockScratch {
  readonly block: ObjectGainBlock;
  readonly polar: { azimuth: number; elevation: number; distance: number };
  readonly cube: { X: number; Y: number; Z: number };
  readonly vector: Float64Array;
}

const NO_ZONES: readonly ExclusionZone[] = [];

export function createObjectGainBlock(): GainBlockScratch {
  const polar = { azimuth: 0, elevation: 0, distance: 1 };
  return {
    // BS.2076-2's defaults, with objects of its own to rewrite in place
    block: {
      ...DEFAULT_OBJECT_BLOCK,
      position: polar,
      channelLock: { ...DEFAULT_OBJECT_BLOCK.channelLock },
      objectDivergence: { ...DEFAULT_OBJECT_BLOCK.objectDivergence },
      zoneExclusion: NO_ZONES,
    },
    polar,
    cube: { X: 0, Y: 1, Z: 0 },
    vector: new Float64Array(3),
  };
}

/** Whether `values` ask for nothing but the point-source panner (a polar point, direct only, no lock, divergence or zones). */
export function isPlainPoint(values: ObjectValues | undefined): boolean {
  if (values === undefined) return true;
  return (
    !values.cartesian &&
    values.width === 0 &&
    values.height === 0 &&
    values.depth === 0 &&
    values.diffuse === 0 &&
    values.channelLock === undefined &&
    (values.objectDivergence === undefined || values.objectDivergence.value === 0) &&
    (values.zoneExclusion === undefined || values.zoneExclusion.length === 0)
  );
}

/** Writes the block for `values` heard from head-relative unit direction (x, y, z) into scratch.block and returns it. */
export function writeObjectGainBlock(scratch: GainBlockScratch, values: ObjectValues, x: number, y: number, z: number): ObjectGainBlock {
  const { block, polar, cube, vector } = scratch;
  const azimuthDeg = azimuthOf(x, y);
  const elevationDeg = elevationOf(x, y, z);
  if (values.cartesian) {
    writeCartesianPointAsPolar(values.X, values.Y, values.Z, vector);
    writePolarPointAsCartesian(azimuthDeg, elevationDeg, vector[2]!, vector);
    cube.X = vector[0]!;
    cube.Y = vector[1]!;
    cube.Z = vector[2]!;
    block.position = cube;
  } else {
    polar.azimuth = azimuthDeg;
    polar.elevation = elevationDeg;
    polar.distance = 1;
    block.position = polar;
  }
  block.cartesian = values.cartesian;
  block.width = values.width;
  block.height = values.height;
  block.depth = values.depth;
  block.diffuse = values.diffuse;
  const lock = values.channelLock;
  block.channelLock.flag = lock !== undefined;
  block.channelLock.maxDistance = lock?.maxDistance ?? null;
  const divergence = values.objectDivergence;
  block.objectDivergence.value = divergence?.value ?? 0;
  block.objectDivergence.azimuthRange = divergence?.azimuthRange ?? 0;
  block.objectDivergence.positionRange = divergence?.positionRange ?? 0;
  block.zoneExclusion = values.zoneExclusion ?? NO_ZONES;
  return block;
}
