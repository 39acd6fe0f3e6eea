import { getLayout } from '../../core/layouts';
import { RADIANS_PER_DEGREE } from '../../core/units';
import type { Degrees } from '../../core/units';
import { createPointSourcePanner, pointSourceGains } from './pointSourcePanner';
import type { PointSourcePanner } from './pointSourcePanner';

/**
 * Stereo fold-down of an object, as ITU-R BS.2127 pans to the 0+2+0 layout (EBU ADM
 * Renderer, ear/core/point_source.py: `configure` picks `StereoPanDownmix` for 0+2+0).
 *
 * 1. Pan on 0+5+0 with the BS.2127 point-source panner (pointSourcePanner.ts), giving
 *    G_L, G_R, G_C, G_Ls, G_Rs for M+030, M-030, M+000, M+110, M-110, |G| = 1.
 * 2. Downmix as ITU-R BS.775, but with the centre at sqrt(3)/3 instead of sqrt(1/2):
 *      L' = G_L + G_C / sqrt(3) + G_Ls / sqrt(2),   R' = G_R + G_C / sqrt(3) + G_Rs / sqrt(2).
 *    The centre's unit vector is u_C = (u_L + u_R) / (2 cos 30) = (u_L + u_R) / sqrt(3),
 *    so this keeps the velocity vector (the direction) of the frontal pan.
 * 3. Normalise the power: (L, R) = (L', R') / |(L', R')|.
 * 4. Lower the level by the balance of front and back loudspeakers,
 *      front = max(G_L, G_R, G_C),   back = max(G_Ls, G_Rs),
 *      (L, R) *= 0.5 ^ (0.5 back / (front + back)),
 *    from 0 dB (only front loudspeakers play) to -3 dB (only the surrounds play).
 *
 * Hence L^2 + R^2 = 1 for |azimuth| <= 30 on the horizon, 1/2 for |azimuth| >= 110 on
 * the horizon, and between 1/2 and 1 everywhere; for |azimuth| <= 30 on the horizon the
 * pair's velocity vector at +/-30 degrees points at the source.
 */
export interface StereoFoldDown {
  readonly panner: PointSourcePanner;
  /** Scratch: the 0+5+0 gains, in that layout's channel order. */
  readonly surroundGains: Float64Array;
  readonly left: number;
  readonly right: number;
  readonly centre: number;
  readonly leftSurround: number;
  readonly rightSurround: number;
}

const CENTRE_DOWNMIX = Math.sqrt(3) / 3;
const SURROUND_DOWNMIX = Math.SQRT1_2;

/** Preallocated state for `stereoFoldDownGains`. */
export function createStereoFoldDown(): StereoFoldDown {
  const layout = getLayout('0+5+0');
  const indexOf = (label: string): number => {
    const index = layout.channels.findIndex((channel) => channel.label === label);
    if (index < 0) throw new Error(`stereo fold-down: layout 0+5+0 has no ${label}`);
    return index;
  };
  const panner = createPointSourcePanner(layout);
  return {
    panner,
    surroundGains: new Float64Array(panner.channelCount),
    left: indexOf('M+030'),
    right: indexOf('M-030'),
    centre: indexOf('M+000'),
    leftSurround: indexOf('M+110'),
    rightSurround: indexOf('M-110'),
  };
}

/**
 * Writes the stereo gains for an object at (azimuthDeg, elevationDeg) (BS.2076 angles)
 * into `out[0]` (left) and `out[1]` (right). Allocates nothing.
 */
export function stereoFoldDownGains(
  state: StereoFoldDown,
  azimuthDeg: Degrees,
  elevationDeg: Degrees,
  out: Float64Array,
): void {
  const azimuthRad = azimuthDeg * RADIANS_PER_DEGREE;
  const elevationRad = elevationDeg * RADIANS_PER_DEGREE;
  const horizontal = Math.cos(elevationRad);
  stereoFoldDownGainsAt(state, -Math.sin(azimuthRad) * horizontal, Math.cos(azimuthRad) * horizontal, Math.sin(elevationRad), out);
}

/** As `stereoFoldDownGains`, for a source in unit direction (x, y, z). Allocates nothing. */
export function stereoFoldDownGainsAt(state: StereoFoldDown, x: number, y: number, z: number, out: Float64Array): void {
  const g = state.surroundGains;
  pointSourceGains(state.panner, x, y, z, g);
  const gL = g[state.left] ?? 0;
  const gR = g[state.right] ?? 0;
  const gC = g[state.centre] ?? 0;
  const gLs = g[state.leftSurround] ?? 0;
  const gRs = g[state.rightSurround] ?? 0;

  const left = gL + CENTRE_DOWNMIX * gC + SURROUND_DOWNMIX * gLs;
  const right = gR + CENTRE_DOWNMIX * gC + SURROUND_DOWNMIX * gRs;
  const front = Math.max(gL, gR, gC);
  const back = Math.max(gLs, gRs);
  const scale = Math.pow(0.5, (0.5 * back) / (front + back)) / Math.sqrt(left * left + right * right);
  out[0] = left * scale;
  out[1] = right * scale;
}
