/**
 * FLAC and MP3 decoding through the WebAssembly builds of libFLAC
 * (@wasm-audio-decoders/flac) and mpg123 (mpg123-decoder), which run in browsers and in
 * Node alike. The decoders load on first use, so pages that never open such a file never
 * fetch them.
 *
 * Both report frame errors in a list instead of throwing; any reported error, or a file
 * that decodes to nothing, is refused with the file name. MP3 output is trimmed by the
 * encoder delay and padding of a LAME/Xing header when there is one (gapless mode, the
 * decoder's default); without one it keeps the codec's padding (typically 529 samples of
 * decoder delay at the start plus the rest of the last 1152-sample frame).
 *
 * The FLAC decoder divides an integer sample q by 2^(b-1) - 1 in float32 arithmetic
 * (write_cb in eshaz/wasm-audio-decoders src/flac/src/flac_decoder.c), for bit depths
 * b = 8, 16, 24 and 32 only (its divisor is left unset for others, which are refused).
 * We rescale to q / 2^(b-1), the convention of wavDecode.ts, so a FLAC stem and its WAV
 * twin decode to the same samples: for b <= 24 the correctly rounded float32 quotient,
 * multiplied back, is within 2^-24 |q| <= 1/2 of q (below 1/2 except at q = -2^(b-1),
 * which also lands back on q), so rounding recovers q exactly; for b = 32 the divisor
 * 2^31 - 1 is already 2^31 once converted to float.
 */
import { FieldError } from '../core/fieldError';
import { MAX_FILE_SAMPLE_RATE_HZ, MIN_FILE_SAMPLE_RATE_HZ, isReadableSampleRate } from '../core/pcm';
import type { PcmAudio } from '../core/pcm';

/** What both decoders return (their typings' FLACDecodedAudio / MPEGDecodedAudio). */
interface WasmDecodedAudio {
  readonly channelData: Float32Array[];
  readonly samplesDecoded: number;
  readonly sampleRate: number;
  readonly errors: readonly { readonly message: string; readonly frameNumber: number; readonly inputBytes: number }[];
}

/** Decodes a FLAC stream (native FLAC or Ogg FLAC). */
export async function decodeFlac(bytes: Uint8Array, fileName: string): Promise<PcmAudio> {
  return wrapDecoderErrors('FLAC', fileName, async () => {
    const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
    const decoder = new FLACDecoder();
    try {
      await decoder.ready;
      const decoded = await decoder.decodeFile(bytes);
      return rescaleFlacIntegers(toPcmAudio(decoded, 'FLAC', fileName), decoded.bitDepth, fileName);
    } finally {
      decoder.free();
    }
  });
}

/** Decodes an MPEG-1/2/2.5 Layer I/II/III stream (MP3 and its relatives). */
export async function decodeMp3(bytes: Uint8Array, fileName: string): Promise<PcmAudio> {
  return wrapDecoderErrors('MP3', fileName, async () => {
    const { MPEGDecoder } = await import('mpg123-decoder');
    const decoder = new MPEGDecoder();
    try {
      await decoder.ready;
      return toPcmAudio(withoutConsoleErrors(() => decoder.decode(bytes)), 'MP3', fileName);
    } finally {
      decoder.free();
    }
  });
}

/**
 * Runs the synchronous `decode` with console.error silenced, and restores it at once:
 * mpg123-decoder prints a line per bad frame ("mpg123-decoder: -1 MPG123_ERR") besides
 * listing the errors it returns, which become one refusal naming the file. Nothing else
 * runs while `decode` does, so no other code's errors are lost.
 */
function withoutConsoleErrors<T>(decode: () => T): T {
  // Typed here: io is compiled without DOM or Node types, which declare the console.
  const { console } = globalThis as unknown as { console: { error: (...values: unknown[]) => void } };
  const consoleError = console.error;
  console.error = () => {};
  try {
    return decode();
  } finally {
    console.error = consoleError;
  }
}

/** Runs `decode`, rethrowing anything other than our own FieldError as a FieldError naming the file. */
async function wrapDecoderErrors(codec: string, fileName: string, decode: () => Promise<PcmAudio>): Promise<PcmAudio> {
  try {
    return await decode();
  } catch (error) {
    if (error instanceof FieldError) throw error;
    const wrapped = new FieldError(fileName, '', `${codec} decoder failed: ${error instanceof Error ? error.message : String(error)}`);
    wrapped.cause = error;
    throw wrapped;
  }
}

/** Maps the decoder's q / (2^(b-1) - 1) to q / 2^(b-1), in place. */
function rescaleFlacIntegers(audio: PcmAudio, bitDepth: number, fileName: string): PcmAudio {
  if (bitDepth !== 8 && bitDepth !== 16 && bitDepth !== 24 && bitDepth !== 32) {
    throw new FieldError(fileName, '', `FLAC with ${bitDepth} bits per sample (expected 8, 16, 24 or 32, the depths the decoder scales)`);
  }
  if (bitDepth === 32) return audio;
  const decoderDivisor = 2 ** (bitDepth - 1) - 1;
  const scale = 2 ** -(bitDepth - 1);
  for (const channel of audio.channels) {
    for (let i = 0; i < channel.length; i++) channel[i] = Math.round(channel[i]! * decoderDivisor) * scale;
  }
  return audio;
}

function toPcmAudio(decoded: WasmDecodedAudio, codec: string, fileName: string): PcmAudio {
  const [firstError] = decoded.errors;
  if (firstError !== undefined) {
    throw new FieldError(
      fileName,
      '',
      `${codec} decoder reported ${decoded.errors.length} error(s), the first in frame ${firstError.frameNumber} at byte ${firstError.inputBytes}: ${firstError.message} (expected a valid ${codec} stream)`,
    );
  }
  if (decoded.samplesDecoded === 0 || decoded.channelData.length === 0 || !(decoded.sampleRate > 0)) {
    throw new FieldError(fileName, '', `no ${codec} audio decoded (expected at least one frame of audio)`);
  }
  if (!isReadableSampleRate(decoded.sampleRate)) {
    throw new FieldError(fileName, '', `${codec} stream at ${decoded.sampleRate} Hz (expected ${MIN_FILE_SAMPLE_RATE_HZ} to ${MAX_FILE_SAMPLE_RATE_HZ} Hz)`);
  }
  const channels = decoded.channelData.map((channel) => (channel.length === decoded.samplesDecoded ? channel : channel.slice(0, decoded.samplesDecoded)));
  return { sampleRateHz: decoded.sampleRate, channels };
}
