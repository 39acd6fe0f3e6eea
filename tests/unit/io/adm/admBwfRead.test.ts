import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AdmObjectsBlock } from '../../../../src/core/adm/admModel';
import { FieldError, FieldErrors } from '../../../../src/core/fieldError';
import { readAdmBwf } from '../../../../src/io/adm/admBwfRead';
import { summarizeAdmBwf } from '../../../../src/io/adm/admSummary';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../fixtures/adm/${name}`, import.meta.url)));
const read = (name: string) => readAdmBwf(fixture(name), name);
/** Per file channel: [channel, channel format, type, block count]. */
const channelsOf = (name: string) => summarizeAdmBwf(read(name)).objects.map((o) => [o.id, o.channels.map((c) => [c.channel, c.channelFormatId, c.type, c.blockCount])]);

describe('readAdmBwf on real files', () => {
  it('bmx__adm_1: two stereo objects on the common pack AP_00010002, channels 1-2 and 3-4 as M+030, M-030', () => {
    const summary = summarizeAdmBwf(read('bmx__adm_1.wav'));
    expect(summary).toMatchObject({ sampleRateHz: 48000, channelCount: 4, programmes: [{ id: 'APR_1001', name: 'Test Example 1', objectIds: ['AO_1001', 'AO_1002'] }] });
    expect(summary.objects.map((o) => [o.name, o.channels.map((c) => [c.channel, c.speakerLabels])])).toEqual([
      ['dialogue_stereo', [[0, ['urn:itu:bs:2051:0:speaker:M+030']], [1, ['urn:itu:bs:2051:0:speaker:M-030']]]],
      ['background_stereo', [[2, ['urn:itu:bs:2051:0:speaker:M+030']], [3, ['urn:itu:bs:2051:0:speaker:M-030']]]],
    ]);
  });

  it('ear__test_bwf: 2 Objects (a jump at 0.125 s), 3 DirectSpeakers (bounds, LFE low-pass); two track UIDs on channel 3', () => {
    const bwf = read('ear__test_bwf.wav');
    expect(channelsOf('ear__test_bwf.wav')).toEqual([
      ['AO_1001', [[0, 'AC_00031001', 'Objects', 2]]],
      ['AO_1002', [[1, 'AC_00031002', 'Objects', 1]]],
      ['AO_1003', [[2, 'AC_00011003', 'DirectSpeakers', 1]]],
      ['AO_1004', [[2, 'AC_00011004', 'DirectSpeakers', 1]]],
      ['AO_1005', [[3, 'AC_00011005', 'DirectSpeakers', 1]]],
    ]);
    const moving = bwf.lookup.channelFormat('AC_00031001')!.blocks as AdmObjectsBlock[];
    expect(moving.map((b) => [b.rtime, b.duration, b.position, b.jumpPosition])).toEqual([
      [0, 0.125, { coordinates: 'polar', azimuth: 0, elevation: 0 }, undefined],
      [0.125, 0.125, { coordinates: 'polar', azimuth: -30, elevation: 0 }, { flag: true, interpolationLength: 0 }],
    ]);
    expect(bwf.lookup.channelFormat('AC_00011004')!.blocks[0]).toMatchObject({ speakerLabels: ['M+045'], position: { azimuth: { value: 45, min: 30, max: 50 }, elevation: { value: 0 } } });
    expect(bwf.lookup.channelFormat('AC_00011005')).toMatchObject({ lowPassHz: 120 });
  });

  it('eps__channels_stereo_adm: no programme; a stereo DirectSpeakers object (chna after data, axml last)', () => {
    const summary = summarizeAdmBwf(read('eps__channels_stereo_adm.wav'));
    expect(summary.programmes).toEqual([]);
    expect(summary.durationSec).toBe(6);
    expect(summary.objects[0]!.channels.map((c) => c.speakerLabels)).toEqual([['urn:itu:bs:2051:0:speaker:M+030'], ['urn:itu:bs:2051:0:speaker:M-030']]);
  });

  it('eps__hoa_4ch_1stOrderAmbix_commondef: first-order HOA from the common definitions, ACN order, SN3D', () => {
    const summary = summarizeAdmBwf(read('eps__hoa_4ch_1stOrderAmbix_commondef.wav'));
    expect(summary.objects[0]!.channels.map((c) => [c.channel, c.type, c.hoa])).toEqual([
      [0, 'HOA', { order: 0, degree: 0, normalization: 'SN3D' }],
      [1, 'HOA', { order: 1, degree: -1, normalization: 'SN3D' }],
      [2, 'HOA', { order: 1, degree: 0, normalization: 'SN3D' }],
      [3, 'HOA', { order: 1, degree: 1, normalization: 'SN3D' }],
    ]);
  });

  it.each([
    ['eps__jp_2_jump_position_no_interpolate.wav', { flag: true }],
    ['eps__jp_3_jump_position_interpolate.wav', { flag: true, interpolationLength: 0.3 }],
  ])('%s: 3 blocks of 1 s at distance 20, 55, 40 with jumpPosition %o', (name, jump) => {
    const blocks = read(name).lookup.channelFormat('AC_00031001')!.blocks as AdmObjectsBlock[];
    expect(blocks.map((b) => [b.rtime, b.duration, b.position.coordinates === 'polar' ? b.position.distance : undefined, b.jumpPosition])).toEqual([
      [0, 1, 20, jump],
      [1, 1, 55, jump],
      [2, 1, 40, jump],
    ]);
  });

  it('eps__nesting5: one object, one pack, two Objects channels at azimuth -45 and +45', () => {
    const bwf = read('eps__nesting5-1ao_with_1pf_with_2cf.wav');
    expect(channelsOf('eps__nesting5-1ao_with_1pf_with_2cf.wav')).toEqual([['AO_1001', [[0, 'AC_00031001', 'Objects', 1], [1, 'AC_00031002', 'Objects', 1]]]]);
    expect(bwf.tracks.map((t) => (bwf.lookup.channelFormat(t.channelFormatId)!.blocks[0] as AdmObjectsBlock).position)).toEqual([
      { coordinates: 'polar', azimuth: -45, elevation: 0 },
      { coordinates: 'polar', azimuth: 45, elevation: 0 },
    ]);
  });

  it('eps__one_ao-multiple_uid: one object, three track UIDs, each channel 2 blocks with width, gain and diffuse', () => {
    const bwf = read('eps__one_ao-multiple_uid.wav');
    expect(channelsOf('eps__one_ao-multiple_uid.wav')).toEqual([['AO_1001', [[0, 'AC_00031001', 'Objects', 2], [1, 'AC_00031002', 'Objects', 2], [2, 'AC_00031003', 'Objects', 2]]]]);
    expect(bwf.document.objects[0]).toMatchObject({ start: 0, duration: 2 });
    expect(bwf.lookup.channelFormat('AC_00031001')!.blocks[1]).toMatchObject({ rtime: 0, duration: 2, width: 0, height: 0, depth: 0, gain: 1, diffuse: 0, position: { azimuth: -102.63073 } });
  });

  it('eps__panned_noise_adm: one object in 24 blocks, 15 degrees apart, ending at 12 s', () => {
    const summary = summarizeAdmBwf(read('eps__panned_noise_adm.wav'));
    expect(summary.objects[0]!.channels[0]).toMatchObject({ blockCount: 24, spanSec: [0.5, 12] });
    const blocks = read('eps__panned_noise_adm.wav').lookup.channelFormat('AC_00031001')!.blocks as AdmObjectsBlock[];
    const azimuths = blocks.map((b) => (b.position.coordinates === 'polar' ? b.position.azimuth : NaN));
    for (let k = 1; k < azimuths.length; k++) expect(Math.abs((((azimuths[k]! - azimuths[k - 1]! + 540) % 360) - 180))).toBeCloseTo(15, 6);
  });

  it('eps__two_prog: two programmes sharing one mono DirectSpeakers object (common definitions, M+000)', () => {
    const summary = summarizeAdmBwf(read('eps__two_prog.wav'));
    expect(summary.programmes.map((p) => [p.id, p.objectIds])).toEqual([['APR_1001', ['AO_1001']], ['APR_1002', ['AO_1001']]]);
    expect(summary.objects[0]!.channels.map((c) => [c.channel, c.channelFormatId, c.speakerLabels])).toEqual([[0, 'AC_00010003', ['urn:itu:bs:2051:0:speaker:M+000']]]);
  });

  it('gives each file channel its samples: channel k of the import is channel k of the WAV', () => {
    const bwf = read('ear__test_bwf.wav');
    expect(bwf.audio.channels).toHaveLength(4);
    expect(bwf.audio.channels[0]!.length).toBe(12000);
  });
});

describe('readAdmBwf refuses the invalid files, naming the conflicting references', () => {
  it('eps__ds-all-tfs-not-in-pf: the track leads to AC_0001000d, which the mono pack AP_00010001 does not reference', () => {
    expect(() => read('invalid/eps__ds-all-tfs-not-in-pf.wav')).toThrow(
      'invalid/eps__ds-all-tfs-not-in-pf.wav: audioObject AO_1001: audioPackFormat AP_00010001 does not reference audioChannelFormat AC_0001000d, which audioTrackUID ATU_00000001 (file track 1) reaches through audioTrackFormat AT_0001000d_01 and audioStreamFormat AS_0001000d (conflicting format references)',
    );
  });

  it('eps__two_object_pack_adm: pack AP_00031001 references neither channel format its two track UIDs lead to', () => {
    let error: unknown;
    try {
      read('invalid/eps__two_object_pack_adm.wav');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FieldErrors);
    expect((error as FieldErrors).problems.map((p) => p.problem)).toEqual([
      'audioPackFormat AP_00031001 does not reference audioChannelFormat AC_00031001, which audioTrackUID ATU_00000001 (file track 1) reaches through audioTrackFormat AT_00031001_01 and audioStreamFormat AS_00031001 (conflicting format references)',
      'audioPackFormat AP_00031001 does not reference audioChannelFormat AC_00031002, which audioTrackUID ATU_00000002 (file track 2) reaches through audioTrackFormat AT_00031002_01 and audioStreamFormat AS_00031002 (conflicting format references)',
    ]);
    expect((error as FieldError).message).toMatch(/^invalid\/eps__two_object_pack_adm\.wav: 2 problems:/);
  });
});

describe('readAdmBwf refuses bad metadata, naming the chunk, the line:column and the element', () => {
  /** The fixture with `from` replaced by `to` (the same length, so no chunk size changes). */
  function edited(name: string, from: string, to: string): Uint8Array {
    expect(to.length).toBe(from.length);
    const bytes = fixture(name);
    const text = Buffer.from(bytes).toString('latin1');
    const at = text.indexOf(from);
    expect(at).toBeGreaterThan(0);
    bytes.set(Buffer.from(to, 'latin1'), at);
    return bytes;
  }

  it('an entity the reader does not define', () => {
    const bytes = edited('bmx__adm_1.wav', 'audioProgrammeLanguage="eng"', 'audioProgrammeLanguage="&e;"');
    expect(() => readAdmBwf(bytes, 'b.wav')).toThrow(/^b\.wav: axml 6:\d+: unknown entity reference &e;/);
  });

  it('an elevation out of range, naming the block', () => {
    const bytes = edited('ear__test_bwf.wav', '<position coordinate="elevation">30.00000</position>', '<position coordinate="elevation">99.00000</position>');
    expect(() => readAdmBwf(bytes, 'e.wav')).toThrow(/^e\.wav: axml \d+:\d+: audioBlockFormat AB_00031002_00000001: position elevation is 99 \(expected -90 to 90\)$/);
  });

  it('a chna track beyond the file\'s channels', () => {
    const bytes = fixture('eps__two_prog.wav');
    const chna = Buffer.from(bytes).indexOf('chna');
    bytes[chna + 12] = 5;
    expect(() => readAdmBwf(bytes, 't.wav')).toThrow('t.wav: chna track 5 ATU_00000001: track index 5 but the file has 1 channels');
  });
});
