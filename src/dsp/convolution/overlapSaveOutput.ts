import { realFftInverse } from '../fft';
import type { RealFft } from '../fft';

/** Scratch for overlapSaveOutput: the split spectrum and the 2B time buffer. */
export interface OutputScratch {
  readonly re: Float64Array;
  readonly im: Float64Array;
  readonly time: Float64Array;
}

export function createOutputScratch(fft: RealFft): OutputScratch {
  return { re: new Float64Array(fft.bins), im: new Float64Array(fft.bins), time: new Float64Array(fft.size) };
}

/**
 * Inverse-transforms channel `channel` of an interleaved accumulated spectrum (`channels`
 * (re, im) pairs per bin) and writes its last B samples, the part of the circular
 * convolution free of wrap-around, into `output`, multiplied sample by sample by `ramp`
 * when one is given (for crossfades). `add` chooses between adding into and overwriting
 * `output`. Allocation-free.
 */
export function overlapSaveOutput(
  fft: RealFft,
  acc: Float64Array,
  channel: number,
  channels: number,
  scratch: OutputScratch,
  output: Float32Array,
  ramp: Float64Array | null,
  add: boolean,
): void {
  const b = fft.size / 2;
  const { re, im, time } = scratch;
  for (let k = 0; k < fft.bins; k++) {
    const o = (k * channels + channel) * 2;
    re[k] = acc[o]!;
    im[k] = acc[o + 1]!;
  }
  realFftInverse(fft, re, im, time);
  if (ramp === null) {
    if (add) for (let i = 0; i < b; i++) output[i] = output[i]! + time[b + i]!;
    else for (let i = 0; i < b; i++) output[i] = time[b + i]!;
  } else if (add) {
    for (let i = 0; i < b; i++) output[i] = output[i]! + ramp[i]! * time[b + i]!;
  } else {
    for (let i = 0; i < b; i++) output[i] = ramp[i]! * time[b + i]!;
  }
}
