import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FieldError } from '../../../../src/core/fieldError';
import { readAdmBwf } from '../../../../src/io/adm/admBwfRead';
import { admBwfPieces, writeAdmBwf } from '../../../../src/io/adm/admBwfWrite';
import { readAdmXml } from '../../../../src/io/adm/admXmlRead';
import { writeAdmXml } from '../../../../src/io/adm/admXmlWrite';
import { buildAtmosMasterAdm, checkAtmosMasterProfile } from '../../../../src/io/adm/atmosMasterAdm';
import type { AtmosMasterInput } from '../../../../src/io/adm/atmosMasterAdm';
import { readChna } from '../../../../src/io/adm/chna';
import { decodeUtf8 } from '../../../../src/io/adm/utf8';

const FRAMES = 4800;
/** Samples on the 24-bit grid (k / 2^23), so 24-bit PCM carries them exactly. */
const tone = (seed: number): Float32Array => Float32Array.from({ length: FRAMES }, (_, i) => Math.round(0.5 * Math.sin((i + 1) * (seed + 1) * 0.01) * 2 ** 23) / 2 ** 23);

function masterInput(objectCount = 2): AtmosMasterInput {
  return {
    programmeName: 'Round trip',
    bed: { name: 'Bed 7.1.2', packFormatId: 'AP_00010016', channels: Array.from({ length: 10 }, (_, c) => tone(c)) },
    objects: Array.from({ length: objectCount }, (_, k) => ({
      name: `Object ${k + 1}`,
      samples: tone(20 + k),
      blocks:
        k === 0
          ? [{ rtime: 0, duration: 0.1, position: { x: -0.5, y: 1, z: 0 }, gain: 0.5, width: 0.2 }]
          : [
              { rtime: 0, duration: 0.03, position: { x: 1, y: 0, z: 0 }, jumpPosition: { flag: true, interpolationLength: 0 } },
              { rtime: 0.03, duration: 0.03, position: { x: 0, y: -1, z: 0.5 }, jumpPosition: { flag: true, interpolationLength: 0.01 }, diffuse: 0.3 },
              { rtime: 0.06, duration: 0.04, position: { x: -1, y: 0, z: 1 }, objectDivergence: { value: 0.5, positionRange: 0.2 }, channelLock: { flag: true, maxDistance: 0.5 } },
            ],
    })),
  };
}

/** The file's chunks by id, walked here (not with io/riff). */
function chunksOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Map<string, Uint8Array>();
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at + 4, true);
    found.set(String.fromCharCode(...bytes.subarray(at, at + 4)), bytes.subarray(at + 8, at + 8 + size));
    at += 8 + size + (size % 2);
  }
  return found;
}

describe('ADM BWF export and re-import', () => {
  it('a 7.1.2 bed and two objects: the XML, the chna and the samples read back the same', () => {
    const content = buildAtmosMasterAdm(masterInput());
    expect(checkAtmosMasterProfile(content)).toEqual([]);
    const bytes = writeAdmBwf(content);
    const chunks = chunksOf(bytes);
    expect([...chunks.keys()]).toEqual(['fmt ', 'chna', 'axml', 'data']);
    // 24-bit, 12 channels, 48 kHz.
    const fmt = new DataView(chunks.get('fmt ')!.buffer, chunks.get('fmt ')!.byteOffset);
    expect([fmt.getUint16(2, true), fmt.getUint32(4, true), fmt.getUint16(14, true)]).toEqual([12, 48000, 24]);
    const xml = decodeUtf8(chunks.get('axml')!);
    expect('text' in xml && readAdmXml(xml.text, 'axml')).toEqual(content.document);
    expect(readChna(chunks.get('chna')!, 'chna')).toEqual(content.chna);

    const back = readAdmBwf(bytes, 'export.wav');
    expect(back.document).toEqual(content.document);
    expect(back.chna).toEqual(content.chna);
    expect(back.audio.channels).toEqual(content.audio.channels);
    // The 7.1.2 pack's channels in the order AP_00010016 lists them (BS.2094-1: side left and right, commonDefinitions.ts), then the objects.
    const bedChannels = ['AC_00010001', 'AC_00010002', 'AC_00010003', 'AC_00010004', 'AC_0001000a', 'AC_0001000b', 'AC_0001001c', 'AC_0001001d', 'AC_00010013', 'AC_00010014'];
    expect(back.tracks.map((t) => [t.channel, t.type, t.channelFormatId])).toEqual([
      ...bedChannels.map((id, c) => [c, 'DirectSpeakers', id]),
      [10, 'Objects', 'AC_00031001'],
      [11, 'Objects', 'AC_00031002'],
    ]);
  });

  it('names the IDs as the profile numbers them and puts the bed first', () => {
    const { document, chna } = buildAtmosMasterAdm(masterInput());
    expect(document.objects.map((o) => [o.id, o.name, o.packFormatIds])).toEqual([
      ['AO_1001', 'Bed 7.1.2', ['AP_00010016']],
      ['AO_1002', 'Object 1', ['AP_00031001']],
      ['AO_1003', 'Object 2', ['AP_00031002']],
    ]);
    expect(chna.map((e) => [e.trackIndex, e.trackUid, e.trackFormatId])).toContainEqual([12, 'ATU_0000000c', 'AT_00031002_01']);
    expect(document.channelFormats[1]!.blocks.map((b) => b.id)).toEqual(['AB_00031002_00000001', 'AB_00031002_00000002', 'AB_00031002_00000003']);
  });

  it('refers each object\'s audioStreamFormat to its audioChannelFormat only (BS.2076: one or the other; EAR refuses a file with both)', () => {
    const { document } = buildAtmosMasterAdm(masterInput());
    expect(document.streamFormats.map((s) => [s.id, s.channelFormatId, s.packFormatId])).toEqual([
      ['AS_00031001', 'AC_00031001', undefined],
      ['AS_00031002', 'AC_00031002', undefined],
    ]);
  });

  it('writes BW64 with ds64 when forced, and reads it back the same', () => {
    const content = buildAtmosMasterAdm(masterInput(1));
    const bytes = writeAdmBwf(content, { forceLargeForm: true });
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('BW64');
    expect(readAdmBwf(bytes, 'big.wav').document).toEqual(content.document);
  });

  it('refuses what breaks the profile: 119 objects, 96 kHz, a polar object, a bed pack that is not a common DirectSpeakers pack', () => {
    expect(() => buildAtmosMasterAdm({ programmeName: 'p', objects: Array.from({ length: 119 }, () => ({ name: 'o', samples: new Float32Array(1), blocks: [] })) })).toThrow(
      /119 objects \(expected at most 118\)/,
    );
    const content = buildAtmosMasterAdm(masterInput(1));
    expect(checkAtmosMasterProfile({ ...content, audio: { ...content.audio, sampleRateHz: 96000 } })).toEqual(['sample rate 96000 Hz (expected 48000)']);
    const noDialogue = { ...content.document, contents: content.document.contents.map(({ dialogue: _, ...rest }) => rest) };
    expect(checkAtmosMasterProfile({ ...content, document: noDialogue })).toContain('audioContent ACO_1001 has no dialogue element (expected 0, 1 or 2)');
    const polar = {
      ...content.document,
      channelFormats: content.document.channelFormats.map((c) => ({ ...c, blocks: c.blocks.map((b) => (b.type === 'Objects' ? { ...b, position: { coordinates: 'polar' as const, azimuth: 0, elevation: 0 } } : b)) })),
    };
    expect(checkAtmosMasterProfile({ ...content, document: polar })).toEqual(['audioBlockFormat AB_00031001_00000001 has a polar position (expected Cartesian X, Y, Z)']);
    expect(() => buildAtmosMasterAdm({ ...masterInput(0), bed: { name: 'b', packFormatId: 'AP_00040001', channels: [] } })).toThrow(/bed pack AP_00040001 \(expected a DirectSpeakers pack/);
  });

  it('refuses to write a model whose tracks do not resolve, as the reader would', () => {
    const content = buildAtmosMasterAdm(masterInput(1));
    const broken = { ...content, chna: content.chna.map((e, i) => (i === 10 ? { ...e, trackFormatId: 'AT_00031009_01' } : e)) };
    expect(() => writeAdmBwf(broken)).toThrow(FieldError);
    expect(() => writeAdmBwf(broken)).toThrow(/ADM export: chna track 11 ATU_0000000b: chna gives audioTrackFormat AT_00031009_01 but the axml audioTrackUID gives AT_00031001_01/);
  });

  it.each(['bmx__adm_1.wav', 'ear__test_bwf.wav', 'eps__hoa_4ch_1stOrderAmbix_commondef.wav', 'eps__one_ao-multiple_uid.wav', 'eps__panned_noise_adm.wav', 'eps__two_prog.wav'])(
    'writes the model of %s back to XML that reads as the same model, and the file back to one that imports the same',
    (name) => {
      const original = readAdmBwf(new Uint8Array(readFileSync(new URL(`../../../fixtures/adm/${name}`, import.meta.url))), name);
      expect(readAdmXml(writeAdmXml(original.document), 'x')).toEqual(original.document);
      const again = readAdmBwf(writeAdmBwf(original), 'again.wav');
      expect([again.document, again.chna, again.tracks]).toEqual([original.document, original.chna, original.tracks]);
      expect(again.audio.channels).toEqual(original.audio.channels);
    },
  );
});

describe('admBwfPieces', () => {
  it('gives, read in blocks from a sample source, the bytes writeAdmBwf writes from the whole audio', () => {
    const content = buildAtmosMasterAdm(masterInput());
    const { channels } = content.audio;
    const reads: number[] = [];
    const source = {
      sampleRateHz: content.audio.sampleRateHz,
      channelCount: channels.length,
      frameCount: channels[0]!.length,
      read: (start: number, count: number) => {
        reads.push(start);
        return channels.map((channel) => channel.subarray(start, start + count));
      },
    };
    const pieces = [...admBwfPieces({ document: content.document, chna: content.chna }, source)];
    const joined = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
    let at = 0;
    for (const piece of pieces) {
      joined.set(piece, at);
      at += piece.length;
    }
    expect(joined).toEqual(writeAdmBwf(content));
    expect(reads[0]).toBe(0);
  });
});
