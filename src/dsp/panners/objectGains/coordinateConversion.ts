import { RADIANS_PER_DEGREE } from '../../../core/units';
import type { Degrees } from '../../../core/units';
import { azimuthOf, insideAzimuthArc, unwrapFrom, writeFacingBasis } from './vector3';

/**
 * Conversion between polar and Cartesian object positions and extents, ITU-R BS.2127
 * section 10. Not the plain spherical <-> Cartesian map: the five loudspeakers of 0+5+0
 * at azimuths 0, +/-30, +/-110 land on the cube's front corners, front centre and back
 * corners, and elevations 0-30 degrees map to 0-45 degrees on the cube (30-90 to 45-90).
 *
 * Azimuth: between two adjacent anchors (left a_l, right a_r, with positions P_l, P_r on
 * the square), a tangent law gives the share p of the right one,
 *   g_r = 1/2 + tan(az - a_m) / (2 tan(a_r - a_m)),  a_m = (a_l + a_r) / 2,
 *   p = atan2(g_r, 1 - g_r) 2/pi,      horizontal point = r (P_l + p (P_r - P_l)).
 * The inverse solves the horizontal point on (P_l, P_r) and runs the law backwards.
 */

interface Anchor {
  readonly azimuthDeg: Degrees;
  readonly x: number;
  readonly y: number;
}

/** Anchors in clockwise order (decreasing azimuth), wrapping round. */
const ANCHORS: readonly Anchor[] = [
  { azimuthDeg: 0, x: 0, y: 1 },
  { azimuthDeg: -30, x: 1, y: 1 },
  { azimuthDeg: -110, x: 1, y: -1 },
  { azimuthDeg: 110, x: -1, y: -1 },
  { azimuthDeg: 30, x: -1, y: 1 },
];

const ELEVATION_TOP: Degrees = 30;
const ELEVATION_TOP_ON_CUBE: Degrees = 45;

/** Index of the anchor whose arc to the next (clockwise) one holds `azimuthDeg`. */
function sectorOf(azimuthDeg: Degrees, anchorAzimuth: (anchor: Anchor) => Degrees): number {
  for (let i = 0; i < ANCHORS.length; i++) {
    const left = ANCHORS[i]!;
    const right = ANCHORS[(i + 1) % ANCHORS.length]!;
    if (insideAzimuthArc(azimuthDeg, anchorAzimuth(right), anchorAzimuth(left))) return i;
  }
  return 0;
}

const anchorNominal = (anchor: Anchor): Degrees => anchor.azimuthDeg;
const anchorOnSquare = (anchor: Anchor): Degrees => azimuthOf(anchor.x, anchor.y);

/** out[o..o+2] = the Cartesian position of a polar one (degrees, distance). */
export function writePolarPointAsCartesian(azimuthDeg: Degrees, elevationDeg: Degrees, distance: number, out: Float64Array, o = 0): void {
  const absElevation = Math.abs(elevationDeg);
  let z: number;
  let horizontal: number;
  if (absElevation > ELEVATION_TOP) {
    const onCube = ELEVATION_TOP_ON_CUBE + ((90 - ELEVATION_TOP_ON_CUBE) * (absElevation - ELEVATION_TOP)) / (90 - ELEVATION_TOP);
    z = distance * Math.sign(elevationDeg);
    horizontal = distance * Math.tan((90 - onCube) * RADIANS_PER_DEGREE);
  } else {
    const onCube = (ELEVATION_TOP_ON_CUBE * elevationDeg) / ELEVATION_TOP;
    z = Math.tan(onCube * RADIANS_PER_DEGREE) * distance;
    horizontal = distance;
  }
  const sector = sectorOf(azimuthDeg, anchorNominal);
  const left = ANCHORS[sector]!;
  const right = ANCHORS[(sector + 1) % ANCHORS.length]!;
  const rightDeg = right.azimuthDeg;
  const leftDeg = unwrapFrom(rightDeg, left.azimuthDeg);
  const share = tangentLawShare(leftDeg, rightDeg, unwrapFrom(rightDeg, azimuthDeg));
  out[o] = horizontal * (left.x + (right.x - left.x) * share);
  out[o + 1] = horizontal * (left.y + (right.y - left.y) * share);
  out[o + 2] = z;
}

/** out[o..o+2] = (azimuth, elevation, distance) of a Cartesian position. */
export function writeCartesianPointAsPolar(x: number, y: number, z: number, out: Float64Array, o = 0): void {
  const eps = 1e-10;
  if (Math.abs(x) < eps && Math.abs(y) < eps) {
    out[o] = 0;
    out[o + 1] = Math.abs(z) < eps ? 0 : Math.sign(z) * 90;
    out[o + 2] = Math.abs(z) < eps ? 0 : Math.abs(z);
    return;
  }
  const sector = sectorOf(azimuthOf(x, y), anchorOnSquare);
  const left = ANCHORS[sector]!;
  const right = ANCHORS[(sector + 1) % ANCHORS.length]!;
  // (x, y) = g_l P_l + g_r P_r
  const det = left.x * right.y - right.x * left.y;
  const gainLeft = (x * right.y - y * right.x) / det;
  const gainRight = (y * left.x - x * left.y) / det;
  const horizontal = gainLeft + gainRight;
  const rightDeg = right.azimuthDeg;
  const leftDeg = unwrapFrom(rightDeg, left.azimuthDeg);
  const azimuthDeg = unwrapFrom(-180, azimuthOfShare(leftDeg, rightDeg, gainRight / horizontal));
  const onCube = Math.atan(z / horizontal) / RADIANS_PER_DEGREE;
  if (Math.abs(onCube) > ELEVATION_TOP_ON_CUBE) {
    const absElevation = ELEVATION_TOP + ((90 - ELEVATION_TOP) * (Math.abs(onCube) - ELEVATION_TOP_ON_CUBE)) / (90 - ELEVATION_TOP_ON_CUBE);
    out[o + 1] = Math.sign(onCube) * absElevation;
    out[o + 2] = Math.abs(z);
  } else {
    out[o + 1] = (ELEVATION_TOP * onCube) / ELEVATION_TOP_ON_CUBE;
    out[o + 2] = horizontal;
  }
  out[o] = azimuthDeg;
}

function tangentLawShare(leftDeg: Degrees, rightDeg: Degrees, azimuthDeg: Degrees): number {
  const middle = (leftDeg + rightDeg) / 2;
  const halfSpan = (rightDeg - middle) * RADIANS_PER_DEGREE;
  const gainRight = 0.5 + (0.5 * Math.tan((azimuthDeg - middle) * RADIANS_PER_DEGREE)) / Math.tan(halfSpan);
  return Math.atan2(gainRight, 1 - gainRight) * (2 / Math.PI);
}

function azimuthOfShare(leftDeg: Degrees, rightDeg: Degrees, share: number): Degrees {
  const middle = (leftDeg + rightDeg) / 2;
  const halfSpan = (rightDeg - middle) * RADIANS_PER_DEGREE;
  const left = Math.cos((share * Math.PI) / 2);
  const right = Math.sin((share * Math.PI) / 2);
  const gainRight = right / (left + right);
  return middle + Math.atan(2 * (gainRight - 0.5) * Math.tan(halfSpan)) / RADIANS_PER_DEGREE;
}

const basis = new Float64Array(9);

/**
 * Polar extent (width, height in degrees; depth) to Cartesian sizes (X, Y, Z), in
 * out[o..o+2]. Facing the source, width spans sin(w/2) across (1 from 180 degrees) and
 * (1 - cos(w/2))/2 along the view, height likewise upwards, depth along the view; the
 * view-aligned box is then turned to the source's direction and each world axis takes
 * the Euclidean norm of the box's components along it.
 */
export function writePolarExtentAsCartesian(azimuthDeg: Degrees, elevationDeg: Degrees, width: Degrees, height: Degrees, depth: number, out: Float64Array, o = 0): void {
  const across = width < 180 ? Math.sin((width / 2) * RADIANS_PER_DEGREE) : 1;
  const up = height < 180 ? Math.sin((height / 2) * RADIANS_PER_DEGREE) : 1;
  const along = Math.max(viewDepthOfAngle(width), viewDepthOfAngle(height), depth);
  writeFacingBasis(azimuthDeg, elevationDeg, basis);
  for (let axis = 0; axis < 3; axis++) {
    const a = basis[axis]! * across;
    const b = basis[3 + axis]! * along;
    const c = basis[6 + axis]! * up;
    out[o + axis] = Math.sqrt(a * a + b * b + c * c);
  }
}

/**
 * Cartesian sizes (X, Y, Z) to polar (width, height, depth) at a polar direction, in
 * out[o..o+2]: the sizes are seen from the source's direction (each view axis takes the
 * norm of the sizes along it), then an across size s gives a width 2 asin(s), blended
 * towards the width 2 acos(1 - 2 s_view) that the view size implies; the view size that
 * width and height do not explain is depth.
 */
export function writeCartesianExtentAsPolar(azimuthDeg: Degrees, elevationDeg: Degrees, sizeX: number, sizeY: number, sizeZ: number, out: Float64Array, o = 0): void {
  writeFacingBasis(azimuthDeg, elevationDeg, basis);
  const across = sizeAlongRow(0, sizeX, sizeY, sizeZ);
  const along = sizeAlongRow(1, sizeX, sizeY, sizeZ);
  const up = sizeAlongRow(2, sizeX, sizeY, sizeZ);
  const widthOfAlong = (2 * Math.acos(1 - 2 * along)) / RADIANS_PER_DEGREE;
  const widthOfAcross = (2 * Math.asin(across)) / RADIANS_PER_DEGREE;
  const heightOfUp = (2 * Math.asin(up)) / RADIANS_PER_DEGREE;
  const width = widthOfAcross + across * Math.max(widthOfAlong - widthOfAcross, 0);
  const height = heightOfUp + up * Math.max(widthOfAlong - heightOfUp, 0);
  out[o] = width;
  out[o + 1] = height;
  out[o + 2] = Math.max(0, along - Math.max(viewDepthOfAngle(width), viewDepthOfAngle(height)));
}

/** Norm of the sizes' components along the basis vector `row`. */
function sizeAlongRow(row: number, sizeX: number, sizeY: number, sizeZ: number): number {
  const a = basis[3 * row]! * sizeX;
  const b = basis[3 * row + 1]! * sizeY;
  const c = basis[3 * row + 2]! * sizeZ;
  return Math.sqrt(a * a + b * b + c * c);
}

/** The depth (along the view) that an extent angle spans on the unit sphere: (1 - cos(a/2))/2. */
function viewDepthOfAngle(angle: Degrees): number {
  return (1 - Math.cos((angle / 2) * RADIANS_PER_DEGREE)) / 2;
}
