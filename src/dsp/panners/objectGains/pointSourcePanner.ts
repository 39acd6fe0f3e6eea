/**
 * What the object gain calculator needs of ITU-R BS.2127's point-source panner: unit-power
 * gains for a direction, over the layout's loudspeakers without the LFE, in the layout's
 * order. `x, y, z` need not be normalised (only the direction counts). Allocation-free.
 */
export interface PointSourcePanner {
  readonly channelCount: number;
  writeGains(x: number, y: number, z: number, out: Float64Array): void;
}
