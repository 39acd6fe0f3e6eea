import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import commonDefinitionsData from '../../../../src/io/adm/data/bs2094CommonDefinitions.json';
import { formatAdmTime, parseAdmTime } from '../../../../src/io/adm/admTime';
import { readChna, writeChna } from '../../../../src/io/adm/chna';
import { bs2094CommonDefinitions } from '../../../../src/io/adm/commonDefinitions';
import { decodeUtf8, encodeUtf8 } from '../../../../src/io/adm/utf8';

describe('ITU-R BS.2094 common definitions', () => {
  it('are the EAR file unchanged (SHA-256 in data/README.md) and parse into 43 packs and 300 channel, stream and track formats', () => {
    expect(createHash('sha256').update(commonDefinitionsData.xml, 'utf8').digest('hex')).toBe('c6810af7759cb2202582f3ee5d16468b9947059d6caf90c182da351b005f4037');
    const common = bs2094CommonDefinitions();
    expect([common.packFormats.length, common.channelFormats.length, common.streamFormats.length, common.trackFormats.length]).toEqual([43, 300, 300, 300]);
    expect(common.packFormats.find((p) => p.id === 'AP_00010002')).toMatchObject({ type: 'DirectSpeakers', channelFormatIds: ['AC_00010001', 'AC_00010002'] });
  });
});

describe('chna', () => {
  it('writes 40-byte entries (u16 track, 12 + 14 + 11 ASCII, pad) and reads them back; numTracks counts distinct tracks', () => {
    const entries = [
      { trackIndex: 1, trackUid: 'ATU_00000001', trackFormatId: 'AT_00031001_01', packFormatId: 'AP_00031001' },
      { trackIndex: 1, trackUid: 'ATU_00000002', trackFormatId: 'AT_00010001_01', packFormatId: 'AP_00010002' },
    ];
    const body = writeChna(entries);
    expect(body.length).toBe(4 + 2 * 40);
    expect([body[0], body[2], body[4], String.fromCharCode(...body.subarray(6, 18)), String.fromCharCode(...body.subarray(32, 43))]).toEqual([1, 2, 1, 'ATU_00000001', 'AP_00031001']);
    expect(readChna(body, 'x.wav')).toEqual(entries);
  });

  it('skips unused entries (track 0) and refuses a count the chunk cannot hold', () => {
    const body = new Uint8Array(44);
    body[2] = 1;
    expect(readChna(body, 'x.wav')).toEqual([]);
    body[2] = 2;
    expect(() => readChna(body, 'x.wav')).toThrow('x.wav: chna: numUIDs 2 needs 84 bytes but the chunk has 44');
    expect(() => writeChna([{ trackIndex: 1, trackUid: 'ATU_000000001', trackFormatId: '', packFormatId: '' }])).toThrow(/at most 12 printable ASCII/);
  });
});

describe('ADM times', () => {
  it('reads decimal and sample-count fractions, and writes nine decimals that read back exactly', () => {
    expect(parseAdmTime('00:00:01.30000')).toBe(1.3);
    expect(parseAdmTime('01:02:03.5')).toBe(3723.5);
    expect(parseAdmTime('00:00:00.24000S48000')).toBe(0.5);
    expect(parseAdmTime('00:00:60.0')).toBeUndefined();
    expect(parseAdmTime('1.5')).toBeUndefined();
    expect(formatAdmTime(3723.5)).toBe('01:02:03.500000000');
    for (const seconds of [0, 0.125, 1.3, 2.000000001, 3599.999999999, 359999.123456789]) expect(parseAdmTime(formatAdmTime(seconds))).toBe(seconds);
  });
});

describe('UTF-8', () => {
  it('round-trips text with 2-, 3- and 4-byte characters and refuses overlong forms and surrogates with their offset', () => {
    const text = 'a\u00e9\u20ac\u{1F600}';
    expect(Array.from(encodeUtf8(text))).toEqual([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect(decodeUtf8(encodeUtf8(text))).toEqual({ text });
    expect(decodeUtf8(Uint8Array.from([0x41, 0xc0, 0x80]))).toEqual({ error: 'byte 0xc0 at offset 1 starts no UTF-8 character' });
    expect(decodeUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toEqual({ error: 'invalid UTF-8 sequence at offset 0' });
    expect(decodeUtf8(Uint8Array.from([0xe2, 0x82]))).toEqual({ error: 'UTF-8 character cut short at offset 0' });
  });
});
