import type { LayoutName, LoudspeakerLayout } from '../../core/layouts';
import { RADIANS_PER_DEGREE } from '../../core/units';
import { createStereoFoldDown, stereoFoldDownGains } from '../../dsp/panners/stereoFoldDown';

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

/** The BS.2076 elevation of head-relative unit direction (x, y, z), degrees. */
function elevationOf(x: number, y: number, z: number): number {
  return Math.atan2(z, Math.hypot(x, y)) / RADIANS_PER_DEGREE;
}

/** 0+2+0: the stereo fold-down, as ITU-R BS.2127 pans objects to 0+2+0 (dsp/panners/stereoFoldDown.ts). */
function createStereoPanner(): LayoutPanner {
  const foldDown = createStereoFoldDown();
  return {
    channelCount: 2,
    gains: (x, y, z, out) => stereoFoldDownGains(foldDown, azimuthOf(x, y), elevationOf(x, y, z), out),
  };
}

/** The layouts the renderer can pan objects to, each with its panner's factory. */
const PANNER_FACTORIES: Partial<Readonly<Record<LayoutName, () => LayoutPanner>>> = {
  '0+2+0': createStereoPanner,
};

/** The object panner of `layout`; throws, naming the layout, for one the renderer cannot pan to yet. */
export function createLayoutPanner(layout: LoudspeakerLayout): LayoutPanner {
  const factory = PANNER_FACTORIES[layout.name];
  if (factory === undefined) {
    const supported = Object.keys(PANNER_FACTORIES).join(', ');
    throw new Error(`the renderer has no object panner for the ${layout.name} layout (it pans to ${supported})`);
  }
  return factory();
}
