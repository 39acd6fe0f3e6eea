import { describe, expect, it } from 'vitest';
import { admToScene } from '../../../src/adm/admToScene';
import { readAdmBwf } from '../../../src/io/adm/admBwfRead';
import { writeAdmBwf } from '../../../src/io/adm/admBwfWrite';
import { buildAtmosMasterAdm } from '../../../src/io/adm/atmosMasterAdm';
import { HEADPHONE_VIRTUALISE_OF_MODE } from '../../../src/render/adm/sceneAdmObjects';
import type { BinauralRenderMode } from '../../../src/core/scene/objectMetadata';
import { writeCartesianPointAsPolar, writePolarPointAsCartesian } from '../../../src/dsp/panners/objectGains/coordinateConversion';

describe('admToScene', () => {
  it('reads each binaural render mode back from the headphoneVirtualise the export writes, and a Cartesian position as a Cartesian object at its X, Y, Z, heard at its section 10 direction (1e-9), with the block gain in dB', () => {
    const modes: BinauralRenderMode[] = ['off', 'near', 'mid', 'far'];
    const xyz = new Float64Array(3);
    writePolarPointAsCartesian(-75, 35, 1, xyz);
    const content = buildAtmosMasterAdm({
      programmeName: 'p',
      objects: modes.map((mode) => ({ name: mode, samples: new Float32Array(48), blocks: [{ position: { x: xyz[0]!, y: xyz[1]!, z: xyz[2]! }, gain: 0.5, headphoneVirtualise: HEADPHONE_VIRTUALISE_OF_MODE[mode] }] })),
    });
    const { scene, stems } = admToScene(readAdmBwf(writeAdmBwf(content), 'm.wav'), 'm.wav', 'm-stems');
    expect(scene.sources.map((s) => s.binauralRenderMode)).toEqual(modes);
    const s = scene.sources[0]!;
    expect(s.cartesianPosition).toEqual({ X: xyz[0], Y: xyz[1], Z: xyz[2] });
    const heard = new Float64Array(3);
    writeCartesianPointAsPolar(s.cartesianPosition!.X, s.cartesianPosition!.Y, s.cartesianPosition!.Z, heard);
    expect(Math.abs(heard[0]! + 75) + Math.abs(heard[1]! - 35) + Math.abs(heard[2]! - 1)).toBeLessThan(1e-9);
    expect(Math.abs(s.gainDb - 20 * Math.log10(0.5))).toBeLessThan(1e-9);
    expect(stems.map((stem) => stem.file)).toEqual(['m-stems/01-off.wav', 'm-stems/02-near.wav', 'm-stems/03-mid.wav', 'm-stems/04-far.wav']);
  });

  it('keeps a Cartesian object Cartesian: its X, Y, Z and extent (cube units) as written, its timeline blocks with their jumpPosition', () => {
    const content = buildAtmosMasterAdm({
      programmeName: 'p',
      objects: [
        {
          name: 'fly',
          samples: new Float32Array(48),
          blocks: [
            { rtime: 0, duration: 1, position: { x: -0.5, y: 0.25, z: 0.75 }, width: 0.4, height: 0.2, depth: 0.6 },
            { rtime: 1, duration: 2, jumpPosition: { flag: true, interpolationLength: 0.5 }, position: { x: 1, y: -1, z: 0 } },
          ],
        },
      ],
    });
    const { scene } = admToScene(readAdmBwf(writeAdmBwf(content), 'm.wav'), 'm.wav', 'm-stems');
    const s = scene.sources[0]!;
    expect(s.cartesianPosition).toEqual({ X: -0.5, Y: 0.25, Z: 0.75 });
    expect([s.width, s.height, s.depth]).toEqual([0.4, 0.2, 0.6]);
    expect(s.timeline!.map((b) => [b.rtimeSec, b.durationSec, b.cartesianPosition, b.position])).toEqual([
      [0, 1, { X: -0.5, Y: 0.25, Z: 0.75 }, undefined],
      [1, 2, { X: 1, Y: -1, Z: 0 }, undefined],
    ]);
    expect(s.timeline![1]!.jumpPosition).toEqual({ flag: true, interpolationLengthSec: 0.5 });
  });

  it('refuses, naming the file, an ADM timeline the scene reader would refuse (a block beyond a day, found by the fuzz target)', () => {
    const content = buildAtmosMasterAdm({
      programmeName: 'p',
      objects: [{ name: 'late', samples: new Float32Array(48), blocks: [{ rtime: 0, duration: 1, position: { x: 0, y: 1, z: 0 } }, { rtime: 90_000, duration: 1, position: { x: 1, y: 1, z: 0 } }] }],
    });
    expect(() => admToScene(readAdmBwf(writeAdmBwf(content), 'm.wav'), 'm.wav', 'm-stems')).toThrow(/^m\.wav: does not make a scene the studio reads: objects\[0\]\.timeline\[1\]\.rtimeSec: expected a number in \[0, 86400\], got 90000/);
  });
});
