import { RADIANS_PER_DEGREE } from '../core/units';
import { createStereoFoldDown, stereoFoldDownGains } from '../dsp/panners/stereoFoldDown';
import { RENDER_BLOCK_FRAMES } from './renderBlock';

type StereoFoldDownState = ReturnType<typeof createStereoFoldDown>;

/**
 * The stereo fold-down bus: each object panned to 0+2+0 as ITU-R BS.2127 does
 * (stereoFoldDown.ts), its gains ramped linearly across the block from the previous
 * block's, so movement never steps.
 */
export interface StereoBus {
  readonly foldDown: StereoFoldDownState;
  readonly target: Float64Array;
  readonly left: Float32Array;
  readonly right: Float32Array;
}

/** One object's pan: the gains in use (left, right) and the direction they were computed for. */
export interface StereoPanGains {
  readonly gains: Float64Array;
  x: number;
  y: number;
  z: number;
}

export function createStereoBus(): StereoBus {
  return {
    foldDown: createStereoFoldDown(),
    target: new Float64Array(2),
    left: new Float32Array(RENDER_BLOCK_FRAMES),
    right: new Float32Array(RENDER_BLOCK_FRAMES),
  };
}

export function createStereoPanGains(): StereoPanGains {
  return { gains: new Float64Array(2), x: 0, y: 0, z: 0 };
}

export function beginStereoBlock(bus: StereoBus): void {
  bus.left.fill(0);
  bus.right.fill(0);
}

/**
 * Sets `gains` for head-relative unit direction (x, y, z) without a ramp (a voice that
 * starts or restarts).
 */
export function resetStereoPan(bus: StereoBus, pan: StereoPanGains, x: number, y: number, z: number): void {
  stereoPanGains(bus, x, y, z, pan.gains);
  pan.x = x;
  pan.y = y;
  pan.z = z;
}

/** Adds one object's block heard from head-relative unit direction (x, y, z). Allocation-free. */
export function addStereoObject(
  bus: StereoBus,
  pan: StereoPanGains,
  input: Float32Array,
  x: number,
  y: number,
  z: number,
): void {
  const gains = pan.gains;
  const target = bus.target;
  if (x === pan.x && y === pan.y && z === pan.z) {
    target[0] = gains[0]!;
    target[1] = gains[1]!;
  } else {
    stereoPanGains(bus, x, y, z, target);
    pan.x = x;
    pan.y = y;
    pan.z = z;
  }
  const l0 = gains[0]!;
  const r0 = gains[1]!;
  const dl = (target[0]! - l0) / RENDER_BLOCK_FRAMES;
  const dr = (target[1]! - r0) / RENDER_BLOCK_FRAMES;
  const left = bus.left;
  const right = bus.right;
  for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) {
    const s = input[i]!;
    left[i] = left[i]! + s * (l0 + dl * (i + 1));
    right[i] = right[i]! + s * (r0 + dr * (i + 1));
  }
  gains[0] = target[0]!;
  gains[1] = target[1]!;
}

/** The fold-down's (left, right) gains for head-relative unit direction (x, y, z), into `out`. Allocation-free. */
export function stereoPanGains(bus: StereoBus, x: number, y: number, z: number, out: Float64Array): void {
  const azimuthDeg = Math.atan2(-x, y) / RADIANS_PER_DEGREE;
  const elevationDeg = Math.atan2(z, Math.hypot(x, y)) / RADIANS_PER_DEGREE;
  stereoFoldDownGains(bus.foldDown, azimuthDeg, elevationDeg, out);
}
