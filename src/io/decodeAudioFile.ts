/**
 * Decodes a stem or other audio file to planar float PCM, choosing the codec by the file's
 * content (sniffAudioFormat.ts), never by its name: WAV here (wavDecode.ts), FLAC and MP3
 * through WebAssembly decoders (decodeCompressed.ts).
 */
import { FieldError } from '../core/fieldError';
import type { PcmAudio } from '../core/pcm';
import { decodeFlac, decodeMp3 } from './decodeCompressed';
import { SUPPORTED_AUDIO_FORMATS, sniffAudioFormat } from './sniffAudioFormat';
import { decodeWav } from './wavDecode';

/** Decodes `bytes`; rejects with a FieldError naming `fileName` when the file is not a supported, valid audio file. */
export async function decodeAudioFile(bytes: Uint8Array, fileName: string): Promise<PcmAudio> {
  switch (sniffAudioFormat(bytes)) {
    case 'wav':
      return decodeWav(bytes, fileName);
    case 'flac':
      return decodeFlac(bytes, fileName);
    case 'mp3':
      return decodeMp3(bytes, fileName);
    case undefined:
      throw new FieldError(fileName, '', `unrecognised audio file starting with ${describeStart(bytes)} (expected ${SUPPORTED_AUDIO_FORMATS})`);
  }
}

/** The first bytes in hex, or "an empty file". */
function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'nothing (an empty file)';
  const shownBytes = 8;
  const hex = Array.from(bytes.subarray(0, shownBytes), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `bytes ${hex}${bytes.length > shownBytes ? ' ...' : ''}`;
}
