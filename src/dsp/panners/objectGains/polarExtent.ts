import type { PointSourcePanner } from './pointSourcePanner';
import { CAP_RANGES_LENGTH, createVirtualSources, writeCapRanges } from './virtualSources';
import type { VirtualSources } from './virtualSources';
import { azimuthOf, clamp, copy3, elevationOf, lerp, normalise, writeFacingBasis } from './vector3';

/**
 * Width, height and depth of a polar object (ITU-R BS.2127's polar extent panner).
 *
 * The sphere is covered by about 1,650 virtual sources (37 rows of elevation, 5 degrees
 * apart, each with round(72 cos el) azimuths, at least one). Around the source a region is
 * drawn: a width x height rectangle in the source's own azimuth/elevation frame with
 * semicircular ends (turned 90 degrees when taller than wide), its width stretched from 90
 * to 180 degrees so that wide regions close behind; a virtual source's weight is 1 inside
 * and falls linearly to 0 over 10 degrees outside. The spread gains are the weighted sum
 * of the virtual sources' point-source gains, normalised. Below 10 degrees the
 * point-source gains are blended in (by power) and the region kept at least 5 degrees.
 *
 * Distance: an extent e seen at distance d becomes 4 atan(s / d) with s the size of e at
 * distance 1, s = 0.2 + 0.8 e/360 (so 360 degrees at d = 0). Depth renders the near and far
 * ends (d -/+ depth/2) and takes the root mean square of their gains.
 *
 * Cache: the point-source gains of every virtual source, computed once (set-up), and their
 * sum. A call visits only the virtual sources within the region's reach (half its width
 * plus the fade: virtualSources.ts indexes them by row), decides most weights by
 * comparing cosines and sines (an inverse trigonometric function only in the fade), and
 * when the reach is the whole sphere starts from the sum and takes off what the sources
 * of weight below 1 lack. The same gains as visiting every source, to rounding (1e-14).
 */
export interface PolarExtentState {
  readonly panner: PointSourcePanner;
  readonly sources: VirtualSources;
  /** Point-source gains of each virtual source: pointGains[p * channels + c]. */
  readonly pointGains: Float64Array;
  /** The sum of every virtual source's gains, per channel. */
  readonly totalGains: Float64Array;
  readonly spread: Float64Array;
  readonly direct: Float64Array;
  readonly sum: Float64Array;
  /** The index ranges of the virtual sources a call visits (writeCapRanges). */
  readonly ranges: Int32Array;
}

const FADE_DEG = 10;
const FADE_RAD = (FADE_DEG * Math.PI) / 180;

export function createPolarExtent(panner: PointSourcePanner): PolarExtentState {
  const sources = createVirtualSources();
  const { count, points } = sources;
  const channels = panner.channelCount;
  const pointGains = new Float64Array(count * channels);
  const gains = new Float64Array(channels);
  const totalGains = new Float64Array(channels);
  for (let p = 0; p < count; p++) {
    panner.writeGains(points[3 * p]!, points[3 * p + 1]!, points[3 * p + 2]!, gains);
    pointGains.set(gains, p * channels);
    for (let c = 0; c < channels; c++) totalGains[c] = totalGains[c]! + gains[c]!;
  }
  return {
    panner,
    sources,
    pointGains,
    totalGains,
    spread: new Float64Array(channels),
    direct: new Float64Array(channels),
    sum: new Float64Array(channels),
    ranges: new Int32Array(CAP_RANGES_LENGTH),
  };
}

/** An extent seen from `distance` instead of 1 (360 at distance 0). */
export function extentAtDistance(extentDeg: number, distance: number): number {
  const size = 0.2 + 0.8 * clamp(extentDeg / 360, 0, 1);
  const atUnitDistance = (4 * Math.atan2(size, 1) * 180) / Math.PI;
  const seen = (4 * Math.atan2(size, distance) * 180) / Math.PI;
  if (seen <= 0) return 0;
  if (seen <= atUnitDistance) return lerp(seen, 0, atUnitDistance, 0, extentDeg);
  if (seen <= 360) return lerp(seen, atUnitDistance, 360, extentDeg, 360);
  return 360;
}

/**
 * Gains of a polar object at `position` (x, y, z; its length is the distance) with width
 * and height in degrees and depth, into out[0..channels-1], unit power. Allocation-free.
 */
export function polarExtentGains(state: PolarExtentState, position: Float64Array, width: number, height: number, depth: number, out: Float64Array): void {
  const channels = state.panner.channelCount;
  const distance = Math.hypot(position[0]!, position[1]!, position[2]!);
  if (depth === 0) {
    spreadGains(state, position, extentAtDistance(width, distance), extentAtDistance(height, distance), out);
    return;
  }
  const sum = state.sum;
  sum.fill(0);
  for (let end = 0; end < 2; end++) {
    const endDistance = Math.max(0, distance + (end === 0 ? depth / 2 : -depth / 2));
    spreadGains(state, position, extentAtDistance(width, endDistance), extentAtDistance(height, endDistance), out);
    for (let c = 0; c < channels; c++) sum[c] = sum[c]! + out[c]! * out[c]!;
  }
  for (let c = 0; c < channels; c++) out[c] = Math.sqrt(sum[c]! / 2);
}

function spreadGains(state: PolarExtentState, position: Float64Array, width: number, height: number, out: Float64Array): void {
  const channels = state.panner.channelCount;
  const spreadShare = clamp(Math.max(width, height) / FADE_DEG, 0, 1);
  const pointShare = 1 - spreadShare;
  out.fill(0, 0, channels);
  if (pointShare > 1e-10) {
    const direct = state.direct;
    state.panner.writeGains(position[0]!, position[1]!, position[2]!, direct);
    for (let c = 0; c < channels; c++) out[c] = pointShare * direct[c]! * direct[c]!;
  }
  if (spreadShare > 1e-10) {
    const spread = state.spread;
    weightedVirtualSources(state, position, Math.max(width, FADE_DEG / 2), Math.max(height, FADE_DEG / 2), spread);
    for (let c = 0; c < channels; c++) out[c] = out[c]! + spreadShare * spread[c]! * spread[c]!;
  }
  for (let c = 0; c < channels; c++) out[c] = Math.sqrt(out[c]!);
}

const sourceBasis = new Float64Array(9);
const regionBasis = new Float64Array(9);
const circleCentres = new Float64Array(6);

/** The normalised weighted sum of the virtual sources' gains for the region described above. */
function weightedVirtualSources(state: PolarExtentState, position: Float64Array, widthDeg: number, heightDeg: number, out: Float64Array): void {
  const channels = state.panner.channelCount;
  let x = position[0]!;
  let y = position[1]!;
  let z = position[2]!;
  const norm = Math.hypot(x, y, z);
  if (norm < 1e-10) {
    x = 0;
    y = 1;
    z = 0;
  }
  const elevationDeg = elevationOf(x, y, z);
  // near the poles the azimuth is undefined: take 0
  const azimuthDeg = Math.abs(elevationDeg) > 90 - 1e-5 ? 0 : azimuthOf(x, y);
  writeFacingBasis(azimuthDeg, elevationDeg, sourceBasis);

  let halfWidth = (widthDeg * Math.PI) / 360;
  let halfHeight = (heightDeg * Math.PI) / 360;
  const circleRadius = Math.min(halfWidth, halfHeight);
  if (halfHeight > halfWidth) {
    const wider = halfHeight;
    halfHeight = halfWidth;
    halfWidth = wider;
    // the region's "across" axis becomes the source's up axis
    copy3(sourceBasis, 6, regionBasis, 0);
    copy3(sourceBasis, 3, regionBasis, 3);
    copy3(sourceBasis, 0, regionBasis, 6);
  } else {
    regionBasis.set(sourceBasis);
  }
  // from 90 degrees on, stretch the width so that a 180-degree region closes behind ...
  const closedWidth =
    halfWidth <= Math.PI / 2 ? halfWidth : halfWidth >= Math.PI ? Math.PI + halfHeight : lerp(halfWidth, Math.PI / 2, Math.PI, Math.PI / 2, Math.PI + halfHeight);
  // ... fully for regions up to 90 degrees high, not at all from 180 degrees high
  if (halfHeight <= Math.PI / 4) halfWidth = closedWidth;
  else if (halfHeight < Math.PI / 2) halfWidth = lerp(halfHeight, Math.PI / 4, Math.PI / 2, closedWidth, halfWidth);
  const circleAzimuth = halfWidth - circleRadius;
  for (let side = 0; side < 2; side++) {
    const a = side === 0 ? -circleAzimuth : circleAzimuth;
    for (let k = 0; k < 3; k++) circleCentres[3 * side + k] = Math.sin(a) * regionBasis[k]! + Math.cos(a) * regionBasis[3 + k]!;
  }

  // every point of weight > 0 is within halfWidth + fade of the source (triangle
  // inequality on the sphere), so a dot product rejects the rest cheaply
  const reach = halfWidth + FADE_RAD;
  const cosReach = reach < Math.PI ? Math.cos(reach) - 1e-9 : -2;
  const sx = regionBasis[3]!;
  const sy = regionBasis[4]!;
  const sz = regionBasis[5]!;
  writeRegionThresholds(circleAzimuth, circleRadius);
  const { pointGains, ranges } = state;
  const points = state.sources.points;
  if (cosReach === -2) {
    // every source is visited and most weigh 1: start from the sum of all and take off
    // what the others lack
    out.set(state.totalGains);
    for (let p = 0; p < state.sources.count; p++) {
      const lack = 1 - regionWeight(points[3 * p]!, points[3 * p + 1]!, points[3 * p + 2]!, circleRadius);
      if (lack === 0) continue;
      for (let c = 0; c < channels; c++) out[c] = out[c]! - lack * pointGains[p * channels + c]!;
    }
    normalise(out, channels);
    return;
  }
  out.fill(0, 0, channels);
  const rangeCount = writeCapRanges(state.sources, sx, sy, sz, reach, ranges);
  for (let r = 0; r < rangeCount; r++) {
    const end = ranges[2 * r + 1]!;
    for (let p = ranges[2 * r]!; p < end; p++) {
      const px = points[3 * p]!;
      const py = points[3 * p + 1]!;
      const pz = points[3 * p + 2]!;
      if (px * sx + py * sy + pz * sz < cosReach) continue;
      const weight = regionWeight(px, py, pz, circleRadius);
      if (weight === 0) continue;
      for (let c = 0; c < channels; c++) out[c] = out[c]! + weight * pointGains[p * channels + c]!;
    }
  }
  normalise(out, channels);
}

/**
 * Cosines and sines that decide most virtual sources' weights without an inverse
 * trigonometric function (the same weights, to rounding): in the straight part
 * |asin(up)| <= r iff |up| <= sin r (r < 90 degrees); by the end circles
 * min(acos a, acos b) = acos(max(a, b)), and acos m <= r iff m >= cos r.
 */
const thresholds = new Float64Array(5);
const COS_CIRCLE_AZIMUTH = 0;
const SIN_INSIDE = 1;
const SIN_OUTSIDE = 2;
const COS_INSIDE = 3;
const COS_OUTSIDE = 4;

function writeRegionThresholds(circleAzimuth: number, circleRadius: number): void {
  thresholds[COS_CIRCLE_AZIMUTH] = circleAzimuth >= Math.PI ? -2 : Math.cos(circleAzimuth);
  thresholds[SIN_INSIDE] = circleRadius >= Math.PI / 2 ? 2 : Math.sin(circleRadius);
  thresholds[SIN_OUTSIDE] = circleRadius + FADE_RAD >= Math.PI / 2 ? 2 : Math.sin(circleRadius + FADE_RAD);
  thresholds[COS_INSIDE] = Math.cos(circleRadius);
  thresholds[COS_OUTSIDE] = circleRadius + FADE_RAD >= Math.PI ? -2 : Math.cos(circleRadius + FADE_RAD);
}

/**
 * A virtual source's weight: 1 inside the region, falling linearly to 0 over FADE_RAD of
 * angle outside it. The straight part is where the source's angle about the region's up
 * axis, atan2(across, front), is within circleAzimuth (cos of it >= cos circleAzimuth);
 * there the distance is |elevation| - r, elsewhere the distance to the nearer end circle's
 * centre - r.
 */
function regionWeight(px: number, py: number, pz: number, circleRadius: number): number {
  const across = clamp(px * regionBasis[0]! + py * regionBasis[1]! + pz * regionBasis[2]!, -1, 1);
  const front = clamp(px * regionBasis[3]! + py * regionBasis[4]! + pz * regionBasis[5]!, -1, 1);
  let outside: number;
  if (front >= thresholds[COS_CIRCLE_AZIMUTH]! * Math.sqrt(across * across + front * front)) {
    const up = Math.abs(clamp(px * regionBasis[6]! + py * regionBasis[7]! + pz * regionBasis[8]!, -1, 1));
    if (up <= thresholds[SIN_INSIDE]!) return 1;
    if (up >= thresholds[SIN_OUTSIDE]!) return 0;
    outside = Math.asin(up) - circleRadius;
  } else {
    const toFirst = px * circleCentres[0]! + py * circleCentres[1]! + pz * circleCentres[2]!;
    const toSecond = px * circleCentres[3]! + py * circleCentres[4]! + pz * circleCentres[5]!;
    const nearer = clamp(Math.max(toFirst, toSecond), -1, 1);
    if (nearer >= thresholds[COS_INSIDE]!) return 1;
    if (nearer <= thresholds[COS_OUTSIDE]!) return 0;
    outside = Math.acos(nearer) - circleRadius;
  }
  return outside <= 0 ? 1 : outside >= FADE_RAD ? 0 : 1 - outside / FADE_RAD;
}
