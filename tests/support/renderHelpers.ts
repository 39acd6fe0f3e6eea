import { SCENE_FORMAT_VERSION } from '../../src/core/scene';
import type { Scene, SceneSource } from '../../src/core/scene';

/** A scene with one source per position, all mono, for tests. */
export function testScene(
  positions: readonly { azimuthDeg: number; elevationDeg: number; distanceM: number }[],
  sampleRateHz = 48000,
): Scene {
  const sources: SceneSource[] = positions.map((position, i) => ({
    id: `s${i}`,
    name: `Source ${i}`,
    stem: { kind: 'generator', generator: 'test' },
    gainDb: 0,
    mute: false,
    solo: false,
    position,
    spreadDeg: 60,
  }));
  return { version: SCENE_FORMAT_VERSION, sampleRateHz, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources };
}
