import type { LayoutChannel } from '../../core/layouts';
import { createStereoFoldDown, stereoFoldDownGains } from '../../dsp/panners/stereoFoldDown';

/**
 * Stereo fold-down of a loudspeaker-channel programme (a 5.1 or 7.1.4 mix file), for
 * measuring it as stereo: every loudspeaker channel is treated as an object at its
 * BS.2051 nominal position and folded down with the same BS.2127 0+2+0 gains the
 * renderer uses for objects (dsp/panners/stereoFoldDown.ts). The LFE is dropped, as
 * BS.2127 and BS.775 do. A centre channel lands in both sides at -3 dB, M+110 on the
 * left at -3 dB, M+030 on the left at 0 dB.
 */
export interface StereoFoldDownGains {
  /** Gain of each input channel (in the layout's order) into the left and right outputs. */
  readonly left: readonly number[];
  readonly right: readonly number[];
}

export function multichannelFoldDownGains(channels: readonly LayoutChannel[]): StereoFoldDownGains {
  const state = createStereoFoldDown();
  const pair = new Float64Array(2);
  const left: number[] = [];
  const right: number[] = [];
  for (const channel of channels) {
    if (channel.isLfe) {
      left.push(0);
      right.push(0);
      continue;
    }
    stereoFoldDownGains(state, channel.azimuthDeg, channel.elevationDeg, pair);
    left.push(pair[0]!);
    right.push(pair[1]!);
  }
  return { left, right };
}

/**
 * Folds `input` (one array per channel of `channels`, all of one length) down to a new
 * stereo pair. Offline; allocates the output.
 */
export function foldDownToStereo(input: readonly Float32Array[], channels: readonly LayoutChannel[]): [Float32Array, Float32Array] {
  if (input.length !== channels.length) {
    throw new RangeError(`stereo fold-down: ${input.length} channels of audio for a layout of ${channels.length} channels`);
  }
  const gains = multichannelFoldDownGains(channels);
  const frames = input.reduce((max, channel) => Math.max(max, channel.length), 0);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  input.forEach((channel, c) => {
    const gl = gains.left[c]!;
    const gr = gains.right[c]!;
    if (gl === 0 && gr === 0) return;
    for (let i = 0; i < channel.length; i++) {
      const x = channel[i]!;
      left[i] = left[i]! + gl * x;
      right[i] = right[i]! + gr * x;
    }
  });
  return [left, right];
}
