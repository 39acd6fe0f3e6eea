import type { MonoLaw } from '../../src/core/monoLaw';
import type { OutputDefinition } from '../../src/core/outputs/outputDefinition';
import { studioOutput } from '../../src/core/outputs/studioOutputs';
import type { StudioOutputId } from '../../src/core/outputs/studioOutputs';
import { SCENE_FORMAT_VERSION } from '../../src/core/scene/scene';
import { renderWholeScene } from '../../src/render/offlineRender';
import type { SceneRenderer } from '../../src/render/sceneRenderer';
import type { Scene, SceneSource } from '../../src/core/scene/scene';

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

/** The studio outputs called `ids`, as a test renders them (mono law -3 dB unless given). */
export function studioTestOutputs(ids: readonly StudioOutputId[], monoLaw: MonoLaw = '-3dB'): OutputDefinition[] {
  return ids.map((id) => studioOutput(id, { monoLaw, hrtfSet: 'test' }));
}

/** A whole render of studio outputs, by output id (mono has one channel). */
export interface StudioRender {
  readonly binaural?: [Float32Array, Float32Array];
  readonly stereo?: [Float32Array, Float32Array];
  readonly mono?: [Float32Array];
}

/** A whole render from the renderer's playhead, its channels by output id. */
export function renderById(renderer: SceneRenderer): StudioRender {
  return Object.fromEntries(renderWholeScene(renderer).map(({ output, channels }) => [output.id, [...channels]])) as StudioRender;
}
