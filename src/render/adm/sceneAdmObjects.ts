import type { AdmObjectsBlock } from '../../core/adm/admModel';
import { worldToHead } from '../../core/orientation';
import type { BinauralRenderMode } from '../../core/scene/objectMetadata';
import { DEFAULT_BINAURAL_RENDER_MODE } from '../../core/scene/objectMetadata';
import type { ObjectBlock } from '../../core/scene/objectTimeline';
import { createObjectValues, createObjectValuesScratch, writeObjectValuesAt } from '../../core/scene/objectValues';
import type { ObjectValues } from '../../core/scene/objectValues';
import type { Scene, SceneSource } from '../../core/scene/scene';
import { sourceParamsOf } from '../../core/scene/sourceParams';
import type { SourceParams } from '../../core/scene/sourceParams';
import { writeSpreadObjectPosition } from '../../core/scene/spreadObjects';
import { writeCartesianPointAsPolar, writePolarExtentAsCartesian, writePolarPointAsCartesian } from '../../dsp/panners/objectGains/coordinateConversion';
import { azimuthOf, elevationOf } from '../../dsp/panners/objectGains/vector3';
import { createListenerRotation } from '../listenerRotation';

/** An object's audioBlockFormat for an Atmos-style master: the Objects fields with a Cartesian position (ADM X, Y, Z). */
export type AdmExportBlock = Omit<AdmObjectsBlock, 'type' | 'id' | 'position'> & { readonly position: { readonly x: number; readonly y: number; readonly z: number } };

/**
 * headphoneVirtualise of each binaural render mode. `off` bypasses the virtualisation;
 * near, mid and far keep it with a direct-to-reverberant ratio (BS.2076-2 DRR, 0-30 dB)
 * that falls with distance. Dolby's own tools were not found to state a mapping (the
 * studio's choice; the import reads it back: admSceneImport).
 */
export const HEADPHONE_VIRTUALISE_OF_MODE: Readonly<Record<BinauralRenderMode, NonNullable<AdmObjectsBlock['headphoneVirtualise']>>> = {
  off: { bypass: true },
  near: { bypass: false, directToReverberantRatio: 20 },
  mid: { bypass: false, directToReverberantRatio: 10 },
  far: { bypass: false, directToReverberantRatio: 0 },
};

/**
 * The audioBlockFormats of one of `source`'s objects (`side`: 0 a mono stem's, +1 a stereo
 * stem's left, -1 its right), as the renderer places it: the scene rotation applied, the
 * spread of a stereo stem, each timeline block at the values it reaches (its rtime,
 * duration and jumpPosition kept). Every block is Cartesian, as the Atmos master profile
 * wants: a polar object's direction converted by ITU-R BS.2127 section 10 at distance 1
 * (on the cube's surface: the distance's level and air absorption are in the object's
 * audio), its extent likewise; a Cartesian object at its own X, Y, Z (turned by the scene
 * rotation as the renderer turns it) with its extent in cube units as it is. A static
 * object is one block over `lengthSec`. The gain is in the audio too, so no block carries one.
 */
export function admObjectBlocks(scene: Scene, source: SceneSource, side: number, lengthSec: number): AdmExportBlock[] {
  const params = sourceParamsOf(source);
  const rotation = createListenerRotation(scene.listener).composed;
  const values = createObjectValues();
  const scratch = createObjectValuesScratch();
  const world = new Float64Array(3);
  const head = new Float64Array(3);
  const cartesian = new Float64Array(3);
  const equivalent = new Float64Array(3);
  const virtualise = HEADPHONE_VIRTUALISE_OF_MODE[source.binauralRenderMode ?? DEFAULT_BINAURAL_RENDER_MODE];
  const blockAt = (described: SourceParams, timeSec: number, timing: Pick<AdmExportBlock, 'rtime' | 'duration' | 'jumpPosition'>): AdmExportBlock => {
    writeObjectValuesAt(described, timeSec, scratch, values);
    // A Cartesian object is placed at its section 10 polar equivalent (as the renderer
    // places it) and goes back into the cube at that distance: with no rotation and no
    // spread its own X, Y, Z to rounding, as the loudspeaker bus pans it (objectGainBlock.ts).
    if (values.cartesian) writeCartesianPointAsPolar(values.X, values.Y, values.Z, equivalent);
    const placed = values.cartesian ? { azimuthDeg: equivalent[0]!, elevationDeg: equivalent[1]!, distanceM: 1 } : values;
    writeSpreadObjectPosition({ azimuthDeg: placed.azimuthDeg, elevationDeg: placed.elevationDeg, distanceM: placed.distanceM, spreadDeg: source.spreadDeg }, side, world);
    worldToHead(rotation, world[0]!, world[1]!, world[2]!, head);
    const azimuthDeg = azimuthOf(head[0]!, head[1]!);
    const elevationDeg = elevationOf(head[0]!, head[1]!, head[2]!);
    writePolarPointAsCartesian(azimuthDeg, elevationDeg, values.cartesian ? equivalent[2]! : 1, cartesian);
    return { ...timing, position: { x: cartesian[0]!, y: cartesian[1]!, z: cartesian[2]! }, ...extentFields(values, azimuthDeg, elevationDeg), ...otherFields(values), headphoneVirtualise: virtualise };
  };
  const timeline = source.timeline;
  if (timeline === undefined || timeline.length <= 1) return [blockAt(params, 0, { rtime: 0, duration: lengthSec })];
  // Each block up to its own end: a next block starting right then would be in force there.
  return timeline.map((block, k) => blockAt({ ...params, timeline: timeline.slice(0, k + 1) }, reachedAtSec(block), timingOf(block)));
}

/** When a block's values are reached: after its interpolation length, or its duration. */
function reachedAtSec(block: ObjectBlock): number {
  return block.rtimeSec + (block.jumpPosition?.flag === true ? block.jumpPosition.interpolationLengthSec : block.durationSec);
}

function timingOf(block: ObjectBlock): Pick<AdmExportBlock, 'rtime' | 'duration' | 'jumpPosition'> {
  return {
    rtime: block.rtimeSec,
    duration: block.durationSec,
    ...(block.jumpPosition === undefined ? {} : { jumpPosition: { flag: block.jumpPosition.flag, interpolationLength: block.jumpPosition.interpolationLengthSec } }),
  };
}

/** width (X), depth (Y), height (Z) in cube units: a polar extent converted by section 10, a Cartesian one as it is. */
function extentFields(values: ObjectValues, azimuthDeg: number, elevationDeg: number): Pick<AdmExportBlock, 'width' | 'height' | 'depth'> {
  if (values.width === 0 && values.height === 0 && values.depth === 0) return {};
  if (values.cartesian) return { width: values.width, height: values.height, depth: values.depth };
  const sizes = new Float64Array(3);
  writePolarExtentAsCartesian(azimuthDeg, elevationDeg, values.width, values.height, values.depth, sizes);
  return { width: sizes[0]!, depth: sizes[1]!, height: sizes[2]! };
}

/** Diffuseness, channel lock, divergence (its Cartesian positionRange; a polar azimuthRange has no section 10 conversion and is left out) and zone exclusion. */
function otherFields(values: ObjectValues): Pick<AdmExportBlock, 'diffuse' | 'channelLock' | 'objectDivergence' | 'zoneExclusion'> {
  const divergence = values.objectDivergence;
  return {
    ...(values.diffuse === 0 ? {} : { diffuse: values.diffuse }),
    ...(values.channelLock === undefined ? {} : { channelLock: { flag: true, ...(values.channelLock.maxDistance === undefined ? {} : { maxDistance: values.channelLock.maxDistance }) } }),
    ...(divergence === undefined ? {} : { objectDivergence: { value: divergence.value, ...(divergence.positionRange === undefined ? {} : { positionRange: divergence.positionRange }) } }),
    ...(values.zoneExclusion === undefined ? {} : { zoneExclusion: values.zoneExclusion.map(({ extraFields: _extra, ...zone }) => ({ coordinates: 'minX' in zone ? 'cartesian' : 'polar', ...zone }) as NonNullable<AdmExportBlock['zoneExclusion']>[number]) }),
  };
}
