import type { LoudspeakerLayout } from '../../core/layouts';
import { RADIANS_PER_DEGREE } from '../../core/units';
import type { Degrees } from '../../core/units';
import { createVbapRing, vbapRingPair } from './vbapRing';
import type { VbapRing } from './vbapRing';

/**
 * The ITU-R BS.2127 point-source panner for a layout whose loudspeakers are all on the
 * horizon (0+5+0, 0+7+0), elevated and lowered sources included.
 *
 * BS.2127 (EBU ADM Renderer, ear/core/point_source.py: `extra_pos_vertical_nominal`,
 * `_configure_full`, `QuadRegion`, `VirtualNgon`) fills a layout with no upper or lower
 * layer with virtual loudspeakers: a copy of every horizon loudspeaker at its azimuth and
 * elevation +30 (U_k) and -30 (B_k), each downmixed 1:1 into the loudspeaker it copies,
 * and one at each pole (Z = (0, 0, +/-1)) whose signal goes to the N copies of its layer
 * with gain 1/sqrt(N). The convex hull of these gives quads (M_i, M_j, U_j, U_i) between
 * the horizon and each copy ring, and triangles (U_i, U_j, Z) round each pole.
 *
 * For a unit source vector p = (x, y, z) let (i, j) be the horizon pair containing its
 * horizontal part and h the 2-D VBAP gains, h_i u_i + h_j u_j = (x, y) (see vbapRing).
 * With c = cos 30, s = sin 30, the pole triangle's gains g_i U_i + g_j U_j + g_Z Z = p
 * are, in closed form,
 *   g_i = h_i / c,   g_j = h_j / c,   g_Z = |z| - s (g_i + g_j).
 * - g_Z <= 0: p is in the quad. Its left-right coordinate depends on the azimuth only
 *   (both of its side edges are vertical), and downmixing the copies into the
 *   loudspeakers below them sums its up-down weights away, so
 *     G_i = h_i / |h|,   G_j = h_j / |h|.
 * - g_Z > 0: p is round the pole. With v = (g_i, g_j, g_Z) / |(g_i, g_j, g_Z)|,
 *     G_k = v_Z / sqrt(N) for every loudspeaker k, plus v_i at i and v_j at j,
 *   then G /= |G|.
 * On the boundary g_Z = 0 both give the same gains, so G is continuous.
 *
 * Invariants (tested): G_k >= 0, |G| = 1; on the horizon the velocity vector
 * sum_k G_k u_k points at the source; gains mirror for a left/right symmetric layout;
 * at the poles every loudspeaker gets 1/sqrt(N).
 */
export interface HorizontalLayoutPanner {
  /** Length of the gain vector: every channel of the layout, LFE included (gain 0). */
  readonly channelCount: number;
  readonly ring: VbapRing;
  /** Layout channel index of each ring loudspeaker. */
  readonly ringChannels: Int32Array;
  /** Scratch for the pair gains. */
  readonly pairGains: Float64Array;
}

const VIRTUAL_LAYER_ELEVATION_DEG = 30;
const COS_LAYER = Math.cos(VIRTUAL_LAYER_ELEVATION_DEG * RADIANS_PER_DEGREE);
const SIN_LAYER = Math.sin(VIRTUAL_LAYER_ELEVATION_DEG * RADIANS_PER_DEGREE);

/**
 * A panner for `layout`, whose loudspeakers (LFE aside) must all be at elevation 0,
 * adjacent ones less than 180 degrees apart; throws otherwise.
 */
export function createHorizontalLayoutPanner(layout: LoudspeakerLayout): HorizontalLayoutPanner {
  const azimuthsDeg: Degrees[] = [];
  const channels: number[] = [];
  layout.channels.forEach((channel, index) => {
    if (channel.isLfe) return;
    if (channel.elevationDeg !== 0) {
      throw new Error(`horizontal panner: ${layout.name} has ${channel.label} at elevation ${channel.elevationDeg}`);
    }
    azimuthsDeg.push(channel.azimuthDeg);
    channels.push(index);
  });
  return {
    channelCount: layout.channels.length,
    ring: createVbapRing(azimuthsDeg),
    ringChannels: Int32Array.from(channels),
    pairGains: new Float64Array(2),
  };
}

/**
 * Writes the gain of every layout channel for a source at (azimuthDeg, elevationDeg)
 * (BS.2076 angles; distance plays no part) into `out` (length `channelCount`).
 * Allocates nothing.
 */
export function horizontalLayoutGains(
  panner: HorizontalLayoutPanner,
  azimuthDeg: Degrees,
  elevationDeg: Degrees,
  out: Float64Array,
): void {
  const azimuthRad = azimuthDeg * RADIANS_PER_DEGREE;
  const elevationRad = elevationDeg * RADIANS_PER_DEGREE;
  const horizontal = Math.cos(elevationRad);
  const x = -Math.sin(azimuthRad) * horizontal;
  const y = Math.cos(azimuthRad) * horizontal;
  const z = Math.sin(elevationRad);

  const { ring, ringChannels, pairGains } = panner;
  const pair = vbapRingPair(ring, x, y, pairGains);
  const channelI = ringChannels[ring.pairFirst[pair] ?? 0] ?? 0;
  const channelJ = ringChannels[ring.pairSecond[pair] ?? 0] ?? 0;
  const hI = pairGains[0] ?? 0;
  const hJ = pairGains[1] ?? 0;
  const gI = hI / COS_LAYER;
  const gJ = hJ / COS_LAYER;
  const gPole = Math.abs(z) - SIN_LAYER * (gI + gJ);

  out.fill(0, 0, panner.channelCount);
  if (gPole <= 0) {
    const norm = Math.sqrt(hI * hI + hJ * hJ);
    out[channelI] = hI / norm;
    out[channelJ] = hJ / norm;
    return;
  }
  const tripletNorm = Math.sqrt(gI * gI + gJ * gJ + gPole * gPole);
  const poleShare = gPole / tripletNorm / Math.sqrt(ring.speakerCount);
  for (let k = 0; k < ringChannels.length; k++) out[ringChannels[k] ?? 0] = poleShare;
  out[channelI] = poleShare + gI / tripletNorm;
  out[channelJ] = poleShare + gJ / tripletNorm;
  let power = 0;
  for (let k = 0; k < ringChannels.length; k++) power += (out[ringChannels[k] ?? 0] ?? 0) ** 2;
  const scale = 1 / Math.sqrt(power);
  for (let k = 0; k < ringChannels.length; k++) {
    const channel = ringChannels[k] ?? 0;
    out[channel] = (out[channel] ?? 0) * scale;
  }
}
