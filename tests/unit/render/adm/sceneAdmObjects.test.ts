import { describe, expect, it } from 'vitest';
import type { Scene, SceneSource } from '../../../../src/core/scene/scene';
import { writeCartesianPointAsPolar, writePolarExtentAsCartesian, writePolarPointAsCartesian } from '../../../../src/dsp/panners/objectGains/coordinateConversion';
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

  it('writes a Cartesian object at its own X, Y, Z (1e-12) with its extent in cube units as it is, and each timeline block at the X, Y, Z it reaches', () => {
    const s = source({ cartesianPosition: { X: 1, Y: 1, Z: 0 }, width: 0.4, height: 0.2, depth: 0.6 });
    const [block] = admObjectBlocks(scene(s), s, 0, 2);
    expect(Math.abs(block!.position.x - 1) + Math.abs(block!.position.y - 1) + Math.abs(block!.position.z)).toBeLessThan(1e-12);
    expect([block!.width, block!.height, block!.depth]).toEqual([0.4, 0.2, 0.6]);
    const moving = source({
      cartesianPosition: { X: 0, Y: 1, Z: 0 },
      timeline: [
        { rtimeSec: 0, durationSec: 1, cartesianPosition: { X: -0.5, Y: 0.25, Z: 0.75 } },
        { rtimeSec: 1, durationSec: 2, cartesianPosition: { X: 0.3, Y: -0.9, Z: 0 } },
      ],
    });
    const blocks = admObjectBlocks(scene(moving), moving, 0, 3);
    const positions = blocks.map((b) => [b.position.x, b.position.y, b.position.z]);
    [[-0.5, 0.25, 0.75], [0.3, -0.9, 0]].forEach((expected, k) => expected.forEach((v, i) => expect(Math.abs(positions[k]![i]! - v)).toBeLessThan(1e-12)));
  });

  it('turns a Cartesian object by the scene rotation as the loudspeaker bus does: its section 10 direction turned, back in the cube at its section 10 distance', () => {
    const s = source({ cartesianPosition: { X: 0.5, Y: 0.5, Z: 0.2 } });
    const [block] = admObjectBlocks(scene(s, 20), s, 0, 1);
    const polar = new Float64Array(3);
    writeCartesianPointAsPolar(0.5, 0.5, 0.2, polar);
    const xyz = new Float64Array(3);
    writePolarPointAsCartesian(polar[0]! - 20, polar[1]!, polar[2]!, xyz);
    expect(Math.abs(block!.position.x - xyz[0]!) + Math.abs(block!.position.y - xyz[1]!) + Math.abs(block!.position.z - xyz[2]!)).toBeLessThan(1e-9);
    expect(Math.abs(block!.position.x - 0.5) + Math.abs(block!.position.y - 0.5)).toBeGreaterThan(0.05);
  });

  it('writes a block followed at its end by a jump at its own values, not the jump\'s (found by the EAR render of the export)', () => {
    const s = source({
      timeline: [
        { rtimeSec: 0, durationSec: 0.1, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 } },
        { rtimeSec: 0.1, durationSec: 0.2, position: { azimuthDeg: 30, elevationDeg: 0, distanceM: 1 } },
        { rtimeSec: 0.3, durationSec: 0.05, jumpPosition: { flag: true, interpolationLengthSec: 0 }, position: { azimuthDeg: -110, elevationDeg: 0, distanceM: 1 } },
      ],
    });
    const blocks = admObjectBlocks(scene(s), s, 0, 0.35);
    // Azimuth 30 is the cube's front-left corner, -110 on its right face at the back corner.
    expect(blocks.map((b) => [b.position.x, b.position.y].map((v) => Math.round(v * 1e9) / 1e9))).toEqual([[0, 1], [-1, 1], [1, -1]]);
  });
});
