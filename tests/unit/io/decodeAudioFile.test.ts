import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodeAudioFile } from '../../../src/io/decodeAudioFile';
import { sniffAudioFormat } from '../../../src/io/sniffAudioFormat';
import { encodeWav } from '../../../src/io/wav';
import { EXTREME_24BIT_VALUES, SINE_FIXTURE, sineFixtureChannels } from '../../fixtures/audio/fixtureSignals';
import { amplitudeToDb, sineAmplitude, zeroCrossingFrequency } from './sineAnalysis';

const fixtureDir = join(import.meta.dirname, '../../fixtures/audio');
const readFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixtureDir, name)));

/** An ID3v2.3 tag with an empty body of `bodyBytes` bytes (size as 4 syncsafe 7-bit bytes). */
function id3Tag(bodyBytes: number): number[] {
  return [0x49, 0x44, 0x33, 3, 0, 0, (bodyBytes >> 21) & 0x7f, (bodyBytes >> 14) & 0x7f, (bodyBytes >> 7) & 0x7f, bodyBytes & 0x7f, ...new Array<number>(bodyBytes).fill(0)];
}

describe('sniffAudioFormat', () => {
  it.each<[string, number[], ReturnType<typeof sniffAudioFormat>]>([
    ['RIFF WAVE', [...Buffer.from('RIFF\x00\x00\x00\x00WAVE')], 'wav'],
    ['RF64 WAVE', [...Buffer.from('RF64\xff\xff\xff\xffWAVE', 'latin1')], 'wav'],
    ['BW64 WAVE', [...Buffer.from('BW64\xff\xff\xff\xffWAVE', 'latin1')], 'wav'],
    ['fLaC', [...Buffer.from('fLaC\x00\x00\x00\x22')], 'flac'],
    ['an ID3v2 tag', id3Tag(20), 'mp3'],
    ['fLaC behind an ID3v2 tag', [...id3Tag(300), ...Buffer.from('fLaC')], 'flac'],
    ['an MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz)', [0xff, 0xfb, 0x90, 0x64], 'mp3'],
    ['an MPEG-2 Layer III frame header', [0xff, 0xf3, 0x84, 0xc4], 'mp3'],
    ['an ADTS AAC header (layer 00)', [0xff, 0xf1, 0x50, 0x80], undefined],
    ['a frame header with the reserved version 01', [0xff, 0xeb, 0x90, 0x64], undefined],
    ['a frame header with bitrate index 1111', [0xff, 0xfb, 0xf0, 0x64], undefined],
    ['RIFF AVI', [...Buffer.from('RIFF\x00\x00\x00\x00AVI ')], undefined],
    ['Ogg', [...Buffer.from('OggS\x00\x02')], undefined],
    ['nothing', [], undefined],
  ])('%s', (_, bytes, format) => {
    expect(sniffAudioFormat(Uint8Array.from(bytes))).toBe(format);
  });
});

describe('decodeAudioFile: WAV', () => {
  it('dispatches WAV to decodeWav', async () => {
    const channels = [Float32Array.from([0.5, -0.25]), Float32Array.from([1 / 1024, 0])];
    const audio = await decodeAudioFile(encodeWav({ sampleRateHz: 32000, channels }, { sampleFormat: 'pcm16' }), 'a.wav');
    expect(audio).toEqual({ sampleRateHz: 32000, channels });
  });
});

describe('decodeAudioFile: FLAC fixtures (lossless)', () => {
  it.each([16, 24] as const)('%i-bit: rate, channels and every sample equal the quantised sine', async (bits) => {
    const audio = await decodeAudioFile(readFixture(`sine-1k-stereo-${bits}bit.flac`), 'sine.flac');
    expect(audio.sampleRateHz).toBe(SINE_FIXTURE.sampleRateHz);
    expect(audio.channelMask).toBeUndefined();
    // Same integer grid q / 2^(bits-1) as WAV, so exact equality, not a tolerance.
    expect(audio.channels).toEqual(sineFixtureChannels(bits));
  });

  it('maps the ends of the 24-bit range to q / 2^23 exactly', async () => {
    const audio = await decodeAudioFile(readFixture('extremes-24bit.flac'), 'extremes.flac');
    expect(audio.sampleRateHz).toBe(48000);
    expect(audio.channels).toEqual([Float32Array.from(EXTREME_24BIT_VALUES, (q) => q / 2 ** 23)]);
  });

  it('decodes a FLAC stream behind an ID3v2 tag', async () => {
    const tagged = Uint8Array.from([...id3Tag(256), ...readFixture('sine-1k-stereo-16bit.flac')]);
    expect((await decodeAudioFile(tagged, 'tagged.flac')).channels).toEqual(sineFixtureChannels(16));
  });
});

describe('decodeAudioFile: MP3 fixture (lossy)', () => {
  it('has the rate, channels and length of the source, amplitude within 0.5 dB and 1 kHz frequency', async () => {
    const audio = await decodeAudioFile(readFixture('sine-1k-stereo.mp3'), 'sine.mp3');
    const { sampleRateHz, frameCount, frequencyHz, amplitudes } = SINE_FIXTURE;
    expect(audio.sampleRateHz).toBe(sampleRateHz);
    expect(audio.channels.length).toBe(2);
    // Gapless decoding trims LAME's encoder delay and padding; without it the output could grow
    // by at most the decoder delay (529), the encoder delay (576) and one frame of padding (1152).
    const length = audio.channels[0]!.length;
    expect(length).toBeGreaterThanOrEqual(frameCount);
    expect(length).toBeLessThanOrEqual(frameCount + 529 + 576 + 1152);
    // A steady section away from the start and end transients (1 ms = 44 samples each side is plenty at 1 kHz).
    const start = Math.round(0.2 * length);
    const end = Math.round(0.8 * length);
    audio.channels.forEach((channel, c) => {
      const measuredDb = amplitudeToDb(sineAmplitude(channel, frequencyHz / sampleRateHz, start, end));
      expect(Math.abs(measuredDb - amplitudeToDb(amplitudes[c]!))).toBeLessThan(0.5);
      // Coding noise ~ -40 dB of the tone shifts a crossing by < 1e-2 / (2 pi) cycle; over ~60 cycles
      // that bounds the frequency error well below 1e-3 relative (1 Hz).
      expect(Math.abs(zeroCrossingFrequency(channel, start, end) * sampleRateHz - frequencyHz)).toBeLessThan(1);
    });
  });
});

describe('decodeAudioFile: bad files are refused with the file name', () => {
  it('lists the supported formats for an unknown file', async () => {
    await expect(decodeAudioFile(Uint8Array.from(Buffer.from('%PDF-1.7 stuff')), 'notes.pdf')).rejects.toThrow(
      /^notes\.pdf: unrecognised audio file: 14 bytes of text \(expected WAV \(RIFF\/RF64\/BW64 WAVE\), FLAC \(fLaC\) or MP3 \(ID3 tag or MPEG audio frame\)\)$/,
    );
  });
  it('names an empty file', async () => {
    await expect(decodeAudioFile(new Uint8Array(0), 'empty.wav')).rejects.toThrow(/^empty\.wav: unrecognised audio file: an empty file \(expected/);
  });
  it('passes WAV errors through', async () => {
    await expect(decodeAudioFile(Uint8Array.from(Buffer.from('RIFF\x04\x00\x00\x00WAVE')), 'cut.wav')).rejects.toThrow(/^cut\.wav: no complete "fmt " chunk found/);
  });
  it('refuses a FLAC file cut inside its header', async () => {
    await expect(decodeAudioFile(readFixture('sine-1k-stereo-16bit.flac').subarray(0, 30), 'cut.flac')).rejects.toThrow(/^cut\.flac: .*FLAC/);
  });
  it('refuses a FLAC file whose frames are garbage', async () => {
    const bytes = readFixture('sine-1k-stereo-16bit.flac');
    for (let i = 200; i < bytes.length; i++) bytes[i] = (i * 37) & 0xff;
    await expect(decodeAudioFile(bytes, 'garbled.flac')).rejects.toThrow(/^garbled\.flac: .*FLAC/);
  });
  // Issue 12: the decoder printed a line per bad frame (156 lines before one error) on the console.
  it('refuses an MP3 file whose frames are garbage with one error naming it, printing nothing', async () => {
    const bytes = readFixture('sine-1k-stereo.mp3');
    for (let i = 2000; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    const consoleError = vi.spyOn(console, 'error');
    try {
      await expect(decodeAudioFile(bytes, 'garbled.mp3')).rejects.toThrow(
        /^garbled\.mp3: MP3 decoder reported 4 error\(s\), the first in frame 0 at byte 6268: -1 MPG123_ERR \(expected a valid MP3 stream\)$/,
      );
      expect(consoleError).not.toHaveBeenCalled();
      // Silenced only during the decode: console.error is the one it was before.
      expect(console.error).toBe(consoleError);
    } finally {
      consoleError.mockRestore();
    }
  });

  it('refuses an ID3 tag followed by no MPEG audio', async () => {
    await expect(decodeAudioFile(Uint8Array.from([...id3Tag(16), ...Buffer.from('not an mpeg frame at all')]), 'tagged.mp3')).rejects.toThrow(
      /^tagged\.mp3: no MP3 audio decoded \(expected at least one frame of audio\)$/,
    );
  });
});
