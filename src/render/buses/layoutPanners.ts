import type { LayoutName, LoudspeakerLayout } from '../../core/layouts';
import { RADIANS_PER_DEGREE } from '../../core/units';
import { createPointSourcePanner, pointSourceGains } from '../../dsp/panners/pointSourcePanner';
import { createStereoFoldDown, stereoFoldDownGainsAt } from '../../dsp/panners/stereoFoldDown';

/**
 * A loudspeaker layout's object panner: the gain of every channel of the layout (in its
 * order, LFE at 0) for an object heard from a head-relative unit direction.
 */
export interface LayoutPanner {
  readonly channelCount: number;
  /** Writes the gains for direction (x, y, z) into `out` (channelCount long). Allocation-free. */
  gains(x: number, y: number, z: number, out: Float64Array): void;
}

/** The BS.2076 azimuth of head-relative unit direction (x, y, z), degrees. */
export function azimuthOf(x: number, y: number): number {
  return Math.atan2(-x, y) / RADIANS_PER_DEGREE;
}

/** 0+2+0: the stereo fold-down, as ITU-R BS.2127 pans objects to 0+2+0 (dsp/panners/stereoFoldDown.ts). */
function createStereoPanner(): LayoutPanner {
  const foldDown = createStereoFoldDown();
  return {
    channelCount: 2,
    gains: (x, y, z, out) => stereoFoldDownGainsAt(foldDown, x, y, z, out),
  };
}

/** Any other layout, a user layout's real angles included: the BS.2127 point-source panner (dsp/panners/pointSourcePanner.ts). */
function createPointSourceLayoutPanner(layout: LoudspeakerLayout): LayoutPanner {
  const panner = createPointSourcePanner(layout);
  return {
    channelCount: panner.channelCount,
    gains: (x, y, z, out) => pointSourceGains(panner, x, y, z, out),
  };
}

/** The layouts the renderer can pan objects to, each with its panner's factory. */
const PANNER_FACTORIES: Readonly<Record<LayoutName, (layout: LoudspeakerLayout) => LayoutPanner>> = {
  '0+2+0': createStereoPanner,
  '0+5+0': createPointSourceLayoutPanner,
  '2+5+0': createPointSourceLayoutPanner,
  '4+5+0': createPointSourceLayoutPanner,
  '4+5+1': createPointSourceLayoutPanner,
  '3+7+0': createPointSourceLayoutPanner,
  '4+9+0': createPointSourceLayoutPanner,
  '9+10+3': createPointSourceLayoutPanner,
  '0+7+0': createPointSourceLayoutPanner,
  '4+7+0': createPointSourceLayoutPanner,
  '2+7+0': createPointSourceLayoutPanner,
};

/** The object panner of `layout` (a BS.2051 layout or a user layout based on one). */
export function createLayoutPanner(layout: LoudspeakerLayout): LayoutPanner {
  return PANNER_FACTORIES[layout.name](layout);
}
