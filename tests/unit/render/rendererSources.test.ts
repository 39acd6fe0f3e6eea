import { describe, expect, it } from 'vitest';
import type { SceneSource } from '../../../src/core/scene/scene';
import { sourceParamsOf } from '../../../src/core/scene/sourceParams';
import { addSource, createSourceSet, placeMovingSources, updateSourceParams } from '../../../src/render/rendererSources';
import { testScene } from '../../support/renderHelpers';

const RATE = 48000;
const object = (patch: Partial<SceneSource>): SceneSource => ({ ...testScene([{ azimuthDeg: 10, elevationDeg: 0, distanceM: 2 }]).sources[0]!, ...patch });

describe('the ADM parameters a bus sees (ObjectPlacement.values, the gain calculator\'s seam)', () => {
  it('are a static object\'s values from the start, shared by a stereo stem\'s two objects', () => {
    const set = createSourceSet();
    addSource(set, object({ width: 20, diffuse: 0.3, channelLock: { maxDistance: 0.5 } }), [new Float32Array(8), new Float32Array(8)], [], RATE);
    const [left, right] = set.objects.map((entry) => entry.object);
    expect(left!.values).toBe(right!.values);
    expect([left!.values.azimuthDeg, left!.values.width, left!.values.diffuse, left!.values.channelLock]).toEqual([10, 20, 0.3, { maxDistance: 0.5 }]);
  });

  it('follow a moving object\'s timeline block by block, and a source update', () => {
    const set = createSourceSet();
    const moving = object({
      width: 10,
      timeline: [
        { rtimeSec: 0, durationSec: 1 },
        { rtimeSec: 1, durationSec: 2, width: 50, zoneExclusion: [{ minX: -1, maxX: 1, minY: -1, maxY: 0, minZ: -1, maxZ: 1 }] },
      ],
    });
    addSource(set, moving, [new Float32Array(8)], [], RATE);
    const values = set.objects[0]!.object.values;
    placeMovingSources(set, 2);
    expect(values.width).toBeCloseTo(30, 12);
    expect(values.zoneExclusion).toHaveLength(1);
    updateSourceParams(set, moving.id, sourceParamsOf({ ...moving, width: 30 }));
    placeMovingSources(set, 0.5);
    expect(values.width).toBe(30);
    expect(values.zoneExclusion).toBeUndefined();
    // A parameter taken away is ADM's default again.
    const { width: _width, ...withoutWidth } = moving;
    updateSourceParams(set, moving.id, sourceParamsOf(withoutWidth));
    placeMovingSources(set, 0.5);
    expect(values.width).toBe(0);
  });
});
