import { describe, expect, it } from 'vitest';
import type { SceneAmbisonics } from '../../../../src/core/scene/ambisonicStem';
import type { Scene } from '../../../../src/core/scene/scene';
import { sceneAsMaster } from '../../../../src/render/delivery/deliveryMaster';

const room: SceneAmbisonics = { id: 'room', name: 'Room', stem: { kind: 'file', file: 'room.wav' }, order: 2, normalization: 'SN3D', channelOrder: 'ACN', gainDb: 0, mute: false, solo: false };
const scene = (ambisonics: SceneAmbisonics[]): Scene => ({ version: 2, sampleRateHz: 48000, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources: [], ambisonics });
const stem = Array.from({ length: 9 }, () => new Float32Array(4));

describe('sceneAsMaster with HOA stems', () => {
  it('counts an audible HOA stem\'s (order + 1)^2 channels and names it as a profile problem (the Atmos profile has no HOA); a muted one is neither', () => {
    const master = sceneAsMaster(scene([room]), [stem]);
    expect(master.channelCount).toBe(9);
    expect(master.objects).toEqual([]);
    expect(master.admProfileProblems).toEqual(['HOA stem "Room" is written as an HOA pack (the profile has Objects and DirectSpeakers beds only)']);
    const muted = sceneAsMaster(scene([{ ...room, mute: true }]), [stem]);
    expect([muted.channelCount, muted.admProfileProblems]).toEqual([0, undefined]);
  });
});
