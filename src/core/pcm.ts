/**
 * Decoded audio as the renderer sees it: planar 32-bit float channels at one sample rate.
 * Nominal full scale is +/-1.0 (0 dBFS); values beyond it are kept, never clipped here.
 */
export interface PcmAudio {
  readonly sampleRateHz: number;
  /** One array per channel, all of the same length (frames). */
  readonly channels: readonly Float32Array[];
  /**
   * WAVE_FORMAT_EXTENSIBLE dwChannelMask when the file carried one (speaker positions
   * of the channels, in SMPTE order); undefined for files without it.
   */
  readonly channelMask?: number;
}

/** Number of frames (samples per channel) of `audio`. */
export function frameCount(audio: PcmAudio): number {
  return audio.channels[0]?.length ?? 0;
}

/** How PCM samples are stored in a file: 16- or 24-bit integers, or 32-bit IEEE float. */
export type PcmSampleFormat = 'pcm16' | 'pcm24' | 'float32';
