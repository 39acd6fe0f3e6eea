import { BUTTERWORTH_Q, createBiquad, processBiquad } from './biquad';

/** Levels and the finishing steps every stem goes through before it leaves the generator. */

export function dbToGain(gainDb: number): number {
  return 10 ** (gainDb / 20);
}

/** Largest absolute sample over all channels. */
export function peakAbs(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) {
    for (let i = 0; i < channel.length; i++) peak = Math.max(peak, Math.abs(channel[i] ?? 0));
  }
  return peak;
}

/** Cutoff of the DC-blocking high-pass: below hearing, above the DC of asymmetric clipping. */
const DC_BLOCK_CUTOFF_HZ = 20;

/** Removes DC and subsonic drift in place: a second-order Butterworth high-pass at 20 Hz. */
export function removeDc(channel: Float32Array, sampleRateHz: number): void {
  processBiquad(createBiquad('highpass', DC_BLOCK_CUTOFF_HZ, BUTTERWORTH_Q, sampleRateHz), channel);
}

/** Raised-cosine fade to silence over the last `fadeSec`, so no stem ends on a click. */
export function fadeOutEnd(channels: readonly Float32Array[], fadeSec: number, sampleRateHz: number): void {
  for (const channel of channels) {
    const fadeSamples = Math.min(channel.length, Math.round(fadeSec * sampleRateHz));
    const start = channel.length - fadeSamples;
    for (let i = 0; i < fadeSamples; i++) {
      const gain = 0.5 + 0.5 * Math.cos((Math.PI * (i + 1)) / fadeSamples);
      channel[start + i] = (channel[start + i] ?? 0) * gain;
    }
  }
}

/** Scales all channels by one gain so that the loudest sample sits at `peakDbfs`. */
export function normalizePeak(channels: readonly Float32Array[], peakDbfs: number): void {
  const peak = peakAbs(channels);
  if (peak === 0) return;
  const gain = dbToGain(peakDbfs) / peak;
  for (const channel of channels) {
    for (let i = 0; i < channel.length; i++) channel[i] = (channel[i] ?? 0) * gain;
  }
}

/** Constant-power pan gains for a position in [-1 (left), +1 (right)]. */
export function panGains(position: number): readonly [number, number] {
  const angle = ((position + 1) * Math.PI) / 4;
  return [Math.cos(angle), Math.sin(angle)];
}
