import type { SceneSource, SourcePosition } from '../../core/scene/scene';

/** Bench object `i`: a noise generator at -30 dB, heard from `position` (the renderer gets the noise as its stem). */
export function benchSource(i: number, position: SourcePosition): SceneSource {
  return {
    id: `object-${i}`,
    name: `Object ${i}`,
    stem: { kind: 'generator', generator: 'bench-noise' },
    gainDb: -30,
    mute: false,
    solo: false,
    position,
    spreadDeg: 0,
  };
}
