import { describe, expect, it } from 'vitest';
import { parseSceneValue } from '../../../../src/core/scene/sceneParse';
import { createAdmExportMix } from '../../../../src/render/adm/sceneAdmRender';

describe('the ADM export mix', () => {
  it('carries an HOA stem as it is, in ACN order (a FuMa-ordered stem W X Y Z as W Y Z X), its gain apart, and silence after its end', () => {
    const { scene } = parseSceneValue(
      {
        format: 'spatial-mix-studio/scene',
        version: 2,
        sampleRateHz: 48000,
        listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
        objects: [],
        ambisonics: [{ id: 'a', name: 'Room', stem: { file: 'room.wav' }, order: 1, normalization: 'FuMa', channelOrder: 'FuMa', gainDb: -6, mute: false, solo: false }],
      },
      'x.json',
    );
    // FuMa channel c holds the constant c + 1 for 200 frames.
    const stem = Array.from({ length: 4 }, (_, c) => new Float32Array(200).fill(c + 1));
    const mix = createAdmExportMix(scene, [stem]);
    expect(mix.ambisonics).toEqual([{ name: 'Room', order: 1, normalization: 'FuMa', gain: 10 ** (-6 / 20) }]);
    expect(mix.lengthFrames).toBeGreaterThanOrEqual(200);
    const first = mix.read(0, 128).ambisonics[0]!.map((channel) => channel[127]);
    expect(first).toEqual([1, 3, 4, 2]);
    const second = mix.read(128, 128).ambisonics[0]!;
    expect(second.map((channel) => [channel[71], channel[72]])).toEqual([
      [1, 0],
      [3, 0],
      [4, 0],
      [2, 0],
    ]);
  });
});
