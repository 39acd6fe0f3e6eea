import { describe, expect, it } from 'vitest';
import { FieldError, FieldErrors } from '../../../../src/core/fieldError';
import { SCENE_FILE_LIMITS } from '../../../../src/core/scene/scene';
import { parseSceneJson, parseSceneValue } from '../../../../src/core/scene/sceneParse';
import { serializeScene } from '../../../../src/core/scene/sceneWrite';
import { validScene } from './validScene';

/** `{ "a": { "a": ... 1 } }`, `levels` objects deep, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

function refusal(json: unknown): FieldError {
  try {
    parseSceneValue(json, 'scenes/x.json');
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    return error as FieldError;
  }
  throw new Error('expected the scene to be refused');
}

function sources(count: number): object[] {
  const [first] = validScene().sources as object[];
  return Array.from({ length: count }, (_, i) => ({ ...first, id: `s${i}`, stem: { generator: 'pad' } }));
}

describe('scenes nested too deep', () => {
  it('refuses an unknown field nested 10,000 levels deep, naming the file and the path, where saving it overflowed the stack', () => {
    const json = validScene();
    json.mixer = nested(10_000);
    const error = refusal(json);
    // mixer is level 2, so the first object beyond level 64 is mixer followed by 63 "a"s.
    expect(error.path).toBe(`mixer${'.a'.repeat(63)}`);
    expect(error.message).toBe(`scenes/x.json: ${error.path}: nested more than 64 levels deep (expected at most 64; a scene needs 7)`);
  });

  it('accepts exactly 64 levels, keeps them and saves them', () => {
    const json = validScene();
    json.mixer = nested(SCENE_FILE_LIMITS.nestingDepth - 1); // the root is level 1
    const { scene } = parseSceneValue(json, 'scenes/x.json');
    expect(JSON.parse(serializeScene(scene)).mixer).toEqual(json.mixer);
    json.mixer = nested(SCENE_FILE_LIMITS.nestingDepth);
    expect(refusal(json).path).toBe(`mixer${'.a'.repeat(63)}`);
  });

  it('refuses deep arrays in the text as well (JSON.parse itself accepts 100,000 levels)', () => {
    const text = JSON.stringify(validScene()).replace(/}$/, `,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(() => parseSceneJson(text, 'scenes/x.json')).toThrow(/^scenes\/x\.json: x(\[0\]){63}: nested more than 64 levels deep/);
  });
});

describe('a "__proto__" field', () => {
  it('is warned about like an unknown field, dropped, and touches no prototype', () => {
    const text = JSON.stringify(validScene()).replace('"id":"kick"', '"__proto__":{"polluted":true,"gainDb":99},"id":"kick"');
    const { scene, warnings, fieldWarnings } = parseSceneJson(text, 'scenes/x.json');
    expect(warnings).toEqual(['scenes/x.json: sources[0].__proto__: a name JavaScript reserves for prototypes: dropped, not kept']);
    expect(fieldWarnings).toEqual([{ path: 'sources[0].__proto__', problem: 'a name JavaScript reserves for prototypes: dropped, not kept' }]);
    const source = scene.sources[0]!;
    expect(Object.getPrototypeOf(source)).toBe(Object.prototype);
    expect(source.extraFields).toBeUndefined();
    expect((source as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(serializeScene(scene)).not.toContain('__proto__');
  });

  it('at the top level too, next to other unknown fields that are kept', () => {
    const text = JSON.stringify(validScene()).replace(/^{/, '{"__proto__":{"polluted":1},"mixer":2,');
    const { scene, warnings } = parseSceneJson(text, 'scenes/x.json');
    expect(warnings).toEqual([
      'scenes/x.json: __proto__: a name JavaScript reserves for prototypes: dropped, not kept',
      'scenes/x.json: mixer: unknown field, kept as is',
    ]);
    expect(scene.extraFields).toEqual({ mixer: 2 });
    expect(Object.getPrototypeOf(scene.extraFields)).toBe(Object.prototype);
  });
});

describe('every problem in one refusal', () => {
  it('lists each bad field with its path and what was expected', () => {
    const json = validScene() as any;
    json.sampleRateHz = 22050;
    json.sources[0].gainDb = 'loud';
    json.sources[1].position.azimuthDeg = 400;
    const error = refusal(json);
    expect(error).toBeInstanceOf(FieldErrors);
    expect(error.message).toBe(
      [
        'scenes/x.json: 3 problems:',
        '  sampleRateHz: expected one of 44100, 48000, 88200, 96000, got 22050',
        '  sources[0].gainDb: expected a number in [-120, 24], got "loud"',
        '  sources[1].position.azimuthDeg: expected a number in (-180, 180], got 400',
      ].join('\n'),
    );
    expect((error as FieldErrors).problems.map((p) => p.path)).toEqual(['sampleRateHz', 'sources[0].gainDb', 'sources[1].position.azimuthDeg']);
  });

  it('lists the first 20 of 30, then says how many more', () => {
    const json = validScene() as any;
    json.sources = sources(30).map((s: any) => ({ ...s, mute: 'no' }));
    const error = refusal(json) as FieldErrors;
    expect(error.problems).toHaveLength(30);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines[0]).toBe('scenes/x.json: 30 problems:');
    expect(lines[20]).toBe('  sources[19].mute: expected true or false, got "no"');
    expect(lines[21]).toBe('  and 10 more');
  });

  it('reports duplicate ids along with the other problems', () => {
    const json = validScene() as any;
    json.sources[1].id = 'kick';
    json.sources[1].solo = 1;
    const error = refusal(json) as FieldErrors;
    expect(error.problems.map((p) => p.message)).toEqual([
      'scenes/x.json: sources[1].solo: expected true or false, got 1',
      'scenes/x.json: sources[1].id: expected a unique id, got "kick" (also sources[0].id)',
    ]);
  });
});

describe('sizes', () => {
  it(`refuses more than ${SCENE_FILE_LIMITS.sources} sources, naming the count, and reads ${SCENE_FILE_LIMITS.sources}`, () => {
    const json = validScene();
    json.sources = sources(10_000);
    expect(refusal(json).message).toBe('scenes/x.json: sources: expected at most 512 sources (more than the renderer can play in real time), got 10000');
    json.sources = sources(SCENE_FILE_LIMITS.sources);
    expect(parseSceneValue(json, 'scenes/x.json').scene.sources).toHaveLength(512);
  });

  it('refuses a 50-million-character name with a short message saying its length', () => {
    const json = validScene() as any;
    json.sources[0].name = `\u001b[31m${'x'.repeat(50_000_000)}`;
    const message = refusal(json).message;
    expect(message).toBe(
      `scenes/x.json: sources[0].name: expected a non-empty string of at most 256 characters, got "\\u001b[31m${'x'.repeat(35)}..." (50000005 characters)`,
    );
    json.sources[0].name = 'n'.repeat(256);
    expect(parseSceneValue(json, 'scenes/x.json').scene.sources[0]!.name).toHaveLength(256);
  });

  it('names a field whose key holds control characters or is huge, quoted and cut', () => {
    const json = validScene() as any;
    json.sources[0]['\u001b[2J'] = 1;
    json.sources[0]['k'.repeat(1000)] = 2;
    const { warnings } = parseSceneValue(json, 'scenes/x.json');
    expect(warnings).toEqual([
      'scenes/x.json: sources[0]["\\u001b[2J"]: unknown field, kept as is',
      `scenes/x.json: sources[0]["${'k'.repeat(64)}...(1000 characters)"]: unknown field, kept as is`,
    ]);
  });

  it('lists 20 unknown fields, then how many more', () => {
    const json = validScene();
    for (let i = 0; i < 25; i++) json[`extra${i}`] = i;
    const { warnings, fieldWarnings, scene } = parseSceneValue(json, 'scenes/x.json');
    expect(warnings).toHaveLength(21);
    expect(warnings[20]).toBe('scenes/x.json: and 5 more fields not known or not kept');
    expect(fieldWarnings).toHaveLength(20);
    expect(Object.keys(scene.extraFields ?? {})).toHaveLength(25);
  });
});

describe('a file of another format or version', () => {
  it('is refused for that alone, not for every field it lacks', () => {
    expect(refusal({ format: 'other/thing', sources: 3 }).message).toBe('scenes/x.json: format: expected "spatial-mix-studio/scene", got "other/thing"');
    expect(refusal({ format: 'spatial-mix-studio/scene', version: 3 }).message).toBe(
      'scenes/x.json: version: expected 1 or 2 (this studio reads scene format versions 1 or 2), got 3',
    );
  });
});
