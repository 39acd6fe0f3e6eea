/** Reads `length` bytes at `offset` of a file (fewer at its end). */
export type ReadBytesAt = (offset: number, length: number) => Promise<Uint8Array>;

/** Chunks listed at most: a WAV has a handful; a file claiming more is not walked further. */
const MAX_CHUNKS = 256;

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
const uint32 = (bytes: Uint8Array, at: number): number => new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true);

/**
 * The ids of a RIFF, RF64 or BW64 file's top-level chunks, in order, read chunk header by
 * chunk header (so a large file's audio is not read): [] for a file of another form. An
 * RF64/BW64 `data` chunk whose 32-bit size is 0xFFFFFFFF takes its size from `ds64`. The
 * walk stops at the file's end, at a chunk running past it, or after MAX_CHUNKS chunks.
 */
export async function riffChunkIds(fileBytes: number, read: ReadBytesAt): Promise<string[]> {
  const head = await read(0, 12);
  if (head.length < 12) return [];
  const form = ascii(head, 0);
  if ((form !== 'RIFF' && form !== 'RF64' && form !== 'BW64') || ascii(head, 8) !== 'WAVE') return [];
  const ids: string[] = [];
  let dataSize64: number | undefined;
  let offset = 12;
  while (offset + 8 <= fileBytes && ids.length < MAX_CHUNKS) {
    const header = await read(offset, 8);
    if (header.length < 8) break;
    const id = ascii(header, 0);
    let size = uint32(header, 4);
    if (id === 'ds64' && size >= 16) {
      const body = await read(offset + 8, 16);
      if (body.length === 16) dataSize64 = uint32(body, 8) + uint32(body, 12) * 2 ** 32;
    }
    if (id === 'data' && size === 0xffffffff && dataSize64 !== undefined) size = dataSize64;
    ids.push(id);
    offset += 8 + size + (size % 2);
  }
  return ids;
}

/** Whether a WAV file's chunks make it an ADM BWF file: it has both `axml` and `chna`. */
export function isAdmBwfChunks(ids: readonly string[]): boolean {
  return ids.includes('axml') && ids.includes('chna');
}
