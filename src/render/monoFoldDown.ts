/**
 * The mono fold-down: mono[i] = (left[i] + right[i]) * gain, the gain of a mono law
 * (core/monoLaw.ts). Allocation-free.
 */
export function foldDownToMono(left: Float32Array, right: Float32Array, gain: number, mono: Float32Array, frames: number): void {
  for (let i = 0; i < frames; i++) mono[i] = (left[i]! + right[i]!) * gain;
}
