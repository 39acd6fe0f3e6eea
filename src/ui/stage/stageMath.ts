import { cartesianToPolar, polarToCartesian } from '../../core/coordinates';
import type { CartesianPosition, PolarPosition } from '../../core/coordinates';
import { writeSpreadObjectPosition } from '../../core/scene/spreadObjects';
import { sceneToThree, threeToScene } from '../../core/threeAxes';
import type { Vec3 } from '../../core/threeAxes';
import { wrapAzimuthDeg } from '../../core/units';

/**
 * Stage geometry in plain numbers (no three import, testable in Node). Positions on the
 * stage are world positions (the scene rotation and the monitor head turn the head, not
 * the sources).
 */

/** Where a source sits in three.js coordinates. */
export function sourceThreePosition(position: PolarPosition): Vec3 {
  return sceneToThree(polarToCartesian(position));
}

/** Where the stage draws loudspeakers: on a sphere of this radius around the head. */
export const SPEAKER_RADIUS_M = 3;

/**
 * Half the edge of the room box, metres: ADM's Cartesian cube [-1, 1]^3 scaled so that its
 * faces are at the loudspeakers' distance (a Cartesian position is a place in the room,
 * the cube's faces its loudspeakers' walls; BS.2127 section 10 maps the cube's surface to
 * the loudspeakers' sphere).
 */
export const ROOM_BOX_HALF_M = SPEAKER_RADIUS_M;

/** Where a Cartesian object at ADM X, Y, Z is drawn: its place in the room box, in scene axes (metres). */
export function roomPoint(X: number, Y: number, Z: number): CartesianPosition {
  return { x: X * ROOM_BOX_HALF_M, y: Y * ROOM_BOX_HALF_M, z: Z * ROOM_BOX_HALF_M };
}

/** Drag rounding of ADM Cartesian coordinates: 0.001 (3 mm in the room box). */
const ROOM_ROUNDING = 1000;

function roomCoordinate(metres: number): number {
  return Math.round(Math.min(1, Math.max(-1, metres / ROOM_BOX_HALF_M)) * ROOM_ROUNDING) / ROOM_ROUNDING + 0;
}

/**
 * Floor drag of a Cartesian object: it keeps its Z and takes the X and Y of `hit` (scene
 * axes, on the horizontal plane at its height), clamped to the cube and rounded to 0.001.
 */
export function roomFloorDragPosition(hit: Vec3, Z: number): { X: number; Y: number; Z: number } {
  return { X: roomCoordinate(hit.x), Y: roomCoordinate(hit.y), Z };
}

/** Height drag of a Cartesian object: it keeps its X and Y and takes the Z of `heightM` (scene z, metres), clamped and rounded. */
export function roomHeightDragPosition(X: number, Y: number, heightM: number): { X: number; Y: number; Z: number } {
  return { X, Y, Z: roomCoordinate(heightM) };
}

/** What the stage needs of a source to draw its stem's objects. */
export interface SpreadSourceView {
  readonly position: PolarPosition;
  readonly spreadDeg: number;
}

/**
 * Whether a source is drawn as its stem's two objects: a stereo stem spread wider than 0.
 * A mono stem, an unknown channel count or a spread of 0 (both objects at the source)
 * draw the source alone.
 */
export function showsChannelPair(stemChannels: number | undefined, spreadDeg: number): boolean {
  return stemChannels === 2 && spreadDeg > 0;
}

const spreadScratch = new Float64Array(3);

/**
 * Where the renderer puts the object at `side` of a source (+1 the stereo stem's left
 * channel, -1 its right; fractions give the arc between them through the source), in
 * three.js coordinates.
 */
export function spreadObjectThreePosition(source: SpreadSourceView, side: number): Vec3 {
  const { azimuthDeg, elevationDeg, distanceM } = source.position;
  writeSpreadObjectPosition({ azimuthDeg, elevationDeg, distanceM, spreadDeg: source.spreadDeg }, side, spreadScratch);
  return sceneToThree({ x: spreadScratch[0]!, y: spreadScratch[1]!, z: spreadScratch[2]! });
}

/** A dragged position rounded for display and files: 0.1 degree, 0.01 m (and -0 written as 0). */
export function roundDragPosition(position: PolarPosition): PolarPosition {
  return {
    azimuthDeg: Math.round(position.azimuthDeg * 10) / 10 + 0,
    elevationDeg: Math.round(position.elevationDeg * 10) / 10 + 0,
    distanceM: Math.round(position.distanceM * 100) / 100 + 0,
  };
}

/**
 * Floor drag (no modifier): the source keeps its elevation ANGLE and takes the azimuth and
 * horizontal distance of the point under the pointer, so a source 30 degrees up stays 30
 * degrees up wherever it is dragged (its height grows with its distance); on the ear-height
 * plane (elevation 0) this is a drag on the floor. `hit` is in scene axes
 * (constantElevationHit finds it on the cone of that elevation, so the source stays under
 * the pointer).
 */
export function floorDragPosition(hit: Vec3, elevationDeg: number): PolarPosition {
  const horizontalM = Math.hypot(hit.x, hit.y);
  const elevationRad = (elevationDeg * Math.PI) / 180;
  const distanceM = horizontalM / Math.cos(elevationRad);
  const azimuthDeg = horizontalM === 0 ? 0 : wrapAzimuthDeg((Math.atan2(-hit.x, hit.y) * 180) / Math.PI);
  return roundDragPosition({ azimuthDeg, elevationDeg, distanceM });
}

/** Elevations steeper than this are dragged on the horizontal plane through the source instead of their (needle-thin) cone. */
const STEEPEST_CONE_DEG = 80;

/**
 * Where a ray (scene axes: `origin` + t `direction`, t > 0) meets the surface of constant
 * elevation `elevationDeg` around the head: the cone z = tan(el) * hypot(x, y) on the side
 * of el's sign (the plane z = 0 for el = 0): the nearest such point in front of the origin.
 * Beyond STEEPEST_CONE_DEG, or when the ray misses the cone (a steep cone seen from the
 * side), the horizontal plane at `fallbackHeightM` instead; null if that is missed too.
 *
 * Solving |o_z + t d_z|^2 = k ((o_x + t d_x)^2 + (o_y + t d_y)^2), k = tan^2 el, gives
 * a t^2 + b t + c = 0 with a = d_z^2 - k (d_x^2 + d_y^2), b = 2 (o_z d_z - k (o_x d_x + o_y d_y)),
 * c = o_z^2 - k (o_x^2 + o_y^2); a root counts when o_z + t d_z has el's sign.
 */
export function constantElevationHit(origin: Vec3, direction: Vec3, elevationDeg: number, fallbackHeightM: number): Vec3 | null {
  const at = (t: number): Vec3 => ({ x: origin.x + t * direction.x, y: origin.y + t * direction.y, z: origin.z + t * direction.z });
  const planeHit = (heightM: number): Vec3 | null => {
    if (direction.z === 0) return null;
    const t = (heightM - origin.z) / direction.z;
    return t > 0 ? at(t) : null;
  };
  if (elevationDeg === 0) return planeHit(0);
  if (Math.abs(elevationDeg) > STEEPEST_CONE_DEG) return planeHit(fallbackHeightM);
  const k = Math.tan((elevationDeg * Math.PI) / 180) ** 2;
  const a = direction.z ** 2 - k * (direction.x ** 2 + direction.y ** 2);
  const b = 2 * (origin.z * direction.z - k * (origin.x * direction.x + origin.y * direction.y));
  const c = origin.z ** 2 - k * (origin.x ** 2 + origin.y ** 2);
  const roots: number[] = [];
  if (Math.abs(a) < 1e-12) {
    if (b !== 0) roots.push(-c / b);
  } else {
    const discriminant = b * b - 4 * a * c;
    if (discriminant >= 0) {
      const root = Math.sqrt(discriminant);
      roots.push((-b - root) / (2 * a), (-b + root) / (2 * a));
    }
  }
  const valid = roots.filter((t) => t > 0 && Math.sign(origin.z + t * direction.z) === Math.sign(elevationDeg)).sort((p, q) => p - q);
  return valid.length === 0 ? planeHit(fallbackHeightM) : at(valid[0]!);
}

/**
 * Height drag (Shift): the source keeps its horizontal position, the scene x and y it had
 * when the drag began (kept unrounded for the whole drag, so many small moves never let it
 * wander), and takes the height `heightM`. Its azimuth and horizontal distance stay; the
 * elevation angle and the (3D) distance follow from the new height.
 */
export function heightDragPosition(start: { readonly x: number; readonly y: number }, heightM: number): PolarPosition {
  return roundDragPosition(cartesianToPolar({ x: start.x, y: start.y, z: heightM }));
}

/** The scene height (z, metres) of a position. */
export function heightOf(position: PolarPosition): number {
  return polarToCartesian(position).z;
}

/** Distance rings on the floor, metres. */
export const STAGE_RING_RADII_M: readonly number[] = [1, 2, 5, 10];
/** Azimuth marks every this many degrees. */
export const STAGE_AZIMUTH_STEP_DEG = 30;
/** Distance of the azimuth labels from the head, metres (just outside the 5 m ring). */
export const STAGE_AZIMUTH_LABEL_RADIUS_M = 5.6;
/** Radius of a source's sphere on the stage, metres. */
export const SOURCE_RADIUS_M = 0.19;

export type StageViewName = 'top' | 'front' | 'side' | 'perspective';

/**
 * How a view projects: the free view in perspective; Top, Front and Side orthographic, so
 * that a source's place on screen is its true position along the two axes shown (in
 * perspective an elevated source, nearer the camera above, looked farther out than it is).
 */
export type StageProjection = 'perspective' | 'orthographic';

/** Half the shorter side of an orthographic view, metres: the 5 m ring and its azimuth labels (5.6 m) fit with a margin. */
export const ORTHOGRAPHIC_HALF_EXTENT_M = 6.5;

/**
 * Zoom of an orthographic stage camera (three.js OrthographicCamera.zoom: screen pixels per
 * metre, with the frustum spanning the canvas in pixels, as react-three-fiber sets it) that
 * shows ORTHOGRAPHIC_HALF_EXTENT_M each side of the centre across the canvas's shorter side.
 */
export function orthographicZoom(widthPx: number, heightPx: number, halfExtentM: number = ORTHOGRAPHIC_HALF_EXTENT_M): number {
  return Math.max(1, Math.min(widthPx, heightPx)) / (2 * halfExtentM);
}

export interface StageViewPreset {
  readonly label: string;
  readonly title: string;
  readonly projection: StageProjection;
  /** Camera position in scene axes (x right, y front, z up), metres. */
  readonly camera: Vec3;
  /** Point looked at, in scene axes. */
  readonly target: Vec3;
}

/**
 * Camera presets, in scene axes and converted once with sceneToThree. "Front" looks
 * forward from behind the listener so that the left stays on the left of the screen;
 * "Side" looks from the listener's right, with the front to the right of the screen.
 * The top view sits a hair behind the vertical so that the front is up on the screen.
 * Front and Side look level (camera and target at the same height), so with their
 * orthographic projection depth moves nothing on the screen: true elevations.
 */
export const STAGE_VIEWS: Readonly<Record<StageViewName, StageViewPreset>> = {
  top: { label: 'Top', title: 'Top view (orthographic): front is up, left is left', projection: 'orthographic', camera: { x: 0, y: -0.001, z: 15 }, target: { x: 0, y: 0, z: 0 } },
  front: { label: 'Front', title: 'Front view (orthographic), seen from behind the listener: left is left', projection: 'orthographic', camera: { x: 0, y: -15, z: 1.6 }, target: { x: 0, y: 0, z: 1.6 } },
  side: { label: 'Side', title: "Side view (orthographic) from the listener's right: front is to the right", projection: 'orthographic', camera: { x: 15, y: 0, z: 1.6 }, target: { x: 0, y: 0, z: 1.6 } },
  perspective: { label: 'Persp', title: 'Perspective view from behind and above', projection: 'perspective', camera: { x: 3.4, y: -12.5, z: 9.5 }, target: { x: 0, y: 1, z: 1.7 } },
};

export const STAGE_VIEW_ORDER: readonly StageViewName[] = ['perspective', 'top', 'front', 'side'];

export { sceneToThree };

/**
 * The head's yaw while dragging it: the start yaw turned by the change in the
 * pointer's ADM azimuth around the head (both floor hits in scene coordinates), wrapped
 * into (-180, 180]. Dragging the pointer a quarter turn to the left turns the head left.
 */
export function draggedYawDeg(startYawDeg: number, startHit: { x: number; y: number }, hit: { x: number; y: number }): number {
  const azimuthOf = (p: { x: number; y: number }): number => (Math.atan2(-p.x, p.y) * 180) / Math.PI;
  return wrapAzimuthDeg(startYawDeg + azimuthOf(hit) - azimuthOf(startHit));
}
