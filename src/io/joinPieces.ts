/** A file's pieces, taken in order (a generator renders them as it goes), in one buffer. */
export function joinPieces(pieces: Iterable<Uint8Array>): Uint8Array<ArrayBuffer> {
  const taken = [...pieces];
  const bytes = new Uint8Array(taken.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of taken) {
    bytes.set(piece, offset);
    offset += piece.length;
  }
  return bytes;
}
