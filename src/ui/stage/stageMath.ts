import { cartesianToPolar, polarToCartesian } from '../../core/coordinates';
import type { PolarPosition } from '../../core/coordinates';
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
 * Horizontal drag: the pointer's ray met the horizontal plane at the source's height at
 * `hitThree`; the source keeps its height (scene z) and takes the hit's x and y. Its
 * elevation angle follows from the new horizontal distance.
 */
export function horizontalDragPosition(hitThree: Vec3, heightM: number): PolarPosition {
  const hit = threeToScene(hitThree);
  return roundDragPosition(cartesianToPolar({ x: hit.x, y: hit.y, z: heightM }));
}

/** Vertical drag (Shift): the source keeps its scene x and y and takes the height `heightM`. */
export function verticalDragPosition(current: PolarPosition, heightM: number): PolarPosition {
  const cart = polarToCartesian(current);
  return roundDragPosition(cartesianToPolar({ x: cart.x, y: cart.y, z: heightM }));
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
