import { describe, expect, it } from 'vitest';
import { parseSceneValue } from '../../../../src/core/scene/sceneParse';
import { createAdmExportMix } from '../../../../src/render/adm/sceneAdmRender';
import { planeWaveGains } from '../../../support/hoaEncode';

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

  it.each([
    ['SN3D', 'ACN'],
    ['FuMa', 'FuMa'],
  ] as const)('carries an HOA stem (%s, %s) turned by the scene rotation, as the renderer hears it: a wave from azimuth 30 with the scene turned +60 is written as one from 90 (within 1e-6; float32 samples)', (normalization, channelOrder) => {
    const scene = (yawDeg: number) =>
      parseSceneValue(
        {
          format: 'spatial-mix-studio/scene',
          version: 2,
          sampleRateHz: 48000,
          listener: { yawDeg, pitchDeg: 0, rollDeg: 0 },
          objects: [],
          ambisonics: [{ id: 'a', name: 'Room', stem: { file: 'room.wav' }, order: normalization === 'FuMa' ? 2 : 3, normalization, channelOrder, gainDb: 0, mute: false, solo: false }],
        },
        'x.json',
      ).scene;
    const order = normalization === 'FuMa' ? 2 : 3;
    const stemOf = (azimuthDeg: number) => Array.from(planeWaveGains(order, azimuthDeg, 0, normalization, channelOrder), (g) => new Float32Array(300).fill(g));
    // the listener's yaw -60 turns the scene +60 degrees to the left (core/scene/sceneRotation.ts)
    const written = createAdmExportMix(scene(-60), [stemOf(30)]).read(0, 300).ambisonics[0]!;
    const expected = createAdmExportMix(scene(0), [stemOf(90)]).read(0, 300).ambisonics[0]!;
    let largest = 0;
    written.forEach((channel, c) => channel.forEach((v, i) => (largest = Math.max(largest, Math.abs(v - expected[c]![i]!)))));
    expect(largest).toBeLessThan(1e-6);
    // it did turn: the unturned wave from 30 is written otherwise
    const unturned = createAdmExportMix(scene(0), [stemOf(30)]).read(0, 300).ambisonics[0]!;
    expect(Math.max(...unturned.map((channel, c) => Math.abs(channel[10]! - expected[c]![10]!)))).toBeGreaterThan(0.1);
  });
});
