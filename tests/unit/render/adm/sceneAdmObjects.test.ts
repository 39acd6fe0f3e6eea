import { describe, expect, it } from 'vitest';
import type { Scene, SceneSource } from '../../../../src/core/scene/scene';
import { writePolarExtentAsCartesian, writePolarPointAsCartesian } from '../../../../src/dsp/panners/objectGains/coordinateConversion';
import { admObjectBlocks } from '../../../../src/render/adm/sceneAdmObjects';

const source = (fields: Partial<SceneSource>): SceneSource => ({
  id: 's',
  name: 's',
  stem: { kind: 'generator', generator: 'lead' },
  gainDb: 0,
  mute: false,
  solo: false,
  position: { azimuthDeg: 40, elevationDeg: 15, distanceM: 3 },
  spreadDeg: 0,
  ...fields,
});
const scene = (s: SceneSource, yawDeg = 0): Scene => ({ version: 2, sampleRateHz: 48000, listener: { yawDeg, pitchDeg: 0, rollDeg: 0 }, sources: [s] });

describe('admObjectBlocks', () => {
  it('gives a static object one block over the file at its section 10 position, with its polar extent converted (1e-9) and no gain', () => {
    const s = source({ width: 30, height: 10, depth: 0.2, diffuse: 0.5, objectDivergence: { value: 0.3, azimuthRange: 20 } });
    const [block, ...rest] = admObjectBlocks(scene(s), s, 0, 12.5);
    expect(rest).toEqual([]);
    const xyz = new Float64Array(3);
    writePolarPointAsCartesian(40, 15, 1, xyz);
    expect(Math.abs(block!.position.x - xyz[0]!) + Math.abs(block!.position.y - xyz[1]!) + Math.abs(block!.position.z - xyz[2]!)).toBeLessThan(1e-9);
    const sizes = new Float64Array(3);
    writePolarExtentAsCartesian(40, 15, 30, 10, 0.2, sizes);
    expect(Math.abs(block!.width! - sizes[0]!) + Math.abs(block!.depth! - sizes[1]!) + Math.abs(block!.height! - sizes[2]!)).toBeLessThan(1e-9);
    expect([block!.rtime, block!.duration, block!.diffuse, block!.gain]).toEqual([0, 12.5, 0.5, undefined]);
    // A polar azimuthRange has no section 10 conversion: the divergence keeps its value only.
    expect(block!.objectDivergence).toEqual({ value: 0.3 });
    expect(block!.headphoneVirtualise).toEqual({ bypass: false, directToReverberantRatio: 10 });
  });

  it('places a stereo stem\'s left object at +spread/2, turned by the listener, and maps off to bypass', () => {
    const s = source({ spreadDeg: 60, binauralRenderMode: 'off' });
    const [block] = admObjectBlocks(scene(s, 10), s, 1, 1);
    const xyz = new Float64Array(3);
    writePolarPointAsCartesian(40 + 30 - 10, 15, 1, xyz);
    expect(Math.abs(block!.position.x - xyz[0]!) + Math.abs(block!.position.y - xyz[1]!) + Math.abs(block!.position.z - xyz[2]!)).toBeLessThan(1e-9);
    expect(block!.headphoneVirtualise).toEqual({ bypass: true });
  });

  it('writes a timeline block per block at the values it reaches, with its jumpPosition', () => {
    const s = source({
      timeline: [
        { rtimeSec: 0, durationSec: 1, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 } },
        { rtimeSec: 1, durationSec: 2, jumpPosition: { flag: true, interpolationLengthSec: 0.5 }, position: { azimuthDeg: 90, elevationDeg: 0, distanceM: 1 } },
      ],
    });
    const blocks = admObjectBlocks(scene(s), s, 0, 3);
    expect(blocks.map((b) => [b.rtime, b.duration, b.jumpPosition])).toEqual([[0, 1, undefined], [1, 2, { flag: true, interpolationLength: 0.5 }]]);
    // Azimuth 90 lies between the anchors at 30 and 110 degrees: on the cube's left face (X -1).
    const xyz = new Float64Array(3);
    writePolarPointAsCartesian(90, 0, 1, xyz);
    expect(Math.abs(blocks[1]!.position.x - xyz[0]!) + Math.abs(blocks[1]!.position.y - xyz[1]!) + Math.abs(blocks[1]!.position.z)).toBeLessThan(1e-9);
    expect(blocks[1]!.position.x).toBe(-1);
    expect(Math.abs(blocks[0]!.position.y - 1) + Math.abs(blocks[0]!.position.x)).toBeLessThan(1e-9);
  });
});
