/**
 * The WAVE `fmt ` chunk facts shared by the decoder and the encoder.
 *
 * WAVEFORMATEX (mmreg.h; Microsoft "Multimedia Programming Interface and Data
 * Specifications 1.0", 1991): u16 wFormatTag, u16 nChannels, u32 nSamplesPerSec,
 * u32 nAvgBytesPerSec, u16 nBlockAlign, u16 wBitsPerSample, then (18-byte form) u16 cbSize.
 * WAVE_FORMAT_EXTENSIBLE (Microsoft, "Multiple channel audio data and WAVE files", 2007)
 * adds cbSize = 22 bytes: u16 wValidBitsPerSample, u32 dwChannelMask, 16-byte SubFormat
 * GUID. The SubFormat GUIDs KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT (ksmedia.h) are
 * {0000tttt-0000-0010-8000-00AA00389B71} with tttt the plain format tag; on disk the
 * first GUID field is little-endian, so the 16 bytes are tt tt 00 00 00 00 10 00 80 00 00
 * AA 00 38 9B 71.
 *
 * Integer samples are little-endian two's complement, except 8-bit which is unsigned with
 * 128 as zero. Float samples are IEEE 754 little-endian.
 */

export const WAVE_FORMAT_PCM = 0x0001;
export const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Size of the fmt chunk body: plain PCM (WAVEFORMAT + wBitsPerSample), WAVEFORMATEX, WAVEFORMATEXTENSIBLE. */
export const FMT_PCM_BYTES = 16;
export const FMT_EX_BYTES = 18;
export const FMT_EXTENSIBLE_BYTES = 40;
/** cbSize of WAVEFORMATEXTENSIBLE: the bytes after the 18-byte WAVEFORMATEX. */
export const EXTENSIBLE_CB_SIZE = 22;

/** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID derived from a format tag. */
export const KSDATAFORMAT_GUID_TAIL: readonly number[] = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

/** How one sample is stored. */
export type SampleEncoding = { readonly kind: 'int'; readonly bits: 8 | 16 | 24 | 32 } | { readonly kind: 'float'; readonly bits: 32 | 64 };

/** `value` as 0xHHHH for error messages. */
export function hex16(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(4, '0')}`;
}
