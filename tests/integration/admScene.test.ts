import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAdmScene } from '../../src/cli/admScene/importAdmScene';
import { admMasterFile } from '../../src/adm/admMasterFile';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import type { RenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import type { AdmObjectsBlock } from '../../src/core/adm/admModel';
import type { Scene } from '../../src/core/scene/scene';
import { parseSceneJson } from '../../src/core/scene/sceneParse';
import { readAdmBwf } from '../../src/io/adm/admBwfRead';
import { checkAtmosMasterProfile } from '../../src/io/adm/atmosMasterAdm';
import { decodeWav } from '../../src/io/wavDecode';
import { encodeWav } from '../../src/io/wavEncode';
import { writePolarPointAsCartesian } from '../../src/dsp/panners/objectGains/coordinateConversion';
import { createStereoFoldDown, stereoFoldDownGains } from '../../src/dsp/panners/stereoFoldDown';

const FIXTURES = 'tests/fixtures/adm';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'adm-scene-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function args(argv: readonly string[]): RenderArgs {
  const parsed = parseRenderArgs(argv);
  if (parsed === 'help') throw new Error('unexpected help');
  return parsed;
}

const quiet = (): void => {};

async function readWav(file: string): Promise<Float32Array[]> {
  return decodeWav(new Uint8Array(await readFile(file)), file).channels as Float32Array[];
}

describe('ADM BWF master of the demo scene (npm run render -- --format adm)', () => {
  let adm: ReturnType<typeof readAdmBwf>;
  let demo: Scene;

  beforeAll(async () => {
    demo = parseSceneJson(await readFile('scenes/demo.json', 'utf8'), 'scenes/demo.json').scene;
    const written = await runRender(args(['scenes/demo.json', '--format', 'adm,binaural', '--bits', '32f', '--out', path.join(dir, 'demo')]), quiet);
    expect(written.map((w) => w.format)).toEqual(['adm', 'binaural']);
    adm = readAdmBwf(new Uint8Array(await readFile(path.join(dir, 'demo', 'demo.adm.wav'))), 'demo.adm.wav');
  }, 120_000);

  it('reads back as the profile wants: one programme, 10 objects (the 4 stereo stems make two each), 10 tracks at 48 kHz, no profile problem', () => {
    expect(adm.audio.sampleRateHz).toBe(48000);
    expect(adm.audio.channels.length).toBe(10);
    expect(adm.document.programmes.map((p) => p.name)).toEqual(['demo']);
    expect(adm.document.objects.map((o) => o.name)).toEqual([
      'Drums',
      'Bass',
      'Lead voice',
      'Heavy guitar (Haas-widened) L',
      'Heavy guitar (Haas-widened) R',
      'Wide pad (side partly inverted) L',
      'Wide pad (side partly inverted) R',
      'Ambience L',
      'Ambience R',
      'Arpeggio',
    ]);
    expect(checkAtmosMasterProfile({ document: adm.document, chna: adm.chna, audio: adm.audio })).toEqual([]);
  });

  it('places each object at its direction (spread applied) converted by BS.2127 section 10, within 1e-6, one block over the file, render mode mid', () => {
    const expected = demo.sources.flatMap((s) => (s.spreadDeg > 0 && s.stem.kind === 'generator' && ['distortedGuitar', 'pad', 'ambience'].includes(s.stem.generator) ? [s.position.azimuthDeg + s.spreadDeg / 2, s.position.azimuthDeg - s.spreadDeg / 2] : [s.position.azimuthDeg]).map((az) => ({ az, el: s.position.elevationDeg })));
    expect(expected.length).toBe(10);
    const lengthSec = adm.audio.channels[0]!.length / 48000;
    const xyz = new Float64Array(3);
    adm.document.channelFormats.forEach((channel, k) => {
      expect(channel.blocks.length).toBe(1);
      const block = channel.blocks[0] as AdmObjectsBlock;
      const az = ((expected[k]!.az + 540) % 360) - 180;
      writePolarPointAsCartesian(az, expected[k]!.el, 1, xyz);
      expect(block.position.coordinates).toBe('cartesian');
      if (block.position.coordinates !== 'cartesian') return;
      expect(Math.abs(block.position.x - xyz[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(block.position.y - xyz[1]!)).toBeLessThan(1e-6);
      expect(Math.abs((block.position.z ?? 0) - xyz[2]!)).toBeLessThan(1e-6);
      expect(block.rtime).toBe(0);
      expect(Math.abs(block.duration! - lengthSec)).toBeLessThan(1e-6);
      expect(block.headphoneVirtualise).toEqual({ bypass: false, directToReverberantRatio: 10 });
    });
  });

  // The master's objects are Cartesian (the profile's), so they come back as Cartesian
  // objects, which loudspeaker outputs pan allocentrically as a BS.2127 renderer of the
  // file does (the demo's stereo differs by up to 0.035 from its polar objects'); the
  // binaural output hears their section 10 direction, the polar objects' own.
  it('export -> scene:from-adm -> render binaural equals the scene\'s binaural render within 2e-6 (24-bit tracks; the distance model and air absorption are in the tracks)', async () => {
    const scenePath = await importAdmScene(path.join(dir, 'demo', 'demo.adm.wav'), path.join(dir, 'import'), quiet);
    const imported = parseSceneJson(await readFile(scenePath, 'utf8'), scenePath).scene;
    expect(imported.sources.filter((s) => s.cartesianPosition !== undefined)).toHaveLength(10);
    await runRender(args([scenePath, '--format', 'binaural', '--bits', '32f', '--out', path.join(dir, 'import', 'r')]), quiet);
    const original = await readWav(path.join(dir, 'demo', 'demo.binaural.wav'));
    const roundTrip = await readWav(path.join(dir, 'import', 'r', 'demo.adm.scene.binaural.wav'));
    let worst = 0;
    let peak = 0;
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < original[c]!.length; i++) {
        worst = Math.max(worst, Math.abs(original[c]![i]! - roundTrip[c]![i]!));
        peak = Math.max(peak, Math.abs(original[c]![i]!));
      }
    }
    expect(peak).toBeGreaterThan(0.3);
    expect(worst).toBeLessThan(2e-6);
  }, 120_000);
});

describe('ADM master refusals', () => {
  const silent = [new Float32Array(480)];
  const source = (id: string) => ({ id, name: id, stem: { kind: 'generator' as const, generator: 'lead' }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }, spreadDeg: 0 });
  const scene = (count: number, sampleRateHz = 48000): Scene => ({ version: 2, sampleRateHz, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources: Array.from({ length: count }, (_, i) => source(`s${i}`)) });

  it('refuses a scene at 44.1 kHz, naming the file and sampleRateHz', () => {
    expect(() => admMasterFile(scene(1, 44100), [silent], 'x.json', 'x')).toThrow(/^x\.json: sampleRateHz: 44100 Hz: an ADM master \(Dolby Atmos Master ADM profile\) is 48000 Hz/);
  });

  it('refuses 119 objects naming the count, and takes 118', () => {
    expect(() => admMasterFile(scene(119), Array.from({ length: 119 }, () => silent), 'x.json', 'x')).toThrow(/make 119 objects .* at most 118 objects and 128 channels/);
    expect(admMasterFile(scene(118), Array.from({ length: 118 }, () => silent), 'x.json', 'x').objects).toBe(118);
  });
});

describe('ADM BWF import (scene:from-adm) of tests/fixtures/adm', () => {
  const valid = ['bmx__adm_1', 'ear__test_bwf', 'eps__channels_stereo_adm', 'eps__hoa_4ch_1stOrderAmbix_commondef', 'eps__jp_2_jump_position_no_interpolate', 'eps__jp_3_jump_position_interpolate', 'eps__nesting5-1ao_with_1pf_with_2cf', 'eps__one_ao-multiple_uid', 'eps__panned_noise_adm', 'eps__two_prog'];

  it.each(valid)('%s imports and renders to stereo, not silent', async (name) => {
    const scenePath = await importAdmScene(path.join(FIXTURES, `${name}.wav`), path.join(dir, 'fixtures'), quiet);
    const [file] = await runRender(args([scenePath, '--format', 'stereo', '--out', path.join(dir, 'fixtures', 'r')]), quiet);
    expect(file!.peakDbfs).toBeGreaterThan(-40);
  }, 60_000);

  it('refuses the two invalid files with the reader\'s message', async () => {
    await expect(importAdmScene(path.join(FIXTURES, 'invalid', 'eps__ds-all-tfs-not-in-pf.wav'), path.join(dir, 'bad'), quiet)).rejects.toThrow(/audioPackFormat AP_00010001 does not reference audioChannelFormat AC_0001000d/);
    await expect(importAdmScene(path.join(FIXTURES, 'invalid', 'eps__two_object_pack_adm.wav'), path.join(dir, 'bad'), quiet)).rejects.toThrow(/2 problems:[\s\S]*AP_00031001 does not reference audioChannelFormat AC_00031001/);
  });

  it('render given an ADM BWF file points to scene:from-adm', async () => {
    await expect(runRender(args([path.join(FIXTURES, 'eps__two_prog.wav'), '--format', 'stereo', '--out', path.join(dir, 'wav')]), quiet)).rejects.toThrow(/eps__two_prog\.wav: a WAV file, not a scene; an ADM BWF file becomes a scene with npm run scene:from-adm/);
  });

  it('never writes over an existing file', async () => {
    const folder = path.join(dir, 'twice');
    await importAdmScene(path.join(FIXTURES, 'eps__two_prog.wav'), folder, quiet);
    await expect(importAdmScene(path.join(FIXTURES, 'eps__two_prog.wav'), folder, quiet)).rejects.toThrow(/eps__two_prog\.scene\.json.* exist already/);
  });

  // Both files hold one object at azimuth 0, elevation 0 whose ADM distance goes 20, 55, 40
  // (jumps; or over 0.3 s). BS.2127 pans polar objects by direction only, so the 0+2+0
  // gains stay those of the front, 0.7071 each (the stereo fold-down, held to EAR); the
  // import puts the object at the distance model's 1 m reference (no level, no air).
  it.each([
    ['eps__jp_2_jump_position_no_interpolate', 0],
    ['eps__jp_3_jump_position_interpolate', 0.3],
  ])('%s: timeline of 3 blocks with interpolation %s s; stereo gains at 0.5, 1.1, 1.5, 2.15, 2.5 s equal the front\'s 0+2+0 gains within 1e-4', async (name, interpolation) => {
    const folder = path.join(dir, 'jp');
    const scenePath = await importAdmScene(path.join(FIXTURES, `${name}.wav`), folder, quiet);
    const { scene } = parseSceneJson(await readFile(scenePath, 'utf8'), scenePath);
    const timeline = scene.sources[0]!.timeline!;
    expect(timeline.map((b) => [b.rtimeSec, b.durationSec, b.jumpPosition?.flag, b.jumpPosition?.interpolationLengthSec])).toEqual([0, 1, 2].map((t) => [t, 1, true, interpolation]));
    await runRender(args([scenePath, '--format', 'stereo', '--bits', '32f', '--out', path.join(folder, 'r')]), quiet);
    const [left, right] = await readWav(path.join(folder, 'r', `${name}.scene.stereo.wav`));
    const [stemFile] = await readdir(path.join(folder, `${name}-stems`));
    const stem = (await readWav(path.join(folder, `${name}-stems`, stemFile!)))[0]!;
    const expected = new Float64Array(2);
    stereoFoldDownGains(createStereoFoldDown(), 0, 0, expected);
    expect(Math.abs(expected[0]! - Math.SQRT1_2)).toBeLessThan(1e-9);
    for (const t of [0.5, 1.1, 1.5, 2.15, 2.5]) {
      const start = Math.round(t * 48000);
      let xx = 0;
      let xl = 0;
      let xr = 0;
      for (let i = start; i < start + 480; i++) {
        xx += stem[i]! * stem[i]!;
        xl += stem[i]! * left![i]!;
        xr += stem[i]! * right![i]!;
      }
      expect(xx).toBeGreaterThan(1);
      expect(Math.abs(xl / xx - expected[0]!)).toBeLessThan(1e-4);
      expect(Math.abs(xr / xx - expected[1]!)).toBeLessThan(1e-4);
    }
  }, 60_000);
});

describe('ADM round trip of a scene with a timeline, a 7.1.2 bed, a scene rotation, mid/side and a mute', () => {
  // The imported objects are Cartesian (the master's blocks are): the binaural output hears
  // them from their section 10 direction, the polar objects' own, except while the moving
  // one interpolates (ADM interpolates a Cartesian position along a line in the cube, a
  // polar one along the sphere) and for the binaural filters' memory after (2048 frames);
  // the stereo output pans them allocentrically, so it is compared for the bed alone. The
  // binaural output turns a bed with the scene rotation, which ADM does not carry, so it
  // is compared for the objects alone.
  it('writes 3 blocks for the moving object, the bed on AP_00010016, leaves the muted source out; export -> import -> binaural of the objects and stereo of the bed equal the scene\'s within 2e-6', async () => {
    const folder = path.join(dir, 'mixed');
    await mkdir(folder, { recursive: true });
    const frames = 48000 * 2;
    const bed = Array.from({ length: 4 }, (_, c) => Float32Array.from({ length: frames }, (_, i) => 0.2 * Math.sin((2 * Math.PI * (220 + 110 * c) * i) / 48000)));
    await writeFile(path.join(folder, 'bed.wav'), encodeWav({ sampleRateHz: 48000, channels: bed }, { sampleFormat: 'float32' }));
    const scene = {
      format: 'spatial-mix-studio/scene',
      version: 2,
      sampleRateHz: 48000,
      listener: { yawDeg: 20, pitchDeg: 0, rollDeg: 0 },
      objects: [
        {
          id: 'moving', name: 'Moving', stem: { generator: 'lead' }, gainDb: -3, mute: false, solo: false, position: { azimuthDeg: 30, elevationDeg: 0, distanceM: 2 }, spreadDeg: 0, binauralRenderMode: 'near',
          timeline: [
            { rtimeSec: 0, durationSec: 0.5, position: { azimuthDeg: 30, elevationDeg: 0, distanceM: 2 } },
            { rtimeSec: 0.5, durationSec: 0.5, position: { azimuthDeg: -60, elevationDeg: 20, distanceM: 4 } },
            { rtimeSec: 1, durationSec: 1, jumpPosition: { flag: true, interpolationLengthSec: 0.1 }, position: { azimuthDeg: 120, elevationDeg: 10, distanceM: 1 }, gainDb: -6 },
          ],
        },
        { id: 'wide', name: 'Wide', stem: { generator: 'pad' }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 3 }, spreadDeg: 90, midSide: { widthPercent: 150, sideGainDb: -2 } },
        { id: 'muted', name: 'Muted', stem: { generator: 'drums' }, gainDb: 0, mute: true, solo: false, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }, spreadDeg: 0 },
      ],
      beds: [{ id: 'bed', name: 'Bed', stem: { file: 'bed.wav' }, layout: '2+7+0', channels: ['M+030', 'M-030', 'M+090', 'U+090'], gainDb: -2, mute: false, solo: false }],
    };
    const scenePath = path.join(folder, 'mixed.json');
    await writeFile(scenePath, JSON.stringify(scene));
    await runRender(args([scenePath, '--format', 'adm', '--bits', '32f', '--out', path.join(folder, 'r')]), quiet);
    const adm = readAdmBwf(new Uint8Array(await readFile(path.join(folder, 'r', 'mixed.adm.wav'))), 'mixed.adm.wav');
    expect(adm.document.objects.map((o) => [o.name, o.packFormatIds[0]])).toEqual([['Bed', 'AP_00010016'], ['Moving', 'AP_00031001'], ['Wide L', 'AP_00031002'], ['Wide R', 'AP_00031003']]);
    expect(adm.audio.channels.length).toBe(13);
    const moving = adm.lookup.channelFormat('AC_00031001')!.blocks as AdmObjectsBlock[];
    expect(moving.map((b) => [b.rtime, b.duration, b.jumpPosition?.interpolationLength])).toEqual([[0, 0.5, undefined], [0.5, 0.5, undefined], [1, 1, 0.1]]);
    expect(moving[0]!.headphoneVirtualise).toEqual({ bypass: false, directToReverberantRatio: 20 });
    // The listener turned 20 degrees to the left (the scene 20 to the right): the third block's 120 degrees is heard at 100.
    const xyz = new Float64Array(3);
    writePolarPointAsCartesian(100, 10, 1, xyz);
    const third = moving[2]!.position;
    expect(third.coordinates === 'cartesian' && Math.hypot(third.x - xyz[0]!, third.y - xyz[1]!, (third.z ?? 0) - xyz[2]!)).toBeLessThan(1e-6);
    // The bed's M+090 (third stem channel) is the pack's fifth track, side left.
    expect(adm.tracks[4]!.channelFormatId).toBe('AC_0001000a');
    expect(Math.abs(adm.audio.channels[4]![1000]! - bed[2]![1000]! * 10 ** (-2 / 20))).toBeLessThan(1e-6);

    const imported = await importAdmScene(path.join(folder, 'r', 'mixed.adm.wav'), path.join(folder, 'import'), quiet);
    const { scene: back } = parseSceneJson(await readFile(imported, 'utf8'), imported);
    expect(back.beds?.map((b) => [b.layout, b.channels.length])).toEqual([['2+7+0', 10]]);
    expect(back.sources.map((s) => [s.name, s.timeline?.length ?? 1, s.binauralRenderMode])).toEqual([['Moving', 3, 'near'], ['Wide L', 1, 'mid'], ['Wide R', 1, 'mid']]);
    expect(back.sources.every((s) => s.cartesianPosition !== undefined)).toBe(true);
    /** `file`'s scene with its beds or its objects muted, rendered to `format`: the render's channels. */
    const renderMuted = async (file: string, muted: 'beds' | 'objects', format: string): Promise<Float32Array[]> => {
      const json = JSON.parse(await readFile(file, 'utf8')) as Record<'beds' | 'objects', { mute: boolean }[]>;
      for (const item of json[muted]) item.mute = true;
      const variant = file.replace(/\.json$/, `.no-${muted}.json`);
      await writeFile(variant, JSON.stringify(json));
      const [written] = await runRender(args([variant, '--format', format, '--bits', '32f', '--out', path.join(folder, 'muted')]), quiet);
      return readWav(written!.file);
    };
    const interpolating = (i: number): boolean => (i >= 0.5 * 48000 && i < 1 * 48000 + 2048) || (i >= 1 * 48000 && i < 1.1 * 48000 + 2048);
    const difference = (a: Float32Array[], b: Float32Array[], skip: (i: number) => boolean): { worst: number; peak: number } => {
      let worst = 0;
      let peak = 0;
      for (let c = 0; c < 2; c++) {
        for (let i = 0; i < a[c]!.length; i++) {
          if (skip(i)) continue;
          worst = Math.max(worst, Math.abs(a[c]![i]! - b[c]![i]!));
          peak = Math.max(peak, Math.abs(a[c]![i]!));
        }
      }
      return { worst, peak };
    };
    const objects = difference(await renderMuted(scenePath, 'beds', 'binaural'), await renderMuted(imported, 'beds', 'binaural'), interpolating);
    const beds = difference(await renderMuted(scenePath, 'objects', 'stereo'), await renderMuted(imported, 'objects', 'stereo'), () => false);
    expect(Math.min(objects.peak, beds.peak)).toBeGreaterThan(0.05);
    expect(objects.worst).toBeLessThan(2e-6);
    expect(beds.worst).toBeLessThan(2e-6);
  }, 180_000);
});
