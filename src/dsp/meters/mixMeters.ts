import { STEREO_WEIGHTS } from '../loudness/channelWeights';
import { createLoudnessMeter, createLoudnessReading, processLoudnessMeter, readLoudnessMeter, resetLoudnessMeter } from '../loudness/loudnessMeter';
import type { LoudnessMeter, LoudnessReading } from '../loudness/loudnessMeter';
import { createGoniometer, processGoniometer } from './goniometer';
import type { Goniometer, GoniometerConfig, GoniometerFeed } from './goniometer';
import { createMultibandStereoMeter, processMultibandStereoMeter, readMultibandStereoMeter, resetMultibandStereoMeter } from './multibandStereoMeter';
import type { MultibandStereoMeter } from './multibandStereoMeter';
import { createStereoFieldMeter, createStereoFieldReading, processStereoFieldMeter, readStereoFieldMeter, resetStereoFieldMeter } from './stereoFieldMeter';
import type { StereoFieldMeter, StereoFieldReading } from './stereoFieldMeter';
import type { IntegrationConfig } from './stereoMoments';

/**
 * The full meter set of a stereo bus, fed once per block: the stereo-field meter
 * (correlation, mid/side levels and ratio, mono sum vs stereo), the one-third-octave multiband
 * meter (correlation, mono sum vs stereo, mid/side per band), the BS.1770 / R 128 loudness meter
 * with true peak, and optionally the goniometer feed. Allocation-free per block.
 */
export interface MixMetersConfig {
  /** Ballistics of the stereo-field and multiband readings; default exponential 0.3 s. */
  readonly integration?: IntegrationConfig;
  /** Mono fold-down gain g for the mono sum vs stereo; default 1/sqrt2. */
  readonly monoLawGain?: number;
  /** Leave the multiband meter out (it is most of the cost); default false. */
  readonly withoutMultiband?: boolean;
  /** Goniometer ring to feed; none by default. */
  readonly goniometer?: { readonly feed: GoniometerFeed; readonly config?: GoniometerConfig };
}

export interface MixMeters {
  readonly stereoField: StereoFieldMeter;
  readonly multiband: MultibandStereoMeter | null;
  readonly loudness: LoudnessMeter;
  readonly goniometer: Goniometer | null;
  /** Scratch channel list for the loudness meter. */
  readonly channels: Float32Array[];
  readonly stereoFieldReading: StereoFieldReading;
  readonly loudnessReading: LoudnessReading;
}

export function createMixMeters(config: MixMetersConfig, sampleRateHz: number): MixMeters {
  const field = { ...(config.integration === undefined ? {} : { integration: config.integration }), ...(config.monoLawGain === undefined ? {} : { monoLawGain: config.monoLawGain }) };
  return {
    stereoField: createStereoFieldMeter(field, sampleRateHz),
    multiband: config.withoutMultiband === true ? null : createMultibandStereoMeter(field, sampleRateHz),
    loudness: createLoudnessMeter({ channelWeights: STEREO_WEIGHTS }, sampleRateHz),
    goniometer: config.goniometer === undefined ? null : createGoniometer(config.goniometer.config ?? {}, config.goniometer.feed),
    channels: [new Float32Array(0), new Float32Array(0)],
    stereoFieldReading: createStereoFieldReading(),
    loudnessReading: createLoudnessReading(),
  };
}

export function processMixMeters(meters: MixMeters, left: Float32Array, right: Float32Array, frames: number): void {
  processStereoFieldMeter(meters.stereoField, left, right, frames);
  if (meters.multiband !== null) processMultibandStereoMeter(meters.multiband, left, right, frames);
  meters.channels[0] = left;
  meters.channels[1] = right;
  processLoudnessMeter(meters.loudness, meters.channels, frames);
  if (meters.goniometer !== null) processGoniometer(meters.goniometer, left, right, frames);
}

/** Refreshes every reading (stereoFieldReading, loudnessReading, the multiband arrays). Allocation-free. */
export function readMixMeters(meters: MixMeters): void {
  readStereoFieldMeter(meters.stereoField, meters.stereoFieldReading);
  if (meters.multiband !== null) readMultibandStereoMeter(meters.multiband);
  readLoudnessMeter(meters.loudness, meters.loudnessReading);
}

export function resetMixMeters(meters: MixMeters): void {
  resetStereoFieldMeter(meters.stereoField);
  if (meters.multiband !== null) resetMultibandStereoMeter(meters.multiband);
  resetLoudnessMeter(meters.loudness);
}
