import { describe, expect, it } from 'vitest';
import { FieldError } from '../../../../src/core/fieldError';
import { parseSceneJson, parseSceneValue } from '../../../../src/core/scene/sceneParse';
import { serializeScene } from '../../../../src/core/scene/sceneWrite';
import { audibleSources } from '../../../../src/core/scene/scene';
import { validScene } from './validScene';

/** Applies `edit` to a fresh valid scene and returns the error message parsing gives. */
function errorFor(edit: (scene: any) => void): string {
  const scene = validScene();
  edit(scene);
  try {
    parseSceneValue(scene, 'scenes/x.json');
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    return (error as Error).message;
  }
  throw new Error('expected the scene to be refused');
}

describe('scene format version 1', () => {
  it('reads a valid scene with defaults (spread 60 degrees when absent)', () => {
    const { scene, warnings } = parseSceneValue(validScene(), 'scenes/x.json');
    expect(warnings).toEqual([]);
    expect(scene.sampleRateHz).toBe(48000);
    expect(scene.sources[0]!.spreadDeg).toBe(60);
    expect(scene.sources[1]!.stem).toEqual({ kind: 'generator', generator: 'pad' });
    expect(scene.sources[1]!.color).toBe('#22aaff');
  });

  it('names the file, the JSON path, the expectation and the value found', () => {
    expect(errorFor((s) => (s.sources[1].position.azimuthDeg = 'left'))).toBe(
      'scenes/x.json: sources[1].position.azimuthDeg: expected a number in (-180, 180], got "left"',
    );
    expect(errorFor((s) => (s.sources[0].position.azimuthDeg = -180))).toBe(
      'scenes/x.json: sources[0].position.azimuthDeg: expected a number in (-180, 180], got -180',
    );
    expect(errorFor((s) => (s.sources[0].position.elevationDeg = 91))).toMatch(/sources\[0\]\.position\.elevationDeg: expected a number in \[-90, 90\], got 91/);
    expect(errorFor((s) => (s.sources[0].position.distanceM = 0))).toMatch(/sources\[0\]\.position\.distanceM: expected a number in \[0\.1, 1000\], got 0/);
    expect(errorFor((s) => (s.sources[0].gainDb = null))).toMatch(/sources\[0\]\.gainDb: expected a number in \[-120, 24\], got null/);
    expect(errorFor((s) => (s.sources[0].mute = 'no'))).toMatch(/sources\[0\]\.mute: expected true or false, got "no"/);
    expect(errorFor((s) => (s.sampleRateHz = 22050))).toMatch(/^scenes\/x\.json: sampleRateHz: expected one of 44100, 48000, 88200, 96000, got 22050$/);
    expect(errorFor((s) => (s.version = 3))).toMatch(/version: expected 1 or 2/);
    expect(errorFor((s) => (s.format = 'other'))).toMatch(/format: expected "spatial-mix-studio\/scene", got "other"/);
    expect(errorFor((s) => delete s.listener)).toMatch(/listener: expected an object, got nothing/);
    expect(errorFor((s) => (s.sources = {}))).toMatch(/sources: expected an array, got an object/);
    expect(errorFor((s) => (s.sources[1].spreadDeg = 270))).toMatch(/sources\[1\]\.spreadDeg: expected a number in \[0, 180\]/);
    expect(errorFor((s) => (s.sources[1].color = 'blue'))).toMatch(/sources\[1\]\.color: expected a colour "#rrggbb", got "blue"/);
    expect(errorFor((s) => (s.sources[1].id = 'kick'))).toMatch(/sources\[1\]\.id: expected a unique id, got "kick" \(also sources\[0\]\.id\)/);
    expect(errorFor((s) => (s.sources[0].stem = { file: 'a.wav', generator: 'pad' }))).toMatch(/sources\[0\]\.stem\.generator: expected exactly one of/);
    expect(errorFor((s) => (s.sources[0].stem = {}))).toMatch(/sources\[0\]\.stem\.file: expected exactly one of .* got neither/);
  });

  it('refuses text that is not JSON, naming the file', () => {
    expect(() => parseSceneJson('{ "format": ', 'scenes/broken.json')).toThrow(/^scenes\/broken\.json: not valid JSON/);
  });

  it('reports unknown fields and keeps them through a save', () => {
    const json = validScene() as any;
    json.mixer = { busCount: 2 };
    json.sources[0].reverbSend = -12;
    json.sources[0].position.spreadMode = 'x';
    const { scene, warnings } = parseSceneValue(json, 'scenes/x.json');
    expect(warnings).toEqual([
      'scenes/x.json: sources[0].position.spreadMode: unknown field, kept as is',
      'scenes/x.json: sources[0].reverbSend: unknown field, kept as is',
      'scenes/x.json: mixer: unknown field, kept as is',
    ]);
    const saved = JSON.parse(serializeScene(scene));
    expect(saved.mixer).toEqual({ busCount: 2 });
    expect(saved.objects[0].reverbSend).toBe(-12);
    expect(saved.objects[0].position.spreadMode).toBe('x');
  });

  it('round-trips losslessly: parse(save(scene)) equals scene and save is stable', () => {
    const { scene } = parseSceneValue(validScene(), 'scenes/x.json');
    const text = serializeScene(scene);
    const again = parseSceneJson(text, 'scenes/x.json').scene;
    expect(again).toEqual(scene);
    expect(serializeScene(again)).toBe(text);
  });

  it('solo makes only soloed sources audible; mute always silences', () => {
    const json = validScene() as any;
    json.sources[1].mute = false;
    expect(audibleSources(parseSceneValue(json, 'x').scene).map((s) => s.id)).toEqual(['kick', 'pad']);
    json.sources[1].solo = true;
    expect(audibleSources(parseSceneValue(json, 'x').scene).map((s) => s.id)).toEqual(['pad']);
    json.sources[1].mute = true;
    expect(audibleSources(parseSceneValue(json, 'x').scene).map((s) => s.id)).toEqual([]);
  });
});
