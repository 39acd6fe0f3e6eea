import type { PolarPosition } from '../../core/coordinates';
import type { Vec3 } from '../../core/threeAxes';
import type { StageExtent } from './stageExtent';

/** A point in CSS pixels of the page's viewport (what a browser test's mouse uses). */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Lets browser tests find things on the 3D stage. Positions are in viewport CSS pixels
 * for the camera as it is now; null for an unknown source or a point behind the camera.
 */
export interface StageProbe {
  /** Where a source's centre is drawn. */
  sourceScreenPosition(sourceId: string): ScreenPoint | null;
  /** Where an ADM position (azimuth, elevation, distance) is drawn. */
  positionScreenPosition(position: PolarPosition): ScreenPoint | null;
  /** The three.js position a source's sphere is drawn at now. */
  sourceDrawnPosition(sourceId: string): Vec3 | null;
  /** The three.js position a monitored loudspeaker is drawn at, by label, or null when none is. */
  speakerDrawnPosition(label: string): Vec3 | null;
  /** The selected source's extent as drawn, or null when none is. */
  drawnExtent(): StageExtent | null;
  /** The room box's corners (three.js axes) as drawn, or null when it is not drawn. */
  drawnRoomBox(): { readonly min: Vec3; readonly max: Vec3 } | null;
}
