import { createShRotation, rotationBlockOffset, setShRotation } from '../../dsp/ambisonics/shRotation';
import type { ShRotation } from '../../dsp/ambisonics/shRotation';
import { acnOrderDegree, normalizationFactor } from '../../dsp/ambisonics/sphericalHarmonics';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import type { AmbisonicChannel } from './ambisonicChannels';

/**
 * An HOA stem turned as the renderer hears the scene: the field is part of the scene, so
 * the scene rotation and the monitor head turn it as they turn the objects. The renderer's
 * rotation C = S H (listenerRotation.ts) hears a world direction w from C^T w, so the
 * stem's channels are multiplied by the spherical-harmonic rotation of Q = C^T
 * (dsp/ambisonics/shRotation.ts) before every bus decodes them with its fixed decoder
 * gains or filters: one rotation serves every bus.
 *
 * The rotation heard glides to a new C as an object's position does (the same one-pole
 * per block, POSITION_SMOOTHING_SEC; at once when the stem restarts), kept orthonormal,
 * and the channel matrix ramps linearly across each block from the last block's, as the
 * buses ramp object gains:
 *   out_c[i] = sum_k (M_ck + (M'_ck - M_ck)(i + 1) / B) x_k[i].
 * The matrix acts in SN3D/ACN; a stem in N3D or FuMa is scaled to SN3D and back around it
 * (normalisations differ by a factor per order and |m|). While the rotation heard is exactly
 * the identity (no scene rotation, no head), nothing is done: the stem feeds the buses as
 * it is, bit for bit. Allocation-free after creation.
 */
export interface AmbisonicRotator {
  readonly order: number;
  /** The stem's channels. */
  readonly stem: readonly Float32Array[];
  /** Per ACN, the stem channel that holds it. */
  readonly channelOf: Int32Array;
  /** Per ACN, the factor from the stem's normalisation to SN3D. */
  readonly toSn3d: Float64Array;
  readonly rotation: ShRotation;
  /** The gliding rotation of directions (row-major 3 x 3), and its orthonormal version in use. */
  readonly glide: Float64Array;
  readonly heard: Float64Array;
  /** The channel matrix at the end of the last block and for this block's end (ShRotation's block layout, stem normalisation folded in). */
  readonly previous: Float64Array;
  readonly gains: Float64Array;
  /** Whether `heard` is exactly the identity. */
  identity: boolean;
  /** The stem's block read from its channels (silence past their end), by stem channel, and the turned block. */
  readonly input: readonly Float32Array[];
  readonly output: readonly Float32Array[];
  readonly row: Float64Array;
  /** The stem frame of the block last turned (-1: none), and of the block in which the stem restarted. */
  blockFrame: number;
  restartFrame: number;
  /** Whether the block last processed was turned (false: the stem feeds the buses as it is). */
  turned: boolean;
}

/** A rotator for an HOA stem: its channels' components, in stem order, and their samples. */
export function createAmbisonicRotator(channels: readonly AmbisonicChannel[], stem: readonly Float32Array[]): AmbisonicRotator {
  const order = channels[0]?.order ?? 0;
  const count = (order + 1) * (order + 1);
  const channelOf = new Int32Array(count);
  const toSn3d = new Float64Array(count);
  channels.forEach((channel, c) => {
    const { n, m } = acnOrderDegree(channel.acn);
    channelOf[channel.acn] = c;
    toSn3d[channel.acn] = normalizationFactor(n, Math.abs(m), 'SN3D') / normalizationFactor(n, Math.abs(m), channel.normalization);
  });
  const rotation = createShRotation(order);
  const identity = Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
  const rotator: AmbisonicRotator = {
    order,
    stem,
    channelOf,
    toSn3d,
    rotation,
    glide: identity.slice(),
    heard: identity.slice(),
    previous: new Float64Array(rotation.blocks.length),
    gains: new Float64Array(rotation.blocks.length),
    identity: true,
    input: channels.map(() => new Float32Array(RENDER_BLOCK_FRAMES)),
    output: channels.map(() => new Float32Array(RENDER_BLOCK_FRAMES)),
    row: new Float64Array(RENDER_BLOCK_FRAMES),
    blockFrame: -1,
    restartFrame: -1,
    turned: false,
  };
  writeChannelMatrix(rotator);
  rotator.previous.set(rotator.gains);
  return rotator;
}

/** A seek: the next block is turned afresh, even one at the stem frame of the block last turned. */
export function seekAmbisonicRotator(rotator: AmbisonicRotator): void {
  rotator.blockFrame = -1;
}

/** The stem restarts in the block at `blockFrame` (start, seek, unmute): the rotation is taken at once, without a glide or ramp. */
export function restartAmbisonicRotator(rotator: AmbisonicRotator, blockFrame: number): void {
  rotator.restartFrame = blockFrame;
}

/**
 * Turns the stem's block that starts at stem frame `blockFrame` for the renderer's rotation
 * `composed` (C = S H, row-major), gliding by `smoothing` (0..1]; returns whether it is
 * turned (then rotator.output holds it, by stem channel) or the stem is to be used as it is. Once per
 * block: a second call for the same block returns the first's answer. Allocation-free.
 */
export function turnAmbisonicBlock(rotator: AmbisonicRotator, blockFrame: number, composed: Float64Array, smoothing: number): boolean {
  if (rotator.blockFrame === blockFrame) return rotator.turned;
  rotator.blockFrame = blockFrame;
  const restarting = rotator.restartFrame === blockFrame;
  const wasIdentity = rotator.identity;
  const changed = glideTo(rotator, composed, restarting ? 1 : smoothing);
  if (changed) writeChannelMatrix(rotator);
  const ramp = changed && !restarting;
  rotator.turned = !(rotator.identity && (wasIdentity || !ramp));
  if (rotator.turned) {
    readStemBlock(rotator, blockFrame);
    mixChannels(rotator, ramp);
  }
  rotator.previous.set(rotator.gains);
  return rotator.turned;
}

/** Moves `glide` towards Q = C^T by `smoothing` (an entry within 1e-5 of its target takes it, as an object's position does) and orthonormalises it into `heard`; returns whether `heard` changed. */
function glideTo(rotator: AmbisonicRotator, composed: Float64Array, smoothing: number): boolean {
  const glide = rotator.glide;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const target = composed[3 * j + i]!;
      const delta = target - glide[3 * i + j]!;
      glide[3 * i + j] = Math.abs(delta) < 1e-5 ? target : glide[3 * i + j]! + smoothing * delta;
    }
  }
  const heard = rotator.heard;
  if (!orthonormalise(glide, heard)) return false;
  rotator.identity = heard[0] === 1 && heard[4] === 1 && heard[8] === 1 && heard[1] === 0 && heard[2] === 0 && heard[3] === 0 && heard[5] === 0 && heard[6] === 0 && heard[7] === 0;
  return true;
}

/**
 * Gram-Schmidt on the columns of `m` into `out` (the third the cross product of the first two,
 * so the determinant is 1); returns whether `out` changed. A glide through a half turn may
 * pass a column near zero: then `out` stays as it is for that block.
 */
function orthonormalise(m: Float64Array, out: Float64Array): boolean {
  let ax = m[0]!;
  let ay = m[3]!;
  let az = m[6]!;
  const aNorm = Math.hypot(ax, ay, az);
  if (aNorm < 1e-6) return false;
  ax /= aNorm;
  ay /= aNorm;
  az /= aNorm;
  const dot = ax * m[1]! + ay * m[4]! + az * m[7]!;
  let bx = m[1]! - dot * ax;
  let by = m[4]! - dot * ay;
  let bz = m[7]! - dot * az;
  const bNorm = Math.hypot(bx, by, bz);
  if (bNorm < 1e-6) return false;
  bx /= bNorm;
  by /= bNorm;
  bz /= bNorm;
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  const same = out[0] === ax && out[3] === ay && out[6] === az && out[1] === bx && out[4] === by && out[7] === bz && out[2] === cx && out[5] === cy && out[8] === cz;
  if (same) return false;
  out[0] = ax;
  out[3] = ay;
  out[6] = az;
  out[1] = bx;
  out[4] = by;
  out[7] = bz;
  out[2] = cx;
  out[5] = cy;
  out[8] = cz;
  return true;
}

/** gains = diag(1 / toSn3d) R(heard) diag(toSn3d), block by block. */
function writeChannelMatrix(rotator: AmbisonicRotator): void {
  setShRotation(rotator.rotation, rotator.heard);
  const { blocks } = rotator.rotation;
  const { gains, toSn3d } = rotator;
  for (let n = 0; n <= rotator.order; n++) {
    const size = 2 * n + 1;
    const offset = rotationBlockOffset(n);
    for (let r = 0; r < size; r++) {
      for (let k = 0; k < size; k++) {
        gains[offset + r * size + k] = (blocks[offset + r * size + k]! * toSn3d[n * n + k]!) / toSn3d[n * n + r]!;
      }
    }
  }
}

function readStemBlock(rotator: AmbisonicRotator, blockFrame: number): void {
  for (let c = 0; c < rotator.input.length; c++) {
    const samples = rotator.stem[c]!;
    const block = rotator.input[c]!;
    const available = Math.max(0, Math.min(RENDER_BLOCK_FRAMES, samples.length - blockFrame));
    for (let i = 0; i < available; i++) block[i] = samples[blockFrame + i]!;
    block.fill(0, available);
  }
}

/** output = M input per order block, M ramping from `previous` to `gains` across the block when `ramp`. */
function mixChannels(rotator: AmbisonicRotator, ramp: boolean): void {
  const { previous, gains, channelOf, input, output, row } = rotator;
  const B = RENDER_BLOCK_FRAMES;
  for (let n = 0; n <= rotator.order; n++) {
    const size = 2 * n + 1;
    const offset = rotationBlockOffset(n);
    for (let r = 0; r < size; r++) {
      row.fill(0);
      for (let k = 0; k < size; k++) {
        const g1 = gains[offset + r * size + k]!;
        const g0 = ramp ? previous[offset + r * size + k]! : g1;
        if (g0 === 0 && g1 === 0) continue;
        const x = input[channelOf[n * n + k]!]!;
        if (g0 === g1) {
          for (let i = 0; i < B; i++) row[i] = row[i]! + g1 * x[i]!;
        } else {
          const step = (g1 - g0) / B;
          for (let i = 0; i < B; i++) row[i] = row[i]! + (g0 + step * (i + 1)) * x[i]!;
        }
      }
      const out = output[channelOf[n * n + r]!]!;
      for (let i = 0; i < B; i++) out[i] = row[i]!;
    }
  }
}
