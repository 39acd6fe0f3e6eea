/** WAV (RIFF/RF64/BW64 WAVE) codec: the public entry point of wavDecode.ts, wavEncode.ts and wavHeader.ts. */
export { decodeWav } from './wavDecode';
export { encodeWav, encodeWavPieces } from './wavEncode';
export type { WavEncodeOptions, WavSampleSource } from './wavEncode';
export { encodeWavHeader } from './wavHeader';
export type { WavChunk, WavHeader, WavHeaderFields } from './wavHeader';
