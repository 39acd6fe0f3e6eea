import { describe, expect, it } from 'vitest';
import { admMasterFile } from '../../../src/adm/admMasterFile';
import { admToScene } from '../../../src/adm/admToScene';
import { ambisonicChannelAcns, ambisonicChannelCount } from '../../../src/core/scene/ambisonicStem';
import type { SceneAmbisonics } from '../../../src/core/scene/ambisonicStem';
import type { Scene } from '../../../src/core/scene/scene';
import { readAdmBwf } from '../../../src/io/adm/admBwfRead';
import { admLookup } from '../../../src/io/adm/admLookup';
import { checkAtmosMasterProfile } from '../../../src/io/adm/atmosMasterAdm';

/** 24-bit PCM: a sample comes back within one step (2^-23) of what was written. */
const PCM24_STEP = 2 ** -23;
const FRAMES = 480;

const hoa = (id: string, order: number, normalization: SceneAmbisonics['normalization'], channelOrder: SceneAmbisonics['channelOrder'], gainDb: number): SceneAmbisonics => ({
  id,
  name: id,
  stem: { kind: 'file', file: `${id}.wav` },
  order,
  normalization,
  channelOrder,
  gainDb,
  mute: false,
  solo: false,
});

/** Stem channel c of a stem: a sine of its own frequency, so a swapped channel shows. */
const stemOf = (channels: number, frames: number): Float32Array[] =>
  Array.from({ length: channels }, (_, c) => Float32Array.from({ length: frames }, (_, i) => 0.5 * Math.sin((2 * Math.PI * (c + 1) * 100 * i) / 48000)));

function masterBytes(scene: Scene, stems: readonly (readonly Float32Array[])[]): Uint8Array {
  const pieces = [...admMasterFile(scene, stems, 'hoa.scene.json', 'hoa').pieces];
  const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

describe('ADM master with HOA stems', () => {
  const stems = [hoa('amb', 1, 'SN3D', 'ACN', -6), hoa('fuma', 2, 'FuMa', 'FuMa', 0), hoa('seventh', 7, 'N3D', 'ACN', 3), hoa('zeroth', 0, 'SN3D', 'ACN', 0)];
  const scene: Scene = { version: 2, sampleRateHz: 48000, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources: [], ambisonics: stems };
  const audio = stems.map((s, k) => stemOf(ambisonicChannelCount(s.order), FRAMES - 16 * k));
  const bwf = readAdmBwf(masterBytes(scene, audio), 'hoa.adm.wav');

  it('writes each HOA stem on a BS.2094 common-definition pack where one exists (AP_00040001 SN3D order 1, AP_00040022 FuMa order 2), else its own HOA pack with order, degree and normalisation per channel', () => {
    const lookup = admLookup(bwf.document);
    const packs = bwf.document.objects.map((o) => o.packFormatIds[0]!);
    expect(packs.slice(0, 2)).toEqual(['AP_00040001', 'AP_00040022']);
    expect(packs.slice(2)).toEqual(['AP_00041001', 'AP_00041002']);
    expect(bwf.document.objects.map((o) => o.gain)).toEqual([10 ** (-6 / 20), undefined, 10 ** (3 / 20), undefined]);
    const own = lookup.packFormat('AP_00041001')!;
    expect(own).toMatchObject({ type: 'HOA', normalization: 'N3D' });
    expect(own.channelFormatIds).toHaveLength(64);
    const blocks = own.channelFormatIds.map((id) => lookup.channelFormat(id)!.blocks[0]!);
    expect(blocks.slice(0, 5).map((b) => (b.type === 'HOA' ? [b.order, b.degree, b.normalization] : null))).toEqual([
      [0, 0, 'N3D'],
      [1, -1, 'N3D'],
      [1, 0, 'N3D'],
      [1, 1, 'N3D'],
      [2, -2, 'N3D'],
    ]);
    expect(bwf.audio.channels).toHaveLength(4 + 9 + 64 + 1);
    // The Atmos profile has no HOA: the file is a BS.2076 master, and the profile check says so.
    expect(checkAtmosMasterProfile(bwf)).toEqual(['audioObject AO_1001 uses HOA pack AP_00040001 (expected Objects, or a DirectSpeakers bed of the common definitions)', 'audioObject AO_1002 uses HOA pack AP_00040022 (expected Objects, or a DirectSpeakers bed of the common definitions)', 'audioObject AO_1003 uses HOA pack AP_00041001 (expected Objects, or a DirectSpeakers bed of the common definitions)', 'audioObject AO_1004 uses HOA pack AP_00041002 (expected Objects, or a DirectSpeakers bed of the common definitions)']);
  });

  it('imports back to the same stems: order, normalisation, gain (1e-9 dB), and samples within one 24-bit step, a FuMa-ordered stem in ACN order', () => {
    const { scene: back, stems: backStems } = admToScene(bwf, 'hoa.adm.wav', 'hoa-stems');
    expect(back.ambisonics!.map((a) => [a.name, a.order, a.normalization, a.channelOrder])).toEqual([
      ['amb', 1, 'SN3D', 'ACN'],
      ['fuma', 2, 'FuMa', 'ACN'],
      ['seventh', 7, 'N3D', 'ACN'],
      ['zeroth', 0, 'SN3D', 'ACN'],
    ]);
    back.ambisonics!.forEach((a, k) => expect(Math.abs(a.gainDb - stems[k]!.gainDb)).toBeLessThan(1e-9));
    stems.forEach((stem, k) => {
      const acns = ambisonicChannelAcns(stem.order, stem.channelOrder);
      const read = backStems[k]!.channels;
      expect(read).toHaveLength(acns.length);
      let worst = 0;
      acns.forEach((acn, c) => {
        const written = audio[k]![c]!;
        for (let i = 0; i < FRAMES; i++) worst = Math.max(worst, Math.abs(read[acn]![i]! - (written[i] ?? 0)));
      });
      expect(worst).toBeLessThanOrEqual(PCM24_STEP);
    });
  });

  it('leaves out a muted HOA stem, and all but the soloed one', () => {
    const muted: Scene = { ...scene, ambisonics: [{ ...stems[0]!, mute: true }, stems[1]!] };
    expect(readAdmBwf(masterBytes(muted, audio.slice(0, 2)), 'm.wav').document.objects.map((o) => o.name)).toEqual(['fuma']);
    const soloed: Scene = { ...scene, ambisonics: [stems[0]!, { ...stems[1]!, solo: true }] };
    expect(readAdmBwf(masterBytes(soloed, audio.slice(0, 2)), 'm.wav').document.objects.map((o) => o.name)).toEqual(['fuma']);
  });
});
