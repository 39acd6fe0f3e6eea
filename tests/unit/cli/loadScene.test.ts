import { describe, expect, it } from 'vitest';
import { loadStems, stemFilePaths } from '../../../src/cli/loadScene';
import { parseSceneValue } from '../../../src/core/scene/sceneParse';
import { FieldError } from '../../../src/core/fieldError';

function sceneOf(stems: object[]) {
  const sources = stems.map((stem, i) => ({
    id: `s${i}`,
    name: `S${i}`,
    stem,
    gainDb: 0,
    mute: false,
    solo: false,
    position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
  }));
  return parseSceneValue({ format: 'spatial-mix-studio/scene', version: 2, sampleRateHz: 48000, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, objects: sources }, 'x.json').scene;
}

describe('loading a scene\'s stems', () => {
  it('makes a generator once and shares it among the sources naming it (each source made its own 12 MB copy)', async () => {
    const scene = sceneOf([{ generator: 'bass' }, { generator: 'bass' }, { generator: 'bass' }]);
    const [a, b, c] = await loadStems(scene, 'scenes/x.json');
    expect(b![0]).toBe(a![0]);
    expect(c![0]).toBe(a![0]);
  });

  it('loads HOA stems after the objects, refusing one whose channel count is not (order + 1)^2, naming the field', async () => {
    const scene = { ...sceneOf([{ generator: 'bass' }]), ambisonics: [{ id: 'a', name: 'Room', stem: { kind: 'generator' as const, generator: 'pad' }, order: 1, normalization: 'SN3D' as const, channelOrder: 'ACN' as const, gainDb: 0, mute: false, solo: false }] };
    await expect(loadStems(scene, 'scenes/x.json')).rejects.toThrow('scenes/x.json: ambisonics[0].stem.generator: expected a stem of 4 channels ((order + 1)^2 for HOA order 1), got "pad" of 2');
  });
});

describe('the stem path rule', () => {
  const pathOf = (file: string): string => stemFilePaths(sceneOf([{ file }]), 'songs/mix.json')[0]!.file;
  const refusal = (file: string): string => {
    try {
      pathOf(file);
    } catch (error) {
      expect(error).toBeInstanceOf(FieldError);
      return (error as Error).message;
    }
    throw new Error(`expected ${file} to be refused`);
  };

  it('resolves paths relative to the scene\'s folder, inside it, with / or \\', () => {
    expect(pathOf('stems/kick.wav')).toBe('songs/stems/kick.wav');
    expect(pathOf('stems\\kick.wav')).toBe('songs/stems/kick.wav');
    expect(pathOf('./a/../b.wav')).toBe('songs/b.wav');
  });

  it('refuses absolute paths, ".." out of the folder, the folder itself and NUL, naming the field', () => {
    expect(refusal('/etc/passwd')).toBe('songs/mix.json: objects[0].stem.file: expected a path relative to the scene\'s folder and inside it, got "/etc/passwd" (an absolute path)');
    expect(refusal('C:\\Windows\\win.ini')).toMatch(/\(an absolute path\)$/);
    expect(refusal('\\\\server\\share\\a.wav')).toMatch(/\(an absolute path\)$/);
    expect(refusal('../../etc/passwd')).toMatch(/\(it leaves the folder with "\.\."\)$/);
    expect(refusal('a/../../b.wav')).toMatch(/\(it leaves the folder with "\.\."\)$/);
    expect(refusal('a/..')).toMatch(/\(it names the folder itself\)$/);
    expect(refusal('a\u0000.wav')).toMatch(/\(it holds a NUL character\)$/);
  });
});
