import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../src/io/wav';
import { ascii, chunk, float32Bytes, float64Bytes, fmtChunk, interleave, ksDataFormatGuid, le, leSigned, riffWave } from './wavBytes';

/** Integer samples decode as q / 2^(bits-1); float32 holds these exactly up to 24 bits, and rounds 32-bit ones once. */
const fromInt = (q: number, bits: number): number => Math.fround(q / 2 ** (bits - 1));

function channelsOf(bytes: Uint8Array): number[][] {
  return decodeWav(bytes, 'test.wav').channels.map((c) => Array.from(c));
}

describe('decodeWav: sample formats', () => {
  it('decodes 8-bit unsigned PCM with 128 as zero', () => {
    const bytes = riffWave([fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 8000, bitsPerSample: 8 }), chunk('data', [0, 64, 128, 192, 255])]);
    const audio = decodeWav(bytes, 'test.wav');
    expect(audio.sampleRateHz).toBe(8000);
    expect(audio.channelMask).toBeUndefined();
    expect(channelsOf(bytes)).toEqual([[-1, -0.5, 0, 0.5, 127 / 128]]);
  });

  it('decodes 16-bit stereo PCM, de-interleaving left and right', () => {
    const frames = [
      [1000, -1000],
      [32767, -32768],
      [-1, 1],
    ];
    const bytes = riffWave([fmtChunk({ formatTag: 1, channelCount: 2, sampleRateHz: 44100, bitsPerSample: 16 }), chunk('data', interleave(frames, (q) => leSigned(q, 2)))]);
    expect(channelsOf(bytes)).toEqual([frames.map((f) => fromInt(f[0]!, 16)), frames.map((f) => fromInt(f[1]!, 16))]);
  });

  it('decodes 24-bit PCM with sign extension', () => {
    const values = [8388607, -8388608, 1, -1, 0x123456, -0x123456];
    const bytes = riffWave([fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 24 }), chunk('data', values.flatMap((q) => leSigned(q, 3)))]);
    expect(channelsOf(bytes)).toEqual([values.map((q) => fromInt(q, 24))]);
  });

  it('decodes 32-bit integer PCM as q / 2^31 rounded to float32', () => {
    const values = [2147483647, -2147483648, 65536, -3, 123456789];
    const bytes = riffWave([fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 32 }), chunk('data', values.flatMap((q) => leSigned(q, 4)))]);
    expect(channelsOf(bytes)).toEqual([values.map((q) => fromInt(q, 32))]);
  });

  it('decodes 20-bit PCM left-justified in 3 bytes with the 24-bit scale', () => {
    const values20 = [524287, -524288, 3];
    const bytes = riffWave([fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 20, blockAlign: 3 }), chunk('data', values20.flatMap((q) => leSigned(q * 16, 3)))]);
    expect(channelsOf(bytes)).toEqual([values20.map((q) => fromInt(q, 20))]);
  });

  it('decodes IEEE float 32 exactly, keeping values beyond full scale', () => {
    const values = [0.1, -0.25, 1.5, -2, 1e-30];
    const bytes = riffWave([fmtChunk({ formatTag: 3, channelCount: 1, sampleRateHz: 96000, bitsPerSample: 32, cbSizeZero: true }), chunk('fact', le(values.length, 4)), chunk('data', values.flatMap(float32Bytes))]);
    expect(channelsOf(bytes)).toEqual([values.map(Math.fround)]);
  });

  it('decodes IEEE float 64, rounding to float32', () => {
    const values = [0.1, -1 / 3, 1 + 2 ** -40, -0.75];
    const bytes = riffWave([fmtChunk({ formatTag: 3, channelCount: 2, sampleRateHz: 48000, bitsPerSample: 64 }), chunk('data', values.flatMap(float64Bytes))]);
    expect(channelsOf(bytes)).toEqual([
      [Math.fround(0.1), Math.fround(1 + 2 ** -40)],
      [Math.fround(-1 / 3), -0.75],
    ]);
  });

  it('decodes WAVE_FORMAT_EXTENSIBLE PCM (24 valid bits in 32-bit containers), keeping the channel order and dwChannelMask', () => {
    const mask51 = 0x3f; // FL FR FC LFE BL BR
    const frames = [[1, 2, 3, 4, 5, 6].map((c) => c * 100000), [-1, -2, -3, -4, -5, -6].map((c) => c * 100000)];
    const bytes = riffWave([
      fmtChunk({ formatTag: 0xfffe, channelCount: 6, sampleRateHz: 48000, bitsPerSample: 32, extensible: { validBits: 24, channelMask: mask51, subFormatGuid: ksDataFormatGuid(1) } }),
      chunk('data', interleave(frames, (q) => leSigned(q * 256, 4))),
    ]);
    const audio = decodeWav(bytes, 'test.wav');
    expect(audio.channelMask).toBe(mask51);
    expect(audio.channels.map((c) => Array.from(c))).toEqual([0, 1, 2, 3, 4, 5].map((c) => frames.map((f) => fromInt(f[c]!, 24))));
  });

  it('decodes WAVE_FORMAT_EXTENSIBLE float with a mask above 2^31', () => {
    const topBitMask = 0x80000003;
    const bytes = riffWave([
      fmtChunk({ formatTag: 0xfffe, channelCount: 2, sampleRateHz: 48000, bitsPerSample: 32, extensible: { validBits: 32, channelMask: topBitMask, subFormatGuid: ksDataFormatGuid(3) } }),
      chunk('data', [0.5, -0.5].flatMap(float32Bytes)),
    ]);
    const audio = decodeWav(bytes, 'test.wav');
    expect(audio.channelMask).toBe(topBitMask);
    expect(audio.channels.map((c) => Array.from(c))).toEqual([[0.5], [-0.5]]);
  });
});

describe('decodeWav: chunk structure', () => {
  const fmt16Mono = fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 16 });
  const data = chunk('data', [1, 0, 2, 0, 0xff, 0xff]);
  const expected = [[1, 2, -1].map((q) => fromInt(q, 16))];

  it('skips odd-sized unknown chunks, padded to even, before and after fmt', () => {
    const bytes = riffWave([chunk('junk', [1, 2, 3]), fmt16Mono, chunk('LIST', [9, 9, 9, 9, 9]), data]);
    expect(bytes.length % 2).toBe(0);
    expect(channelsOf(bytes)).toEqual(expected);
  });

  it('truncates a data chunk whose declared size runs past the end to the whole frames present', () => {
    const cutDataChunk = chunk('data', [1, 0, 2, 0, 0xff, 0xff, 7], 100000).slice(0, -1); // half a frame, no pad byte
    const bytes = riffWave([fmt16Mono, cutDataChunk]);
    expect(channelsOf(bytes)).toEqual(expected);
    expect(decodeWav(bytes, 'test.wav').warnings).toEqual(['"data" chunk declares 100000 bytes but the file ends after 7 of them; read the 3 whole frames there']);
  });

  it('warns of half a data chunk: 8 of 16 declared bytes read as 4 frames, and nothing for a whole file', () => {
    const half = chunk('data', [1, 0, 2, 0, 0xff, 0xff, 4, 0, 9, 9, 9, 9, 9, 9, 9, 9]).slice(0, 8 + 8);
    expect(decodeWav(riffWave([fmt16Mono, half]), 'half.wav').warnings).toEqual(['"data" chunk declares 16 bytes but the file ends after 8 of them; read the 4 whole frames there']);
    expect(decodeWav(riffWave([fmt16Mono, data]), 'whole.wav').warnings).toBeUndefined();
  });

  it('reads a streaming writer’s data size of 0xFFFFFFFF as "to the end of the file"', () => {
    const bytes = riffWave([fmt16Mono, chunk('data', [1, 0, 2, 0, 0xff, 0xff], 0xffffffff)]);
    expect(channelsOf(bytes)).toEqual(expected);
    expect(decodeWav(bytes, 'test.wav').warnings).toBeUndefined();
  });

  it('ignores chunks after the data chunk, even garbage', () => {
    const bytes = Uint8Array.from([...riffWave([fmt16Mono, data]), ...ascii('zzzz'), 0xff, 0xff, 0xff, 0x7f]);
    expect(channelsOf(bytes)).toEqual(expected);
  });

  it.each(['RF64', 'BW64'])('decodes %s with the data size taken from ds64 (trailing bytes after it ignored)', (form) => {
    const ds64Body = [...le(0, 8), ...le(6, 8), ...le(3, 8), ...le(0, 4)];
    const body = [...chunk('ds64', ds64Body), ...fmt16Mono, ...chunk('data', [1, 0, 2, 0, 0xff, 0xff, 5, 5], 0xffffffff)];
    const bytes = Uint8Array.from([...ascii(form), ...le(0xffffffff, 4), ...ascii('WAVE'), ...body]);
    expect(channelsOf(bytes)).toEqual(expected);
  });

  it('decodes a file with no frames to empty channels', () => {
    const audio = decodeWav(riffWave([fmt16Mono, chunk('data', [])]), 'test.wav');
    expect(audio.channels.map((c) => c.length)).toEqual([0]);
  });
});

describe('decodeWav: bad files are refused with the file name', () => {
  const fmt16Mono = fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 16 });
  const data = chunk('data', [0, 0]);
  const cases: [string, Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(0), /^drums\.wav: not a WAV file: found 0 bytes in another format \(expected "RIFF", "RF64" or "BW64" then "WAVE"\)$/],
    ['garbage', Uint8Array.from(ascii('hello, this is not audio')), /^drums\.wav: not a WAV file: found 24 bytes in another format \(expected/],
    ['a RIFF of another form', Uint8Array.from([...ascii('RIFF'), ...le(4, 4), ...ascii('AVI ')]), /^drums\.wav: not a WAV file: found a RIFF file of form "AVI " \(expected/],
    ['no fmt chunk', riffWave([data]), /^drums\.wav: no complete "fmt " chunk found/],
    ['no data chunk', riffWave([fmt16Mono, chunk('LIST', [1, 2])]), /^drums\.wav: no "data" chunk found/],
    ['a fmt chunk cut short by the end of the file', riffWave([chunk('fmt ', [1, 0, 1, 0], 16)]), /^drums\.wav: "fmt " chunk declares 16 bytes but only 4 remain/],
    ['a header only', riffWave([]), /^drums\.wav: no complete "fmt " chunk found/],
    [
      'format tag 0x0055 (MP3 in WAV)',
      riffWave([fmtChunk({ formatTag: 0x55, channelCount: 2, sampleRateHz: 44100, bitsPerSample: 0, blockAlign: 1 }), data]),
      /^drums\.wav: unsupported WAV format tag 0x0055 \(expected PCM 1, IEEE float 3 or EXTENSIBLE 0xFFFE\)$/,
    ],
    [
      'an EXTENSIBLE SubFormat that is not PCM or float',
      riffWave([fmtChunk({ formatTag: 0xfffe, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 16, extensible: { validBits: 16, channelMask: 4, subFormatGuid: ksDataFormatGuid(0x92) } }), data]),
      /^drums\.wav: unsupported EXTENSIBLE SubFormat \{00000092-0000-0010-8000-00AA00389B71\} \(expected KSDATAFORMAT_SUBTYPE_PCM/,
    ],
    ['an EXTENSIBLE fmt chunk without its extension', riffWave([fmtChunk({ formatTag: 0xfffe, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 16 }), data]), /^drums\.wav: WAVE_FORMAT_EXTENSIBLE "fmt " chunk of 16 bytes/],
    ['24-bit float', riffWave([fmtChunk({ formatTag: 3, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 24 }), data]), /^drums\.wav: IEEE float WAV with 24 bits per sample \(expected 32 or 64\)$/],
    ['0 bits per sample', riffWave([fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 0, blockAlign: 2 }), data]), /^drums\.wav: PCM WAV with 0 bits per sample/],
    ['a wrong block align', riffWave([fmtChunk({ formatTag: 1, channelCount: 2, sampleRateHz: 48000, bitsPerSample: 16, blockAlign: 2 }), data]), /^drums\.wav: fmt nBlockAlign is 2 \(expected 4 = 2 channels x 2 bytes\)$/],
    ['0 channels', riffWave([fmtChunk({ formatTag: 1, channelCount: 0, sampleRateHz: 48000, bitsPerSample: 16 }), data]), /^drums\.wav: fmt nChannels is 0/],
    ['a sample rate of 0', riffWave([fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 0, bitsPerSample: 16 }), data]), /^drums\.wav: fmt nSamplesPerSec is 0/],
    // Reproducers from the fuzzing campaign (issue 12): refused before anything is allocated or read past the end.
    ['a sample rate of 1 Hz', riffWave([fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 1, bitsPerSample: 16 }), data]), /^drums\.wav: fmt nSamplesPerSec is 1 Hz \(expected 8000 to 384000 Hz\)$/],
    ['a sample rate of 4,294,967,295 Hz', riffWave([fmtChunk({ formatTag: 1, channelCount: 1, sampleRateHz: 0xffffffff, bitsPerSample: 16 }), data]), /^drums\.wav: fmt nSamplesPerSec is 4294967295 Hz \(expected 8000 to 384000 Hz\)$/],
    ['a 16-byte RF64 file', Uint8Array.from([...ascii('RF64'), ...le(0xffffffff, 4), ...ascii('WAVE'), ...ascii('ds64')]), /^drums\.wav: RF64 file of 16 bytes, too short for its ds64 chunk \(expected at least 48 bytes\)$/],
    ['a short fmt chunk', riffWave([chunk('fmt ', [1, 0, 1, 0, 0x80, 0xbb, 0, 0]), data]), /^drums\.wav: "fmt " chunk of 8 bytes \(expected at least 16\)$/],
    ['an RF64 file without ds64', Uint8Array.from([...ascii('RF64'), ...le(0xffffffff, 4), ...ascii('WAVE'), ...fmt16Mono, ...data]), /^drums\.wav: RF64 file without a ds64 chunk first \(found "fmt "\)$/],
    [
      'a NaN float sample',
      riffWave([fmtChunk({ formatTag: 3, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 32 }), chunk('data', [0, NaN].flatMap(float32Bytes))]),
      /^drums\.wav: sample NaN at frame 1, channel 0 \(expected finite float samples\)$/,
    ],
    [
      'a float64 sample too large for float32',
      riffWave([fmtChunk({ formatTag: 3, channelCount: 1, sampleRateHz: 48000, bitsPerSample: 64 }), chunk('data', float64Bytes(1e300))]),
      /^drums\.wav: sample Infinity at frame 0, channel 0/,
    ],
  ];
  it.each(cases)('%s', (_, bytes, message) => {
    expect(() => decodeWav(bytes, 'drums.wav')).toThrow(message);
  });
});
