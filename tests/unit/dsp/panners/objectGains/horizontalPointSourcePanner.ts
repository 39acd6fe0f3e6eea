import { getLayout } from '../../../../../src/core/layouts';
import type { LayoutName } from '../../../../../src/core/layouts';
import { createHorizontalLayoutPanner, horizontalLayoutGains } from '../../../../../src/dsp/panners/horizontalLayoutPanner';
import type { PointSourcePanner } from '../../../../../src/dsp/panners/objectGains/pointSourcePanner';
import { createStereoFoldDown, stereoFoldDownGains } from '../../../../../src/dsp/panners/stereoFoldDown';
import { azimuthOf, elevationOf } from '../../../../../src/dsp/panners/objectGains/vector3';

/**
 * The project's BS.2127 point-source panners for the layouts without height (0+2+0 via
 * the stereo fold-down, 0+5+0 and 0+7+0), as the object gain calculator takes them.
 */
export function horizontalPointSourcePanner(layoutName: '0+2+0' | '0+5+0' | '0+7+0'): PointSourcePanner {
  if (layoutName === '0+2+0') {
    const state = createStereoFoldDown();
    return {
      channelCount: 2,
      writeGains: (x, y, z, out) => stereoFoldDownGains(state, azimuthOf(x, y), elevationOf(x, y, z), out),
    };
  }
  const layout = getLayout(layoutName as LayoutName);
  const panner = createHorizontalLayoutPanner(layout);
  const all = new Float64Array(panner.channelCount);
  const speakers = Int32Array.from(layout.channels.flatMap((channel, index) => (channel.isLfe ? [] : [index])));
  return {
    channelCount: speakers.length,
    writeGains: (x, y, z, out) => {
      horizontalLayoutGains(panner, azimuthOf(x, y), elevationOf(x, y, z), all);
      for (let i = 0; i < speakers.length; i++) out[i] = all[speakers[i]!]!;
    },
  };
}
