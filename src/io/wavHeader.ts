/**
 * The bytes of a WAVE file before its samples: the RIFF, RF64 or BW64 header, a `ds64`
 * chunk for the 64-bit forms, `fmt `, a `fact` chunk for float data, any extra chunks
 * (an ADM BWF's `chna` and `axml`), then the `data` chunk's header.
 *
 * A file whose RIFF size (file size - 8) or data size exceeds 2^32 - 1 cannot be RIFF: it
 * is written as RF64 (EBU Tech 3306) or BW64 (ITU-R BS.2088), whose 32-bit size fields
 * hold 0xFFFFFFFF and whose `ds64` chunk, first after the header, holds u64 RIFF size, u64
 * data size, u64 sample count (frames) and an empty table (table length 0). The fmt
 * chunk is WAVE_FORMAT_EXTENSIBLE (40 bytes, SubFormat PCM or float, wValidBitsPerSample =
 * wBitsPerSample) when there are more than 2 channels or a channel mask is given, as
 * Microsoft requires for multichannel files; otherwise plain PCM (16 bytes) or IEEE float
 * (WAVEFORMATEX, 18 bytes with cbSize 0). Format facts: see wavFormat.ts.
 */
import type { PcmSampleFormat } from '../core/pcm';
import { writeFourCC } from './riff';
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

/** A chunk written as it is between the format chunks and `data`. */
export interface WavChunk {
  /** Four ASCII characters. */
  readonly id: string;
  readonly body: Uint8Array;
}

/** What a WAVE header describes. */
export interface WavHeaderFields {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly frameCount: number;
  readonly sampleFormat: PcmSampleFormat;
  /** dwChannelMask; forces WAVE_FORMAT_EXTENSIBLE. */
  readonly channelMask?: number;
  /** Chunks after the format chunks, before `data`. */
  readonly chunks?: readonly WavChunk[];
  /** The 64-bit form used when the file does not fit RIFF; default RF64. */
  readonly largeForm?: 'RF64' | 'BW64';
  /** Write the 64-bit form even when RIFF would do (a file that may grow, and the tests). */
  readonly forceLargeForm?: boolean;
}

/** The header, and the data size and trailing pad byte count that follow it. */
export interface WavHeader {
  readonly bytes: Uint8Array;
  readonly form: 'RIFF' | 'RF64' | 'BW64';
  readonly dataBytes: number;
  readonly padBytes: number;
}

export const BITS_PER_SAMPLE: Readonly<Record<PcmSampleFormat, number>> = { pcm16: 16, pcm24: 24, float32: 32 };

const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;
const DS64_BODY_BYTES = 28;
const FACT_BYTES = 4;
const MAX_U32 = 0xffffffff;
const TWO_POW_32 = 0x1_0000_0000;

/** The header of a WAVE file of these fields. Throws a RangeError for fields no WAVE file can hold. */
export function encodeWavHeader(fields: WavHeaderFields): WavHeader {
  validate(fields);
  const { sampleRateHz, channelCount, frameCount, sampleFormat, channelMask, chunks = [] } = fields;
  const isFloat = sampleFormat === 'float32';
  const bits = BITS_PER_SAMPLE[sampleFormat];
  const blockAlignBytes = channelCount * (bits / 8);
  const dataBytes = frameCount * blockAlignBytes;
  const padBytes = dataBytes % 2;
  const extensible = channelCount > 2 || channelMask !== undefined;
  const fmtBytes = extensible ? FMT_EXTENSIBLE_BYTES : isFloat ? FMT_EX_BYTES : FMT_PCM_BYTES;
  const chunkBytes = (size: number): number => CHUNK_HEADER_BYTES + size + (size % 2);
  const bodyBytesWithoutDs64 =
    4 + chunkBytes(fmtBytes) + (isFloat ? chunkBytes(FACT_BYTES) : 0) + chunks.reduce((sum, c) => sum + chunkBytes(c.body.length), 0) + CHUNK_HEADER_BYTES;
  const fitsRiff = bodyBytesWithoutDs64 + dataBytes + padBytes <= MAX_U32;
  const large = fields.forceLargeForm === true || !fitsRiff;
  const form = large ? (fields.largeForm ?? 'RF64') : 'RIFF';
  const headerBytes = RIFF_HEADER_BYTES - 4 + bodyBytesWithoutDs64 + (large ? chunkBytes(DS64_BODY_BYTES) : 0);
  const riffSize = headerBytes - CHUNK_HEADER_BYTES + dataBytes + padBytes;

  const bytes = new Uint8Array(headerBytes);
  const view = new DataView(bytes.buffer);
  writeFourCC(bytes, 0, form);
  view.setUint32(4, large ? MAX_U32 : riffSize, true);
  writeFourCC(bytes, 8, 'WAVE');
  let offset = RIFF_HEADER_BYTES;
  const chunkHeader = (id: string, size: number): number => {
    writeFourCC(bytes, offset, id);
    view.setUint32(offset + 4, size, true);
    const body = offset + CHUNK_HEADER_BYTES;
    offset = body + size + (size % 2);
    return body;
  };
  if (large) {
    const ds64 = chunkHeader('ds64', DS64_BODY_BYTES);
    setU64(view, ds64, riffSize);
    setU64(view, ds64 + 8, dataBytes);
    setU64(view, ds64 + 16, frameCount);
    view.setUint32(ds64 + 24, 0, true);
  }
  const fmt = chunkHeader('fmt ', fmtBytes);
  const sampleTag = isFloat ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM;
  view.setUint16(fmt, extensible ? WAVE_FORMAT_EXTENSIBLE : sampleTag, true);
  view.setUint16(fmt + 2, channelCount, true);
  view.setUint32(fmt + 4, sampleRateHz, true);
  view.setUint32(fmt + 8, sampleRateHz * blockAlignBytes, true);
  view.setUint16(fmt + 12, blockAlignBytes, true);
  view.setUint16(fmt + 14, bits, true);
  if (fmtBytes >= FMT_EX_BYTES) view.setUint16(fmt + 16, extensible ? EXTENSIBLE_CB_SIZE : 0, true);
  if (extensible) {
    view.setUint16(fmt + 18, bits, true);
    view.setUint32(fmt + 20, channelMask ?? 0, true);
    view.setUint16(fmt + 24, sampleTag, true);
    bytes.set(KSDATAFORMAT_GUID_TAIL, fmt + 26);
  }
  if (isFloat) view.setUint32(chunkHeader('fact', FACT_BYTES), Math.min(frameCount, MAX_U32), true);
  for (const { id, body } of chunks) bytes.set(body, chunkHeader(id, body.length));
  writeFourCC(bytes, offset, 'data');
  view.setUint32(offset + 4, large ? MAX_U32 : dataBytes, true);
  return { bytes, form, dataBytes, padBytes };
}

function setU64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, value % TWO_POW_32, true);
  view.setUint32(offset + 4, Math.floor(value / TWO_POW_32), true);
}

function validate(fields: WavHeaderFields): void {
  const { sampleRateHz, channelCount, frameCount, channelMask, chunks = [] } = fields;
  if (!Number.isInteger(sampleRateHz) || sampleRateHz < 1 || sampleRateHz > MAX_U32) {
    throw new RangeError(`encodeWav: sample rate ${sampleRateHz} Hz (expected a positive integer below 2^32, as WAV stores it)`);
  }
  if (!Number.isInteger(channelCount) || channelCount < 1 || channelCount > 0xffff) throw new RangeError(`encodeWav: ${channelCount} channels (expected 1 to 65535)`);
  if (!Number.isSafeInteger(frameCount * channelCount * 4) || frameCount < 0) {
    throw new RangeError(`encodeWav: ${frameCount} frames (expected a whole number whose data size stays below 2^53 bytes)`);
  }
  if (channelMask !== undefined && (!Number.isInteger(channelMask) || channelMask < 0 || channelMask > MAX_U32)) {
    throw new RangeError(`encodeWav: channel mask ${channelMask} (expected an unsigned 32-bit integer)`);
  }
  for (const { id } of chunks) {
    if (!/^[\x20-\x7e]{4}$/.test(id) || id === 'data' || id === 'fmt ' || id === 'ds64' || id === 'fact') {
      throw new RangeError(`encodeWav: extra chunk id ${JSON.stringify(id)} (expected four printable ASCII characters, not one the writer writes itself)`);
    }
  }
}
