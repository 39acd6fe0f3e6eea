/** WAV (RIFF/RF64/BW64 WAVE) codec: the public entry point of wavDecode.ts and wavEncode.ts. */
export { decodeWav } from './wavDecode';
export { encodeWav } from './wavEncode';
export type { WavEncodeOptions } from './wavEncode';
