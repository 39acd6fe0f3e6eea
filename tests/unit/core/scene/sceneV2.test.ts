import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FieldErrors } from '../../../../src/core/fieldError';
import { SCENE_FILE_LIMITS } from '../../../../src/core/scene/scene';
import { parseSceneJson, parseSceneValue } from '../../../../src/core/scene/sceneParse';
import { serializeScene } from '../../../../src/core/scene/sceneWrite';
import { validScene } from './validScene';

const root = (folder: string): string => fileURLToPath(new URL(`../../../../${folder}/`, import.meta.url));
const sceneFiles = (folder: string): string[] =>
  readdirSync(root(folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${folder}/${name}`);
const read = (file: string): string => readFileSync(fileURLToPath(new URL(`../../../../${file}`, import.meta.url)), 'utf8');

/** Every scene the repository ships and the fixtures of both versions. */
const FILES = [...sceneFiles('scenes'), ...sceneFiles('tests/fixtures/scenes')];

describe('scene format version 2', () => {
  it.each(FILES)('%s loads, is written as version 2 and reads back equal (a stable text)', (file) => {
    const { scene } = parseSceneJson(read(file), file);
    const text = serializeScene(scene);
    const json = JSON.parse(text);
    expect(json.version).toBe(2);
    expect(json.sources).toBeUndefined();
    expect(json.objects).toHaveLength(scene.sources.length);
    const again = parseSceneJson(text, file);
    expect(again.scene).toEqual(scene);
    expect(serializeScene(again.scene)).toBe(text);
  });

  it('converts a version 1 scene: its sources become static objects, unknown fields kept', () => {
    const file = 'tests/fixtures/scenes/v1-everything.json';
    const v1 = JSON.parse(read(file));
    const { scene, warnings } = parseSceneJson(read(file), file);
    expect(scene.version).toBe(2);
    expect(warnings).toHaveLength(5);
    const written = JSON.parse(serializeScene(scene));
    // A static object is written as the version 1 source was, field for field.
    expect(written.objects).toEqual(v1.sources.map((s: Record<string, unknown>) => ({ spreadDeg: 60, ...s })));
    expect(written.mixer).toEqual({ busCount: 2 });
    expect(written.listener.trackerId).toBe('hmd-1');
  });

  it('reads timelines, ADM parameters, Cartesian objects, render modes and beds', () => {
    const file = 'tests/fixtures/scenes/v2-moving.json';
    const { scene, warnings } = parseSceneJson(read(file), file);
    expect(warnings).toEqual([`${file}: objects[0].timeline[2].automationNote: unknown field, kept as is`]);
    const [fly, box] = scene.sources;
    expect(fly!.binauralRenderMode).toBe('near');
    expect(fly!.width).toBe(20);
    expect(fly!.timeline).toHaveLength(3);
    expect(fly!.timeline![2]!.jumpPosition).toEqual({ flag: true, interpolationLengthSec: 0 });
    expect(box!.cartesianPosition).toEqual({ X: -0.5, Y: 0.5, Z: 0 });
    // Rendered (interim) at the plain direction of (X, Y, Z): 45 degrees left, |(X, Y, Z)| = 0.707 m.
    expect(box!.position.azimuthDeg).toBeCloseTo(45, 12);
    expect(box!.position.distanceM).toBeCloseTo(Math.SQRT1_2, 12);
    expect(box!.timeline![1]!.cartesianPosition).toEqual({ X: 0.5, Y: 0.5, Z: 0.5 });
    expect(box!.objectDivergence).toEqual({ value: 0.5, positionRange: 0.2 });
    expect(scene.beds).toEqual([
      {
        id: 'music',
        name: 'Music bed',
        stem: { kind: 'file', file: 'stems/music-5.1.wav' },
        layout: '0+5+0',
        channels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'],
        gainDb: -2,
        mute: false,
        solo: false,
      },
    ]);
  });

  it('writes a static object without timeline, mode or ADM fields (as a version 1 source)', () => {
    const json = JSON.parse(serializeScene(parseSceneValue(validScene(), 'x.json').scene));
    expect(Object.keys(json.objects[0])).toEqual(['id', 'name', 'stem', 'gainDb', 'mute', 'solo', 'position', 'spreadDeg']);
  });
});

/** A version 2 scene of validScene's objects, changed by `change`; the problems it is refused for. */
function problems(change: (scene: any) => void): string[] {
  const v1 = validScene() as any;
  const scene = { ...v1, version: 2, objects: v1.sources };
  delete scene.sources;
  change(scene);
  try {
    parseSceneValue(scene, 'x.json');
  } catch (error) {
    if (error instanceof FieldErrors) return error.problems.map((p) => `${p.path}: ${p.problem}`);
    return [(error as Error).message.replace(/^x\.json: /, '')];
  }
  return [];
}

describe('version 2 refusals name the field and what was expected', () => {
  it('timelines: order, overlap, interpolation longer than its block, an empty one', () => {
    expect(
      problems((s) => {
        s.objects[0].timeline = [
          { rtimeSec: 0, durationSec: 2 },
          { rtimeSec: 1, durationSec: 1, jumpPosition: { flag: true, interpolationLengthSec: 1.5 } },
        ];
      }),
    ).toEqual([
      'objects[0].timeline[1].jumpPosition.interpolationLengthSec: expected a number in [0, 1] (at most the block\'s duration), got 1.5',
      'objects[0].timeline[1].rtimeSec: expected blocks in time order without overlap: at least 2 (the end of timeline[0]), got 1',
    ]);
    expect(problems((s) => (s.objects[0].timeline = []))).toEqual([
      'objects[0].timeline: expected at least one block (leave the timeline out for a static object)',
    ]);
    expect(problems((s) => (s.objects[0].timeline = [{ rtimeSec: 0, durationSec: 1, position: { X: 0, Y: 1, Z: 0 } }]))).toEqual([
      'objects[0].timeline[0].position.azimuthDeg: expected a number in (-180, 180], got nothing',
      'objects[0].timeline[0].position.elevationDeg: expected a number in [-90, 90], got nothing',
      'objects[0].timeline[0].position.distanceM: expected a number in [0.1, 1000], got nothing',
    ]);
  });

  it('counts before reading: timeline blocks, zones and beds beyond SCENE_FILE_LIMITS', () => {
    const { timelineBlocks, exclusionZones, beds } = SCENE_FILE_LIMITS;
    const block = { rtimeSec: 0, durationSec: 0 };
    const zone = { minX: 0, maxX: 0, minY: 0, maxY: 0, minZ: 0, maxZ: 0 };
    expect(
      problems((s) => {
        s.objects[0].timeline = new Array(timelineBlocks + 1).fill(block);
        s.objects[1].zoneExclusion = new Array(exclusionZones + 1).fill(zone);
        s.beds = new Array(beds + 1).fill({});
      }),
    ).toEqual([
      `objects[0].timeline: expected at most ${timelineBlocks} blocks, got ${timelineBlocks + 1}`,
      `objects[1].zoneExclusion: expected at most ${exclusionZones} zones, got ${exclusionZones + 1}`,
      `beds: expected at most ${beds} beds, got ${beds + 1}`,
    ]);
  });

  it('ADM parameters and the binaural render mode', () => {
    expect(
      problems((s) => {
        s.objects[0].diffuse = 2;
        s.objects[0].binauralRenderMode = 'room';
        s.objects[1].objectDivergence = { value: 0.5, azimuthRange: 30, positionRange: 0.1 };
        s.objects[1].zoneExclusion = [{ minX: 0.5, maxX: -0.5, minY: -1, maxY: 1, minZ: -1, maxZ: 1 }];
      }),
    ).toEqual([
      'objects[0].diffuse: expected a number in [0, 1], got 2',
      'objects[0].binauralRenderMode: expected one of "off", "near", "mid", "far", got "room"',
      'objects[1].objectDivergence.positionRange: expected azimuthRange (a polar object) or positionRange (a Cartesian one), got both',
      'objects[1].zoneExclusion[0].maxX: expected at least minX (0.5), got -0.5',
    ]);
  });

  it('beds: layout, unknown and repeated labels, ids shared with an object', () => {
    const bed = { id: 'kick', name: 'Bed', stem: { file: 'bed.wav' }, layout: '0+5+0', channels: ['M+030', 'U+045', 'M+030'], gainDb: 0, mute: false, solo: false };
    expect(problems((s) => (s.beds = [bed]))).toEqual([
      'beds[0].channels[1]: expected a channel label of the 0+5+0 layout (M+030, M-030, M+000, LFE1, M+110, M-110), got "U+045"',
      'beds[0].channels[2]: expected each label once, got "M+030" again (also channels[0])',
      'beds[0].id: expected a unique id, got "kick" (also objects[0].id)',
    ]);
    expect(problems((s) => (s.beds = [{ ...bed, id: 'b', layout: '7.1.2', channels: ['L'] }]))).toEqual([
      expect.stringMatching(/^beds\[0\]\.layout: expected a BS\.2051 layout name, one of 0\+2\+0, 0\+5\+0, .*, got "7\.1\.2"$/),
    ]);
    expect(problems((s) => (s.beds = [{ ...bed, id: 'b', layout: '0+2+0', channels: ['M+030', 'M-030', 'M+000'] }]))).toEqual([
      'beds[0].channels: expected at most 2 labels (the 0+2+0 layout\'s channels), got 3',
    ]);
  });

  it('names a repeated object id once, with or without beds', () => {
    const repeated = (s: any): void => {
      s.objects[1].id = s.objects[0].id;
    };
    const expected = ['objects[1].id: expected a unique id, got "kick" (also objects[0].id)'];
    expect(problems(repeated)).toEqual(expected);
    expect(problems((s) => ((s.beds = []), repeated(s)))).toEqual(expected);
  });

  it('a version 1 scene keeps version 2 fields as unknown ones', () => {
    const scene = validScene() as any;
    scene.sources[0].timeline = [{ rtimeSec: 0, durationSec: 1 }];
    const { scene: parsed, warnings } = parseSceneValue(scene, 'x.json');
    expect(parsed.sources[0]!.timeline).toBeUndefined();
    expect(warnings).toEqual(['x.json: sources[0].timeline: unknown field, kept as is']);
  });
});
