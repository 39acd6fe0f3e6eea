import { getLayout } from '../layouts';
import { SCENE_FORMAT_VERSION } from './scene';
import type { Scene, SceneBed, SceneSource, SourcePosition } from './scene';

/**
 * The scenes the benchmarks render, in Node (`npm run bench`) and in the browser's
 * AudioWorklet (src/benchPage) alike. Their stems are given to the renderer with them
 * (noise): the generator names are never used.
 */

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

/** Objects of the Atmos-sized scene: the Dolby Atmos master's 118. */
export const ATMOS_BENCH_OBJECTS = 118;

/**
 * The Atmos-sized scene of issue 13: a 7.1.2 bed (2+7+0, its stem one noise channel per
 * label, at -20 dB) and ATMOS_BENCH_OBJECTS objects on a golden-angle spiral, each moving a
 * quarter turn every 2.5 s through four ADM timeline blocks (10 s).
 */
export function atmosBenchScene(sampleRateHz: number): Scene {
  const sources: SceneSource[] = [];
  for (let i = 0; i < ATMOS_BENCH_OBJECTS; i++) {
    const azimuthDeg = ((i * 137.508) % 360) - 180 + 1e-9;
    const elevationDeg = (i % 7) * 10 - 20;
    const distanceM = 1 + (i % 5);
    const timeline = [0, 1, 2, 3].map((k) => ({
      rtimeSec: 2.5 * k,
      durationSec: 2.5,
      position: { azimuthDeg: ((azimuthDeg + 180 + 90 * k) % 360) - 180 + 1e-9, elevationDeg, distanceM },
    }));
    sources.push({ ...benchSource(i, { azimuthDeg, elevationDeg, distanceM }), timeline });
  }
  const bed: SceneBed = {
    id: 'bed',
    name: '7.1.2 bed',
    stem: { kind: 'generator', generator: 'bench-noise' },
    layout: '2+7+0',
    channels: getLayout('2+7+0').channels.map((channel) => channel.label),
    gainDb: -20,
    mute: false,
    solo: false,
  };
  return { version: SCENE_FORMAT_VERSION, sampleRateHz, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources, beds: [bed] };
}

/** The output lists the Atmos-sized scene is measured with: 7.1.4, 7.1.4 on headphones, and both with 7.1.4's 5.1 and Lo/Ro downmixes. */
export const ATMOS_BENCH_OUTPUT_LISTS: readonly (readonly string[])[] = [['7.1.4'], ['binaural-7.1.4'], ['7.1.4', 'binaural-7.1.4', '7.1.4-to-5.1', '7.1.4-to-loro']];
