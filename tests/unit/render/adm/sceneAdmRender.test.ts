import { describe, expect, it } from 'vitest';
import { parseSceneValue } from '../../../../src/core/scene/sceneParse';
import { createAdmExportMix } from '../../../../src/render/adm/sceneAdmRender';

describe('the ADM export mix', () => {
  it('refuses a scene with HOA stems, naming the first (exporting HOA is not supported yet)', () => {
    const { scene } = parseSceneValue(
      {
        format: 'spatial-mix-studio/scene',
        version: 2,
        sampleRateHz: 48000,
        listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
        objects: [],
        ambisonics: [{ id: 'a', name: 'Room', stem: { file: 'room.wav' }, order: 1, gainDb: 0, mute: false, solo: false }],
      },
      'x.json',
    );
    const stem = Array.from({ length: 4 }, () => new Float32Array(128));
    expect(() => createAdmExportMix(scene, [stem])).toThrow('ADM master: the scene has 1 HOA stems ("Room"...); exporting HOA to ADM is not supported yet (render a layout or binaural instead)');
  });
});
