/**
 * WAV encoding: 16- or 24-bit integer PCM or 32-bit IEEE float, interleaved.
 *
 * Layout: `RIFF` header, `fmt `, a `fact` chunk (frame count) for float data (the 1991
 * RIFF specification requires it for every non-PCM format), then `data`, padded to an
 * even size. The fmt chunk is WAVE_FORMAT_EXTENSIBLE (40 bytes, SubFormat PCM or float,
 * wValidBitsPerSample = wBitsPerSample) when there are more than 2 channels or a channel
 * mask is known, as Microsoft requires for multichannel files; otherwise plain PCM
 * (16 bytes) or IEEE float (WAVEFORMATEX, 18 bytes with cbSize 0). Format facts: see
 * wavFormat.ts.
 *
 * Integer conversion: q = round(x * 2^(bits-1) [+ TPDF dither]), clamped to
 * [-2^(bits-1), 2^(bits-1) - 1]. Clipping is not reported here; that is the caller's job.
 * Decoding divides by 2^(bits-1), so samples on that grid round-trip exactly.
 */
import type { PcmAudio, PcmSampleFormat } from '../core/pcm';
import { writeFourCC } from './riff';
import { createTpdfDither } from './tpdfDither';
import {
  EXTENSIBLE_CB_SIZE,
  FMT_EX_BYTES,
  FMT_EXTENSIBLE_BYTES,
  FMT_PCM_BYTES,
  KSDATAFORMAT_GUID_TAIL,
  WAVE_FORMAT_EXTENSIBLE,
  WAVE_FORMAT_IEEE_FLOAT,
  WAVE_FORMAT_PCM,
} from './wavFormat';


export interface WavEncodeOptions {
  readonly sampleFormat: PcmSampleFormat;
  /** TPDF dither before integer rounding (meant for 16-bit export); default 'none'. Not allowed with float32. */
  readonly dither?: 'none' | 'tpdf';
  /** Seed of the dither generator, so that renders are reproducible; default 1. */
  readonly ditherSeed?: number;
  /** dwChannelMask to write; default `audio.channelMask`. Forces WAVE_FORMAT_EXTENSIBLE. */
  readonly channelMask?: number;
}

const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;
const FACT_BYTES = 4;
const MAX_RIFF_SIZE = 0xffffffff;
const DEFAULT_DITHER_SEED = 1;

const BITS_PER_SAMPLE: Readonly<Record<PcmSampleFormat, number>> = { pcm16: 16, pcm24: 24, float32: 32 };

/** Encodes `audio` as a WAV file. Throws a RangeError for audio or options it cannot write. */
export function encodeWav(audio: PcmAudio, options: WavEncodeOptions): Uint8Array {
  const { sampleFormat, dither = 'none', ditherSeed = DEFAULT_DITHER_SEED } = options;
  const channelMask = options.channelMask ?? audio.channelMask;
  const channelCount = audio.channels.length;
  const frameCount = audio.channels[0]?.length ?? 0;
  validate(audio, channelCount, frameCount, channelMask);
  const isFloat = sampleFormat === 'float32';
  if (isFloat && dither !== 'none') throw new RangeError(`encodeWav: dither '${dither}' with float32 samples (expected dither 'none' for float output)`);

  const bits = BITS_PER_SAMPLE[sampleFormat];
  const blockAlignBytes = channelCount * (bits / 8);
  const dataBytes = frameCount * blockAlignBytes;
  const extensible = channelCount > 2 || channelMask !== undefined;
  const fmtBytes = extensible ? FMT_EXTENSIBLE_BYTES : isFloat ? FMT_EX_BYTES : FMT_PCM_BYTES;
  const factChunkBytes = isFloat ? CHUNK_HEADER_BYTES + FACT_BYTES : 0;
  const dataOffset = RIFF_HEADER_BYTES + CHUNK_HEADER_BYTES + fmtBytes + factChunkBytes + CHUNK_HEADER_BYTES;
  const totalBytes = dataOffset + dataBytes + (dataBytes % 2);
  if (totalBytes - CHUNK_HEADER_BYTES > MAX_RIFF_SIZE) {
    throw new RangeError(`encodeWav: ${totalBytes} bytes exceed the 4 GiB size limit of a RIFF file`);
  }

  const bytes = new Uint8Array(totalBytes);
  const view = new DataView(bytes.buffer);
  writeFourCC(bytes, 0, 'RIFF');
  view.setUint32(4, totalBytes - CHUNK_HEADER_BYTES, true);
  writeFourCC(bytes, 8, 'WAVE');

  let offset = RIFF_HEADER_BYTES;
  writeFourCC(bytes, offset, 'fmt ');
  view.setUint32(offset + 4, fmtBytes, true);
  const fmt = offset + CHUNK_HEADER_BYTES;
  const sampleTag = isFloat ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM;
  view.setUint16(fmt, extensible ? WAVE_FORMAT_EXTENSIBLE : sampleTag, true);
  view.setUint16(fmt + 2, channelCount, true);
  view.setUint32(fmt + 4, audio.sampleRateHz, true);
  view.setUint32(fmt + 8, audio.sampleRateHz * blockAlignBytes, true);
  view.setUint16(fmt + 12, blockAlignBytes, true);
  view.setUint16(fmt + 14, bits, true);
  if (fmtBytes >= FMT_EX_BYTES) view.setUint16(fmt + 16, extensible ? EXTENSIBLE_CB_SIZE : 0, true);
  if (extensible) {
    view.setUint16(fmt + 18, bits, true);
    view.setUint32(fmt + 20, channelMask ?? 0, true);
    view.setUint16(fmt + 24, sampleTag, true);
    bytes.set(KSDATAFORMAT_GUID_TAIL, fmt + 26);
  }
  offset = fmt + fmtBytes;

  if (isFloat) {
    writeFourCC(bytes, offset, 'fact');
    view.setUint32(offset + 4, FACT_BYTES, true);
    view.setUint32(offset + 8, frameCount, true);
    offset += factChunkBytes;
  }

  writeFourCC(bytes, offset, 'data');
  view.setUint32(offset + 4, dataBytes, true);
  if (isFloat) writeFloat32(view, dataOffset, audio.channels);
  else writeIntegers(view, dataOffset, audio.channels, bits, dither === 'tpdf' ? createTpdfDither(ditherSeed) : undefined);
  return bytes;
}

function validate(audio: PcmAudio, channelCount: number, frameCount: number, channelMask: number | undefined): void {
  const rateHz = audio.sampleRateHz;
  if (!Number.isInteger(rateHz) || rateHz < 1 || rateHz > 0xffffffff) {
    throw new RangeError(`encodeWav: sample rate ${rateHz} Hz (expected a positive integer below 2^32, as WAV stores it)`);
  }
  if (channelCount < 1 || channelCount > 0xffff) throw new RangeError(`encodeWav: ${channelCount} channels (expected 1 to 65535)`);
  audio.channels.forEach((channel, c) => {
    if (channel.length !== frameCount) throw new RangeError(`encodeWav: channel ${c} has ${channel.length} frames (expected ${frameCount}, as channel 0)`);
    for (let f = 0; f < frameCount; f++) {
      if (!Number.isFinite(channel[f])) throw new RangeError(`encodeWav: sample ${channel[f]} at frame ${f}, channel ${c} (expected finite samples)`);
    }
  });
  if (channelMask !== undefined && (!Number.isInteger(channelMask) || channelMask < 0 || channelMask > 0xffffffff)) {
    throw new RangeError(`encodeWav: channel mask ${channelMask} (expected an unsigned 32-bit integer)`);
  }
}

function writeFloat32(view: DataView, dataOffset: number, channels: readonly Float32Array[]): void {
  const channelCount = channels.length;
  channels.forEach((channel, c) => {
    let p = dataOffset + c * 4;
    for (let f = 0; f < channel.length; f++, p += channelCount * 4) view.setFloat32(p, channel[f] ?? 0, true);
  });
}

/** Writes frame by frame, so the dither sequence runs in file order and is independent per sample. */
function writeIntegers(view: DataView, dataOffset: number, channels: readonly Float32Array[], bits: number, dither: (() => number) | undefined): void {
  const scale = 2 ** (bits - 1);
  const min = -scale;
  const max = scale - 1;
  const frameCount = channels[0]?.length ?? 0;
  let p = dataOffset;
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
