/**
 * WAV encoding: 16- or 24-bit integer PCM or 32-bit IEEE float, interleaved, after the
 * header of wavHeader.ts (RIFF, or RF64/BW64 beyond 4 GiB). `encodeWav` returns one
 * buffer; `encodeWavPieces` yields the header then the samples a block at a time, so a
 * file larger than memory can be written by a caller that streams the pieces out.
 *
 * Integer conversion: q = round(x * 2^(bits-1) [+ TPDF dither]), clamped to
 * [-2^(bits-1), 2^(bits-1) - 1]. Clipping is not reported here; that is the caller's job.
 * Decoding divides by 2^(bits-1), so samples on that grid round-trip exactly.
 */
import type { PcmAudio, PcmSampleFormat } from '../core/pcm';
import { createTpdfDither } from './tpdfDither';
import { BITS_PER_SAMPLE, encodeWavHeader } from './wavHeader';
import type { WavChunk } from './wavHeader';
import { joinPieces } from './joinPieces';

export interface WavEncodeOptions {
  readonly sampleFormat: PcmSampleFormat;
  /** TPDF dither before integer rounding (meant for 16-bit export); default 'none'. Not allowed with float32. */
  readonly dither?: 'none' | 'tpdf';
  /** Seed of the dither generator, so that renders are reproducible; default 1. */
  readonly ditherSeed?: number;
  /** dwChannelMask to write; default `audio.channelMask`. Forces WAVE_FORMAT_EXTENSIBLE. */
  readonly channelMask?: number;
  /** Chunks written before `data` (an ADM BWF's `chna` and `axml`). */
  readonly chunks?: readonly WavChunk[];
  /** The 64-bit form for files beyond 4 GiB; default RF64 (EBU Tech 3306), BW64 for ADM (ITU-R BS.2088). */
  readonly largeForm?: 'RF64' | 'BW64';
  /** Write the 64-bit form even for a small file. */
  readonly forceLargeForm?: boolean;
}

/** Audio handed over a block at a time: `read(start, count)` returns `count` frames of every channel from frame `start`. */
export interface WavSampleSource {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly frameCount: number;
  read(startFrame: number, frameCount: number): readonly Float32Array[];
}

const DEFAULT_DITHER_SEED = 1;
const DEFAULT_BLOCK_FRAMES = 65536;

/** Encodes `audio` as a WAV file. Throws a RangeError for audio or options it cannot write. */
export function encodeWav(audio: PcmAudio, options: WavEncodeOptions): Uint8Array {
  const frameCount = audio.channels[0]?.length ?? 0;
  audio.channels.forEach((channel, c) => {
    if (channel.length !== frameCount) throw new RangeError(`encodeWav: channel ${c} has ${channel.length} frames (expected ${frameCount}, as channel 0)`);
  });
  const source: WavSampleSource = {
    sampleRateHz: audio.sampleRateHz,
    channelCount: audio.channels.length,
    frameCount,
    read: (start, count) => audio.channels.map((channel) => channel.subarray(start, start + count)),
  };
  const channelMask = options.channelMask ?? audio.channelMask;
  return joinPieces(encodeWavPieces(source, channelMask === undefined ? options : { ...options, channelMask }, Math.max(1, frameCount)));
}

/**
 * The bytes of a WAV file in order: the header, the samples in blocks of `blockFrames`
 * frames, then the pad byte of an odd data size. Their concatenation is the file.
 */
export function* encodeWavPieces(source: WavSampleSource, options: WavEncodeOptions, blockFrames = DEFAULT_BLOCK_FRAMES): Generator<Uint8Array> {
  const { sampleFormat, dither = 'none', ditherSeed = DEFAULT_DITHER_SEED } = options;
  if (sampleFormat === 'float32' && dither !== 'none') throw new RangeError(`encodeWav: dither '${dither}' with float32 samples (expected dither 'none' for float output)`);
  const header = encodeWavHeader({
    sampleRateHz: source.sampleRateHz,
    channelCount: source.channelCount,
    frameCount: source.frameCount,
    sampleFormat,
    ...(options.channelMask === undefined ? {} : { channelMask: options.channelMask }),
    ...(options.chunks === undefined ? {} : { chunks: options.chunks }),
    ...(options.largeForm === undefined ? {} : { largeForm: options.largeForm }),
    ...(options.forceLargeForm === undefined ? {} : { forceLargeForm: options.forceLargeForm }),
  });
  yield header.bytes;
  const bits = BITS_PER_SAMPLE[sampleFormat];
  const ditherValue = dither === 'tpdf' ? createTpdfDither(ditherSeed) : undefined;
  for (let start = 0; start < source.frameCount; start += blockFrames) {
    const count = Math.min(blockFrames, source.frameCount - start);
    const channels = source.read(start, count);
    checkBlock(channels, source.channelCount, start, count);
    const block = new Uint8Array(count * source.channelCount * (bits / 8));
    const view = new DataView(block.buffer);
    if (sampleFormat === 'float32') writeFloat32(view, channels, count);
    else writeIntegers(view, channels, count, bits, ditherValue);
    yield block;
  }
  if (header.padBytes > 0) yield new Uint8Array(header.padBytes);
}

function checkBlock(channels: readonly Float32Array[], channelCount: number, start: number, count: number): void {
  if (channels.length !== channelCount) throw new RangeError(`encodeWav: a block of ${channels.length} channels (expected ${channelCount})`);
  channels.forEach((channel, c) => {
    if (channel.length !== count) throw new RangeError(`encodeWav: channel ${c} gave ${channel.length} frames from frame ${start} (expected ${count})`);
    for (let f = 0; f < count; f++) {
      if (!Number.isFinite(channel[f])) throw new RangeError(`encodeWav: sample ${channel[f]} at frame ${start + f}, channel ${c} (expected finite samples)`);
    }
  });
}

function writeFloat32(view: DataView, channels: readonly Float32Array[], frameCount: number): void {
  const channelCount = channels.length;
  channels.forEach((channel, c) => {
    let p = c * 4;
    for (let f = 0; f < frameCount; f++, p += channelCount * 4) view.setFloat32(p, channel[f] ?? 0, true);
  });
}

/** Writes frame by frame, so the dither sequence runs in file order and is independent per sample. */
function writeIntegers(view: DataView, channels: readonly Float32Array[], frameCount: number, bits: number, dither: (() => number) | undefined): void {
  const scale = 2 ** (bits - 1);
  const min = -scale;
  const max = scale - 1;
  let p = 0;
  for (let f = 0; f < frameCount; f++) {
    for (const channel of channels) {
      const scaled = (channel[f] ?? 0) * scale + (dither === undefined ? 0 : dither());
      const q = Math.min(max, Math.max(min, Math.round(scaled)));
      if (bits === 16) {
        view.setInt16(p, q, true);
        p += 2;
      } else {
        view.setUint8(p, q & 0xff);
        view.setUint8(p + 1, (q >> 8) & 0xff);
        view.setUint8(p + 2, (q >> 16) & 0xff);
        p += 3;
      }
    }
  }
}
