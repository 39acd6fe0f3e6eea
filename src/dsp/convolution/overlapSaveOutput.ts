import { realFftInverse } from '../fft';
import type { RealFft } from '../fft';

/**
 * Inverse-transforms an accumulated spectrum (bins 0..B) and writes its last B samples,
 * the part of the circular convolution free of wrap-around, into `output`, multiplied
 * sample by sample by `ramp` when one is given (for crossfades). `add` chooses between
 * adding into and overwriting `output`. `scratch` has length 2B. Allocation-free.
 */
export function overlapSaveOutput(
  fft: RealFft,
  accRe: Float64Array,
  accIm: Float64Array,
  scratch: Float64Array,
  output: Float32Array,
  ramp: Float64Array | null,
  add: boolean,
): void {
  const b = fft.size / 2;
  realFftInverse(fft, accRe, accIm, scratch);
  if (ramp === null) {
    if (add) for (let i = 0; i < b; i++) output[i] = output[i]! + scratch[b + i]!;
    else for (let i = 0; i < b; i++) output[i] = scratch[b + i]!;
  } else if (add) {
    for (let i = 0; i < b; i++) output[i] = output[i]! + ramp[i]! * scratch[b + i]!;
  } else {
    for (let i = 0; i < b; i++) output[i] = ramp[i]! * scratch[b + i]!;
  }
}
