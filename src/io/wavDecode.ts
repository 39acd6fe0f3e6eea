/**
 * WAV decoding: RIFF/RF64/BW64 WAVE files with integer PCM (8, 16, 24, 32 bit; any
 * wBitsPerSample up to 32, left-justified in whole bytes), IEEE float (32, 64 bit) or
 * WAVE_FORMAT_EXTENSIBLE with the PCM or float SubFormat, any channel count.
 *
 * Integer samples decode as value / 2^(containerBits - 1), so full scale is [-1, 1) and
 * 16- and 24-bit values are exact in float32. Unknown chunks are skipped. A data chunk
 * whose declared size runs past the end of the file is truncated to the whole frames
 * present, as many recorders and streaming writers leave such files, with a warning in the
 * result saying how much was declared and read. Format facts: see
 * wavFormat.ts and riff.ts.
 */
import { FieldError } from '../core/fieldError';
import { MAX_FILE_SAMPLE_RATE_HZ, MIN_FILE_SAMPLE_RATE_HZ, isReadableSampleRate } from '../core/pcm';
import type { PcmAudio } from '../core/pcm';
import { printableFourCC, readFourCC, riffChunks, riffForm } from './riff';
import type { RiffChunk } from './riff';
import {
  EXTENSIBLE_CB_SIZE,
  FMT_EXTENSIBLE_BYTES,
  FMT_PCM_BYTES,
  KSDATAFORMAT_GUID_TAIL,
  WAVE_FORMAT_EXTENSIBLE,
  WAVE_FORMAT_IEEE_FLOAT,
  WAVE_FORMAT_PCM,
  hex16,
} from './wavFormat';
import type { SampleEncoding } from './wavFormat';

const STREAMING_DATA_SIZE = 0xffffffff;

interface WavFormat {
  readonly channelCount: number;
  readonly sampleRateHz: number;
  readonly blockAlignBytes: number;
  readonly encoding: SampleEncoding;
  readonly channelMask?: number;
}

/** Decodes a WAV file's bytes; throws a FieldError naming `fileName` for anything it cannot read. */
export function decodeWav(bytes: Uint8Array, fileName: string): PcmAudio {
  const form = riffForm(bytes, 'WAVE');
  if (form === undefined) {
    // The container's own ids only: the bytes of a file that is not one are not echoed.
    const found = riffForm(bytes, readFourCC(bytes, 8)) === undefined ? `${bytes.length} bytes in another format` : `a ${readFourCC(bytes, 0)} file of form ${printableFourCC(readFourCC(bytes, 8))}`;
    throw new FieldError(fileName, '', `not a WAV file: found ${found} (expected "RIFF", "RF64" or "BW64" then "WAVE")`);
  }
  let fmtChunk: RiffChunk | undefined;
  let dataChunk: RiffChunk | undefined;
  for (const chunk of riffChunks(bytes, form, fileName)) {
    if (chunk.id === 'fmt ' && fmtChunk === undefined) fmtChunk = chunk;
    if (chunk.id === 'data' && dataChunk === undefined) dataChunk = chunk;
    if (fmtChunk !== undefined && dataChunk !== undefined) break;
  }
  if (fmtChunk === undefined) throw new FieldError(fileName, '', 'no complete "fmt " chunk found (expected one before the audio data)');
  if (fmtChunk.availableSize < fmtChunk.declaredSize) {
    throw new FieldError(fileName, '', `"fmt " chunk declares ${fmtChunk.declaredSize} bytes but only ${fmtChunk.availableSize} remain in the file`);
  }
  if (dataChunk === undefined) throw new FieldError(fileName, '', 'no "data" chunk found (expected one holding the audio samples)');
  const format = parseFmt(bytes, fmtChunk, fileName);
  const frameCount = Math.floor(dataChunk.availableSize / format.blockAlignBytes);
  const channels = decodeSamples(bytes, dataChunk.bodyOffset, frameCount, format, fileName);
  // 0xFFFFFFFF is the streaming writers' "to the end of the file": not a file cut short.
  const cutShort = dataChunk.availableSize < dataChunk.declaredSize && dataChunk.declaredSize !== STREAMING_DATA_SIZE;
  const warnings =
    cutShort
      ? [`"data" chunk declares ${dataChunk.declaredSize} bytes but the file ends after ${dataChunk.availableSize} of them; read the ${frameCount} whole frames there`]
      : [];
  return {
    sampleRateHz: format.sampleRateHz,
    channels,
    ...(format.channelMask === undefined ? {} : { channelMask: format.channelMask }),
    ...(warnings.length === 0 ? {} : { warnings }),
  };
}

/**
 * How a WAV file stores its samples (its "fmt " chunk): integer PCM of 8-32 bits or float,
 * for a report of the file's format (a delivery check's bit depth). Throws a FieldError as
 * decodeWav does for a file without a readable "fmt " chunk.
 */
export function wavSampleEncoding(bytes: Uint8Array, fileName: string): SampleEncoding {
  const form = riffForm(bytes, 'WAVE');
  if (form === undefined) throw new FieldError(fileName, '', 'not a WAV file (expected "RIFF", "RF64" or "BW64" then "WAVE")');
  for (const chunk of riffChunks(bytes, form, fileName)) {
    if (chunk.id === 'fmt ' && chunk.availableSize >= chunk.declaredSize) return parseFmt(bytes, chunk, fileName).encoding;
  }
  throw new FieldError(fileName, '', 'no complete "fmt " chunk found (expected one before the audio data)');
}

function parseFmt(bytes: Uint8Array, chunk: RiffChunk, fileName: string): WavFormat {
  if (chunk.declaredSize < FMT_PCM_BYTES) {
    throw new FieldError(fileName, '', `"fmt " chunk of ${chunk.declaredSize} bytes (expected at least ${FMT_PCM_BYTES})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + chunk.bodyOffset, chunk.declaredSize);
  const formatTag = view.getUint16(0, true);
  const channelCount = view.getUint16(2, true);
  const sampleRateHz = view.getUint32(4, true);
  const blockAlignBytes = view.getUint16(12, true);
  const bitsPerSample = view.getUint16(14, true);
  if (channelCount === 0) throw new FieldError(fileName, '', 'fmt nChannels is 0 (expected at least 1 channel)');
  if (sampleRateHz === 0) throw new FieldError(fileName, '', 'fmt nSamplesPerSec is 0 (expected a positive sample rate)');
  if (!isReadableSampleRate(sampleRateHz)) {
    throw new FieldError(fileName, '', `fmt nSamplesPerSec is ${sampleRateHz} Hz (expected ${MIN_FILE_SAMPLE_RATE_HZ} to ${MAX_FILE_SAMPLE_RATE_HZ} Hz)`);
  }

  let sampleTag = formatTag;
  let channelMask: number | undefined;
  if (formatTag === WAVE_FORMAT_EXTENSIBLE) {
    const cbSize = chunk.declaredSize >= FMT_PCM_BYTES + 2 ? view.getUint16(16, true) : 0;
    if (chunk.declaredSize < FMT_EXTENSIBLE_BYTES || cbSize < EXTENSIBLE_CB_SIZE) {
      throw new FieldError(
        fileName,
        '',
        `WAVE_FORMAT_EXTENSIBLE "fmt " chunk of ${chunk.declaredSize} bytes with cbSize ${cbSize} (expected at least ${FMT_EXTENSIBLE_BYTES} bytes and cbSize ${EXTENSIBLE_CB_SIZE})`,
      );
    }
    channelMask = view.getUint32(20, true);
    sampleTag = view.getUint16(24, true);
    const tailMatches = KSDATAFORMAT_GUID_TAIL.every((byte, i) => view.getUint8(26 + i) === byte);
    if (!tailMatches || (sampleTag !== WAVE_FORMAT_PCM && sampleTag !== WAVE_FORMAT_IEEE_FLOAT)) {
      throw new FieldError(fileName, '', `unsupported EXTENSIBLE SubFormat ${formatGuid(view, 24)} (expected KSDATAFORMAT_SUBTYPE_PCM or KSDATAFORMAT_SUBTYPE_IEEE_FLOAT)`);
    }
  } else if (formatTag !== WAVE_FORMAT_PCM && formatTag !== WAVE_FORMAT_IEEE_FLOAT) {
    throw new FieldError(fileName, '', `unsupported WAV format tag ${hex16(formatTag)} (expected PCM 1, IEEE float 3 or EXTENSIBLE 0xFFFE)`);
  }

  const encoding = sampleEncoding(sampleTag, bitsPerSample, fileName);
  const expectedBlockAlign = channelCount * (encoding.bits / 8);
  if (blockAlignBytes !== expectedBlockAlign) {
    throw new FieldError(fileName, '', `fmt nBlockAlign is ${blockAlignBytes} (expected ${expectedBlockAlign} = ${channelCount} channels x ${encoding.bits / 8} bytes)`);
  }
  const base = { channelCount, sampleRateHz, blockAlignBytes, encoding };
  return channelMask === undefined ? base : { ...base, channelMask };
}

/** Storage of one sample; integer bit depths that are not whole bytes sit left-justified in the next whole byte. */
function sampleEncoding(sampleTag: number, bitsPerSample: number, fileName: string): SampleEncoding {
  if (sampleTag === WAVE_FORMAT_IEEE_FLOAT) {
    if (bitsPerSample === 32 || bitsPerSample === 64) return { kind: 'float', bits: bitsPerSample };
    throw new FieldError(fileName, '', `IEEE float WAV with ${bitsPerSample} bits per sample (expected 32 or 64)`);
  }
  const containerBits = Math.ceil(bitsPerSample / 8) * 8;
  if (bitsPerSample >= 1 && (containerBits === 8 || containerBits === 16 || containerBits === 24 || containerBits === 32)) {
    return { kind: 'int', bits: containerBits };
  }
  throw new FieldError(fileName, '', `PCM WAV with ${bitsPerSample} bits per sample (expected 1 to 32)`);
}

/** A GUID in registry form, {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}, from its on-disk bytes. */
function formatGuid(view: DataView, offset: number): string {
  const hex = (value: number, digits: number): string => value.toString(16).toUpperCase().padStart(digits, '0');
  const bytesHex = (from: number, to: number): string => {
    let text = '';
    for (let i = from; i < to; i++) text += hex(view.getUint8(offset + i), 2);
    return text;
  };
  return `{${hex(view.getUint32(offset, true), 8)}-${hex(view.getUint16(offset + 4, true), 4)}-${hex(view.getUint16(offset + 6, true), 4)}-${bytesHex(8, 10)}-${bytesHex(10, 16)}}`;
}

/** De-interleaves `frameCount` frames starting at `offset` into planar float channels. */
function decodeSamples(bytes: Uint8Array, offset: number, frameCount: number, format: WavFormat, fileName: string): Float32Array[] {
  const { channelCount, blockAlignBytes, encoding } = format;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, frameCount * blockAlignBytes);
  const sampleBytes = encoding.bits / 8;
  const channels: Float32Array[] = [];
  for (let c = 0; c < channelCount; c++) {
    const out = new Float32Array(frameCount);
    let p = c * sampleBytes;
    if (encoding.kind === 'float') {
      for (let f = 0; f < frameCount; f++, p += blockAlignBytes) {
        const value = Math.fround(encoding.bits === 32 ? view.getFloat32(p, true) : view.getFloat64(p, true));
        if (!Number.isFinite(value)) {
          throw new FieldError(fileName, '', `sample ${value} at frame ${f}, channel ${c} (expected finite float samples)`);
        }
        out[f] = value;
      }
    } else {
      const scale = 2 ** -(encoding.bits - 1);
      switch (encoding.bits) {
        case 8:
          for (let f = 0; f < frameCount; f++, p += blockAlignBytes) out[f] = (view.getUint8(p) - 128) * scale;
          break;
        case 16:
          for (let f = 0; f < frameCount; f++, p += blockAlignBytes) out[f] = view.getInt16(p, true) * scale;
          break;
        case 24:
          for (let f = 0; f < frameCount; f++, p += blockAlignBytes) {
            // Assemble the 24-bit word in the top of an int32, then shift back to sign-extend.
            out[f] = (((view.getUint8(p) << 8) | (view.getUint8(p + 1) << 16) | (view.getUint8(p + 2) << 24)) >> 8) * scale;
          }
          break;
        case 32:
          for (let f = 0; f < frameCount; f++, p += blockAlignBytes) out[f] = view.getInt32(p, true) * scale;
          break;
      }
    }
    channels.push(out);
  }
  return channels;
}
