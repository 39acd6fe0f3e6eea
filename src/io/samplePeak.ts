import type { PcmSampleFormat } from '../core/pcm';

/** Sample peak over all channels in dBFS: 20 log10(max |x|); -Infinity for silence. */
export function samplePeakDbfs(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) {
    for (let i = 0; i < channel.length; i++) {
      const magnitude = Math.abs(channel[i]!);
      if (magnitude > peak) peak = magnitude;
    }
  }
  return 20 * Math.log10(peak);
}

/**
 * Whether a peak clips when written in `sampleFormat`: integer PCM cannot hold +1.0, so a
 * peak at or above 0 dBFS clips in 16 and 24-bit (a peak within one step below full
 * scale rounds to the largest code, less than an LSB off); 32-bit float keeps overs.
 */
export function clipsIn(peakDbfs: number, sampleFormat: PcmSampleFormat): boolean {
  return sampleFormat !== 'float32' && peakDbfs >= 0;
}
