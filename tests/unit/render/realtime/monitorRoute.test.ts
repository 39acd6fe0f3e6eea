import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNMIX_LEVELS, ltRtDownmix, monoDownmix } from '../../../../src/core/outputs/downmixOutputs';
import { loudspeakerOutput, stereoOutput } from '../../../../src/core/outputs/studioOutputs';
import { monitorBlock, routeMonitor } from '../../../../src/render/realtime/monitorRoute';

describe('routeMonitor', () => {
  it('plays a plain downmix of a rendered output (mono of stereo: (L + R) / sqrt 2 on both sides)', () => {
    const stereo = stereoOutput();
    const route = routeMonitor(monoDownmix(stereo, 'mono', '-3dB'), [stereo]);
    const left = new Float32Array(128).fill(0.5);
    const right = new Float32Array(128).fill(0.25);
    const [l, r] = monitorBlock(route, [[left, right]]);
    expect(l![0]).toBeCloseTo(0.75 * Math.SQRT1_2, 6);
    expect(r).toBe(l);
  });

  it('refuses a matrix encoding (Lt/Rt), whose phase network the monitor does not run, naming it', () => {
    const fiveOne = loudspeakerOutput('5.1', '5.1', '0+5+0');
    expect(() => routeMonitor(ltRtDownmix(fiveOne, '5.1-to-ltrt', DEFAULT_DOWNMIX_LEVELS), [fiveOne])).toThrow(/"5.1-to-ltrt" is a matrix encoding/);
  });
});
