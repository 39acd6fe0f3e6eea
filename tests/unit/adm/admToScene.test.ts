import { describe, expect, it } from 'vitest';
import { admToScene } from '../../../src/adm/admToScene';
import { readAdmBwf } from '../../../src/io/adm/admBwfRead';
import { writeAdmBwf } from '../../../src/io/adm/admBwfWrite';
import { buildAtmosMasterAdm } from '../../../src/io/adm/atmosMasterAdm';
import { HEADPHONE_VIRTUALISE_OF_MODE } from '../../../src/render/adm/sceneAdmObjects';
import type { BinauralRenderMode } from '../../../src/core/scene/objectMetadata';
import { writePolarPointAsCartesian } from '../../../src/dsp/panners/objectGains/coordinateConversion';

describe('admToScene', () => {
  it('reads each binaural render mode back from the headphoneVirtualise the export writes, and a section 10 position back to its direction (1e-9), at 1 m, with the block gain in dB', () => {
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
    expect(Math.abs(s.position.azimuthDeg + 75) + Math.abs(s.position.elevationDeg - 35)).toBeLessThan(1e-9);
    expect(s.position.distanceM).toBe(1);
    expect(Math.abs(s.gainDb - 20 * Math.log10(0.5))).toBeLessThan(1e-9);
    expect(stems.map((stem) => stem.file)).toEqual(['m-stems/01-off.wav', 'm-stems/02-near.wav', 'm-stems/03-mid.wav', 'm-stems/04-far.wav']);
  });

  it('refuses, naming the file, an ADM timeline the scene reader would refuse (a block beyond a day, found by the fuzz target)', () => {
    const content = buildAtmosMasterAdm({
      programmeName: 'p',
      objects: [{ name: 'late', samples: new Float32Array(48), blocks: [{ rtime: 0, duration: 1, position: { x: 0, y: 1, z: 0 } }, { rtime: 90_000, duration: 1, position: { x: 1, y: 1, z: 0 } }] }],
    });
    expect(() => admToScene(readAdmBwf(writeAdmBwf(content), 'm.wav'), 'm.wav', 'm-stems')).toThrow(/^m\.wav: does not make a scene the studio reads: objects\[0\]\.timeline\[1\]\.rtimeSec: expected a number in \[0, 86400\], got 90000/);
  });
});
