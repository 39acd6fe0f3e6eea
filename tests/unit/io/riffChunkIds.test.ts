import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAdmBwfChunks, riffChunkIds } from '../../../src/io/riffChunkIds';
import { encodeWav } from '../../../src/io/wavEncode';

const readerOf = (bytes: Uint8Array) => async (offset: number, length: number): Promise<Uint8Array> => bytes.subarray(offset, offset + length);
const chunks = (bytes: Uint8Array): Promise<string[]> => riffChunkIds(bytes.length, readerOf(bytes));

/** A BW64 header: 'BW64', size 0xFFFFFFFF, 'WAVE', then ds64 (28 bytes: riff, data and sample counts, no table) giving data 2^32 + 2 bytes, then data marked 0xFFFFFFFF. */
function bw64Header(): Uint8Array {
  const bytes = new Uint8Array(12 + 36 + 8);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string): void => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'BW64');
  view.setUint32(4, 0xffffffff, true);
  text(8, 'WAVE');
  text(12, 'ds64');
  view.setUint32(16, 28, true);
  view.setUint32(28, 2, true); // data size low word
  view.setUint32(32, 1, true); // data size high word: 2^32 + 2
  text(48, 'data');
  view.setUint32(52, 0xffffffff, true);
  return bytes;
}

describe('riffChunkIds', () => {
  it('lists a plain WAV\'s fmt and data, and is not ADM', async () => {
    const wav = encodeWav({ sampleRateHz: 48000, channels: [new Float32Array(100)] }, { sampleFormat: 'pcm16' });
    const ids = await chunks(wav);
    expect(ids).toEqual(['fmt ', 'data']);
    expect(isAdmBwfChunks(ids)).toBe(false);
  });

  it('finds chna and axml in the EAR test file (an ADM BWF fixture)', async () => {
    const ids = await chunks(new Uint8Array(readFileSync('tests/fixtures/adm/ear__test_bwf.wav')));
    expect(ids).toContain('chna');
    expect(ids).toContain('axml');
    expect(isAdmBwfChunks(ids)).toBe(true);
  });

  it('takes an RF64/BW64 data size from ds64 (2^32 + 2 bytes: the walk ends past the file)', async () => {
    const header = bw64Header();
    const offsets: number[] = [];
    const ids = await riffChunkIds(2 ** 33, async (offset, length) => {
      offsets.push(offset);
      return header.subarray(offset, offset + length);
    });
    expect(ids).toEqual(['ds64', 'data']);
    // After data (at 48, 8 + 2^32 + 2 bytes long) the next header would be at 2^32 + 58: asked for, and empty.
    expect(offsets.at(-1)).toBe(48 + 8 + 2 ** 32 + 2);
  });

  it('gives nothing for a file of another form', async () => {
    expect(await chunks(new TextEncoder().encode('OggS and more bytes here'))).toEqual([]);
  });
});
