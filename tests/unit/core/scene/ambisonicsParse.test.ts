import { describe, expect, it } from 'vitest';
import { FieldErrors } from '../../../../src/core/fieldError';
import { ambisonicChannelAcns, checkAmbisonicStemChannels } from '../../../../src/core/scene/ambisonicStem';
import { parseSceneValue } from '../../../../src/core/scene/sceneParse';
import { serializeScene } from '../../../../src/core/scene/sceneWrite';
import { validScene } from './validScene';

const hoa = { id: 'amb', name: 'Room', stem: { file: 'room.wav' }, order: 1, gainDb: -2, mute: false, solo: false };

function v2(change: (scene: any) => void = () => {}): any {
  const v1 = validScene() as any;
  const scene = { ...v1, version: 2, objects: v1.sources };
  delete scene.sources;
  change(scene);
  return scene;
}

function problems(change: (scene: any) => void): string[] {
  try {
    parseSceneValue(v2(change), 'x.json');
  } catch (error) {
    if (error instanceof FieldErrors) return error.problems.map((p) => `${p.path}: ${p.problem}`);
    return [(error as Error).message.replace(/^x\.json: /, '')];
  }
  return [];
}

describe('HOA stems in the scene (ambisonics)', () => {
  it('reads an HOA stem with AmbiX defaults, writes every field and reads it back equal', () => {
    const { scene, warnings } = parseSceneValue(v2((s) => (s.ambisonics = [{ ...hoa, color: '#102030', note: 'x' }])), 'x.json');
    expect(warnings).toEqual(['x.json: ambisonics[0].note: unknown field, kept as is']);
    expect(scene.ambisonics).toEqual([{ ...hoa, stem: { kind: 'file', file: 'room.wav' }, normalization: 'SN3D', channelOrder: 'ACN', color: '#102030', extraFields: { note: 'x' } }]);
    const text = serializeScene(scene);
    expect(JSON.parse(text).ambisonics[0]).toEqual({ ...hoa, normalization: 'SN3D', channelOrder: 'ACN', color: '#102030', note: 'x' });
    expect(parseSceneValue(JSON.parse(text), 'x.json').scene).toEqual(scene);
  });

  it('names each bad field: order, normalisation, channel order, FuMa beyond order 3, a repeated id', () => {
    expect(
      problems((s) => {
        s.ambisonics = [
          { ...hoa, order: 1.5, normalization: 'maxN', channelOrder: 'SID' },
          { ...hoa, id: 'b', order: 4, normalization: 'FuMa', channelOrder: 'FuMa' },
          { ...hoa, id: 'kick', order: undefined },
        ];
      }),
    ).toEqual([
      'ambisonics[0].order: expected an HOA order, an integer in [0, 7] (the stem has (order + 1)^2 channels), got 1.5',
      'ambisonics[0].normalization: expected one of "SN3D", "N3D", "FuMa", got "maxN"',
      'ambisonics[0].channelOrder: expected one of "ACN", "FuMa", got "SID"',
      'ambisonics[1].normalization: expected SN3D or N3D for order 4 (FuMa is defined up to order 3), got "FuMa"',
      'ambisonics[1].channelOrder: expected ACN for order 4 (FuMa\'s channel letters go up to order 3), got "FuMa"',
      'ambisonics[2].order: expected an HOA order, an integer in [0, 7] (the stem has (order + 1)^2 channels), got nothing',
      'ambisonics[2].id: expected a unique id, got "kick" (also objects[0].id)',
    ]);
  });

  it('a version 1 scene keeps `ambisonics` as an unknown field', () => {
    const scene = validScene() as any;
    scene.ambisonics = [hoa];
    const { scene: parsed, warnings } = parseSceneValue(scene, 'x.json');
    expect(parsed.ambisonics).toBeUndefined();
    expect(warnings).toEqual(['x.json: ambisonics: unknown field, kept as is']);
  });

  it('channel orders: ACN as it is, FuMa W X Y Z R S T U V K L M N O P Q as ACN 0 3 1 2 6 7 5 8 4 12 13 11 14 10 15 9', () => {
    expect(ambisonicChannelAcns(1, 'ACN')).toEqual([0, 1, 2, 3]);
    expect(ambisonicChannelAcns(3, 'FuMa')).toEqual([0, 3, 1, 2, 6, 7, 5, 8, 4, 12, 13, 11, 14, 10, 15, 9]);
  });

  it('a stem whose channel count is not (order + 1)^2 is refused naming the stem', () => {
    const { scene } = parseSceneValue(v2((s) => (s.ambisonics = [{ ...hoa, order: 2 }])), 'x.json');
    expect(() => checkAmbisonicStemChannels(scene.ambisonics![0]!, 4, 'x.json')).toThrow('x.json: HOA stem "Room" of order 2 needs 9 channels ((order + 1)^2) but its stem has 4');
    expect(() => checkAmbisonicStemChannels(scene.ambisonics![0]!, 9, 'x.json')).not.toThrow();
  });
});
