import { describe, expect, it } from 'vitest';
import type { SceneAmbisonics } from '../../../../src/core/scene/ambisonicStem';
import type { Scene, SceneBed, SceneSource } from '../../../../src/core/scene/scene';
import { sceneWithoutSolos } from '../../../../src/core/scene/sceneSolos';

const source = (id: string, solo: boolean): SceneSource => ({
  id,
  name: id,
  stem: { kind: 'generator', generator: 'pad' },
  gainDb: 0,
  mute: false,
  solo,
  position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
  spreadDeg: 60,
});
const bed = (id: string, solo: boolean): SceneBed => ({ id, name: id, stem: { kind: 'file', file: `${id}.wav` }, layout: '0+5+0', channels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'], gainDb: 0, mute: true, solo });
const scene = (sources: SceneSource[], beds?: SceneBed[]): Scene => ({ version: 2, sampleRateHz: 48000, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources, ...(beds === undefined ? {} : { beds }) });

describe('sceneWithoutSolos', () => {
  it('clears the solos of objects and beds, keeping mutes, and returns the same scene when nothing is soloed', () => {
    const soloed = scene([source('a', true), source('b', false)], [bed('music', true)]);
    const cleared = sceneWithoutSolos(soloed);
    expect(cleared.sources.map((s) => s.solo)).toEqual([false, false]);
    expect(cleared.beds!.map((b) => [b.solo, b.mute])).toEqual([[false, true]]);
    const onlyBed = scene([source('a', false)], [bed('music', true)]);
    expect(sceneWithoutSolos(onlyBed).beds![0]!.solo).toBe(false);
    const none = scene([source('a', false)], [bed('music', false)]);
    expect(sceneWithoutSolos(none)).toBe(none);
  });

  it('clears the solo of an HOA stem, keeping its mute', () => {
    const room: SceneAmbisonics = { id: 'room', name: 'room', stem: { kind: 'file', file: 'room.wav' }, order: 1, normalization: 'SN3D', channelOrder: 'ACN', gainDb: 0, mute: true, solo: true };
    const soloed: Scene = { ...scene([source('a', false)]), ambisonics: [room] };
    const cleared = sceneWithoutSolos(soloed);
    expect(cleared.ambisonics!.map((a) => [a.solo, a.mute])).toEqual([[false, true]]);
    expect(cleared.sources[0]).toBe(soloed.sources[0]);
  });
});
