/**
 * Recognises an audio file by its first bytes, not by its name.
 *
 * - WAV: `RIFF`, `RF64` or `BW64`, then `WAVE` at offset 8 (riff.ts).
 * - FLAC: the stream marker `fLaC` (RFC 9639, section 6).
 * - MP3 (MPEG-1/2/2.5 audio): an ID3v2 tag, `ID3` with a 4-byte syncsafe size at offset 6
 *   (id3.org, ID3v2.4.0 structure, section 3.1; a footer adds 10 bytes when flag bit 4 is
 *   set), or a frame header: 11 sync bits, then version != 01 (reserved), layer != 00
 *   (reserved), bitrate index != 1111 and sample rate index != 11 (ISO/IEC 11172-3
 *   section 2.4.2.3; MPEG-2.5 extension). A FLAC stream behind an ID3v2 tag, as some
 *   taggers write, is recognised as FLAC.
 */
import { riffForm } from './riff';

export type AudioFileFormat = 'wav' | 'flac' | 'mp3';

/** Human-readable list of what `sniffAudioFormat` recognises, for error messages. */
export const SUPPORTED_AUDIO_FORMATS = 'WAV (RIFF/RF64/BW64 WAVE), FLAC (fLaC) or MP3 (ID3 tag or MPEG audio frame)';

const ID3_HEADER_BYTES = 10;
const ID3_FOOTER_FLAG = 0x10;

/** The format of `bytes`, or undefined when none of the supported signatures is there. */
export function sniffAudioFormat(bytes: Uint8Array): AudioFileFormat | undefined {
  if (riffForm(bytes, 'WAVE') !== undefined) return 'wav';
  if (startsWithAscii(bytes, 0, 'fLaC')) return 'flac';
  const id3Bytes = id3v2TagBytes(bytes);
  if (id3Bytes !== undefined) return startsWithAscii(bytes, id3Bytes, 'fLaC') ? 'flac' : 'mp3';
  return isMpegAudioFrameHeader(bytes, 0) ? 'mp3' : undefined;
}

function startsWithAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Total size of an ID3v2 tag at the start of `bytes` (header, body, footer), or undefined when there is none. */
function id3v2TagBytes(bytes: Uint8Array): number | undefined {
  if (bytes.length < ID3_HEADER_BYTES || !startsWithAscii(bytes, 0, 'ID3')) return undefined;
  const sizeBytes = bytes.subarray(6, 10);
  if ((bytes[3] ?? 0xff) === 0xff || sizeBytes.some((b) => b >= 0x80)) return undefined;
  const bodyBytes = sizeBytes.reduce((size, b) => size * 128 + b, 0);
  const footerBytes = ((bytes[5] ?? 0) & ID3_FOOTER_FLAG) !== 0 ? ID3_HEADER_BYTES : 0;
  return ID3_HEADER_BYTES + bodyBytes + footerBytes;
}

function isMpegAudioFrameHeader(bytes: Uint8Array, offset: number): boolean {
  const b0 = bytes[offset];
  const b1 = bytes[offset + 1];
  const b2 = bytes[offset + 2];
  if (b0 === undefined || b1 === undefined || b2 === undefined) return false;
  const versionBits = (b1 >> 3) & 0b11;
  const layerBits = (b1 >> 1) & 0b11;
  const bitrateIndex = b2 >> 4;
  const sampleRateIndex = (b2 >> 2) & 0b11;
  return b0 === 0xff && (b1 & 0xe0) === 0xe0 && versionBits !== 0b01 && layerBits !== 0b00 && bitrateIndex !== 0b1111 && sampleRateIndex !== 0b11;
}
