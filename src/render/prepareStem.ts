import type { PcmAudio } from '../core/pcm';
import { resample } from '../dsp/resample';

/**
 * Makes decoded audio ready for the renderer: one or two channels at the session rate
 * (band-limited resampling when the rates differ), or, for a bed or an HOA stem, `bedChannels` channels
 * (`why` says why that many). `describe` names the source and file for the error a stem
 * with another channel count gets.
 */
export function prepareStem(audio: PcmAudio, sampleRateHz: number, describe: string, bedChannels?: number, why = 'one per bed channel label'): Float32Array[] {
  const count = audio.channels.length;
  if (bedChannels !== undefined && count !== bedChannels) {
    throw new Error(`${describe}: expected a stem of ${bedChannels} channels (${why}), got ${count}`);
  }
  if (bedChannels === undefined && count !== 1 && count !== 2) {
    throw new Error(`${describe}: expected a mono or stereo stem, got ${count} channels`);
  }
  if (audio.channels[0]!.length === 0) throw new Error(`${describe}: the stem has no samples`);
  if (audio.sampleRateHz === sampleRateHz) return audio.channels.map((c) => c);
  return audio.channels.map((c) => resample(c, audio.sampleRateHz, sampleRateHz));
}
