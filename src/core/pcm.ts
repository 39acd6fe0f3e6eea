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
  /**
   * What the decoder read but found wrong, one sentence each without the file name (a
   * data chunk cut short, ...); absent when there is nothing to say. Callers show them.
   */
  readonly warnings?: readonly string[];
}

/** Number of frames (samples per channel) of `audio`. */
export function frameCount(audio: PcmAudio): number {
  return audio.channels[0]?.length ?? 0;
}

/** How PCM samples are stored in a file: 16- or 24-bit integers, or 32-bit IEEE float. */
export type PcmSampleFormat = 'pcm16' | 'pcm24' | 'float32';

/**
 * The sample rates the studio reads audio at, Hz: from telephone-band 8 kHz to 384 kHz,
 * the highest rate of studio converters. A file declaring a rate outside is refused before
 * anything is allocated for it: resampled to the session rate, a 1 Hz file would ask for
 * 48,000 times its length, and a rate near 2^32 Hz makes no sense as audio.
 */
export const MIN_FILE_SAMPLE_RATE_HZ = 8000;
export const MAX_FILE_SAMPLE_RATE_HZ = 384000;

/** Whether `sampleRateHz` is one the studio reads (MIN_FILE_SAMPLE_RATE_HZ to MAX_FILE_SAMPLE_RATE_HZ, whole Hz). */
export function isReadableSampleRate(sampleRateHz: number): boolean {
  return Number.isInteger(sampleRateHz) && sampleRateHz >= MIN_FILE_SAMPLE_RATE_HZ && sampleRateHz <= MAX_FILE_SAMPLE_RATE_HZ;
}
