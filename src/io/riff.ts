/**
 * Chunk walking for RIFF files and their 64-bit successors RF64 (EBU Tech 3306) and
 * BW64 (ITU-R BS.2088).
 *
 * Layout (Microsoft/IBM "Multimedia Programming Interface and Data Specifications 1.0",
 * 1991): a 12-byte header `RIFF` <u32 LE size> <form type>, then chunks, each
 * <4-byte id> <u32 LE size> <size bytes of body>, the body padded with one byte when
 * its size is odd, so every chunk header starts on an even offset.
 *
 * RF64/BW64 put 0xFFFFFFFF in the header size and in the size of any chunk larger than
 * 4 GiB; the real sizes are in a `ds64` chunk that must come first: u64 riff size, u64
 * `data` size, u64 sample count, u32 table length, then per table entry a chunk id and
 * its u64 size.
 */
import { FieldError } from '../core/fieldError';

/** The container kinds we read. */
export type RiffForm = 'RIFF' | 'RF64' | 'BW64';

export interface RiffChunk {
  /** Four-character chunk id, e.g. `fmt ` or `data`. */
  readonly id: string;
  /** Byte offset of the chunk body in the file. */
  readonly bodyOffset: number;
  /** Body size in bytes as declared (after ds64 lookup); may run past the end of the file. */
  readonly declaredSize: number;
  /** Body bytes actually present: min(declaredSize, bytes to the end of the file). */
  readonly availableSize: number;
}

const CHUNK_HEADER_BYTES = 8;
const SIZE_IN_DS64 = 0xffffffff;
const TWO_POW_32 = 0x1_0000_0000;

/** The four ASCII characters at `offset`. */
export function readFourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0, bytes[offset + 3] ?? 0);
}

/** Writes four ASCII characters at `offset`. */
export function writeFourCC(bytes: Uint8Array, offset: number, fourCC: string): void {
  for (let i = 0; i < 4; i++) bytes[offset + i] = fourCC.charCodeAt(i);
}

/** The container kind when `bytes` start with a RIFF/RF64/BW64 header of form `formType`, else undefined. */
export function riffForm(bytes: Uint8Array, formType: string): RiffForm | undefined {
  if (bytes.length < 12 || readFourCC(bytes, 8) !== formType) return undefined;
  const id = readFourCC(bytes, 0);
  return id === 'RIFF' || id === 'RF64' || id === 'BW64' ? id : undefined;
}

/** A printable rendering of a chunk id for error messages (non-ASCII bytes as \xNN). */
export function printableFourCC(id: string): string {
  return JSON.stringify(id).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}

/** Reads a u64 little-endian size as a number (exact below 2^53; larger sizes run past any real file anyway). */
function readU64(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * TWO_POW_32;
}

/**
 * Real chunk sizes from an RF64/BW64 `ds64` chunk: the `data` size and the table entries,
 * keyed by chunk id.
 */
function readDs64(bytes: Uint8Array, view: DataView, fileName: string): Map<string, number> {
  const ds64MinBytes = 28;
  if (readFourCC(bytes, 12) !== 'ds64') {
    throw new FieldError(fileName, '', `${readFourCC(bytes, 0)} file without a ds64 chunk first (found ${printableFourCC(readFourCC(bytes, 12))})`);
  }
  if (bytes.length < 20 + ds64MinBytes) {
    throw new FieldError(fileName, '', `${readFourCC(bytes, 0)} file of ${bytes.length} bytes, too short for its ds64 chunk (expected at least ${20 + ds64MinBytes} bytes)`);
  }
  const ds64Size = view.getUint32(16, true);
  if (ds64Size < ds64MinBytes || 20 + ds64Size > bytes.length) {
    throw new FieldError(fileName, '', `ds64 chunk of ${ds64Size} bytes in a file of ${bytes.length} bytes (expected at least ${ds64MinBytes} bytes, all present)`);
  }
  const sizes = new Map<string, number>([['data', readU64(view, 28)]]);
  const tableLength = view.getUint32(44, true);
  const tableEntryBytes = 12;
  for (let i = 0; i < tableLength && ds64MinBytes + (i + 1) * tableEntryBytes <= ds64Size; i++) {
    const entry = 20 + ds64MinBytes + i * tableEntryBytes;
    sizes.set(readFourCC(bytes, entry), readU64(view, entry + 4));
  }
  return sizes;
}

/**
 * The chunks of a RIFF/RF64/BW64 file in order, starting after the 12-byte header.
 * Stops at the end of the file, before a header that does not fit, or after a chunk
 * whose declared size runs past the end (its `availableSize` says how much is there).
 * The header's own size field is not trusted: many writers get it wrong.
 */
export function* riffChunks(bytes: Uint8Array, form: RiffForm, fileName: string): Generator<RiffChunk> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ds64Sizes = form === 'RIFF' ? undefined : readDs64(bytes, view, fileName);
  let offset = 12;
  while (offset + CHUNK_HEADER_BYTES <= bytes.length) {
    const id = readFourCC(bytes, offset);
    const size32 = view.getUint32(offset + 4, true);
    const declaredSize = size32 === SIZE_IN_DS64 ? (ds64Sizes?.get(id) ?? size32) : size32;
    const bodyOffset = offset + CHUNK_HEADER_BYTES;
    const availableSize = Math.min(declaredSize, bytes.length - bodyOffset);
    yield { id, bodyOffset, declaredSize, availableSize };
    if (availableSize < declaredSize) return;
    offset = bodyOffset + declaredSize + (declaredSize % 2);
  }
}
