import { readFile } from 'node:fs/promises';
import { isReadableSampleRate } from '../../../src/core/pcm';
import { decodeAudioFile } from '../../../src/io/decodeAudioFile';
import { encodeWav } from '../../../src/io/wavEncode';
import { ascii, le } from '../../unit/io/wavBytes';
import { mutateBytes } from '../byteMutations';
import type { FuzzSeed, FuzzTarget } from '../fuzzCampaign';

/** Reads as a stem is read, and checks the audio is usable: a readable rate, channels of one length, finite samples. */
async function readAudio(bytes: Uint8Array, fileName: string): Promise<void> {
  const audio = await decodeAudioFile(bytes, fileName);
  if (!isReadableSampleRate(audio.sampleRateHz)) throw new Error(`${fileName}: read at an unusable rate of ${audio.sampleRateHz} Hz`);
  const frames = audio.channels[0]?.length ?? 0;
  for (const channel of audio.channels) {
    if (channel.length !== frames) throw new Error(`${fileName}: channels of different lengths read`);
    for (let i = 0; i < channel.length; i++) if (!Number.isFinite(channel[i]!)) throw new Error(`${fileName}: non-finite sample read`);
  }
}

function wavSeeds(): FuzzSeed[] {
  const sine = Float32Array.from({ length: 512 }, (_, i) => 0.5 * Math.sin(i / 5));
  const wav16 = encodeWav({ sampleRateHz: 48000, channels: [sine] }, { sampleFormat: 'pcm16' });
  const float51 = encodeWav({ sampleRateHz: 44100, channels: Array.from({ length: 6 }, () => sine) }, { sampleFormat: 'float32', channelMask: 0x60f });
  // RF64: the same 16-bit file, with its sizes in a ds64 chunk.
  const body = wav16.subarray(12);
  const dataSize = new DataView(wav16.buffer).getUint32(wav16.length - 1024 - 4, true);
  const ds64 = [...ascii('ds64'), ...le(28, 4), ...le(body.length + 4 + 36, 4), ...le(0, 4), ...le(dataSize, 4), ...le(0, 4), ...le(0, 4), ...le(0, 4), ...le(0, 4)];
  const rf64 = Uint8Array.from([...ascii('RF64'), ...le(0xffffffff, 4), ...ascii('WAVE'), ...ds64, ...body]);
  return [
    { fileName: 'mono16.wav', bytes: wav16 },
    { fileName: 'float51.wav', bytes: float51 },
    { fileName: 'mono16.rf64.wav', bytes: rf64 },
  ];
}

/** WAV and RF64 (16-bit mono, float 5.1 WAVE_FORMAT_EXTENSIBLE, RF64 with ds64). */
export const wavTarget: FuzzTarget = {
  parser: 'WAV/RF64',
  seeds: async () => wavSeeds(),
  mutate: (bytes, random) => mutateBytes(bytes, random),
  read: readAudio,
};

/** FLAC and MP3 through the studio's wrappers of the WebAssembly decoders. */
export const compressedAudioTarget: FuzzTarget = {
  parser: 'FLAC/MP3',
  seeds: async () =>
    Promise.all(
      ['sine-1k-stereo-16bit.flac', 'sine-1k-stereo.mp3'].map(async (fileName) => ({
        fileName,
        bytes: new Uint8Array(await readFile(new URL(`../../fixtures/audio/${fileName}`, import.meta.url))),
      })),
    ),
  mutate: (bytes, random) => mutateBytes(bytes, random),
  read: readAudio,
};
