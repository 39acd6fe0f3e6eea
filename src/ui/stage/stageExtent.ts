import type { ObjectValues } from '../../core/scene/objectValues';
import type { Vec3 } from '../../core/threeAxes';
import { sceneToThree } from '../../core/threeAxes';
import { RADIANS_PER_DEGREE } from '../../core/units';
import { ROOM_BOX_HALF_M, roomPoint } from './stageMath';

/** A polar object's extent drawn as a patch of the sphere at its distance, centred on it. */
export interface ExtentPatch {
  readonly kind: 'patch';
  readonly widthDeg: number;
  readonly heightDeg: number;
  readonly radiusM: number;
  /** three.js vertex positions of a (columns + 1) x (rows + 1) grid, row by row. */
  readonly positions: Float32Array;
  /** Two triangles per cell. */
  readonly indices: Uint16Array;
}

/** A Cartesian object's extent drawn as a box around it: three.js sizes along x (ADM X), y (ADM Z, up), z (ADM Y). */
export interface ExtentBox {
  readonly kind: 'box';
  readonly centre: Vec3;
  readonly size: Vec3;
}

export type StageExtent = ExtentPatch | ExtentBox;

/** Grid cells across the widest patch (360 degrees); narrower ones get fewer, at least 2. */
const MAX_CELLS = 48;

/**
 * How the stage draws an object's extent (ADM width, height, depth) for its values at a
 * moment, or null without one. Polar: the directions within width/2 either side of the
 * object's azimuth and height/2 above and below it, measured in the object's own frame
 * (as BS.2127's polar extent spreads it: the object turned to the front, the patch, then
 * turned back), on the sphere of its distance; a height beyond 180 degrees stops at the
 * poles of that frame. Depth (a range of distance) is not drawn. Cartesian: the box of
 * width (X), depth (Y) and height (Z) around its X, Y, Z, as BS.2076 defines them, in the
 * room box where the object is drawn (ROOM_BOX_HALF_M metres per cube unit).
 */
export function stageExtent(values: Readonly<ObjectValues>): StageExtent | null {
  if (values.cartesian) {
    if (values.width <= 0 && values.height <= 0 && values.depth <= 0) return null;
    const centre = sceneToThree(roomPoint(values.X, values.Y, values.Z));
    return { kind: 'box', centre, size: { x: values.width * ROOM_BOX_HALF_M, y: values.height * ROOM_BOX_HALF_M, z: values.depth * ROOM_BOX_HALF_M } };
  }
  const widthDeg = Math.min(360, Math.max(0, values.width));
  const heightDeg = Math.min(360, Math.max(0, values.height));
  if (widthDeg <= 0 && heightDeg <= 0) return null;
  const columns = cellsFor(widthDeg);
  const rows = cellsFor(Math.min(180, heightDeg));
  const positions = new Float32Array((columns + 1) * (rows + 1) * 3);
  const basis = facingBasis(values.azimuthDeg, values.elevationDeg);
  let p = 0;
  for (let r = 0; r <= rows; r++) {
    const v = Math.max(-90, Math.min(90, (r / rows - 0.5) * heightDeg)) * RADIANS_PER_DEGREE;
    for (let c = 0; c <= columns; c++) {
      const u = (c / columns - 0.5) * widthDeg * RADIANS_PER_DEGREE;
      const three = patchPoint(basis, u, v, values.distanceM);
      positions[p++] = three.x;
      positions[p++] = three.y;
      positions[p++] = three.z;
    }
  }
  return { kind: 'patch', widthDeg, heightDeg, radiusM: values.distanceM, positions, indices: gridIndices(columns, rows) };
}

/** The point at azimuth `u` and elevation `v` (radians, the object's frame) on the sphere of radius `r`, in three.js axes. */
export function patchPoint(basis: FacingBasis, u: number, v: number, r: number): Vec3 {
  const x = -Math.sin(u) * Math.cos(v);
  const y = Math.cos(u) * Math.cos(v);
  const z = Math.sin(v);
  const { right, front, up } = basis;
  return sceneToThree({
    x: r * (x * right.x + y * front.x + z * up.x),
    y: r * (x * right.y + y * front.y + z * up.y),
    z: r * (x * right.z + y * front.z + z * up.z),
  });
}

/** The object's frame in scene axes: its right, its front (the object's direction) and its up. */
export interface FacingBasis {
  readonly right: Vec3;
  readonly front: Vec3;
  readonly up: Vec3;
}

export function facingBasis(azimuthDeg: number, elevationDeg: number): FacingBasis {
  const direction = (az: number, el: number): Vec3 => {
    const a = az * RADIANS_PER_DEGREE;
    const e = el * RADIANS_PER_DEGREE;
    return { x: -Math.sin(a) * Math.cos(e), y: Math.cos(a) * Math.cos(e), z: Math.sin(e) };
  };
  return { right: direction(azimuthDeg - 90, 0), front: direction(azimuthDeg, elevationDeg), up: direction(azimuthDeg, elevationDeg + 90) };
}

function cellsFor(spanDeg: number): number {
  return Math.max(2, Math.ceil((MAX_CELLS * spanDeg) / 360));
}

function gridIndices(columns: number, rows: number): Uint16Array {
  const indices = new Uint16Array(columns * rows * 6);
  let i = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const a = r * (columns + 1) + c;
      const b = a + columns + 1;
      indices.set([a, b, a + 1, a + 1, b, b + 1], i);
      i += 6;
    }
  }
  return indices;
}
