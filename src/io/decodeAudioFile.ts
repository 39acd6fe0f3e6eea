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
      throw new FieldError(fileName, '', `unrecognised audio file: ${describeKind(bytes)} (expected ${SUPPORTED_AUDIO_FORMATS})`);
  }
}

/**
 * What the file looks like, never what it holds: its bytes are the user's (a mistyped stem
 * path can name any file), so errors give their count and whether they read as text.
 */
function describeKind(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  const head = bytes.subarray(0, 512);
  const isText = head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b !== 0x7f));
  return `${bytes.length} bytes of ${isText ? 'text' : 'data in another format'}`;
}
