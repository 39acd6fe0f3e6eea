import { getLayout } from '../../../core/layouts';
import type { LoudspeakerLayout } from '../../../core/layouts';
import { createPointSourcePanner, pointSourceGains } from '../pointSourcePanner';
import { createStereoFoldDown, stereoFoldDownGainsAt } from '../stereoFoldDown';
import { createObjectGainCalculator } from './objectGainCalculator';
import type { ObjectGainCalculator } from './objectGainCalculator';
import type { PointSourcePanner } from './pointSourcePanner';

/**
 * The object gain calculator of a project layout (BS.2051 or a user layout), with
 * BS.2127's point-source panner for it: 0+2+0 pans by the stereo fold-down (0+5+0 then
 * downmixed, as the reference does), every other layout by the point-source panner over
 * its loudspeakers. A user layout's zone exclusion goes by its base layout's nominal
 * positions. Set-up; allocates.
 */
export function createLayoutObjectGains(layout: LoudspeakerLayout): ObjectGainCalculator {
  const nominal = layout.roomName === undefined ? layout : getLayout(layout.name);
  return createObjectGainCalculator(layout, layoutPointSourcePanner(layout), nominal);
}

/** BS.2127's point-source panner of `layout`, over its loudspeakers without the LFE. */
export function layoutPointSourcePanner(layout: LoudspeakerLayout): PointSourcePanner {
  if (layout.name === '0+2+0') {
    const foldDown = createStereoFoldDown();
    return { channelCount: 2, writeGains: (x, y, z, out) => stereoFoldDownGainsAt(foldDown, x, y, z, out) };
  }
  const panner = createPointSourcePanner(layout);
  const all = new Float64Array(panner.channelCount);
  const speakers = Int32Array.from(layout.channels.flatMap((channel, index) => (channel.isLfe ? [] : [index])));
  return {
    channelCount: speakers.length,
    writeGains: (x, y, z, out) => {
      pointSourceGains(panner, x, y, z, all);
      for (let i = 0; i < speakers.length; i++) out[i] = all[speakers[i]!]!;
    },
  };
}
