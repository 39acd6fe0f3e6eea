/**
 * The mono fold-down law: mono = (L + R) g, with g chosen by the law (DESIGN.md section 4).
 * -3 dB (default): g = 1/sqrt 2, so uncorrelated left and right keep their power in mono;
 * -6 dB: g = 1/2, so a centred (identical) signal keeps its amplitude.
 * In core so that the scene tools, the engine's interface, the state and the UI name the
 * same laws as the renderer that applies them (the mono downmix, core/outputs/studioOutputs.ts).
 */
export type MonoLaw = '-3dB' | '-6dB';
export const MONO_LAWS: readonly MonoLaw[] = ['-3dB', '-6dB'];
export const DEFAULT_MONO_LAW: MonoLaw = '-3dB';

export function monoLawGain(law: MonoLaw): number {
  return law === '-3dB' ? Math.SQRT1_2 : 0.5;
}
