import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FieldError } from '../../../src/core/fieldError';
import { isReadableSampleRate } from '../../../src/core/pcm';
import { decodeAudioFile } from '../../../src/io/decodeAudioFile';
import { encodeWav } from '../../../src/io/wavEncode';
import { createPrng } from '../../support/prng';
import { ascii, le } from './wavBytes';

/**
 * Seeded mutation fuzzing of the audio file readers (WAV, RF64, FLAC and MP3 through
 * decodeAudioFile): every mutated file is either read, as audio the studio can use (a
 * rate it reads, channels of one length, finite samples), or refused with the project's
 * own FieldError naming the file. Never another exception (a RangeError from a DataView
 * read past the end, an "Invalid typed array length"). The mutations are the ones the fuzz
 * campaign of issue 12 used: random bytes, 32-bit header fields set to extremes, a cut end.
 */
const SEED = 20261206;
const WAV_INPUTS = 1500;
const COMPRESSED_INPUTS = 60;
const FILE = 'fuzz.wav';

function seeds(): Uint8Array[] {
  const sine = Float32Array.from({ length: 512 }, (_, i) => 0.5 * Math.sin(i / 5));
  const wav16 = encodeWav({ sampleRateHz: 48000, channels: [sine] }, { sampleFormat: 'pcm16' });
  const float51 = encodeWav({ sampleRateHz: 44100, channels: Array.from({ length: 6 }, () => sine) }, { sampleFormat: 'float32', channelMask: 0x60f });
  // RF64: the same 16-bit file, with its sizes in a ds64 chunk.
  const body = wav16.subarray(12);
  const dataSize = new DataView(wav16.buffer).getUint32(wav16.length - 1024 - 4, true);
  const ds64 = [...ascii('ds64'), ...le(28, 4), ...le(body.length + 4 + 36, 4), ...le(0, 4), ...le(dataSize, 4), ...le(0, 4), ...le(0, 4), ...le(0, 4), ...le(0, 4)];
  const rf64 = Uint8Array.from([...ascii('RF64'), ...le(0xffffffff, 4), ...ascii('WAVE'), ...ds64, ...body]);
  return [wav16, float51, rf64];
}

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = bytes.slice();
  const kind = Math.floor(random() * 4);
  const at = (limit = out.length): number => Math.floor(random() * limit);
  if (kind === 0) {
    for (let n = 1 + at(8); n > 0; n--) out[at()] = at(256);
  } else if (kind === 1) {
    // A 32-bit field in the header set to an extreme: sizes, rates, counts.
    const offset = 4 * at(Math.min(24, out.length >> 2));
    new DataView(out.buffer).setUint32(offset, [0, 1, 0x7fffffff, 0xffffffff, at(2 ** 32)][at(5)]!, true);
  } else if (kind === 2) {
    // Cut short: often inside the header, where the readers' fixed-offset reads are.
    return out.subarray(0, random() < 0.5 ? at(Math.min(64, out.length)) : at());
  } else {
    new DataView(out.buffer).setUint16(20 + 2 * at(8), at(65536), true);
  }
  return out;
}

async function expectReadOrRefused(bytes: Uint8Array, fileName: string): Promise<void> {
  try {
    const audio = await decodeAudioFile(bytes, fileName);
    expect(isReadableSampleRate(audio.sampleRateHz)).toBe(true);
    const frames = audio.channels[0]?.length ?? 0;
    for (const channel of audio.channels) {
      expect(channel.length).toBe(frames);
      for (let i = 0; i < channel.length; i++) if (!Number.isFinite(channel[i]!)) throw new Error(`${fileName}: non-finite sample read`);
    }
  } catch (error) {
    if (!(error instanceof FieldError) || !error.message.startsWith(`${fileName}: `)) {
      throw new Error(`${fileName}: expected a FieldError naming the file, got ${String(error)}`, { cause: error });
    }
  }
}

describe('audio file readers under mutated input (seeded)', () => {
  it('starts from files that read (16-bit mono, float 5.1, RF64)', async () => {
    const read = await Promise.all(seeds().map((bytes) => decodeAudioFile(bytes, FILE)));
    expect(read.map((audio) => [audio.sampleRateHz, audio.channels.length, audio.channels[0]!.length])).toEqual([
      [48000, 1, 512],
      [44100, 6, 512],
      [48000, 1, 512],
    ]);
  });

  it(`reads or refuses, naming the file, every one of ${WAV_INPUTS} mutated WAV and RF64 files`, async () => {
    const random = createPrng(SEED);
    const bases = seeds();
    let refused = 0;
    for (let n = 0; n < WAV_INPUTS; n++) {
      const bytes = mutate(bases[n % bases.length]!, random);
      try {
        await decodeAudioFile(bytes, FILE);
      } catch {
        refused++;
      }
      await expectReadOrRefused(bytes, FILE);
    }
    // The mutations are not all harmless: a good share of the inputs must be refused, or the test reads nothing new.
    expect(refused).toBeGreaterThan(WAV_INPUTS / 10);
  });

  it(`reads or refuses, naming the file, every one of ${COMPRESSED_INPUTS} mutated FLAC and MP3 files`, async () => {
    const random = createPrng(SEED + 1);
    const files = ['sine-1k-stereo-16bit.flac', 'sine-1k-stereo.mp3'].map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/audio/${name}`, import.meta.url))) }));
    for (let n = 0; n < COMPRESSED_INPUTS; n++) {
      const { name, bytes } = files[n % files.length]!;
      await expectReadOrRefused(mutate(bytes, random), name);
    }
  });
});
