/**
 * The mono fold-down: M = (L + R) g with g chosen by the law.
 * -3 dB (default): g = 1/sqrt 2, so uncorrelated left and right keep their power in mono;
 * -6 dB: g = 1/2, so a centred (identical) signal keeps its amplitude.
 */
export type MonoLaw = '-3dB' | '-6dB';
export const MONO_LAWS: readonly MonoLaw[] = ['-3dB', '-6dB'];
export const DEFAULT_MONO_LAW: MonoLaw = '-3dB';

export function monoLawGain(law: MonoLaw): number {
  return law === '-3dB' ? Math.SQRT1_2 : 0.5;
}

/** mono[i] = (left[i] + right[i]) * gain for `frames` samples. Allocation-free. */
export function foldDownToMono(left: Float32Array, right: Float32Array, gain: number, mono: Float32Array, frames: number): void {
  for (let i = 0; i < frames; i++) mono[i] = (left[i]! + right[i]!) * gain;
}
