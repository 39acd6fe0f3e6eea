import type { WavSampleFormat } from '../io/wav';

/** Sample peak over all channels in dBFS (full scale = 1.0); -Infinity for silence. */
export function peakDbfs(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) {
    for (let i = 0; i < channel.length; i++) {
      const v = Math.abs(channel[i]!);
      if (v > peak) peak = v;
    }
  }
  return 20 * Math.log10(peak);
}

/**
 * Whether a peak would be clipped when written in `sampleFormat`: integer formats top
 * out at (2^(bits-1) - 1) / 2^(bits-1) of full scale; float keeps overs.
 */
export function wouldClip(peakDb: number, sampleFormat: WavSampleFormat): boolean {
  if (sampleFormat === 'float32') return false;
  const bits = sampleFormat === 'pcm16' ? 16 : 24;
  const largest = (2 ** (bits - 1) - 1) / 2 ** (bits - 1);
  return peakDb > 20 * Math.log10(largest);
}
