import type { ObjectValues } from '../../core/scene/objectValues';
import type { SpreadSide } from '../../core/scene/spreadObjects';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { createAirAbsorptionFilter, processAirAbsorption, setAirAbsorptionDistance } from './airAbsorptionFilter';
import type { AirAbsorptionFilter } from './airAbsorptionFilter';
import { distanceGain, excessDistanceM } from './distanceModel';

/**
 * One rendered object: a mono channel of a stem placed in the scene. A stereo stem makes
 * two objects, its channels at +/- spread/2 around the source's azimuth.
 *
 * Per block the object: glides its head-relative position towards the target (a
 * one-pole of POSITION_SMOOTHING_SEC, so dragged sources move smoothly), applies its gain
 * (user gain x distance gain x audibility) as a ramp across the block, and the air
 * absorption of ISO 9613-1 for its distance (airAbsorptionFilter.ts). The result, `input`, feeds every output bus.
 * Its samples come from `channel`, or from its source's mid/side stage when that runs.
 */
export interface RenderObject {
  /** The stem's channel at the session rate. */
  readonly channel: Float32Array;
  /** +1 for a stereo stem's left channel, -1 for its right, 0 for a mono stem. */
  readonly spreadSide: SpreadSide;
  /** Target position in scene (world) coordinates, metres. */
  readonly worldTarget: Float64Array;
  /** Current head-relative position, metres (smoothed). */
  readonly position: Float64Array;
  /** Current head-relative unit direction and distance (from `position`). */
  readonly direction: Float64Array;
  distanceM: number;
  /** Linear gain from the user's gainDb; audibility and distance apply on top. */
  userGain: number;
  audible: boolean;
  /** Gain applied at the end of the last block (the ramp's start). */
  appliedGain: number;
  /** The air absorption filter (it glides to a new distance over a block). */
  readonly air: AirAbsorptionFilter;
  /** Blocks since the gain reached zero; the object is skipped after its filter tail. */
  silentBlocks: number;
  /** Whether the object was rendered in the last block (its DSP state is live). */
  live: boolean;
  readonly input: Float32Array;
  /** Its source's parameters at this block (shared by a stereo stem's two objects): ObjectPlacement.values. */
  readonly values: ObjectValues;
}

export const POSITION_SMOOTHING_SEC = 0.02;
/** Closer than this the head-relative direction is taken as straight ahead. */
const MIN_POSITION_M = 1e-6;

export function createRenderObject(channel: Float32Array, spreadSide: SpreadSide, sampleRateHz: number, values: ObjectValues): RenderObject {
  return {
    channel,
    spreadSide,
    worldTarget: new Float64Array(3),
    position: new Float64Array(3),
    direction: Float64Array.of(0, 1, 0),
    distanceM: 1,
    userGain: 1,
    audible: true,
    appliedGain: 0,
    air: createAirAbsorptionFilter(sampleRateHz),
    silentBlocks: 0,
    live: false,
    input: new Float32Array(RENDER_BLOCK_FRAMES),
    values,
  };
}

/** Moves the current position to `headTarget` at once (start, seek) or glides by `smoothing` (0..1]. */
export function moveObject(object: RenderObject, headTarget: Float64Array, smoothing: number): void {
  const p = object.position;
  for (let i = 0; i < 3; i++) {
    const delta = headTarget[i]! - p[i]!;
    p[i] = Math.abs(delta) < 1e-5 ? headTarget[i]! : p[i]! + smoothing * delta;
  }
  object.distanceM = writeUnitDirection(p, object.direction);
}

/** Writes the unit direction of head-relative `position` into `out` (ahead when at the head); returns its distance. */
export function writeUnitDirection(position: Float64Array, out: Float64Array): number {
  const distance = Math.hypot(position[0]!, position[1]!, position[2]!);
  if (distance < MIN_POSITION_M) {
    out[0] = 0;
    out[1] = 1;
    out[2] = 0;
  } else {
    out[0] = position[0]! / distance;
    out[1] = position[1]! / distance;
    out[2] = position[2]! / distance;
  }
  return distance;
}

/** The gain the object heads for in this block. */
export function targetGain(object: RenderObject): number {
  return object.audible ? object.userGain * distanceGain(object.distanceM) : 0;
}

/**
 * Fills `object.input` with the block that starts at index `start` of `samples`: the
 * object's channel at the block's stem frame, or a block its source's mid/side stage
 * processed (start 0). Samples past the end of `samples` are silence. Allocation-free.
 */
export function fillObjectInput(object: RenderObject, samples: Float32Array, start: number): void {
  const gain0 = object.appliedGain;
  const gain1 = targetGain(object);
  const step = (gain1 - gain0) / RENDER_BLOCK_FRAMES;
  setAirAbsorptionDistance(object.air, excessDistanceM(object.distanceM));
  const block = object.air.block;
  const available = Math.max(0, Math.min(RENDER_BLOCK_FRAMES, samples.length - start));
  for (let i = 0; i < available; i++) block[i] = samples[start + i]! * (gain0 + step * (i + 1));
  // Past the end of the samples: silence through the filter (its tail).
  for (let i = available; i < RENDER_BLOCK_FRAMES; i++) block[i] = 0;
  processAirAbsorption(object.air, object.input);
  object.appliedGain = gain1;
}
