import { peakAbs } from './level';

/**
 * Soft clipping with tanh, the smooth saturation of tape and valve stages. The signal is
 * first scaled to a peak of 1 so that `drive` alone sets the amount of colour: the
 * peaks are pressed to tanh(drive), and the result is scaled back to a peak of 1.
 */
export function softClip(signal: Float32Array, drive: number): void {
  const peak = peakAbs([signal]);
  if (peak === 0) return;
  const inputGain = drive / peak;
  const outputGain = 1 / Math.tanh(drive);
  for (let i = 0; i < signal.length; i++) signal[i] = outputGain * Math.tanh(inputGain * (signal[i] ?? 0));
}
